/// The help overlay's state: whether it is shown, and how far it is scrolled.
public struct HelpOverlay: Sendable, Equatable {
    public var isShown = false
    public var scroll = 0
}
