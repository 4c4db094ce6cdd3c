import ArgumentParser
import Foundation
import GrappeAnalysis
import GrappeModel
import GrappeSeeds
import GrappeStore
import GrappeWorkspace

/// The seeds, what the store holds, and the network everyone sees. The store is read first and opened
/// for writing only to save a change that passed validation, so a rejected command creates nothing.
struct Workbench {
    let storePath: String
    let workspaceName: String
    let workspace: Workspace
    let network: Network
    /// The network of the seeds alone, without what the store holds.
    let seedNetwork: Network
    /// The seed files read, for checking a mission file together with them.
    let seedFiles: [String]

    /// Loads the seeds (exit 65 on errors) and reads the store; one an older Grappe made is upgraded
    /// here, as the dashboard does (recording upgrades a store, docs/store.md), but none is created
    /// until a change passes validation.
    static func open(_ seeds: SeedOptions) throws -> Workbench {
        let result = try seeds.loadSeeds()
        if result.hasErrors {
            Output.diagnostics(result.diagnostics, includeWarnings: false, toStandardError: true)
            Output.error(Messages.seedsHaveErrors)
            throw Exit.dataError
        }
        do {
            let workspace = try seeds.openStore(for: .update)?.load() ?? .empty
            let (network, warnings) = Overlay.apply(workspace, to: result.network)
            for warning in warnings { Output.error(Messages.storeWarning(seeds.storeShown, warning)) }
            return Workbench(
                storePath: seeds.storePath, workspaceName: try seeds.workspaceName, workspace: workspace, network: network,
                seedNetwork: result.network, seedFiles: result.files)
        } catch let error as StoreError {
            throw Self.fail(error)
        }
    }

    /// Reports a store error and gives the exit code that goes with it (sysexits): 66 when a store
    /// cannot be opened to read, 69 when its server cannot be reached, 73 when it cannot be created or
    /// written, 74 when it is damaged.
    static func fail(_ error: StoreError, reading: Bool = false) -> ExitCode {
        let words = Messages.words
        Output.error("grappe: \(error.description(in: words.language))")
        switch error {
        case .stale:
            Output.error(
                "grappe: "
                    + words.say(
                        "rien n'a été enregistré\u{00A0}; relisez la mission avec «\u{00A0}grappe mission show\u{00A0}» et modifiez-la de nouveau",
                        "nothing was saved; look at 'grappe mission show' and edit again"))
            return Exit.temporaryFailure
        case .readOnly: return Exit.noPermission
        case .cannotOpen: return reading ? Exit.noInput : Exit.cannotCreate
        case .cannotWrite: return Exit.cannotCreate
        case .damaged, .failed: return Exit.ioError
        case .unavailable: return Exit.unavailable
        case .noAnswer: return Exit.temporaryFailure
        case .notFound: return Exit.noInput
        case .nothingToUndo, .nothingToRedo: return ExitCode.failure
        case .alreadyTakenBack: return Exit.temporaryFailure
        case .exists, .notAWorkspace, .newerVersion: return Exit.dataError
        }
    }

    /// Validates and saves; prints the field errors (exit 65), or the journal entry on standard error.
    func save(_ draft: MissionDraft, author: AuthorOption) throws -> Record {
        let change = try validated(draft)
        try save(change, author: author)
        return change.records[0]
    }

    /// The draft as a change for the store, or its field errors on standard error (exit 65).
    func validated(_ draft: MissionDraft) throws -> Change {
        switch MissionValidator(network: network, language: Messages.words.language).validate(draft) {
        case .failure(let invalid):
            for issue in invalid.issues { Output.error("grappe: \(issue)") }
            Output.error(Messages.nothingSaved)
            throw Exit.dataError
        case .success(let change):
            return change
        }
    }

    func save(_ change: Change, author: AuthorOption) throws {
        do {
            try record(change, author: author)
        } catch let error as StoreError {
            throw Self.fail(error)
        }
    }

    /// Saves a change; the store's refusal is thrown as it came (the caller may merge a stale edit).
    func record(_ change: Change, author: AuthorOption) throws {
        guard let store = try WorkspaceStores.open(storePath, for: .write, workspace: workspaceName, author: author.requested) else {
            throw StoreError.notFound(WorkspaceStores.shown(storePath))
        }
        if let reason = store.readOnlyReason { throw StoreError.readOnly(reason) }
        let entry = try store.save(change, author: author.name)
        // A status line, not data: standard output stays for what a script reads (the new id).
        Output.error("#\(entry.sequence) \(entry.summary(in: Messages.words))  (\(entry.author), \(store.location))")
    }

    func mission(_ id: String) throws -> Record { try Self.mission(id, in: network) }

    /// The mission as it was at `version` (0: the seeds' own), from the store's journal; exit 66 when
    /// the journal never had it at that version.
    func mission(_ id: String, at version: Int) throws -> Record {
        if version == 0 { return try Self.mission(id, in: seedNetwork) }
        let history: [JournalEntry]
        do {
            history = try WorkspaceStores.open(storePath, for: .read, workspace: workspaceName)?.history(limit: nil) ?? []
        } catch let error as StoreError {
            throw Self.fail(error, reading: true)
        }
        for entry in history {
            if let record = entry.items.first(where: { $0.kind == .record && $0.id == id && $0.versionAfter == version })?.recordAfter {
                return record
            }
        }
        Output.error(
            "grappe: "
                + Messages.words.say(
                    "la mission \(Messages.words.quoted(id)) n'a jamais eu la version \(version) (voir «\u{00A0}grappe mission show\u{00A0}»)",
                    "the mission \(Messages.words.quoted(id)) never had version \(version) (see 'grappe mission show')"))
        throw Exit.noInput
    }

    /// The mission with this id, or exit 66 with the nearest id.
    /// The mission `id` names: its id, else its title (accents and case aside) when one mission alone
    /// has it; several with that title are listed, each with its id (exit 64).
    static func mission(_ id: String, in network: Network) throws -> Record {
        if let record = network.record(id), record.kind == .mission { return record }
        let words = Messages.words
        let byTitle = Lookup(network).records(titled: id).compactMap(network.record).filter { $0.kind == .mission }
        if byTitle.count == 1 { return byTitle[0] }
        if byTitle.count > 1 {
            Output.error(
                "grappe: "
                    + words.say(
                        "\(words.quoted(id)) est le titre de \(byTitle.count) missions\u{00A0}; donnez l'un de ces ids\u{00A0}:",
                        "\(words.quoted(id)) is the title of \(byTitle.count) missions; give one of these ids:"))
            for record in byTitle { Output.error("  \(record.id)  \(record.title)") }
            throw ExitCode.validationFailure
        }
        guard let record = network.record(id), record.kind == .mission else {
            let near = MissionValidator.nearest(to: id, in: network.records(ofKind: .mission).map(\.id))
            let words = Messages.words
            Output.error("grappe: " + words.say("aucune mission", "no mission") + " \(words.quoted(id))" + words.didYouMean(near))
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
