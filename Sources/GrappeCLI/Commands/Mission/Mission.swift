import ArgumentParser
import Foundation
import GrappeExport
import GrappeModel
import GrappeSeeds
import GrappeStore
import GrappeWords
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
            if file != nil, !fields.isEmpty {
                throw ValidationError(
                    Messages.words.say(
                        "donnez --file ou les champs de la mission, pas les deux", "give either --file or the mission's fields, not both"))
            }
            if file == nil, fields.title == nil {
                throw ValidationError(
                    Messages.words.say("une nouvelle mission a besoin de --title (ou de --file)", "a new mission needs --title (or --file)"))
            }
        }

        func run() throws {
            let bench = try Workbench.open(seedOptions)
            if let file {
                try MissionFile.record(file, bench: bench, author: author)
                return
            }
            var draft = MissionDraft()
            fields.apply(to: &draft)
            let record = try bench.save(draft, author: author)
            Output.line(Style.bold(record.id))
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List missions (seeds and recorded), by start date: upcoming first, then past.")
        enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, csv }

        @OptionGroup var seedOptions: SeedOptions
        @Option(help: "Only missions with this status, in English or French (under_way, 'en cours', terminée).") var status: String?
        @Flag(help: "Only missions recorded in the store.") var recorded = false
        @Option(help: "text, json or csv.") var format: Format = .text
        @OptionGroup var language: LanguageOption

        func validate() throws {
            if let status, Words.missionStatus(status) == nil {
                let known = MissionStatus.allCases.map(\.rawValue).joined(separator: ", ")
                throw ValidationError(
                    Messages.words.say(
                        "--status\(Messages.words.colon)statut inconnu \(Messages.words.quoted(status))\u{00A0}; l'un de \(known)",
                        "--status\(Messages.words.colon)unknown status \(Messages.words.quoted(status)); one of \(known)"))
            }
        }

        func run() throws {
            let (network, _, workspace) = try seedOptions.checkedNetworkWithStore()
            let versions = Dictionary(workspace.records.map { ($0.record.id, $0.version) }, uniquingKeysWith: { $1 })
            var missions = network.records(ofKind: .mission)
            if let wanted = status.flatMap(Words.missionStatus) { missions = missions.filter { $0.mission?.status == wanted } }
            if recorded { missions = missions.filter { versions[$0.id] != nil } }
            let rows = MissionListing.rows(missions, network: network, versions: versions, today: Browse.today())
            switch format {
            case .text: MissionListing.text(rows, words: language.words).forEach(Output.line)
            case .csv: try Output.write(Data(MissionListing.csv(rows).utf8), as: .csv, to: nil)
            case .json: try Output.write(try MissionListing.json(rows), as: .json, to: nil)
            }
        }
    }

    struct ShowMission: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "A mission's card: delegation, outcomes, history.")
        @OptionGroup var seedOptions: SeedOptions
        @OptionGroup var language: LanguageOption
        @Argument(help: "The mission's id, or its title.", completion: Completions.ids) var id: String

        func run() throws {
            let (network, store, workspace) = try seedOptions.checkedNetworkWithStore()
            let record = try Workbench.mission(id, in: network)
            let words = language.words
            CardText(network, words).record(record).forEach(Output.line)
            // The version an edit names with --if-version (0: the seed's mission, never recorded).
            Output.line(Style.dim("version \(workspace.version(of: record.id))"))
            // The journal's index is enough for the lines; the states before and after stay unread.
            // A journal that cannot be read is said (and the exit code says so), never shown as
            // "never edited".
            let journal: [JournalEntry]
            do {
                journal = try store?.journalIndex() ?? []
            } catch let error as StoreError {
                throw Workbench.fail(error, reading: true)
            }
            let history = journal.filter { $0.items.contains { $0.id == record.id } }
            Output.line("")
            Output.line(Style.accent(words.say("Historique", "History")))
            if history.isEmpty {
                Output.line(
                    "  " + words.say("issue des graines\u{00A0}; jamais modifiée dans le registre", "from the seeds; never edited in the store"))
            }
            for entry in history { Output.line("  " + HistoryCommand.line(entry, words)) }
        }
    }

    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Change a mission's fields: each option given replaces that field (a repeated option, the whole list).",
            discussion: """
                A seed mission edited here is recorded in the store, which then wins over the seed. When someone saves the mission \
                meanwhile, the fields given here are merged with theirs: fields only they changed are kept, and a field both \
                changed differently stops the edit (exit 75) with both values. --if-version refuses the edit if someone saved \
                the mission since that version (exit 75), without merging.
                """
        )
        @OptionGroup var seedOptions: SeedOptions
        @Argument(help: "The mission's id.") var id: String
        @OptionGroup var fields: MissionFields
        @OptionGroup var author: AuthorOption
        @Option(name: .customLong("if-version"), help: "Only if the mission is still at this version (see 'mission show').") var ifVersion: Int?
        @Option(
            name: .customLong("from-version"),
            help: "The version this edit started from (see 'mission show'): what others saved since is merged field by field.")
        var fromVersion: Int?

        func validate() throws {
            if fields.isEmpty {
                throw ValidationError(
                    Messages.words.say(
                        "rien à changer\(Messages.words.colon)donnez au moins un champ (voir --help)",
                        "nothing to change\(Messages.words.colon)give at least one field (see --help)"))
            }
            if ifVersion != nil, fromVersion != nil {
                throw ValidationError(
                    Messages.words.say(
                        "--if-version refuse tout changement depuis\u{00A0}; --from-version les fusionne\(Messages.words.colon)donnez l'un des deux",
                        "--if-version refuses any change since; --from-version merges them\(Messages.words.colon)give one"))
            }
        }

        func run() throws {
            var bench = try Workbench.open(seedOptions)
            let base =
                try fromVersion.map { MissionDraft(editing: try bench.mission(id, at: $0), version: $0) }
                ?? MissionDraft(editing: try bench.mission(id), version: ifVersion ?? bench.workspace.version(of: id))
            var mine = base
            fields.apply(to: &mine)
            var attempt = mine
            // Someone may save between reading and writing: merge with what they saved, a few times.
            for _ in 0..<3 {
                do {
                    try bench.record(try bench.validated(attempt), author: author)
                    return
                } catch StoreError.stale(_, _, _, let by, let at) where ifVersion == nil {
                    bench = try Workbench.open(seedOptions)
                    let theirs = MissionDraft(editing: try bench.mission(id), version: bench.workspace.version(of: id))
                    let merge = DraftMerge(base: base, mine: mine, theirs: theirs)
                    let words = Messages.words
                    guard merge.conflicts.isEmpty else {
                        for conflict in merge.conflicts {
                            Output.error(
                                "grappe: "
                                    + words.say(
                                        "\(conflict.field.rawValue)\u{00A0}: devenu \(Self.shown(conflict.field, conflict.theirs, words)) depuis votre version "
                                            + "(dernier enregistrement par \(by), \(StoreTime.minute(at)))\u{00A0}; le vôtre\u{00A0}: \(Self.shown(conflict.field, conflict.mine, words))",
                                        "\(conflict.field.rawValue): became \(Self.shown(conflict.field, conflict.theirs, words)) since your version "
                                            + "(last saved by \(by), \(StoreTime.minute(at))); yours: \(Self.shown(conflict.field, conflict.mine, words))"
                                    ))
                        }
                        Output.error(
                            "grappe: "
                                + words.say(
                                    "rien n'a été enregistré\u{00A0}; relisez la mission avec «\u{00A0}grappe mission show\u{00A0}» et modifiez-la de nouveau",
                                    "nothing was saved; look at 'grappe mission show' and edit again"))
                        throw Exit.temporaryFailure
                    }
                    if !merge.taken.isEmpty {
                        let fields = merge.taken.map(\.rawValue).joined(separator: ", ")
                        Output.error(
                            "grappe: "
                                + words.say(
                                    "fusionné avec ce qui a été enregistré depuis votre version (dernier\u{00A0}: \(by))\u{00A0}: \(fields) gardé(s)",
                                    "merged with what was saved since your version (last by \(by)): kept their \(fields)"))
                    }
                    attempt = merge.merged
                } catch let error as StoreError {
                    throw Workbench.fail(error)
                }
            }
            throw Workbench.fail(.stale(id: id, expected: attempt.baseVersion, found: attempt.baseVersion + 1, by: "?", at: "?"))
        }

        /// A field's value as the command line would be given it, quoted.
        static func shown(_ field: MissionField, _ draft: MissionDraft, _ words: Words) -> String { words.quoted(field.text(in: draft)) }
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
            try bench.save(change, author: author)
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
                workspace = try seedOptions.openStore(for: .read)?.load() ?? .empty
            } catch let error as StoreError {
                throw Workbench.fail(error, reading: true)
            }
            let text = try SeedYAML.encode(
                entities: workspace.entities.map(\.entity), records: workspace.records.map(\.record),
                comment: "Missions recorded in \(seedOptions.storeShown), exported by grappe \(Grappe.version).")
            try Output.write(Data(text.utf8), as: .yaml, to: output)
        }
    }
}
