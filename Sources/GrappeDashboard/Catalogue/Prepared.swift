import Foundation
import GrappeModel

/// A value computed once, on first use, by whichever thread asks first; the others wait for it.
/// Whether it is there can be asked without waiting, and a value left to the background can say so.
final class Prepared<Value: Sendable>: @unchecked Sendable {
    /// Guards the fields; held only for moments, never while the value is made.
    private let lock = NSLock()
    /// Held while the value is made, so that it is made once.
    private let making = NSLock()
    private var computed: Value?
    private var inBackground = false
    private var hurried = false
    private let make: @Sendable () -> Value

    init(_ make: @escaping @Sendable () -> Value) { self.make = make }

    /// A value already there.
    init(ready value: Value) {
        computed = value
        make = { value }
    }

    /// The value when it has been computed, else nil (without computing it or waiting for it).
    var ready: Value? { lock.withLock { computed } }

    /// The value, computed now if no one has yet; waits while another thread computes it.
    var value: Value {
        if let computed = ready { return computed }
        making.lock()
        defer { making.unlock() }
        if let computed = ready { return computed }
        let value = make()
        lock.withLock { computed = value }
        return value
    }

    /// Says that the background will compute the value: `whenReady` no longer waits for it.
    func leaveToBackground() { lock.withLock { inBackground = true } }

    /// The value when it is there; nil when it is left to the background and not there yet (it is
    /// then started at once on a thread of its own, in case the background is busy with others);
    /// else computed now.
    var whenReady: Value? {
        let (value, background, start) = lock.withLock { () -> (Value?, Bool, Bool) in
            let start = computed == nil && inBackground && !hurried
            if start { hurried = true }
            return (computed, inBackground, start)
        }
        if let value { return value }
        guard background else { return self.value }
        if start { DispatchQueue.global(qos: .userInitiated).async { _ = self.value } }
        return nil
    }
}

extension [Catalogue.Row] {
    /// Sorted by folded name (stable): the names are gathered first, so that comparing does not go
    /// through each row object.
    func sortedByName() -> [Catalogue.Row] {
        let names = map { $0.keys[0] }
        return indices.sorted { names[$0] < names[$1] || (names[$0] == names[$1] && $0 < $1) }.map { self[$0] }
    }
}
