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
    public static func fold(_ text: String) -> String {
        // Most names and ids are plain ASCII: lower-case them byte by byte.
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            return String(decoding: text.utf8.map { (0x41...0x5A).contains($0) ? $0 + 0x20 : $0 }, as: UTF8.self)
        }
        var result = String.UnicodeScalarView()
        for scalar in text.lowercased().unicodeScalars {
            if let base = baseLetter[scalar] {
                result.append(contentsOf: base.unicodeScalars)
            } else if (0x300...0x36F).contains(scalar.value) {
                continue  // combining accents of decomposed text
            } else {
                result.append(scalar)
            }
        }
        return String(result)
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

    /// Latin letters with diacritics and ligatures, as found in French, Québécois and European names.
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
            for scalar in letters.unicodeScalars { table[scalar] = base }
        }
        return table
    }()
}
