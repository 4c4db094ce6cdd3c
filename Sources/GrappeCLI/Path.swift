import ArgumentParser
import GrappeAnalysis
import GrappeModel

/// `grappe path A B`: how two partners are connected.
struct Path: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The shortest connection(s) between two partners, each hop with its relations or shared records."
    )

    @OptionGroup var seedOptions: SeedOptions
    @OptionGroup var analysis: AnalysisOptions

    @Argument(help: "The first partner: an id or a name.") var from: String
    @Argument(help: "The second partner.") var to: String

    @Flag(name: .long, help: "Every shortest connection, not only the first.")
    var all = false

    @Option(name: .long, help: "Give up beyond this many hops.")
    var maxHops: Int?

    @Option(name: .long, help: "At most this many connections with --all.")
    var limit = 50

    func validate() throws {
        if let maxHops, maxHops < 1 { throw ValidationError("--max-hops must be at least 1") }
    }

    func run() throws {
        let network = try analysis.network(from: seedOptions)
        let lookup = Lookup(network)
        let source = try Resolve.one(from, in: network, lookup: lookup, entitiesOnly: true).id
        let target = try Resolve.one(to, in: network, lookup: lookup, entitiesOnly: true).id
        let routes = Connections(network).shortest(from: source, to: target, all: all, maximumHops: maxHops ?? .max, limit: limit)
        let a = CardText.name(source, in: network), b = CardText.name(target, in: network)
        guard let first = routes.first else {
            Output.line("\(a) and \(b) are not connected" + (maxHops.map { " within \($0) hops" } ?? ""))
            return
        }
        let count = routes.count == limit && all ? "at least \(limit)" : String(routes.count)
        Output.line(Style.bold("\(a) → \(b)") + ": \(first.count) hop\(first.count == 1 ? "" : "s")"
                    + (all ? ", \(count) shortest connection\(routes.count == 1 ? "" : "s")" : ""))
        for (number, route) in routes.enumerated() {
            if all {
                Output.line("")
                Output.line(Style.dim("#\(number + 1)"))
            }
            Output.line("  " + CardText.name(source, in: network))
            for hop in route {
                for link in hop.links { Output.line("    " + Style.dim(describe(link, in: network))) }
                Output.line("  " + CardText.name(hop.to, in: network))
            }
        }
    }

    private func describe(_ link: Connections.Link, in network: Network) -> String {
        switch link {
        case .relation(let relation, let forward):
            let arrow = relation.type.isSymmetric ? "—" : (forward ? "↓" : "↑")
            let details = [relation.title, relation.label].compactMap { $0 }
            return "\(arrow) \(CardText.words(relation.type.rawValue))" + (details.isEmpty ? "" : " (\(details.joined(separator: "; ")))")
        case .record(let record):
            return "• \(record.kind.rawValue): \(record.title)"
        }
    }
}
