import ArgumentParser
import Foundation
import GrappeStore
import GrappeWords

extension Language: ExpressibleByArgument {}

/// `--lang fr|en` for the commands that write reports; else LC_ALL, LC_MESSAGES or LANG, as the
/// dashboard does.
struct LanguageOption: ParsableArguments {
    @Option(
        name: .customLong("lang"),
        help: ArgumentHelp("The report's language: fr or en (default: from LC_ALL, LC_MESSAGES or LANG).", valueName: "language"))
    var chosen: Language?

    var language: Language { chosen ?? Language.fromEnvironment(ProcessInfo.processInfo.environment) }
    var words: Words { Words(language) }
}

/// The language of what commands say outside their reports (errors, notes on standard error):
/// `--lang` when the command line gives one, else LC_ALL, LC_MESSAGES or LANG, as the dashboard and
/// `--lang`'s default do.
enum Messages {
    static var words: Words { Words(language(arguments: CommandLine.arguments, environment: ProcessInfo.processInfo.environment)) }

    /// `--lang fr` or `--lang=fr` as typed (a command's checks run before its options are given to
    /// it, and their errors must speak the language asked for), else the environment's.
    static func language(arguments: [String], environment: [String: String]) -> Language {
        for (index, argument) in arguments.enumerated() {
            if argument == "--" { break }
            if argument == "--lang", index + 1 < arguments.count, let language = Language(rawValue: arguments[index + 1]) { return language }
            if argument.hasPrefix("--lang="), let language = Language(rawValue: String(argument.dropFirst(7))) { return language }
        }
        return Language.fromEnvironment(environment)
    }

    /// After a refused change.
    static var nothingSaved: String { "grappe: " + words.say("rien n'a été enregistré", "nothing was saved") }

    /// After the seeds' errors, when a command needs them clean.
    static var seedsHaveErrors: String {
        "grappe: "
            + words.say(
                "les graines ont des erreurs (ci-dessus)\u{00A0}; «\u{00A0}grappe check\u{00A0}» les détaille.",
                "the seeds have errors (see above); run 'grappe check' for details.")
    }

    /// Why a file or folder could not be made or written, from Foundation's error: the system's
    /// reason in the language where the error carries one, else Foundation's own text.
    static func reason(_ error: any Error) -> Wording {
        let error = error as NSError
        if let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return .system(Int32(underlying.code))
        }
        if error.domain == NSPOSIXErrorDomain { return .system(Int32(error.code)) }
        let code: Int32? =
            switch CocoaError.Code(rawValue: error.code) {
            case .fileNoSuchFile, .fileReadNoSuchFile: ENOENT
            case .fileWriteNoPermission, .fileReadNoPermission: EACCES
            case .fileWriteOutOfSpace: ENOSPC
            case .fileWriteVolumeReadOnly: EROFS
            case .fileWriteFileExists: EEXIST
            default: nil
            }
        return code.map(Wording.system) ?? .same(error.localizedDescription)
    }

    /// "grappe: cannot write PATH: reason".
    static func cannotWrite(_ path: String, _ error: any Error) -> String {
        "grappe: " + Wording("impossible d'écrire \(path)", "cannot write \(path)").then(reason(error))(words)
    }

    /// Makes an output folder and the folders on its way (as `mkdir -p`), or says why it cannot
    /// ("grappe: cannot create FOLDER: reason") and exits 73.
    static func makeFolder(_ folder: String) throws {
        guard let code = Folders.make(folder, mode: 0o777) else { return }
        Output.error("grappe: " + Wording("impossible de créer \(folder)", "cannot create \(folder)").then(.system(code))(words))
        throw Exit.cannotCreate
    }

    /// "grappe: a, b already exist; use --force to replace".
    static func alreadyThere(_ paths: [String]) -> String {
        let list = paths.joined(separator: ", ")
        return "grappe: "
            + words.say(
                paths.count == 1 ? "\(list) existe déjà\u{00A0}; --force le remplace" : "\(list) existent déjà\u{00A0}; --force les remplace",
                "\(list) already exist\(paths.count == 1 ? "s" : ""); use --force to replace")
    }

    /// A warning about what the store holds (a record that names what the seeds no longer have…).
    static func storeWarning(_ store: String, _ warning: some CustomStringConvertible) -> String {
        let words = words
        return "grappe: \(words.say("avertissement", "warning"))\(words.colon)\(store)\(words.colon)\(warning)"
    }
}
