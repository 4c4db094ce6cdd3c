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

    /// After a refused change.
    static var nothingSaved: String { "grappe: " + words.say("rien n'a été enregistré", "nothing was saved") }

    /// After the seeds' errors, when a command needs them clean.
    static var seedsHaveErrors: String {
        "grappe: " + words.say("les graines ont des erreurs (ci-dessus)\u{00A0}; «\u{00A0}grappe check\u{00A0}» les détaille.",
                               "the seeds have errors (see above); run 'grappe check' for details.")
    }

    /// A warning about what the store holds (a record that names what the seeds no longer have…).
    static func storeWarning(_ store: String, _ warning: some CustomStringConvertible) -> String {
        let words = words
        return "grappe: \(words.say("avertissement", "warning"))\(words.colon)\(store)\(words.colon)\(warning)"
    }
}
