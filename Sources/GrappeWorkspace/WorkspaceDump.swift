import GrappeModel
import GrappeWords

/// Everything one workspace holds, as stored: items with their versions and who made them, the whole
/// journal with every state, and the drafts. What `grappe store copy` carries from one location to
/// another, and what `grappe store check` replays.
public struct WorkspaceDump: Sendable, Equatable {
    /// A record or an entity as stored.
    public struct Item: Sendable, Equatable {
        /// A record or an entity.
        public var kind: JournalEntry.Item.Kind
        /// Its id.
        public var id: ID
        /// Its state: body, version, last save.
        public var state: ItemState
        /// When it was first stored.
        public var createdAt: String
        /// Who stored it first.
        public var createdBy: String

        /// An item of a dump.
        public init(kind: JournalEntry.Item.Kind, id: ID, state: ItemState, createdAt: String, createdBy: String) {
            self.kind = kind
            self.id = id
            self.state = state
            self.createdAt = createdAt
            self.createdBy = createdBy
        }
    }

    /// Records first, then entities, each in the order they were first stored.
    public var items: [Item]
    /// Oldest first, with the states before and after.
    public var journal: [JournalEntry]
    /// The drafts kept in the store.
    public var drafts: [StoredDraft]

    /// A dump of these.
    public init(items: [Item], journal: [JournalEntry], drafts: [StoredDraft]) {
        self.items = items
        self.journal = journal
        self.drafts = drafts
    }

    /// Whether the workspace holds nothing at all.
    public var isEmpty: Bool { items.isEmpty && journal.isEmpty && drafts.isEmpty }

    /// The journal's own consistency: replaying every entry from an empty store, each item's state
    /// before must be what the previous entry left, and the end must be what is stored now.
    public func replayProblems() -> [Wording] {
        var problems: [Wording] = []
        var replayed: [String: (body: String, version: Int)] = [:]
        var previous = 0
        for entry in journal {
            if entry.sequence <= previous {
                problems.append(
                    Wording(
                        "l'entrée #\(entry.sequence) du journal vient après la #\(previous)", "journal #\(entry.sequence) comes after #\(previous)"))
            }
            previous = entry.sequence
            for item in entry.items {
                let key = "\(item.kind.rawValue) \(item.id)"
                let current = replayed[key]
                if current?.body != item.before || (current?.version ?? 0) != item.versionBefore {
                    let left = current?.version ?? 0
                    problems.append(
                        Wording(
                            "entrée #\(entry.sequence) du journal\u{00A0}: \(key) ne part pas de ce que le journal avait laissé (version \(left), l'entrée dit \(item.versionBefore))",
                            "journal #\(entry.sequence): \(key) did not start from what the journal had left (version \(left), entry says \(item.versionBefore))"
                        ))
                }
                replayed[key] = item.after.map { ($0, item.versionAfter) }
            }
        }
        var stored: [String: (body: String, version: Int)] = [:]
        for item in items { stored["\(item.kind.rawValue) \(item.id)"] = (item.state.body, item.state.version) }
        for key in Set(stored.keys).union(replayed.keys).sorted() {
            let now = stored[key], journaled = replayed[key]
            if now?.body != journaled?.body || now?.version != journaled?.version {
                let nowFR = now.map { "à la version \($0.version)" } ?? "absent", nowEN = now.map { "at version \($0.version)" } ?? "absent"
                let endFR = journaled.map { "à la version \($0.version)" } ?? "sur son retrait",
                    endEN = journaled.map { "at version \($0.version)" } ?? "with it removed"
                problems.append(
                    Wording("\(key)\u{00A0}: enregistré \(nowFR), le journal finit \(endFR)", "\(key): stored \(nowEN), the journal ends \(endEN)"))
            }
        }
        return problems
    }
}
