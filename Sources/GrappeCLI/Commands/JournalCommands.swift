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
                Output.line(
                    language.words.say(
                        "aucun changement enregistré dans \(seedOptions.storeShown)", "no changes recorded in \(seedOptions.storeShown)"))
            }
            for entry in entries { Output.line(Self.line(entry, language.words)) }
        case .json:
            try Output.write(try MissionListing.json(entries.map(JournalJSON.init)), as: .json, to: nil)
        }
    }

    /// An entry as people read it: its time to the minute, in this machine's time zone (JSON keeps
    /// the journal's own UTC stamp).
    static func line(_ entry: JournalEntry, _ words: Words) -> String {
        "#\(entry.sequence)  \(StoreTime.minute(entry.at))  \(entry.author)  \(entry.summary(in: words))"
    }
}

/// `grappe undo`: reverts this author's newest change not yet reverted, by recording its inverse.
struct UndoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "undo",
        abstract: "Revert your last change to the workspace store by recording its inverse; history is kept.",
        discussion: """
            Undo again to revert your change before it; 'grappe redo' takes an undo back. Only your own changes (the \
            journal's author: the server's login, else --author or the login name) unless --any. Someone else's change, \
            or one that removes a mission, is asked about first on a terminal; elsewhere someone else's needs --yes.
            """
    )
    @OptionGroup var seedOptions: SeedOptions
    @OptionGroup var author: AuthorOption
    @OptionGroup var choice: TakeBackOptions

    func run() throws {
        try TakeBack.run(.undo, seedOptions: seedOptions, author: author, choice: choice)
    }
}

/// `grappe redo`: takes back this author's newest undo, as long as they made no new change since.
struct RedoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "redo",
        abstract: "Take back your last undo by recording its inverse; history is kept.",
        discussion: "A new change of yours ends what can be redone, as in an editor. --any and --yes as for undo."
    )
    @OptionGroup var seedOptions: SeedOptions
    @OptionGroup var author: AuthorOption
    @OptionGroup var choice: TakeBackOptions

    func run() throws {
        try TakeBack.run(.redo, seedOptions: seedOptions, author: author, choice: choice)
    }
}

struct TakeBackOptions: ParsableArguments {
    @Flag(help: "Take back the newest change whoever made it (asked first, or --yes).")
    var any = false
    @Flag(name: [.short, .long], help: "Do not ask: answer yes.")
    var yes = false
}

/// What undo and redo share: the plan, the question, the take-back.
enum TakeBack {
    static func run(_ direction: UndoRules.Direction, seedOptions: SeedOptions, author: AuthorOption, choice: TakeBackOptions) throws {
        let words = Messages.words
        let nothing: StoreError = direction == .undo ? .nothingToUndo : .nothingToRedo
        do {
            guard let store = try seedOptions.openStore(for: .update, author: author.requested) else {
                Output.error(
                    "grappe: "
                        + words.say(
                            "\(nothing.description(in: .fr)) (pas de registre à \(seedOptions.storeShown))",
                            "\(nothing.description(in: .en)) (no store at \(seedOptions.storeShown))"))
                throw ExitCode.failure
            }
            if let reason = store.readOnlyReason { throw StoreError.readOnly(reason) }
            guard let plan = try store.plan(direction, author: author.name, anyone: choice.any) else {
                if !choice.any, let theirs = try store.plan(direction, author: author.name, anyone: true) {
                    Output.error(
                        "grappe: "
                            + words.say(
                                "\(nothing.description(in: .fr)) de vous\u{00A0}; le plus récent est de \(theirs.target.author)\(words.colon)ajoutez --any",
                                "\(nothing.description(in: .en)) of yours; the newest is \(theirs.target.author)'s\(words.colon)add --any"))
                    throw ExitCode.failure
                }
                throw nothing
            }
            let question = plan.question()
            if plan.asksFirst, !choice.yes {
                if isatty(STDIN_FILENO) == 1 {
                    Output.prompt(words.say("\(question.french) [o/N] ", "\(question.english) [y/N] "))
                    let answer = (readLine() ?? "").trimmingCharacters(in: .whitespaces).lowercased()
                    guard ["o", "oui", "y", "yes"].contains(answer) else {
                        Output.error("grappe: " + words.say("rien n'a été fait", "nothing was done"))
                        throw ExitCode.failure
                    }
                } else if !plan.mine {
                    Output.error(
                        "grappe: "
                            + words.say(
                                "\(question.french) Ajoutez --yes pour le faire (aucun terminal où le demander)\u{00A0}; rien n'a été fait",
                                "\(question.english) Add --yes to do it (no terminal to ask on); nothing was done"))
                    throw ExitCode.failure
                }
            }
            let entry = try store.takeBack(plan, author: author.name)
            let done = direction == .undo ? ("annulé", "undone") : ("rétabli", "redone")
            Output.line(
                "#\(entry.sequence) " + words.say("\(done.0)\(words.colon)\(plan.what().french)", "\(done.1)\(words.colon)\(plan.what().english)"))
        } catch let error as StoreError {
            throw Workbench.fail(error)
        }
    }
}

/// A journal entry as JSON.
struct JournalJSON: Encodable {
    /// An item's state before and after, as JSON objects (the record or entity itself), not as JSON
    /// text inside a string.
    struct Item: Encodable {
        var kind: String, id: String, before: JSONValue?, after: JSONValue?
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
        items = entry.items.map {
            Item(
                kind: $0.kind.rawValue, id: $0.id, before: $0.before.map(JSONValue.init(text:)), after: $0.after.map(JSONValue.init(text:)),
                versionBefore: $0.versionBefore, versionAfter: $0.versionAfter)
        }
    }
}

/// Any JSON value, read from JSON text and written back as it is (a stored state in the journal).
enum JSONValue: Codable, Equatable {
    case null, bool(Bool), integer(Int64), number(Double), string(String), array([JSONValue]), object([String: JSONValue])

    /// The value `text` holds; text that is not JSON stays a string, so nothing is lost.
    init(text: String) {
        self = (try? JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))) ?? .string(text)
    }

    init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int64.self) {
            self = .integer(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .integer(let value): try container.encode(value)
        case .number(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }
}
