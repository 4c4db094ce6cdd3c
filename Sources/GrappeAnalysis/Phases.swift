/// Where a long computation is: each part's name as it starts and as it ends, for a profile
/// (`grappe summary --timings`) or a progress line. The analysis only calls it; what is measured,
/// and how it is shown, is the caller's (the core does no I/O and reads no clock).
public struct Phases: Sendable {
    private let started: @Sendable (String) -> Void
    private let finished: @Sendable (String) -> Void

    /// Calls `started` with a part's name as it begins and `finished` as it ends.
    public init(started: @escaping @Sendable (String) -> Void, finished: @escaping @Sendable (String) -> Void) {
        self.started = started
        self.finished = finished
    }

    /// Tells no one.
    public static let none = Phases(started: { _ in }, finished: { _ in })

    /// `body`, announced as the part `name`.
    public func run<T>(_ name: String, _ body: () -> T) -> T {
        started(name)
        defer { finished(name) }
        return body()
    }
}

extension Phases {
    /// Tells both `self` and `other`.
    public func and(_ other: Phases) -> Phases {
        Phases(
            started: { name in
                self.started(name)
                other.started(name)
            },
            finished: { name in
                self.finished(name)
                other.finished(name)
            })
    }
}
