import ArgumentParser
import Foundation
import GrappeAnalysis
import GrappeModel
import GrappeWords

/// `grappe path A B`: how two partners are connected.
struct Path: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The shortest connection(s) between two partners, each hop with its relations or shared records."
    )

    @OptionGroup var seedOptions: SeedOptions
    @OptionGroup var analysis: AnalysisOptions
    @OptionGroup var language: LanguageOption

    @Argument(help: "The first partner: an id or a name.", completion: Completions.ids) var from: String
    @Argument(help: "The second partner.", completion: Completions.ids) var to: String

    @Flag(name: .long, help: "Every shortest connection, not only the first.")
    var all = false

    @Option(name: .long, help: "Give up beyond this many hops.")
    var maxHops: Int?

    @Option(name: .long, help: "At most this many connections with --all.")
    var limit = 50

    @Option(name: .long, help: "Output format.")
    var format: Show.Format = .text

    func validate() throws {
        if let maxHops, maxHops < 1 {
            throw ValidationError(Messages.words.say("--max-hops doit valoir au moins 1", "--max-hops must be at least 1"))
        }
    }

    func run() throws {
        let network = try analysis.network(from: seedOptions)
        let lookup = Lookup(network)
        let words = language.words
        let source = try Resolve.one(from, in: network, lookup: lookup, entitiesOnly: true, words: words).id
        let target = try Resolve.one(to, in: network, lookup: lookup, entitiesOnly: true, words: words).id
        let routes = Connections(network).shortest(from: source, to: target, all: all, maximumHops: maxHops ?? .max, limit: limit)
        if format == .json {
            return try Output.write(try CardJSON.path(from: source, to: target, routes: routes, in: network), as: .json, to: nil)
        }
        let cards = CardText(network, words)
        let a = cards.name(source), b = cards.name(target)
        guard let first = routes.first else {
            let within = maxHops.map { words.say(" en \($0) sauts ou moins", " within \($0) hops") } ?? ""
            Output.line(words.say("\(a) et \(b) ne sont pas reliés", "\(a) and \(b) are not connected") + within)
            return
        }
        let count =
            routes.count == limit && all
            ? words.say("au moins \(words.number(limit)) plus courts chemins", "at least \(words.number(limit)) shortest connections")
            : words.count(routes.count, ("plus court chemin", "plus courts chemins"), ("shortest connection", "shortest connections"))
        Output.line(
            Style.bold("\(a) → \(b)") + words.colon + words.count(first.count, .hop)
                + (all ? ", \(count)" : ""))
        for (number, route) in routes.enumerated() {
            if all {
                Output.line("")
                Output.line(Style.dim("#\(number + 1)"))
            }
            Output.line("  " + cards.name(source))
            for hop in route {
                for link in hop.links { Output.line("    " + Style.dim(describe(link, words: words))) }
                Output.line("  " + cards.name(hop.to))
            }
        }
    }

    private func describe(_ link: Connections.Link, words: Words) -> String {
        switch link {
        case .relation(let relation, let forward):
            let arrow = relation.type.isSymmetric ? "—" : (forward ? "↓" : "↑")
            let details = [relation.title, relation.label].compactMap { $0 }
            return "\(arrow) \(words.relation(relation.type, outgoing: forward))" + (details.isEmpty ? "" : " (\(details.joined(separator: "; ")))")
        case .record(let record):
            return "• \(words.kind(record.kind))" + words.colon + record.title
        }
    }
}
