import Dispatch
import Foundation

/// Work split into a fixed number of slices, run on the machine's cores. Each slice has its own
/// accumulator and they come back in slice order: since the slicing does not depend on the number of
/// cores, floating-point sums combine in the same order, and results are identical on any machine.
enum Parallel {
    static let slices = 16

    static func map<Accumulator>(
        count: Int, minimumPerSlice: Int = 1, initial: @escaping @Sendable () -> Accumulator,
        body: @escaping @Sendable (Range<Int>, inout Accumulator) -> Void
    ) -> [Accumulator] {
        let parts = max(1, min(slices, count / max(1, minimumPerSlice)))
        let boxes = (0..<parts).map { _ in Slot<Accumulator>() }
        let run: @Sendable (Int) -> Void = { part in
            var accumulator = initial()
            body((count * part / parts)..<(count * (part + 1) / parts), &accumulator)
            boxes[part].value = accumulator
        }
        if parts == 1 || ProcessInfo.processInfo.activeProcessorCount == 1 {
            (0..<parts).forEach(run)
        } else {
            DispatchQueue.concurrentPerform(iterations: parts, execute: run)
        }
        return boxes.map { $0.value! }
    }
}

extension Parallel {
    /// Runs `body` over slices of `0..<count` that write to disjoint parts of shared output.
    static func forEachSlice(count: Int, minimumPerSlice: Int = 1024, _ body: @escaping @Sendable (Range<Int>) -> Void) {
        _ = map(count: count, minimumPerSlice: minimumPerSlice, initial: { () }) { range, _ in body(range) }
    }
}

extension Parallel {
    /// `sources` cut into consecutive batches of `width` (the last may be shorter), the batches spread
    /// over slices as `map` spreads indices: `body` gets each slice's batches, in order, and its
    /// accumulator; the accumulators come back in slice order.
    static func batches<Accumulator>(
        of sources: [Int], width: Int, minimumPerSlice: Int = 1, initial: @escaping @Sendable () -> Accumulator,
        body: @escaping @Sendable ([ArraySlice<Int>], inout Accumulator) -> Void
    ) -> [Accumulator] {
        let count = (sources.count + width - 1) / width
        return map(count: count, minimumPerSlice: minimumPerSlice, initial: initial) { range, accumulator in
            body(range.map { sources[($0 * width)..<min(sources.count, ($0 + 1) * width)] }, &accumulator)
        }
    }
}

/// One slice's result, written by the worker that computed it.
final class Slot<Value>: @unchecked Sendable {
    var value: Value?
}

/// A buffer that parallel slices write into, each slice to its own indices.
final class SharedBuffer<Element>: @unchecked Sendable {
    let pointer: UnsafeMutableBufferPointer<Element>

    init(repeating value: Element, count: Int) {
        pointer = .allocate(capacity: count)
        pointer.initialize(repeating: value)
    }

    deinit { pointer.deallocate() }

    var array: [Element] { Array(pointer) }
}
