import ArgumentParser
import Foundation
import GrappeModel
import GrappeWords

@main
struct Grappe: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "grappe",
        abstract: "The partnership network of an innovation cluster: browse, check, analyse and export it.",
        discussion: """
            Seeds are read from --seeds, else $GRAPPE_SEEDS, else ./seeds. Recorded missions come from the workspace store: --store, else $GRAPPE_STORE, else $XDG_DATA_HOME/grappe/workspace.sqlite (see 'grappe mission --help'). Reports follow --lang, else LC_ALL, LC_MESSAGES or LANG (French or English).

            Exit codes: 0 ok, 64 usage error, 65 data error, 66 missing input, 69 a server or program cannot be reached, 73 cannot create or write, 74 damaged store, 75 stale edit, 77 read-only store.

            Installed with its manual page and shell completions by PREFIX=/usr/local .ci/install (see the README); grappe --generate-completion-script bash|zsh|fish prints a completion script.
            """,
        version: version,
        subcommands: [
            Browse.self, Check.self, Summary.self, Metrics.self, Show.self, Path.self, Export.self, Import.self, MissionCommand.self,
            HistoryCommand.self, UndoCommand.self, RedoCommand.self, StoreCommand.self, Generate.self,
        ],
        defaultSubcommand: Browse.self
    )

    /// Before the parser: a word that names no command (`grappe summri`, `grappe help nonexist`) is a
    /// usage error with a suggestion, not the dashboard's usage (browse is the default command).
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if let problem = CommandNames.problem(with: arguments, known: configuration.subcommands.map { $0._commandName }) {
            Output.error("grappe: \(problem(Messages.words))")
            Output.error(Messages.words.say("«\u{00A0}grappe --help\u{00A0}» donne la liste des commandes.", "Run 'grappe --help' for the commands."))
            Foundation.exit(64)
        }
        do {
            var command = try parseAsRoot()
            try command.run()
            Foundation.exit(0)
        } catch {
            exit(withError: error)
        }
    }
}

/// Checks the command word of a command line against the known commands.
enum CommandNames {
    /// Why the first word, or the word after `help`, names no command; nil when it is fine.
    static func problem(with arguments: [String], known: [String]) -> Wording? {
        guard let first = arguments.first, !first.hasPrefix("-") else { return nil }
        let word: String
        if first == "help" {
            guard arguments.count > 1, !arguments[1].hasPrefix("-") else { return nil }
            word = arguments[1]
        } else {
            word = first
        }
        guard !known.contains(word) else { return nil }
        let near = Suggestion.nearest(to: word, in: known)
        let (french, english) = (Words(.fr), Words(.en))
        return Wording(
            "commande inconnue \(french.quoted(word))" + french.didYouMean(near), "unknown command \(english.quoted(word))" + english.didYouMean(near)
        )
    }
}

/// Exit codes of sysexits.h, which the whole CLI uses.
enum Exit {
    /// Run the wrong way (no terminal for the dashboard); ArgumentParser's own refusals are 64 too.
    static let usage = ExitCode(64)
    static let dataError = ExitCode(65)
    static let noInput = ExitCode(66)
    static let unavailable = ExitCode(69)
    static let software = ExitCode(70)
    static let cannotCreate = ExitCode(73)
    static let ioError = ExitCode(74)
    static let temporaryFailure = ExitCode(75)
    static let noPermission = ExitCode(77)
}
