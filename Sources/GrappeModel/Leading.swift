extension Sequence {
    /// The first `count` elements in the order `precedes` gives (stable: of equal elements, the
    /// earlier comes first), without sorting them all: a page shows eight of a hundred thousand.
    @inlinable
    public func leading(_ count: Int, by precedes: (Element, Element) -> Bool) -> [Element] {
        guard count > 0 else { return [] }
        var best: [Element] = []
        best.reserveCapacity(count + 1)
        for element in self {
            if best.count == count, let last = best.last, !precedes(element, last) { continue }
            // After every element it does not precede: equal ones keep their order.
            let at = best.firstIndex { precedes(element, $0) } ?? best.endIndex
            best.insert(element, at: at)
            if best.count > count { best.removeLast() }
        }
        return best
    }
}
