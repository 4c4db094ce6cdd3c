import Foundation
import GrappeModel

/// The two languages Grappe speaks. The default comes from LC_ALL, LC_MESSAGES, then LANG: French for
/// `fr*`, English otherwise.
public enum Language: String, Sendable, CaseIterable {
    case fr, en

    /// French for `fr*` in LC_ALL, LC_MESSAGES or LANG (the first set), else English.
    public static func fromEnvironment(_ environment: [String: String]) -> Language {
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let value = environment[name], !value.isEmpty {
                return value.lowercased().hasPrefix("fr") ? .fr : .en
            }
        }
        return .en
    }
}

/// Anything that writes in a language: the dashboard's `Strings`, the command line's `Words`. The
/// network's vocabulary (kinds, relation types, roles, statuses, dates, numbers) is written here once
/// for both, in French and in English.
public protocol Speaking: Sendable {
    var language: Language { get }
}

/// A phrase in both languages ("a relation", "une relation"), made where the French and the English
/// are known and said later in the language of whoever shows it (a seed diagnostic, a store warning).
public struct Wording: Hashable, Sendable {
    /// The text in French, with its typography (see `Typography`).
    public let french: String
    /// The text in English.
    public let english: String

    /// A text in both languages, French first, as every phrase of Grappe is written.
    public init(_ french: String, _ english: String) {
        self.french = french
        self.english = english
    }

    /// The text in the speaker's language: `wording(strings)`.
    public func callAsFunction(_ speaker: some Speaking) -> String { speaker.say(french, english) }

    /// The phrase in `language`.
    public func say(in language: Language) -> String { language == .fr ? french : english }

    /// This phrase, the language's colon, then `detail`: "impossible d'écrire x\u{00A0}: permission
    /// refusée", "cannot write x: Permission denied".
    public func then(_ detail: Wording) -> Wording {
        Wording("\(french)\u{00A0}: \(detail.french)", "\(english): \(detail.english)")
    }

    /// Text that is the same in both languages: a name from a file (a column, a key), or a message
    /// quoted as it came (from SQLite, from the server).
    public static func same(_ text: String) -> Wording { Wording(text, text) }

    /// Why the system refused (`errno`): its own English text, and a French one for the usual causes.
    public static func system(_ code: Int32) -> Wording {
        let english = String(cString: strerror(code))
        let french: String? =
            switch code {
            case ENOENT: "fichier ou répertoire introuvable"
            case EACCES, EPERM: "permission refusée"
            case ENOTDIR: "n'est pas un répertoire"
            case EISDIR: "est un répertoire"
            case ELOOP: "trop de liens symboliques"
            case ENAMETOOLONG: "nom trop long"
            case EMFILE, ENFILE: "trop de fichiers ouverts"
            case EIO: "erreur d'entrée-sortie"
            case ENOMEM: "plus de mémoire"
            case ENOSPC: "plus de place sur le disque"
            case EROFS: "système de fichiers en lecture seule"
            case EEXIST: "existe déjà"
            case ECONNREFUSED: "connexion refusée"
            case ETIMEDOUT: "délai dépassé"
            case EHOSTUNREACH, ENETUNREACH: "hôte injoignable"
            default: nil
            }
        return Wording(french ?? "erreur du système («\u{00A0}\(english)\u{00A0}»)", english)
    }
}
