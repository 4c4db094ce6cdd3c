import ArgumentParser
import Foundation
import GrappeModel
import GrappeStore
import GrappeWords
import GrappeWorkspace

/// `grappe history`: the journal, newest first.
struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "history", abstract: "The journal of changes to the workspace store, newest first.")
    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @OptionGroup var seedOptions: SeedOptions
    @Option(help: "At most this many entries.") var limit = 50
    @Option(help: "text or json (json includes each item's state before and after).") var format: Format = .text
    @OptionGroup var language: LanguageOption

    func run() throws {
        let entries: [JournalEntry]
        do {
            entries = try seedOptions.openStore(for: .read)?.history(limit: limit) ?? []
        } catch let error as StoreError {
            throw Workbench.fail(error, reading: true)
        }
        switch format {
        case .text:
            if entries.isEmpty {
                Output.line(language.words.say("aucun changement enregistré dans \(seedOptions.storeShown)", "no changes recorded in \(seedOptions.storeShown)"))
            }
            entries.forEach { Output.line(Self.line($0, language.words)) }
        case .json:
            try Output.write(try MissionListing.json(entries.map(JournalJSON.init)), as: .json, to: nil)
        }
    }

    static func line(_ entry: JournalEntry, _ words: Words) -> String {
        "#\(entry.sequence)  \(entry.at)  \(entry.author)  \(entry.summary(in: words))"
    }
}

/// `grappe undo`: reverts the newest change not yet reverted, by recording its inverse.
struct UndoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "undo",
        abstract: "Revert the last change to the workspace store by recording its inverse; history is kept.",
        discussion: "Undo again to revert the change before it. An undone addition leaves the store; the journal keeps it."
    )
    @OptionGroup var seedOptions: SeedOptions
    @OptionGroup var author: AuthorOption

    func run() throws {
        do {
            guard let store = try seedOptions.openStore(for: .update, author: author.requested) else {
                Output.error("grappe: " + Messages.words.say("rien à annuler (pas de registre à \(seedOptions.storeShown))",
                                                             "nothing to undo (no store at \(seedOptions.storeShown))"))
                throw ExitCode.failure
            }
            if let reason = store.readOnlyReason { throw StoreError.readOnly(reason) }
            let entry = try store.undoLast(author: author.name)
            Output.line("#\(entry.sequence) \(entry.summary(in: Messages.words))")
        } catch let error as StoreError {
            throw Workbench.fail(error)
        }
    }
}

/// A journal entry as JSON.
struct JournalJSON: Encodable {
    struct Item: Encodable {
        var kind: String, id: String, before: String?, after: String?
        var versionBefore: Int, versionAfter: Int
        enum CodingKeys: String, CodingKey { case kind, id, before, after, versionBefore = "version_before", versionAfter = "version_after" }
    }
    var seq: Int, at: String, author: String, action: String, summary: String, undoes: Int?, items: [Item]

    init(_ entry: JournalEntry) {
        seq = entry.sequence
        at = entry.at
        author = entry.author
        action = entry.action.rawValue
        summary = entry.summary
        undoes = entry.undoes
        items = entry.items.map { Item(kind: $0.kind.rawValue, id: $0.id, before: $0.before, after: $0.after,
                                       versionBefore: $0.versionBefore, versionAfter: $0.versionAfter) }
    }
}
