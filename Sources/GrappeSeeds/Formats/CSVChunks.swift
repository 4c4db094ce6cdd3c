#if canImport(Glibc)
import Glibc
#endif

/// Where a CSV file can be cut so that its parts parse on separate cores: at line starts that are
/// not inside a quoted field, with the line number of each cut.
struct CSVChunks {
    struct Chunk {
        var range: Range<Int>
        var firstLine: Int
    }

    /// The header row's bytes and the chunks of the body after it. A file smaller than `minimumSize`
    /// (or with nothing after its header) stays in one chunk.
    static func plan(_ file: SeedFile, parts: Int, minimumSize: Int) -> (header: Chunk, body: [Chunk]) {
        file.bytes.withUnsafeBufferPointer { buffer in
            var position = file.contentStart
            var quoted = false
            var line = 1
            while position < buffer.count {
                let byte = buffer[position]
                position += 1
                if byte == 0x22 { quoted.toggle() }
                if byte == 0x0A {
                    line += 1
                    if !quoted { break }
                }
            }
            let header = Chunk(range: file.contentStart..<position, firstLine: 1)
            let bodySize = buffer.count - position
            guard parts > 1, bodySize >= minimumSize else {
                return (header, [Chunk(range: position..<buffer.count, firstLine: line)])
            }
            let cuts =
                find(buffer, 0x22, in: position..<buffer.count) == nil
                ? cutsWithoutQuotes(buffer, from: position, parts: parts)
                : cutsOutsideQuotes(buffer, from: position, parts: parts)
            var chunks: [Chunk] = []
            var start = position, startLine = line
            for cut in cuts where cut > start && cut < buffer.count {
                chunks.append(Chunk(range: start..<cut, firstLine: startLine))
                startLine += countNewlines(buffer, in: start..<cut)
                start = cut
            }
            chunks.append(Chunk(range: start..<buffer.count, firstLine: startLine))
            return (header, chunks)
        }
    }

    /// With no quote in the body every line start is a safe cut: take the first after each target.
    private static func cutsWithoutQuotes(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int, parts: Int) -> [Int] {
        let size = buffer.count - start
        return (1..<parts).compactMap { part in
            find(buffer, 0x0A, in: (start + size * part / parts)..<buffer.count).map { $0 + 1 }
        }
    }

    /// Otherwise follow the quotes from the start, so a cut never falls inside a quoted field.
    private static func cutsOutsideQuotes(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int, parts: Int) -> [Int] {
        let size = buffer.count - start
        var cuts: [Int] = []
        var quoted = false
        var target = start + size / parts
        var index = start
        while index < buffer.count, cuts.count < parts - 1 {
            let byte = buffer[index]
            index += 1
            if byte == 0x22 { quoted.toggle() }
            if byte == 0x0A, !quoted, index >= target {
                cuts.append(index)
                target = start + size * (cuts.count + 1) / parts
            }
        }
        return cuts
    }

    private static func find(_ buffer: UnsafeBufferPointer<UInt8>, _ byte: UInt8, in range: Range<Int>) -> Int? {
        guard !range.isEmpty, let base = buffer.baseAddress,
            let found = memchr(base + range.lowerBound, Int32(byte), range.count)
        else { return nil }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    static func countNewlines(_ buffer: UnsafeBufferPointer<UInt8>, in range: Range<Int>) -> Int {
        var count = 0
        var position = range.lowerBound
        while let found = find(buffer, 0x0A, in: position..<range.upperBound) {
            count += 1
            position = found + 1
        }
        return count
    }
}
