/// The help overlay's state: whether it is shown, and how far it is scrolled.
public struct HelpOverlay: Sendable, Equatable {
    /// Whether the help is over the screen.
    public var isShown = false
    /// Its first line shown.
    public var scroll = 0
}
