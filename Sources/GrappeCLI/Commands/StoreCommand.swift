import ArgumentParser
import Foundation
import GrappeStore
import GrappeWords
import GrappeWorkspace

/// `grappe store …`: looking after the workspace store file itself.
struct StoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store",
        abstract: "Look after the workspace store: upgrade, list, copy or check it.",
        subcommands: [Migrate.self, Workspaces.self, Copy.self, Check.self]
    )

    /// Reading commands never change the store; a newer Grappe's schema is applied when something is
    /// recorded, or here, on purpose.
    struct Migrate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Upgrade the workspace store to this Grappe's schema (after checking its pages); nothing else changes.",
            discussion: "Recording a mission also upgrades the store. A damaged file is refused (exit 74) and left as it is."
        )
        @OptionGroup var seedOptions: SeedOptions

        func run() throws {
            let path = seedOptions.storePath
            do {
                guard let store = try seedOptions.openStore(for: .update) else {
                    Output.error(
                        "grappe: "
                            + Messages.words.say(
                                "pas de registre à \(WorkspaceStores.shown(path))\(Messages.words.colon)rien à mettre à niveau",
                                "no store at \(WorkspaceStores.shown(path))\(Messages.words.colon)nothing to upgrade"))
                    throw Exit.noInput
                }
                if let reason = store.readOnlyReason { throw StoreError.readOnly(reason) }
                let words = Messages.words
                let applied = store.migrationsApplied
                Output.line(
                    "\(WorkspaceStores.shown(path))\(words.colon)"
                        + (applied.isEmpty
                            ? words.say("déjà à jour, rien d'appliqué", "already up to date, nothing applied")
                            : words.count(
                                applied.count, ("migration appliquée", "migrations appliquées"), ("migration applied", "migrations applied"))
                                + words.colon + applied.joined(separator: ", ")))
            } catch let error as StoreError {
                throw Workbench.fail(error)
            }
        }
    }

    /// `grappe store workspaces`: which networks a store holds records for, and how much.
    struct Workspaces: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the workspaces a store holds (one per network), with their records, journal entries and drafts.",
            discussion:
                "Tab-separated under a header line (WORKSPACE, RECORDS, ENTITIES, JOURNAL, DRAFTS; --no-header leaves it out). The seeds' own workspace is marked with *."
        )
        @Argument(help: ArgumentHelp("The store (default: --store, $GRAPPE_STORE, else the default file).", valueName: "location"))
        var location: String?
        @Flag(name: .customLong("no-header"), help: "Leave out the header line (for scripts).")
        var noHeader = false
        @OptionGroup var seedOptions: SeedOptions

        func run() throws {
            let path = location ?? seedOptions.storePath
            let current = try? seedOptions.resolvedWorkspace()
            do {
                let names = try WorkspaceStores.workspaces(at: path)
                if names.isEmpty {
                    Output.error(
                        "grappe: "
                            + Messages.words.say(
                                "\(WorkspaceStores.shown(path)) ne contient encore aucun espace de travail\(Messages.words.colon)rien n'y a été enregistré",
                                "\(WorkspaceStores.shown(path)) holds no workspace yet\(Messages.words.colon)nothing has been recorded in it"))
                }
                if !names.isEmpty, !noHeader { Output.fields(["WORKSPACE", "RECORDS", "ENTITIES", "JOURNAL", "DRAFTS"]) }
                for name in names {
                    guard let store = try WorkspaceStores.open(path, for: .read, workspace: name) else { continue }
                    let dump = try store.dump()
                    let records = dump.items.filter { $0.kind == .record }.count
                    Output.fields([
                        (name == current ? "*" : "") + name, "\(records)", "\(dump.items.count - records)", "\(dump.journal.count)",
                        "\(dump.drafts.count)",
                    ])
                }
            } catch let error as StoreError {
                throw Workbench.fail(error, reading: true)
            }
        }
    }

    /// `grappe store copy FROM TO`: SQLite → PostgreSQL to start team mode, PostgreSQL → SQLite for a
    /// backup. Every workspace goes (records, entities, the whole journal, drafts) as it was, each in one
    /// transaction, then both sides are compared; `--from-workspace` copies one.
    struct Copy: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Copy every workspace, with its journal and drafts, from one store to another.",
            discussion: """
                Locations are file paths or postgres:// URLs. A target workspace that holds anything is refused (exit 73) \
                before anything is written, unless --replace is given. After the copy both are read back and compared; a \
                difference exits 74.
                """
        )
        @Argument(help: ArgumentHelp("The store to copy from.", valueName: "from"))
        var from: String
        @Argument(help: ArgumentHelp("The store to copy to (created when it is a file that does not exist).", valueName: "to"))
        var to: String
        @Option(name: .customLong("from-workspace"), help: ArgumentHelp("Copy this workspace alone (default: every workspace).", valueName: "name"))
        var fromWorkspace: String?
        @Option(
            name: .customLong("to-workspace"),
            help: ArgumentHelp("With --from-workspace: the workspace to write (default: the same name).", valueName: "name"))
        var toWorkspace: String?
        @Flag(help: "Write over what the target workspaces hold.")
        var replace = false

        func validate() throws {
            if toWorkspace != nil, fromWorkspace == nil {
                throw ValidationError(Messages.words.say("--to-workspace va avec --from-workspace", "--to-workspace goes with --from-workspace"))
            }
        }

        func run() throws {
            do {
                let names = try fromWorkspace.map { [$0] } ?? WorkspaceStores.workspaces(at: from)
                var pairs: [(source: any WorkspaceStore, target: any WorkspaceStore, dump: WorkspaceDump)] = []
                for name in names {
                    guard let source = try WorkspaceStores.open(from, for: .read, workspace: name) else {
                        Output.error(
                            "grappe: "
                                + Messages.words.say(
                                    "pas de registre à \(from)\(Messages.words.colon)rien à copier",
                                    "no store at \(from)\(Messages.words.colon)nothing to copy"))
                        throw Exit.noInput
                    }
                    guard let target = try WorkspaceStores.open(to, for: .write, workspace: toWorkspace ?? name) else {
                        throw StoreError.notFound(to)
                    }
                    if let reason = target.readOnlyReason { throw StoreError.readOnly(reason) }
                    let held = try target.dump()
                    if !held.isEmpty, !replace {
                        let words = Messages.words
                        Output.error(
                            "grappe: "
                                + words.say(
                                    "\(target.location) contient déjà \(words.count(held.items.count, ("élément", "éléments"), ("", ""))) et "
                                        + "\(words.count(held.journal.count, ("entrée de journal", "entrées de journal"), ("", ""))) dans l'espace de travail "
                                        + "\(words.quoted(toWorkspace ?? name))\u{00A0}; rien n'a été copié (--replace les remplace)",
                                    "\(target.location) already holds \(held.items.count) items and \(held.journal.count) journal entries "
                                        + "in workspace '\(toWorkspace ?? name)'; nothing was copied (--replace writes over them)"))
                        throw Exit.cannotCreate
                    }
                    pairs.append((source, target, try source.dump()))
                }
                guard !pairs.isEmpty else {
                    Output.error(
                        "grappe: "
                            + Messages.words.say(
                                "\(from) ne contient aucun espace de travail\(Messages.words.colon)rien à copier",
                                "\(from) holds no workspace\(Messages.words.colon)nothing to copy"))
                    throw Exit.noInput
                }
                for (index, pair) in pairs.enumerated() {
                    try pair.target.restore(pair.dump, replacing: replace)
                    guard try pair.target.dump() == pair.dump else {
                        Output.error(
                            "grappe: "
                                + Messages.words.say(
                                    "la copie à \(pair.target.location) ne se relit pas comme \(pair.source.location)",
                                    "the copy at \(pair.target.location) reads back differently from \(pair.source.location)"))
                        throw Exit.ioError
                    }
                    let name = toWorkspace ?? names[index]
                    Output.line(
                        "\(pair.source.location) → \(pair.target.location) [\(name)]\(Messages.words.colon)"
                            + Check.counts(pair.dump, Messages.words, replayed: false))
                }
            } catch let error as StoreError {
                throw Workbench.fail(error)
            }
        }
    }

    /// `grappe store check`: the backend's own checks and the journal's consistency.
    struct Check: ParsableCommand {
        /// "3 items, 4 journal entries replayed, 0 drafts", agreeing in number, in the language.
        static func counts(_ dump: WorkspaceDump, _ words: Words, replayed: Bool) -> String {
            [
                words.count(dump.items.count, ("élément", "éléments"), ("item", "items")),
                words.count(dump.journal.count, ("entrée de journal", "entrées de journal"), ("journal entry", "journal entries"))
                    + (replayed ? words.say(dump.journal.count < 2 ? " rejouée" : " rejouées", " replayed") : ""),
                words.count(dump.drafts.count, ("brouillon", "brouillons"), ("draft", "drafts")),
            ].joined(separator: ", ")
        }

        static let configuration = CommandConfiguration(
            abstract:
                "Check a store: the backend's integrity checks, every record's history replayed to its current state, and the columns and tables that mirror each record's body, in every workspace (or --workspace).",
            discussion:
                "Exit 0 when all is well; otherwise each problem is listed and the exit code is 65. --repair writes the mirrors that differ again from the bodies (the bodies are what Grappe reads), then checks again."
        )
        @Argument(help: ArgumentHelp("The store (default: --store, $GRAPPE_STORE, else the default file).", valueName: "location"))
        var location: String?
        @Flag(help: "Write the columns and tables that differ from the records' bodies again from the bodies.")
        var repair = false
        @OptionGroup var seedOptions: SeedOptions

        func run() throws {
            let path = location ?? seedOptions.storePath
            do {
                let names = try seedOptions.workspace.map { [$0] } ?? WorkspaceStores.workspaces(at: path)
                var failed = false
                for name in names.isEmpty ? [WorkspaceStores.defaultWorkspace] : names {
                    guard let store = try WorkspaceStores.open(path, for: repair ? .update : .read, workspace: name) else {
                        Output.error(
                            "grappe: "
                                + Messages.words.say("pas de registre à \(WorkspaceStores.shown(path))", "no store at \(WorkspaceStores.shown(path))")
                        )
                        throw Exit.noInput
                    }
                    let words = Messages.words
                    if repair {
                        let repaired = try store.repairMirrors()
                        if !repaired.isEmpty {
                            Output.line(
                                "\(store.location) [\(name)]\(words.colon)"
                                    + words.say("miroirs réécrits depuis le corps de ", "mirrors written again from the bodies of ")
                                    + words.count(repaired.count, ("dossier", "dossiers"), ("record", "records")) + " ("
                                    + repaired.joined(separator: ", ")
                                    + ")")
                        }
                    }
                    let dump = try store.dump()
                    // What the backend's own checks say is quoted as it came.
                    let mirrors = try store.mirrorProblems().flatMap { drift in
                        drift.differences.map { Wording("dossier \(drift.id)", "record \(drift.id)").then($0) }
                    }
                    let problems =
                        try store.integrityCheck().map(Wording.same) + dump.replayProblems() + store.journalChainProblems() + mirrors
                    for problem in problems { Output.error("grappe: \(store.location) [\(name)]\(words.colon)\(problem(words))") }
                    failed = failed || !problems.isEmpty
                    if problems.isEmpty {
                        Output.line(
                            "\(store.location) [\(name)]\(words.colon)" + words.say("bon", "ok") + " — " + Self.counts(dump, words, replayed: true))
                    }
                }
                if failed { throw Exit.dataError }
            } catch let error as StoreError {
                throw Workbench.fail(error, reading: true)
            }
        }
    }
}
