import ArgumentParser
import Foundation
import GrappeExport
import GrappeModel
import GrappeSeeds
import GrappeStore
import GrappeWorkspace

/// `grappe mission …`: record, list, show, edit, cancel and export trade missions in the workspace store.
struct MissionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mission",
        abstract: "Record trade missions in the workspace store: add, list, show, edit, cancel, export.",
        discussion: """
            Missions are kept in the workspace store (--store, else $GRAPPE_STORE, else \
            $XDG_DATA_HOME/grappe/workspace.sqlite) and appear with the seeds everywhere. Every change is \
            journaled: see 'grappe history' and 'grappe undo'.
            Exit codes: 65 invalid fields, 66 unknown mission, 73 store cannot be created, 75 the mission \
            changed since (stale edit), 77 the store is read-only.
            """,
        subcommands: [Add.self, List.self, ShowMission.self, Edit.self, Cancel.self, ExportMissions.self]
    )
}

/// The fields of a mission as options. On `add` they fill a new mission; on `edit` each option given
/// replaces that field (a repeated option replaces the whole list).
struct MissionFields: ParsableArguments {
    @Option(help: "The mission's title.") var title: String?
    @Option(help: "planned, confirmed, under_way, completed or cancelled.") var status: String?
    @Option(help: ArgumentHelp("Who leads the delegation (id or name).", valueName: "id")) var leader: String?
    @Option(name: .customLong("on-behalf-of"), help: ArgumentHelp("On whose behalf (organisation, cluster, pole or city); repeatable.", valueName: "id"))
    var onBehalfOf: [String] = []
    @Option(help: ArgumentHelp("The city the delegation leaves from.", valueName: "city")) var origin: String?
    @Option(help: ArgumentHelp("A destination city; repeatable.", valueName: "city")) var destination: [String] = []
    @Option(help: ArgumentHelp("Start date (EDTF: 2027-03-10, 2027-03, XXXX-10…).", valueName: "date")) var from: String?
    @Option(help: ArgumentHelp("End date.", valueName: "date")) var to: String?
    @Option(help: ArgumentHelp("An objective; repeatable.", valueName: "text")) var objective: [String] = []
    @Option(help: ArgumentHelp("A member of the delegation: ID[:ROLE[:ATTENDANCE]], role leader, delegate, host or partner_met; attendance invited, confirmed, attended, declined; repeatable.", valueName: "id"))
    var delegate: [String] = []
    @Option(help: ArgumentHelp("An organisation to meet; repeatable.", valueName: "id")) var meet: [String] = []
    @Option(help: ArgumentHelp("The budget with its currency: \"25000 CAD\".", valueName: "amount")) var budget: String?
    @Option(help: ArgumentHelp("Who funds the mission; repeatable.", valueName: "id")) var funder: [String] = []
    @Option(help: ArgumentHelp("Outcome: an agreement in the network that was signed; repeatable.", valueName: "id")) var agreement: [String] = []
    @Option(name: .customLong("new-agreement"), help: ArgumentHelp("Outcome: an agreement signed during the mission, recorded with it: \"Title | signed date | signatory, …\"; repeatable.", valueName: "text"))
    var newAgreement: [String] = []
    @Option(name: .customLong("partner-met"), help: ArgumentHelp("Outcome: a partner in the network that was met; repeatable.", valueName: "id"))
    var partnerMet: [String] = []
    @Option(name: .customLong("new-partner"), help: ArgumentHelp("Outcome: a new partner met, recorded with the mission: \"Name | type | city\"; repeatable.", valueName: "text"))
    var newPartner: [String] = []
    @Option(name: .customLong("follow-up"), help: ArgumentHelp("Outcome: a follow-up in words; repeatable.", valueName: "text")) var followUp: [String] = []
    @Option(help: "The planners' notes.") var notes: String?
    @Option(help: ArgumentHelp("A source document id; repeatable.", valueName: "doc")) var source: [String] = []

    var isEmpty: Bool {
        [title, status, leader, origin, from, to, budget, notes].allSatisfy { $0 == nil }
            && [onBehalfOf, destination, objective, delegate, meet, funder, agreement, newAgreement, partnerMet, newPartner, followUp, source]
            .allSatisfy(\.isEmpty)
    }

    func apply(to draft: inout MissionDraft) {
        if let title { draft.title = title }
        if let status { draft.status = status }
        if let leader { draft.leader = leader }
        if !onBehalfOf.isEmpty { draft.onBehalfOf = onBehalfOf }
        if let origin { draft.origin = origin }
        if !destination.isEmpty { draft.destinations = destination }
        if let from { draft.start = from }
        if let to { draft.end = to }
        if !objective.isEmpty { draft.objectives = objective }
        if !delegate.isEmpty { draft.delegates = delegate.map(MissionDraft.Delegate.parse) }
        if !meet.isEmpty { draft.toMeet = meet }
        if let budget { draft.budget = budget }
        if !funder.isEmpty { draft.funders = funder }
        if !agreement.isEmpty { draft.agreements = agreement }
        if !newAgreement.isEmpty { draft.newAgreements = newAgreement }
        if !partnerMet.isEmpty { draft.partnersMet = partnerMet }
        if !newPartner.isEmpty { draft.newPartners = newPartner }
        if !followUp.isEmpty { draft.followUps = followUp }
        if let notes { draft.notes = notes }
        if !source.isEmpty { draft.sources = source }
    }
}

/// `--author`, for commands that write.
struct AuthorOption: ParsableArguments {
    @Option(help: "Who makes the change, for the journal (default: the login name).")
    var author: String?

    var name: String {
        if let author, !author.trimmingSpaces().isEmpty { return author }
        return Workbench.loginName()
    }
}

/// The seeds, what the store holds, and the network everyone sees. The store is read first and opened
/// for writing only to save a change that passed validation, so a rejected command creates nothing.
struct Workbench {
    let storePath: String
    let workspace: Workspace
    let network: Network
    /// The seed files read, for checking a mission file together with them.
    let seedFiles: [String]

    /// Loads the seeds (exit 65 on errors) and opens the store for writing (creating it).
    static func open(_ seeds: SeedOptions) throws -> Workbench {
        let result = try seeds.loadSeeds()
        if result.hasErrors {
            Output.diagnostics(result.diagnostics, includeWarnings: false, toStandardError: true)
            Output.error("grappe: the seeds have errors (see above); run 'grappe check' for details.")
            throw Exit.dataError
        }
        do {
            let workspace = try WorkspaceStores.open(seeds.storePath, for: .read)?.load() ?? .empty
            let (network, warnings) = Overlay.apply(workspace, to: result.network)
            for warning in warnings { Output.error("grappe: warning: \(seeds.storePath): \(warning)") }
            return Workbench(storePath: seeds.storePath, workspace: workspace, network: network, seedFiles: result.files)
        } catch let error as StoreError {
            throw Self.fail(error)
        }
    }

    /// Reports a store error and gives the exit code that goes with it (sysexits): 66 when a store
    /// cannot be opened to read, 73 when it cannot be created or written, 74 when it is damaged.
    static func fail(_ error: StoreError, reading: Bool = false) -> ExitCode {
        Output.error("grappe: \(error)")
        switch error {
        case .stale:
            Output.error("grappe: nothing was saved; look at 'grappe mission show' and edit again")
            return Exit.temporaryFailure
        case .readOnly: return Exit.noPermission
        case .cannotOpen: return reading ? Exit.noInput : Exit.cannotCreate
        case .cannotWrite: return Exit.cannotCreate
        case .damaged, .failed: return Exit.ioError
        case .notFound: return Exit.noInput
        case .nothingToUndo: return ExitCode.failure
        case .exists, .notAWorkspace, .newerVersion: return Exit.dataError
        }
    }

    /// Validates and saves; prints the field errors (exit 65) or the journal entry.
    func save(_ draft: MissionDraft, author: String) throws -> Record {
        switch MissionValidator(network: network).validate(draft) {
        case .failure(let invalid):
            for issue in invalid.issues { Output.error("grappe: \(issue)") }
            Output.error("grappe: nothing was saved")
            throw Exit.dataError
        case .success(let change):
            try save(change, author: author)
            return change.records[0]
        }
    }

    func save(_ change: Change, author: String) throws {
        do {
            guard let store = try WorkspaceStores.open(storePath, for: .write) else { throw StoreError.notFound(storePath) }
            if let reason = store.readOnlyReason { throw StoreError.readOnly(reason) }
            let entry = try store.save(change, author: author)
            Output.line("#\(entry.sequence) \(entry.summary)" + Style.dim("  (\(author), \(store.location))"))
        } catch let error as StoreError {
            throw Self.fail(error)
        }
    }

    func mission(_ id: String) throws -> Record { try Self.mission(id, in: network) }

    /// The mission with this id, or exit 66 with the nearest id.
    static func mission(_ id: String, in network: Network) throws -> Record {
        guard let record = network.record(id), record.kind == .mission else {
            let near = MissionValidator.nearest(to: id, in: network.records(ofKind: .mission).map(\.id))
            Output.error("grappe: no mission '\(id)'" + (near.map { "; did you mean '\($0)'?" } ?? ""))
            throw Exit.noInput
        }
        return record
    }

    static func loginName() -> String {
        if let name = ProcessInfo.processInfo.environment["USER"], !name.isEmpty { return name }
        if let entry = getpwuid(getuid()), let name = entry.pointee.pw_name { return String(cString: name) }
        return "unknown"
    }
}

extension MissionCommand {
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record a new mission, from options or from a seed file (--file).",
            discussion: """
                Example: grappe mission add --title "Mission à Lyon" --leader marc-demers --on-behalf-of cqic \
                --origin laval --destination lyon --from 2027-03-10 --to 2027-03-14 --delegate technomontreal:delegate:confirmed \
                --budget "25000 CAD". References take ids or names (accents aside). With --file, the file is in the \
                seed format (seeds/README.md): its missions, agreements and new entities are recorded together.
                """
        )
        @OptionGroup var seedOptions: SeedOptions
        @OptionGroup var fields: MissionFields
        @OptionGroup var author: AuthorOption
        @Option(help: ArgumentHelp("A YAML or JSON file in the seed format.", valueName: "path")) var file: String?

        func validate() throws {
            if file != nil, !fields.isEmpty { throw ValidationError("give either --file or the mission's fields, not both") }
            if file == nil, fields.title == nil { throw ValidationError("a new mission needs --title (or --file)") }
        }

        func run() throws {
            let bench = try Workbench.open(seedOptions)
            if let file {
                try MissionFile.record(file, bench: bench, author: author.name)
                return
            }
            var draft = MissionDraft()
            fields.apply(to: &draft)
            let record = try bench.save(draft, author: author.name)
            Output.line(Style.bold(record.id))
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List missions (seeds and recorded), by start date: upcoming first, then past.")
        enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, csv }

        @OptionGroup var seedOptions: SeedOptions
        @OptionGroup var analysis: AnalysisOptions
        @Option(help: "Only missions with this status.") var status: String?
        @Flag(help: "Only missions recorded in the store.") var recorded = false
        @Option(help: "text, json or csv.") var format: Format = .text

        func validate() throws {
            if let status, MissionStatus(rawValue: status) == nil {
                throw ValidationError("--status: unknown status '\(status)'; one of " + MissionStatus.allCases.map(\.rawValue).joined(separator: ", "))
            }
        }

        func run() throws {
            let (network, _, workspace) = try analysis.networkWithStore(from: seedOptions)
            let versions = Dictionary(workspace.records.map { ($0.record.id, $0.version) }, uniquingKeysWith: { $1 })
            var missions = network.records(ofKind: .mission)
            if let status { missions = missions.filter { $0.mission?.status.rawValue == status } }
            if recorded { missions = missions.filter { versions[$0.id] != nil } }
            let rows = MissionListing.rows(missions, network: network, versions: versions, today: Browse.today())
            switch format {
            case .text: MissionListing.text(rows).forEach(Output.line)
            case .csv: try Output.write(Data(MissionListing.csv(rows).utf8), as: .csv, to: nil)
            case .json: try Output.write(try MissionListing.json(rows), as: .json, to: nil)
            }
        }
    }

    struct ShowMission: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "A mission's card: delegation, outcomes, history.")
        @OptionGroup var seedOptions: SeedOptions
        @OptionGroup var analysis: AnalysisOptions
        @Argument(help: "The mission's id.") var id: String

        func run() throws {
            let (network, store, _) = try analysis.networkWithStore(from: seedOptions)
            let record = try Workbench.mission(id, in: network)
            CardText.record(record, in: network).forEach(Output.line)
            // The journal's index is enough for the lines; the states before and after stay unread.
            let journal = (try? store?.journalIndex()) ?? []
            let history = journal.filter { $0.items.contains { $0.id == id } }
            Output.line("")
            Output.line(Style.accent("History"))
            if history.isEmpty { Output.line("  from the seeds; never edited in the store") }
            for entry in history { Output.line("  " + HistoryCommand.line(entry)) }
        }
    }

    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Change a mission's fields: each option given replaces that field (a repeated option, the whole list).",
            discussion: "A seed mission edited here is recorded in the store, which then wins over the seed. --if-version refuses the edit if someone saved the mission since that version (exit 75)."
        )
        @OptionGroup var seedOptions: SeedOptions
        @Argument(help: "The mission's id.") var id: String
        @OptionGroup var fields: MissionFields
        @OptionGroup var author: AuthorOption
        @Option(name: .customLong("if-version"), help: "Only if the mission is still at this version (see 'mission show').") var ifVersion: Int?

        func validate() throws {
            if fields.isEmpty { throw ValidationError("nothing to change: give at least one field (see --help)") }
        }

        func run() throws {
            let bench = try Workbench.open(seedOptions)
            let record = try bench.mission(id)
            var draft = MissionDraft(editing: record, version: ifVersion ?? bench.workspace.version(of: id))
            fields.apply(to: &draft)
            _ = try bench.save(draft, author: author.name)
        }
    }

    struct Cancel: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Cancel a mission: its status becomes cancelled; nothing is deleted.")
        @OptionGroup var seedOptions: SeedOptions
        @Argument(help: "The mission's id.") var id: String
        @OptionGroup var author: AuthorOption

        func run() throws {
            let bench = try Workbench.open(seedOptions)
            let record = try bench.mission(id)
            guard let change = Change.cancelling(record, version: bench.workspace.version(of: id)) else {
                Output.line("'\(id)' is already cancelled")
                return
            }
            try bench.save(change, author: author.name)
        }
    }

    struct ExportMissions: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Write the recorded missions, with their agreements and new partners, as a YAML seed file.",
            discussion: "The file loads as seeds: move it into seeds/ and clear the store to fold the missions into the curated network."
        )
        @OptionGroup var seedOptions: SeedOptions
        @Option(name: [.short, .long], help: ArgumentHelp("Write to this file (default: standard output).", valueName: "path")) var output: String?

        func run() throws {
            let workspace: Workspace
            do {
                workspace = try WorkspaceStores.open(seedOptions.storePath, for: .read)?.load() ?? .empty
            } catch let error as StoreError {
                throw Workbench.fail(error, reading: true)
            }
            let text = try SeedYAML.encode(entities: workspace.entities.map(\.entity), records: workspace.records.map(\.record),
                                           comment: "Missions recorded in \(seedOptions.storePath), exported by grappe \(Grappe.version).")
            try Output.write(Data(text.utf8), as: .yaml, to: output)
        }
    }
}

/// `grappe history`: the journal, newest first.
struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "history", abstract: "The journal of changes to the workspace store, newest first.")
    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @OptionGroup var seedOptions: SeedOptions
    @Option(help: "At most this many entries.") var limit = 50
    @Option(help: "text or json (json includes each item's state before and after).") var format: Format = .text

    func run() throws {
        let entries: [JournalEntry]
        do {
            entries = try WorkspaceStores.open(seedOptions.storePath, for: .read)?.history(limit: limit) ?? []
        } catch let error as StoreError {
            throw Workbench.fail(error, reading: true)
        }
        switch format {
        case .text:
            if entries.isEmpty { Output.line("no changes recorded in \(seedOptions.storePath)") }
            entries.forEach { Output.line(Self.line($0)) }
        case .json:
            try Output.write(try MissionListing.json(entries.map(JournalJSON.init)), as: .json, to: nil)
        }
    }

    static func line(_ entry: JournalEntry) -> String {
        "#\(entry.sequence)  \(entry.at)  \(entry.author)  \(entry.summary)"
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
            guard let store = try WorkspaceStores.open(seedOptions.storePath, for: .update) else {
                Output.error("grappe: nothing to undo (no store at \(seedOptions.storePath))")
                throw ExitCode.failure
            }
            if let reason = store.readOnlyReason { throw StoreError.readOnly(reason) }
            let entry = try store.undoLast(author: author.name)
            Output.line("#\(entry.sequence) \(entry.summary)")
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
