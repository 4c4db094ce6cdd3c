import GrappeAnalysis
import GrappeModel
import GrappeWords

/// The command palette (`:`): sections, show, path, language, reload, help, quit, in both languages.
extension DashboardState {
    static let paletteCommands = [
        "home", "partners", "clusters", "cities", "people", "agreements", "missions", "projects", "find",
        "show", "path", "map", "timeline", "asof", "today", "lang", "reload", "help", "quit",
    ]
    /// The same commands in French, which the palette completes in the French interface.
    static let frenchPaletteCommands = [
        "accueil", "partenaires", "grappes", "villes", "personnes", "ententes", "missions", "projets",
        "chercher", "voir", "chemin", "carte", "chronologie", "asof", "aujourdhui", "langue", "recharger", "aide", "quitter",
    ]

    mutating func runPalette(_ text: String) -> Effect? {
        let words = text.split(separator: " ").map(String.init)
        guard let command = words.first.map({ TextFolding.fold($0) }) else { return nil }
        let sections: [String: Section] = [
            "home": .home, "accueil": .home, "partners": .partners, "partenaires": .partners,
            "clusters": .clustersAndPoles, "grappes": .clustersAndPoles, "poles": .clustersAndPoles,
            "cities": .cities, "villes": .cities, "people": .people, "personnes": .people,
            "agreements": .agreements, "ententes": .agreements, "missions": .missions,
            "projects": .projects, "projets": .projects,
        ]
        if let section = sections[command] {
            navigate(to: .section(section))
            return nil
        }
        switch command {
        case "quit", "q", "quitter": return .quit
        case "reload", "recharger":
            message = strings[.loading]
            return .reload
        case "help", "aide": help.isShown = true
        case "lang", "langue":
            if let language = words.dropFirst().first.flatMap({ Language(rawValue: $0.lowercased()) }) {
                strings = Strings(language)
            } else {
                strings = Strings(strings.language == .fr ? .en : .fr)
            }
        case "show", "voir":
            let query = words.dropFirst().joined(separator: " ")
            switch catalogue.lookup.find(query) {
            case .one(let item): navigate(to: .card(item))
            case .several: navigate(to: .search(query))  // a chooser: every match, grouped, Enter opens one
            case .none: message = "\(strings[.noMatch])\(strings.colon)\(query)"
            }
        case "map", "carte", "timeline", "chronologie":
            openPicture(map: ["map", "carte"].contains(command), of: words.dropFirst().joined(separator: " "))
        case "find", "chercher", "search", "rechercher":
            navigate(to: .search(words.dropFirst().joined(separator: " ")))
        case "asof", "date": return countAsOf(words.dropFirst().joined(separator: " "))
        case "today", "aujourdhui", "aujourd'hui": return countAsOf(nil)
        case "path", "chemin":
            guard let (from, to) = pathEnds(Array(words.dropFirst())) else {
                message = strings[.pathUsage]
                return nil
            }
            navigate(to: .path(from: from, to: to))
        default:
            message = "\(strings[.commandUnknown])\(strings.colon)\(command)"
        }
        return nil
    }

    /// `asof DATE`: every count (links, Home's figures, paths, maps) taken at the end of `DATE`, as
    /// `grappe summary --as-of` takes them; nil, or `today`, takes them today again.
    private mutating func countAsOf(_ text: String?) -> Effect? {
        guard let text else {
            guard asOf != nil else { message = strings[.countsToday]; return nil }
            asOf = nil
            message = strings[.countsToday]
            return rebuildCatalogue()
        }
        guard case .success(let date) = PartialDate.parse(text.trimmingSpaces()), date.year != nil else {
            message = text.isEmpty ? strings[.asOfUsage] : "\(strings[.asOfUsage]) — \(text)"
            return nil
        }
        asOf = date
        message = "\(strings[.countsAsOf]) \(strings.asOf(date))"
        return rebuildCatalogue()
    }

    /// `map` or `timeline`: of the partner named, else of the one in front; a name that matches
    /// several opens them as search results to choose from.
    private mutating func openPicture(map: Bool, of query: String) {
        var partner: ID?
        if !query.isEmpty {
            switch catalogue.lookup.find(query) {
            case .one(.entity(let id)): partner = id
            case .one(.record), .none: message = "\(strings[.noMatch])\(strings.colon)\(query)"; return
            case .several: navigate(to: .search(query)); return
            }
        }
        if let partner {
            navigate(to: map ? .map(partner, hops: 1) : .timeline(TimelineFilter(partner: partner)))
        } else if map {
            openMap()
        } else {
            openTimeline()
        }
    }

    /// Tab completion: palette commands, then ids of entities (and records after `show`) by folded
    /// prefix of their ids and names. The line takes what all candidates share; when several fit,
    /// they come back to be shown after the line (at most eight).
    func complete(_ prompt: Prompt) -> (text: String, candidates: [String]) {
        let text = prompt.text
        var words = text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        guard let last = words.last else { return (text, []) }
        let completingCommand = prompt.purpose == .palette && words.count == 1
        let candidates: [String]
        if completingCommand {
            let commands = strings.language == .fr ? Self.frenchPaletteCommands : Self.paletteCommands
            candidates = commands.filter { $0.hasPrefix(TextFolding.fold(last)) }
        } else {
            guard !last.isEmpty else { return (text, []) }
            let recordsToo = prompt.purpose == .palette && ["show", "voir"].contains(words.first)
            candidates = catalogue.lookup.completions(for: TextFolding.fold(last), limit: 50) { item in
                if case .entity = item { true } else { recordsToo }
            }.map(\.id).sorted()
        }
        guard let first = candidates.first else { return (text, []) }
        // Candidates found by a word of their name ("ly" finds "Réunions e-commerce de Lyon") are
        // listed; the line takes what the ids that start with the typed text share.
        let typed = TextFolding.fold(last)
        let byID = candidates.filter { $0.hasPrefix(typed) }
        var common = byID.first ?? last
        for candidate in byID.dropFirst() {
            while !candidate.hasPrefix(common) { common.removeLast() }
        }
        words[words.count - 1] = candidates.count == 1 ? first + (completingCommand ? " " : "") : (common.count >= last.count ? common : last)
        return (words.joined(separator: " "), candidates.count == 1 ? [] : Array(candidates.prefix(8)) + (candidates.count > 8 ? ["…"] : []))
    }

    /// The two partners of `:path A B`, where names may have spaces: quoted (`"ville de laval" lille`),
    /// or else the first way of cutting the words in two where each side names exactly one partner.
    func pathEnds(_ words: [String]) -> (ID, ID)? {
        func one(_ text: String) -> ID? {
            if case .one(.entity(let id)) = catalogue.lookup.find(text) { return id }
            return nil
        }
        let text = words.joined(separator: " ")
        if text.contains("\"") {
            let quoted = text.split(separator: "\"", omittingEmptySubsequences: true).map { $0.trimmingSpaces() }.filter { !$0.isEmpty }
            guard quoted.count == 2, let from = one(quoted[0]), let to = one(quoted[1]) else { return nil }
            return (from, to)
        }
        guard words.count >= 2 else { return nil }
        for cut in 1..<words.count {
            if let from = one(words[..<cut].joined(separator: " ")), let to = one(words[cut...].joined(separator: " ")) { return (from, to) }
        }
        return nil
    }
}
