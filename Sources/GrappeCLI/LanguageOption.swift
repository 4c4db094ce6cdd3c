import ArgumentParser
import Foundation
import GrappeWords

extension Language: ExpressibleByArgument {}

/// `--lang fr|en` for the commands that write reports; else LC_ALL, LC_MESSAGES or LANG, as the
/// dashboard does.
struct LanguageOption: ParsableArguments {
    @Option(name: .customLong("lang"), help: ArgumentHelp("The report's language: fr or en (default: from LC_ALL, LC_MESSAGES or LANG).", valueName: "language"))
    var chosen: Language?

    var language: Language { chosen ?? Language.fromEnvironment(ProcessInfo.processInfo.environment) }
    var words: Words { Words(language) }
}

/// The language of what commands without `--lang` say (errors, notes on standard error): from
/// LC_ALL, LC_MESSAGES or LANG, as the dashboard and `--lang`'s default do.
enum Messages {
    static var words: Words { Words(Language.fromEnvironment(ProcessInfo.processInfo.environment)) }
}
