/// One word per idea in each language, for the ideas that had two: what the interface, the command
/// line and the messages say. `GlossaryTests` reads every phrase of the sources and checks that where
/// the English says the idea, the French says it with this word and none of the ones it replaced.
///
/// ```swift
/// Words(.fr).count(3, .hop)       // "3 sauts"
/// Term.folder.french.one          // "répertoire"
/// ```
public enum Term: String, CaseIterable, Sendable {
    /// A step along a path between two partners.
    case hop
    /// An agreement, a mission, a project or an event: what the network records about partners.
    case record
    /// The page of one partner or record.
    case card
    /// A folder of files on disk (not a record).
    case folder
    /// The files the network is read from.
    case seeds
    /// Where recorded missions are kept: a file, or the team's server.
    case store

    /// The French word, once and for more than one.
    public var french: (one: String, many: String) {
        switch self {
        case .hop: ("saut", "sauts")
        case .record: ("dossier", "dossiers")
        case .card: ("fiche", "fiches")
        case .folder: ("répertoire", "répertoires")
        case .seeds: ("graines", "graines")
        case .store: ("registre", "registres")
        }
    }

    /// The English word, once and for more than one.
    public var english: (one: String, many: String) {
        switch self {
        case .hop: ("hop", "hops")
        case .record: ("record", "records")
        case .card: ("card", "cards")
        case .folder: ("folder", "folders")
        case .seeds: ("seeds", "seeds")
        case .store: ("store", "stores")
        }
    }

    /// Every English word for the idea (a folder is also a directory).
    public var englishWords: [String] {
        self == .folder ? ["folder", "folders", "directory", "directories"] : [english.one, english.many]
    }

    /// The French words this one replaced, which must not stand for the idea any more.
    public var replacedInFrench: [String] {
        switch self {
        case .hop: ["étape", "étapes"]
        case .record: ["fiche", "fiches"]
        case .card: []
        case .folder: ["dossier", "dossiers"]
        case .seeds: ["données"]
        case .store: ["base", "bases"]
        }
    }
}

extension Speaking {
    /// "3 sauts", "1 hop": a count of a glossary term.
    public func count(_ count: Int, _ term: Term) -> String {
        self.count(count, (term.french.one, term.french.many), (term.english.one, term.english.many))
    }
}
