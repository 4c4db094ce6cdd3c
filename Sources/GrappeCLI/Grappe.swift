import ArgumentParser

@main
struct Grappe: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "grappe",
        abstract: "The partnership network of an innovation cluster: browse, check, analyse and export it.",
        discussion: """
        Seeds are read from --seeds, else $GRAPPE_SEEDS, else ./seeds.
        Exit codes: 0 ok, 64 usage error, 65 data error, 66 missing input.
        """,
        version: version,
        subcommands: [Browse.self, Check.self, Summary.self, Metrics.self, Show.self, Path.self, Export.self, Generate.self],
        defaultSubcommand: Browse.self
    )
}

/// Exit codes of sysexits.h, which the whole CLI uses.
enum Exit {
    static let dataError = ExitCode(65)
    static let noInput = ExitCode(66)
    static let cannotCreate = ExitCode(73)
}
