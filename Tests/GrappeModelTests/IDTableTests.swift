import GrappeModel
import Testing

/// The id table gives what a dictionary of first positions gives, for any ids, and names the repeats.
@Suite struct IDTableTests {
    @Test func findsTheFirstPositionOfEveryIdAndNothingElse() {
        // Lengths around the eight-byte words the hash reads, accents and emoji, and duplicates.
        var ids: [String] = []
        for length in 0...40 {
            ids.append(String(repeating: "a", count: length))
            ids.append(String(repeating: "é", count: length))
        }
        ids += ["org-000001", "org-000002", "ville-de-laval", "café-❤️-montréal", "🇫🇷-french-tech", "a", "org-000001"]
        ids += (0..<5_000).map { "n\($0)" }
        var expected: [String: Int] = [:]
        for (position, id) in ids.enumerated() where expected[id] == nil { expected[id] = position }

        let table = IDTable(ids)
        for (id, position) in expected { #expect(table[id] == position, "\(id)") }
        let repeats = ids.indices.filter { expected[ids[$0]] != $0 }.map { ($0, expected[ids[$0]]!) }
        #expect(table.repeats.map(\.position) == repeats.map(\.0))
        #expect(table.repeats.map(\.first) == repeats.map(\.1))
        for missing in ["org-000003", "n5000", "n-1", "aa\u{0}", "A", "ville-de-laval ", "e\u{301}\u{301}"] {
            #expect(table[missing] == nil, "\(missing)")
        }
        // "é" written with a combining accent is the same String as the precomposed one, as in a
        // dictionary: Swift compares strings by canonical equivalence.
        #expect(table["e\u{301}e\u{301}"] == expected["éé"])
    }

    /// An id that is not ASCII but composes to ASCII (the Kelvin sign is the letter K) is the same
    /// String as the ASCII one, both ways round, and the first of them wins.
    @Test func followsCanonicalEquivalenceAsADictionaryDoes() {
        let kelvin = "\u{212A}"
        #expect(kelvin == "K")
        let table = IDTable(["x", kelvin, "K", "y"])
        #expect(table["K"] == 1)
        #expect(table[kelvin] == 1)
        let other = IDTable(["K", kelvin])
        #expect(other[kelvin] == 0)
        #expect(other.repeats.map(\.position) == [1] && other.repeats.map(\.first) == [0])
        #expect(table["y"] == 3)
    }

    @Test func anEmptyTableFindsNothing() {
        let table = IDTable([String]())
        #expect(table["x"] == nil)
        #expect(table[""] == nil)
    }
}
