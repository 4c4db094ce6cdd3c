import Foundation

/// Folders the stores make for themselves (a SQLite file's, the local drafts').
enum Folders {
    /// Each missing folder on the way to `folder`, owner-only, as `mkdir -p` makes them; the error
    /// number of the first that cannot be made (for a reason in the interface's language), or nil.
    static func make(_ folder: String) -> Int32? {
        var made = folder.hasPrefix("/") ? "/" : ""
        for component in folder.split(separator: "/") {
            made += (made.isEmpty || made.hasSuffix("/") ? "" : "/") + component
            if mkdir(made, 0o700) != 0, errno != EEXIST { return errno }
        }
        return nil
    }
}
