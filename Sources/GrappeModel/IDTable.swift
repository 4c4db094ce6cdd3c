import Foundation

/// Where each id of a list first appears: the network's index of entities by id. The loader's edge
/// checks look two ids up per edge, two million on a million-edge table, where a
/// `Dictionary<String, Int>` spends most of its time in SipHash.
///
/// Open addressing (linear probing) over a multiply-and-shift hash of the id's UTF-8 bytes, seeded
/// per table so that crafted ids cannot pick their slots in advance. Each slot keeps the upper half of
/// the hash beside the position, so a probe compares strings only when 32 bits already agree.
/// Read-only once built, and `Sendable`: the edge checks read it from every core.
///
/// It answers as a dictionary would, Swift's canonical equivalence included: hashing bytes only
/// holds for ASCII, so an id with other characters is looked up by its composed form (NFC) when that
/// is ASCII (the Kelvin sign "K" is the letter K), and in a plain dictionary otherwise. Ids are
/// ASCII slugs in valid seeds: that path is for mistakes.
public struct IDTable: Sendable {
    /// `hash's upper 32 bits << 32 | position + 1`; 0 is an empty slot.
    private let slots: [UInt64]
    /// The id in each occupied slot.
    private let keys: [ID]
    private let mask: Int
    private let seed: UInt64
    /// Ids that are not ASCII even composed.
    private let others: [ID: Int]
    /// Each id that repeats an earlier one: its position, and the first one's.
    public let repeats: [(position: Int, first: Int)]

    /// The first position of each id in `ids`; later ones are in `repeats`. An array rather than any
    /// collection: a generic initializer called from another module runs unspecialised, twice as slow.
    public init(_ ids: [ID]) {
        var capacity = 16
        while capacity < ids.count * 2 { capacity *= 2 }
        let mask = capacity - 1
        let seed = UInt64.random(in: .min ... .max) | 1
        var slots = [UInt64](repeating: 0, count: capacity)
        var keys = [ID](repeating: "", count: capacity)
        var others: [ID: Int] = [:]
        var repeats: [(position: Int, first: Int)] = []
        slots.withUnsafeMutableBufferPointer { slots in
            keys.withUnsafeMutableBufferPointer { keys in
                for (position, original) in ids.enumerated() {
                    guard let (id, hash) = Self.asciiHash(original, seed: seed) else {
                        if let first = others[original] { repeats.append((position, first)) } else { others[original] = position }
                        continue
                    }
                    var slot = Int(truncatingIfNeeded: hash) & mask
                    while slots[slot] != 0 {
                        if slots[slot] >> 32 == hash >> 32, keys[slot] == id { break }
                        slot = (slot + 1) & mask
                    }
                    guard slots[slot] == 0 else {
                        repeats.append((position, Int(slots[slot] & 0xFFFF_FFFF) - 1))
                        continue
                    }
                    slots[slot] = (hash >> 32) << 32 | UInt64(position + 1)
                    keys[slot] = id
                }
            }
        }
        self.slots = slots
        self.keys = keys
        self.mask = mask
        self.seed = seed
        self.others = others
        self.repeats = repeats
    }

    /// The position of `original` in the table, or nil when it is not there.
    public subscript(original: ID) -> Int? {
        guard let (id, hash) = Self.asciiHash(original, seed: seed) else { return others[original] }
        var slot = Int(truncatingIfNeeded: hash) & mask
        return slots.withUnsafeBufferPointer { slots in
            while true {
                let entry = slots[slot]
                if entry == 0 { return nil }
                if entry >> 32 == hash >> 32, keys[slot] == id { return Int(entry & 0xFFFF_FFFF) - 1 }
                slot = (slot + 1) & mask
            }
        }
    }

    /// The id and its hash when it is ASCII, or its composed form's when that is; nil otherwise.
    private static func asciiHash(_ id: ID, seed: UInt64) -> (ID, UInt64)? {
        if let hash = hash(id, seed: seed) { return (id, hash) }
        let composed = id.precomposedStringWithCanonicalMapping
        return hash(composed, seed: seed).map { (composed, $0) }
    }

    /// Eight bytes at a time, each word mixed in with a multiplication and a shift (as in splitmix64);
    /// the length goes in first, so "a" and "a\0" differ. Nil when a byte is not ASCII.
    private static func hash(_ id: ID, seed: UInt64) -> UInt64? {
        var id = id
        return id.withUTF8 { bytes in
            var hash = seed ^ (UInt64(bytes.count) &* 0x9E37_79B9_7F4A_7C15)
            var highBits: UInt64 = 0
            func mix(_ word: UInt64) {
                highBits |= word
                hash = (hash ^ word) &* 0xBF58_476D_1CE4_E5B9
                hash ^= hash >> 31
            }
            var offset = 0
            if let base = bytes.baseAddress {
                let raw = UnsafeRawPointer(base)
                while offset + 8 <= bytes.count {
                    mix(raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
                    offset += 8
                }
                if offset < bytes.count {
                    var tail: UInt64 = 0
                    for index in offset..<bytes.count { tail |= UInt64(bytes[index]) << (8 * UInt64(index - offset)) }
                    mix(tail)
                }
            }
            guard highBits & 0x8080_8080_8080_8080 == 0 else { return nil }
            hash = (hash ^ (hash >> 27)) &* 0x94D0_49BB_1331_11EB
            return hash ^ (hash >> 31)
        }
    }
}
