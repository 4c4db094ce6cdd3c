import GrappeAnalysis
import GrappeModel
import GrappeWords

/// Checks a draft against the network (the seeds plus the store) and builds what a save writes: the
/// mission, agreements signed during it and new partners met. Either every field is right and a
/// `Change` comes back, or nothing is saved and every problem is listed at its field.
public struct MissionValidator: Speaking {
    /// The network the draft's references are looked up in (the seeds with the store laid over them).
    public let network: Network
    /// The language of the messages: the dashboard's, or the command line's.
    public let language: Language
    /// The network's text index: names, acronyms and aliases to entities.
    let lookup: Lookup

    /// `lookup`, when given, is the network's index already built (the dashboard keeps one).
    public init(network: Network, language: Language = .en, lookup: Lookup? = nil) {
        self.network = network
        self.language = language
        self.lookup = lookup ?? Lookup(network)
    }

    /// The roles a member of the delegation can have, in the order the form cycles through them.
    public static let delegateRoles: [PartyRole] = [.delegate, .leader, .host, .partnerMet]

    /// An id, or the name, acronym or alias of exactly one entity (accents and case aside), of an allowed kind.
    public func resolve(_ text: String, kinds: Set<EntityKind>?, extra: [ID: Entity] = [:]) -> Result<ID, Problem> {
        let text = text.trimmingSpaces()
        guard !text.isEmpty else { return .failure(Problem(say("entrée vide", "empty entry"))) }
        func check(_ entity: Entity) -> Result<ID, Problem> {
            if let kinds, !kinds.contains(entity.kind) {
                let (kind, expected) = (words.kind(entity.kind), describe(kinds))
                // A delegation is people: an organisation goes with them as whom they speak for.
                let onBehalf = kinds == [.person] && entity.kind != .city
                return .failure(
                    Problem(
                        say(
                            "\(quoted(entity.id)) est de nature \(kind)\u{00A0}; attendu\u{00A0}: \(expected)"
                                + (onBehalf ? "\u{00A0}; une délégation est faite de personnes, indiquez-la sous «\u{00A0}Au nom de\u{00A0}»" : ""),
                            "\(quoted(entity.id)) is \(Words.withIndefiniteArticle(kind)); expected \(expected)"
                                + (onBehalf ? "; a delegation is made of people: name it under \"On behalf of\"" : ""))))
            }
            return .success(entity.id)
        }
        if let entity = network.entity(text) ?? extra[text] { return check(entity) }
        if network.record(text) != nil {
            return .failure(Problem(say("\(quoted(text)) est un dossier, pas une entité", "\(quoted(text)) is a record, not an entity")))
        }
        let folded = TextFolding.fold(text)
        var matches = lookup.entities(named: text)
        matches += extra.values.filter { TextFolding.fold($0.name) == folded }.map(\.id)
        // A name shared across kinds ("Laval" the city, and the alias of its town hall) means the one of
        // the kind the field takes.
        if matches.count > 1, let kinds {
            let ofKind = matches.filter { id in (network.entity(id) ?? extra[id]).map { kinds.contains($0.kind) } ?? false }
            if ofKind.count == 1 { matches = ofKind }
        }
        if matches.count == 1, let entity = network.entity(matches[0]) ?? extra[matches[0]] { return check(entity) }
        if matches.count > 1 {
            return .failure(
                Problem(
                    say(
                        "\(quoted(text)) désigne plusieurs entités\(colon)\(matches.sorted().joined(separator: ", "))\u{00A0}; donnez l'identifiant",
                        "\(quoted(text)) names several entities\(colon)\(matches.sorted().joined(separator: ", ")); give the id")))
        }
        let candidates = network.entities.lazy.filter { kinds?.contains($0.kind) ?? true }
        let near =
            Self.nearest(to: text, in: Array(candidates.map(\.id)))
            ?? Suggestion.nearest(to: text, in: candidates.map(\.name)).flatMap { name in candidates.first { $0.name == name }?.id }
        return .failure(Problem(say("identifiant inconnu \(quoted(text))", "unknown id \(quoted(text))") + hint(near)))
    }

    /// The vocabulary in the messages' language (statuses, money problems).
    var words: Words { Words(language) }

    func hint(_ near: ID?) -> String {
        near.map { say("\u{00A0}; vouliez-vous dire \(quoted($0))\u{00A0}?", "; did you mean \(quoted($0))?") } ?? ""
    }

    /// The closest id, by spelling or, failing that, the first that contains what was typed.
    public static func nearest<C: Collection>(to text: String, in ids: C) -> ID? where C.Element == ID {
        if let near = Suggestion.nearest(to: text, in: ids) { return near }
        let folded = TextFolding.fold(text)
        guard folded.count >= 3 else { return nil }
        return ids.first { TextFolding.fold($0).contains(folded) }
    }

    /// The kinds a field takes, in words: "person", "organisation, cluster or pole".
    func describe(_ kinds: Set<EntityKind>) -> String {
        let names = kinds.sorted().map(words.kind)
        guard names.count > 1 else { return names.joined() }
        return names.dropLast().joined(separator: ", ") + say(" ou ", " or ") + names.last!
    }

    /// Every field checked; the change a save writes, or every problem at its field.
    public func validate(_ draft: MissionDraft) -> Result<Change, DraftIssues> {
        let check = DraftCheck(validator: self, draft: draft)
        return check.run()
    }

    func date(_ text: String, _ field: MissionField, _ issues: inout [FieldIssue]) -> PartialDate? {
        let text = text.trimmingSpaces()
        guard !text.isEmpty else { return nil }
        switch PartialDate.parse(text) {
        case .success(let date): return date
        case .failure(let error):
            issues.append(FieldIssue(field, say(error.french, error.description)))
            return nil
        }
    }

    /// A slug for a new item that no entity, record or other new item uses.
    public func freshID(for name: String, prefix: String, taken: Set<ID>) -> ID {
        var base = TextFolding.slug(name)
        if !prefix.isEmpty, !base.hasPrefix(prefix) { base = prefix + base }
        var candidate = base
        var counter = 2
        while network.entity(candidate) != nil || network.record(candidate) != nil || taken.contains(candidate) {
            candidate = "\(base)-\(counter)"
            counter += 1
        }
        return candidate
    }
}

/// Why a reference does not resolve.
public struct Problem: Error, Hashable, Sendable, CustomStringConvertible {
    /// What is wrong, in the validator's language.
    public var message: String
    /// A problem with one reference.
    public init(_ message: String) { self.message = message }
    /// The message.
    public var description: String { message }
}

/// Everything wrong with a draft; nothing was saved.
public struct DraftIssues: Error, Hashable, Sendable, CustomStringConvertible {
    /// Every problem found, each at its field, in the form's order.
    public var issues: [FieldIssue]
    /// A refused draft and all its problems.
    public init(issues: [FieldIssue]) { self.issues = issues }
    /// The problems, one per line.
    public var description: String { issues.map(\.description).joined(separator: "\n") }
}

extension String {
    func replacingSpacesWithUnderscores() -> String {
        String(map { $0 == " " ? "_" : $0 })
    }
}

extension Change {
    /// Cancelling a mission: the same record with status cancelled, nothing else touched.
    public static func cancelling(_ record: Record, version: Int) -> Change? {
        guard var mission = record.mission, mission.status != .cancelled else { return nil }
        mission.status = .cancelled
        var cancelled = record
        cancelled.body = .mission(mission)
        return Change(
            action: .cancel, records: [cancelled], expectedVersions: [record.id: version],
            summary: "cancel mission \(record.id)")
    }
}
