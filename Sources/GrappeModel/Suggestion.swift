import Foundation

/// "Did you mean …?": the closest candidate to a misspelt word, if one is close enough.
public enum Suggestion {
    /// The candidate with the smallest edit distance (Damerau–Levenshtein, comparing folded text),
    /// when that distance is small for the word's length. Ties go to the first candidate in order.
    public static func nearest<C: Sequence>(to word: String, in candidates: C) -> String? where C.Element == String {
        let target = Array(TextFolding.fold(word).unicodeScalars)
        guard !target.isEmpty else { return nil }
        let limit = max(1, min(3, target.count / 3))
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let folded = Array(TextFolding.fold(candidate).unicodeScalars)
            if abs(folded.count - target.count) > limit { continue }
            let distance = editDistance(target, folded, cutoff: best.map { $0.distance - 1 } ?? limit)
            if distance <= limit, distance < (best?.distance ?? Int.max) {
                best = (candidate, distance)
                if distance == 0 { break }
            }
        }
        return best?.candidate
    }

    /// Optimal string alignment distance; returns more than `cutoff` as soon as it is certain.
    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], cutoff: Int) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previousPrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, previousPrevious[j - 2] + 1)
                }
                current[j] = value
                rowMinimum = min(rowMinimum, value)
            }
            if rowMinimum > cutoff { return rowMinimum }
            (previousPrevious, previous, current) = (previous, current, previousPrevious)
        }
        return previous[b.count]
    }
}

/// Case- and accent-insensitive comparison keys: "TechnoMontréal" and "technomontreal" fold alike.
public enum TextFolding {
    /// Lower case without accents or ligatures, for matching names as people type them.
    public static func fold(_ text: String) -> String {
        // Most names and ids are plain ASCII: lower-case them byte by byte.
        let utf8 = text.utf8
        if utf8.allSatisfy({ $0 < 0x80 }) {
            return String(unsafeUninitializedCapacity: utf8.count) { buffer in
                var count = 0
                for byte in utf8 {
                    buffer[count] = (0x41...0x5A).contains(byte) ? byte + 0x20 : byte
                    count += 1
                }
                return count
            }
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count)
        for scalar in text.unicodeScalars { append(scalar, to: &bytes, lowered: false) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// One scalar, folded: ASCII lower-cased, Latin letters to their base, combining accents dropped;
    /// anything else lower-cased by the standard library, whose result is folded in turn.
    private static func append(_ scalar: Unicode.Scalar, to bytes: inout [UInt8], lowered: Bool) {
        let value = scalar.value
        if value < 0x80 {
            bytes.append((0x41...0x5A).contains(value) ? UInt8(value) + 0x20 : UInt8(value))
        } else if value >= latinStart, value < latinStart + UInt32(latinBase.count), let base = latinBase[Int(value - latinStart)] {
            bytes += base
        } else if let base = otherBase[scalar] {
            bytes += base
        } else if (0x300...0x36F).contains(value) {
            return  // combining accents of decomposed text
        } else if lowered {
            bytes += Array(String(scalar).utf8)
        } else {
            // Any other letter: lower-cased, decomposed (NFD) and its marks dropped, so that "ẵ" is
            // "a" and "ơ", "ư" are "o", "u" (Vietnamese, Greek, Turkish…); the letters decomposition
            // does not split (Đ, Ø, Ł) are in the table above.
            let decomposed = String(scalar).lowercased().decomposedStringWithCanonicalMapping
            for part in decomposed.unicodeScalars where part.properties.generalCategory != .nonspacingMark {
                append(part, to: &bytes, lowered: true)
            }
        }
    }

    /// What a name sorts by: folded, without the emoji, flags, symbols and punctuation it may start
    /// with ("👩‍💻 Devs Québec" sorts as "devs quebec", among the D); a name made only of those keeps them.
    public static func sortKey(_ text: String) -> String {
        let folded = fold(text)
        guard let first = folded.firstIndex(where: { $0.isLetter || $0.isNumber }) else { return folded }
        return first == folded.startIndex ? folded : String(folded[first...])
    }

    /// An id made from a name: `Ville de Laval` → `ville-de-laval`.
    public static func slug(_ text: String) -> String {
        var result = ""
        for character in fold(text) {
            if character.isASCII, character.isLetter || character.isNumber {
                result.append(character)
            } else if !result.isEmpty, result.last != "-" {
                result.append("-")
            }
        }
        while result.last == "-" { result.removeLast() }
        return result.isEmpty ? "item" : result
    }

    /// Latin letters with diacritics and ligatures, as found in French, Québécois and European names,
    /// in both cases; and typographic quotes and dashes.
    private static let baseLetter: [Unicode.Scalar: String] = {
        let groups: [(String, String)] = [
            ("a", "àáâãäåāăą"), ("c", "çćĉċč"), ("d", "ďđ"), ("e", "èéêëēĕėęě"), ("g", "ĝğġģ"),
            ("h", "ĥħ"), ("i", "ìíîïĩīĭįı"), ("j", "ĵ"), ("k", "ķ"), ("l", "ĺļľŀł"), ("n", "ñńņňŉ"),
            ("o", "òóôõöøōŏő"), ("r", "ŕŗř"), ("s", "śŝşšș"), ("t", "ţťŧț"), ("u", "ùúûüũūŭůűų"),
            ("w", "ŵ"), ("y", "ýÿŷ"), ("z", "źżž"), ("ae", "æ"), ("oe", "œ"), ("ss", "ß"),
            ("'", "’‘"), ("-", "‐‑–—"),
        ]
        var table: [Unicode.Scalar: String] = [:]
        for (base, letters) in groups {
            for scalar in letters.unicodeScalars {
                table[scalar] = base
                // The capital, when it is one scalar that lower-cases back to this letter (not ß → SS).
                let upper = String(scalar).uppercased().unicodeScalars
                if upper.count == 1, let capital = upper.first, capital != scalar, String(capital).lowercased() == String(scalar) {
                    table[capital] = base
                }
            }
        }
        return table
    }()

    /// The table above for U+00C0…U+024F as a flat array, and the rest as a dictionary.
    private static let latinStart: UInt32 = 0xC0
    private static let latinBase: [[UInt8]?] = (latinStart..<0x250).map { value in
        Unicode.Scalar(value).flatMap { baseLetter[$0] }.map { Array($0.utf8) }
    }
    private static let otherBase: [Unicode.Scalar: [UInt8]] = baseLetter.filter { $0.key.value < latinStart || $0.key.value >= 0x250 }
        .mapValues { Array($0.utf8) }
}
