import Foundation
import GrappeModel

/// A value computed once, on first use, by whichever thread asks first; the others wait for it.
final class Prepared<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var computed: Value?
    private let make: @Sendable () -> Value

    init(_ make: @escaping @Sendable () -> Value) { self.make = make }

    /// A value already there.
    init(ready value: Value) {
        computed = value
        make = { value }
    }

    /// The value when it has been computed, else nil (without computing it).
    var ready: Value? { lock.withLock { computed } }

    var value: Value {
        lock.lock()
        defer { lock.unlock() }
        if let computed { return computed }
        let value = make()
        computed = value
        return value
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
