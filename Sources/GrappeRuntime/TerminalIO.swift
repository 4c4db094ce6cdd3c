import GrappeDashboard

/// What the terminal delivers.
public enum TerminalEvent: Equatable, Sendable {
    case key(Key)
    case resize(width: Int, height: Int)
    case timeout
    /// The terminal went away (its window closed, the SSH link dropped).
    case hangup
}

/// The terminal as the runtime uses it: ncursesw implements it (GrappeTerminal), and a fake one in
/// tests records every frame, as ratatui's `TestBackend` does.
public protocol TerminalIO: AnyObject {
    var size: (width: Int, height: Int) { get }
    /// Shows a frame (a terminal sends only what changed).
    func draw(_ canvas: Canvas)
    /// Waits up to `milliseconds` (forever when nil) for a key, a click or a resize.
    func next(timeout milliseconds: Int32?) -> TerminalEvent
    /// Puts `text` on the system clipboard through the terminal (OSC 52), when the terminal says it
    /// takes it; false when it does not.
    func copy(_ text: String) -> Bool
    /// Puts the terminal back as it was.
    func close()
}
