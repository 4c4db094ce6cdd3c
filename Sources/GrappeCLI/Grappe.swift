import ArgumentParser

@main
struct Grappe: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "grappe",
        abstract: "The partnership network of an innovation cluster: browse, check, analyse and export it.",
        discussion: """
        Seeds are read from --seeds, else $GRAPPE_SEEDS, else ./seeds.
        Recorded missions come from the workspace store: --store, else $GRAPPE_STORE, else
        $XDG_DATA_HOME/grappe/workspace.sqlite (see 'grappe mission --help').
        Exit codes: 0 ok, 64 usage error, 65 data error, 66 missing input, 73 cannot create or write,
        74 damaged store, 75 stale edit, 77 read-only store.
        """,
        version: version,
        subcommands: [Browse.self, Check.self, Summary.self, Metrics.self, Show.self, Path.self, Export.self, MissionCommand.self,
                      HistoryCommand.self, UndoCommand.self, StoreCommand.self, Generate.self],
        defaultSubcommand: Browse.self
    )
}

/// Exit codes of sysexits.h, which the whole CLI uses.
enum Exit {
    static let dataError = ExitCode(65)
    static let noInput = ExitCode(66)
    static let cannotCreate = ExitCode(73)
    static let ioError = ExitCode(74)
    static let temporaryFailure = ExitCode(75)
    static let noPermission = ExitCode(77)
}
