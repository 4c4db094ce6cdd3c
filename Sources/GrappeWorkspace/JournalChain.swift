import GrappeWords

/// The journal's hash chain, as git chains its commits: each entry's hash covers its own content (its
/// number, time, author, action, summary, what it undoes, and every item with its states and
/// versions) and the previous entry's hash, so that a hand edit of any entry, or of a hash, is found
/// by `store check`. This is the text that is hashed (SHA-256, hex), the same on both backends: each
/// field written as its length in UTF-8 bytes, a colon and itself, or `-` when absent, so no two
/// entries write the same text.
///
/// ```swift
/// JournalChain.text(previous: nil, entry: entry)   // "-1:12:2026-12-03T…"
/// ```
public enum JournalChain {
    /// The text hashed for `entry`, after the entry whose hash is `previous` (nil for the first).
    public static func text(previous: String?, entry: JournalEntry) -> String {
        var text = field(previous) + field(String(entry.sequence)) + field(entry.at) + field(entry.author) + field(entry.action.rawValue)
        text += field(entry.summary) + field(entry.undoes.map(String.init))
        for item in entry.items {
            text += field(item.kind.rawValue) + field(item.id) + field(item.before) + field(item.after)
            text += field(String(item.versionBefore)) + field(String(item.versionAfter))
        }
        return text
    }

    private static func field(_ value: String?) -> String {
        value.map { "\($0.utf8.count):\($0)" } ?? "-"
    }

    /// What `store check` says of entry `sequence` whose stored hash (`hash`, nil when it has none) is
    /// not the one its content and its previous entry's hash give.
    public static func problem(_ sequence: Int, hash: String?) -> Wording {
        hash == nil
            ? Wording(
                "l'entrée de journal #\(sequence) n'a pas d'empreinte (effacée à la main, ou jamais calculée)",
                "journal entry #\(sequence) has no hash (cleared by hand, or never computed)")
            : Wording(
                "l'entrée de journal #\(sequence) ne correspond plus à son empreinte\u{00A0}: son contenu (auteur, heure, résumé, éléments) ou l'empreinte de la précédente a été modifié à la main",
                "journal entry #\(sequence) no longer matches its hash: its content (author, time, summary, items) or the previous entry's hash was changed by hand"
            )
    }
}
