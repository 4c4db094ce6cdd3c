import Foundation

/// Folders made with `mkdir`, so that a failure has the system's error number (for a reason in the
/// interface's language; Foundation's errors carry English text only): a store's folder, the local
/// drafts', a command's output folder.
public enum Folders {
    /// Grappe's folder for state kept on this machine (drafts, the dashboard's log):
    /// `$XDG_STATE_HOME/grappe`, else `~/.local/state/grappe`.
    public static func state(_ environment: [String: String]) -> String {
        (environment["XDG_STATE_HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil }
            ?? ((environment["HOME"] ?? NSHomeDirectory()) + "/.local/state")) + "/grappe"
    }

    /// Each missing folder on the way to `folder`, as `mkdir -p` makes them, owner-only unless `mode`
    /// says otherwise (the umask applies); the error number of the first that cannot be made, or nil.
    public static func make(_ folder: String, mode: mode_t = 0o700) -> Int32? {
        var made = folder.hasPrefix("/") ? "/" : ""
        for component in folder.split(separator: "/") {
            made += (made.isEmpty || made.hasSuffix("/") ? "" : "/") + component
            if mkdir(made, mode) != 0, errno != EEXIST { return errno }
        }
        return nil
    }
}
