import GrappeModel

/// The bytes a snapshot is made of: little-endian numbers, length-prefixed strings, each distinct
/// string and source list once.
extension SeedSnapshot {
    struct Damaged: Error {}

    // MARK: bytes

    struct Writer {
        var bytes: [UInt8] = []

        mutating func u8(_ value: Int) { bytes.append(UInt8(value)) }
        mutating func u32(_ value: Int) { u32(UInt32(value)) }
        mutating func u32(_ value: UInt32) { withUnsafeBytes(of: value.littleEndian) { bytes += $0 } }
        mutating func u64(_ value: UInt64) { withUnsafeBytes(of: value.littleEndian) { bytes += $0 } }
        mutating func string(_ value: String) { blob(Array(value.utf8)) }

        mutating func blob(_ value: [UInt8]) {
            u32(value.count)
            bytes += value
        }
    }

    struct Reader {
        let buffer: UnsafeRawBufferPointer
        var offset: Int

        var atEnd: Bool { offset == buffer.count }

        mutating func bytes(_ count: Int) throws -> UnsafeRawBufferPointer {
            guard count >= 0, count <= buffer.count - offset else { throw Damaged() }
            defer { offset += count }
            return UnsafeRawBufferPointer(rebasing: buffer[offset..<(offset + count)])
        }

        mutating func u8() throws -> UInt8 { try bytes(1)[0] }
        mutating func u32() throws -> UInt32 { UInt32(littleEndian: try bytes(4).loadUnaligned(as: UInt32.self)) }
        mutating func u64() throws -> UInt64 { UInt64(littleEndian: try bytes(8).loadUnaligned(as: UInt64.self)) }
        /// A count, which cannot be more than the bytes left (every counted item takes at least one).
        mutating func count() throws -> Int {
            let value = Int(try u32())
            guard value <= buffer.count - offset else { throw Damaged() }
            return value
        }

        mutating func blob() throws -> [UInt8] { Array(try bytes(try count())) }

        mutating func string() throws -> String { String(decoding: try bytes(try count()), as: UTF8.self) }
    }

    /// Each distinct string once; index 0 means absent.
    struct Interner {
        var table: [String] = []
        var indices: [String: UInt32] = [:]

        mutating func index(_ string: String?) -> UInt32 {
            guard let string else { return 0 }
            if let index = indices[string] { return index }
            table.append(string)
            indices[string] = UInt32(table.count)
            return UInt32(table.count)
        }
    }

    /// Each distinct list of sources once (a million relations often cite one document); 0 means none.
    struct SourceLists {
        var lists: [[(UInt32, UInt32)]] = []
        var indices: [[SourceRef]: UInt32] = [:]

        mutating func index(_ sources: [SourceRef], strings: inout Interner) -> UInt32 {
            guard !sources.isEmpty else { return 0 }
            if let index = indices[sources] { return index }
            lists.append(sources.map { (strings.index($0.document), strings.index($0.note)) })
            indices[sources] = UInt32(lists.count)
            return UInt32(lists.count)
        }
    }
}

/// FNV-1a over 8-byte words (then the tail bytes): cheap enough for tens of megabytes, and enough to
/// tell a damaged or truncated file. Not a defence against someone forging a snapshot.
enum Checksum {
    static func of<C: Collection>(_ bytes: C) -> UInt64 where C.Element == UInt8 {
        if let sum = bytes.withContiguousStorageIfAvailable({ of(UnsafeRawBufferPointer($0)) }) { return sum }
        return Array(bytes).withUnsafeBytes { of($0) }
    }

    static func of(_ buffer: UnsafeRawBufferPointer) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        let prime: UInt64 = 0x0000_0100_0000_01B3
        let words = buffer.count / 8
        for word in 0..<words {
            hash = (hash ^ UInt64(littleEndian: buffer.loadUnaligned(fromByteOffset: word * 8, as: UInt64.self))) &* prime
            hash ^= hash >> 29
        }
        for offset in (words * 8)..<buffer.count { hash = (hash ^ UInt64(buffer[offset])) &* prime }
        return hash
    }
}
