import Dispatch
import Foundation
import GrappeModel

/// Case- and accent-insensitive fuzzy matching: the query's letters in order, anywhere in the text.
public enum Fuzzy {
    /// The positions of the names that match (among `pool`, or all), best first when `ranked` (ties
    /// keep the pool's order). Scoring runs on all cores over fixed slices; ranking is a bucket sort,
    /// as scores are small integers.
    public static func filter(_ names: PackedText, pool: [Int32]?, query: [UInt8], ranked: Bool) -> [Int32] {
        let count = pool?.count ?? names.count
        let slices = count < 20_000 ? 1 : 8
        final class Part: @unchecked Sendable { var matches: [(index: Int32, score: Int32)] = [] }
        let parts = (0..<slices).map { _ in Part() }
        let work: @Sendable (Int) -> Void = { slice in
            let lower = count * slice / slices, upper = count * (slice + 1) / slices
            var found: [(index: Int32, score: Int32)] = []
            query.withUnsafeBufferPointer { (query: UnsafeBufferPointer<UInt8>) -> Void in
                names.bytes.withUnsafeBufferPointer { (bytes: UnsafeBufferPointer<UInt8>) -> Void in
                    for position in lower..<upper {
                        let index = pool.map { Int($0[position]) } ?? position
                        let start = Int(names.starts[index]), end = Int(names.starts[index + 1])
                        let text = UnsafeBufferPointer(rebasing: bytes[start..<end])
                        if let scored = Fuzzy.score(query, in: text) { found.append((Int32(index), Int32(min(scored, 4095)))) }
                    }
                }
            }
            parts[slice].matches = found
        }
        if slices == 1 { work(0) } else { DispatchQueue.concurrentPerform(iterations: slices, execute: work) }
        let matches = parts.flatMap(\.matches)
        guard ranked else { return matches.map(\.index) }
        var counts = [Int](repeating: 0, count: 4097)
        for match in matches { counts[Int(match.score) + 1] += 1 }
        for bucket in 1..<counts.count { counts[bucket] += counts[bucket - 1] }
        var order = [Int32](repeating: 0, count: matches.count)
        for match in matches {
            order[counts[Int(match.score)]] = match.index
            counts[Int(match.score)] += 1
        }
        return order
    }

    /// A score (lower is better) when every byte of `query` appears in order in `text`; contiguous
    /// matches beat scattered ones, early ones beat late ones.
    public static func score(_ query: [UInt8], in text: [UInt8]) -> Int? {
        query.withUnsafeBufferPointer { query in text.withUnsafeBufferPointer { text in score(query, in: text) } }
    }

    /// The same on buffers: this runs for every row of a list on each key typed in a filter.
    static func score(_ query: UnsafeBufferPointer<UInt8>, in text: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let first = query.first else { return 0 }
        guard text.count >= query.count, let base = text.baseAddress else { return nil }
        // Contiguous occurrence first: memchr finds each candidate start.
        var start = 0
        let lastStart = text.count - query.count
        while start <= lastStart {
            guard let found = memchr(base + start, Int32(first), lastStart - start + 1) else { break }
            start = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            var matched = 1
            while matched < query.count, text[start + matched] == query[matched] { matched += 1 }
            if matched == query.count { return start }
            start += 1
        }
        var wanted = 0, firstAt = -1, lastAt = 0
        for index in 0..<text.count where text[index] == query[wanted] {
            if firstAt < 0 { firstAt = index }
            lastAt = index
            wanted += 1
            if wanted == query.count { return 1000 + firstAt + (lastAt - firstAt - query.count + 1) * 4 }
        }
        return nil
    }

    /// Positions (in characters of the folded text) of the matched letters, or nil.
    /// A contiguous match is preferred when there is one.
    public static func match(_ query: String, in folded: String) -> [Int]? {
        guard !query.isEmpty else { return [] }
        if let range = folded.range(of: query) {
            let start = folded.distance(from: folded.startIndex, to: range.lowerBound)
            return Array(start..<(start + query.count))
        }
        var positions: [Int] = []
        var wanted = query.startIndex
        for (offset, character) in folded.enumerated() where character == query[wanted] {
            positions.append(offset)
            wanted = query.index(after: wanted)
            if wanted == query.endIndex { return positions }
        }
        return nil
    }
}
