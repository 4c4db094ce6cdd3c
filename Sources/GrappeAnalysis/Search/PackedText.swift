/// Byte strings stored end to end: string `i` is `bytes[starts[i]..<starts[i + 1]]`. The compact
/// form the list filter scans on every key typed.
public struct PackedText: Sendable {
    /// The strings' bytes, end to end.
    public let bytes: [UInt8]
    /// Where each string starts, and one more for where the last ends.
    public let starts: [Int32]

    /// The strings packed end to end, in order.
    public init(_ strings: [[UInt8]]) {
        var bytes: [UInt8] = [], starts: [Int32] = [0]
        bytes.reserveCapacity(strings.reduce(0) { $0 + $1.count })
        starts.reserveCapacity(strings.count + 1)
        for string in strings {
            bytes += string
            starts.append(Int32(bytes.count))
        }
        self.bytes = bytes
        self.starts = starts
    }

    /// How many strings.
    public var count: Int { starts.count - 1 }
}
