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
        let bytes = file.bytes
        var position = file.contentStart
        var quoted = false
        var line = 1
        while position < bytes.count {
            let byte = bytes[position]
            position += 1
            if byte == 0x22 { quoted.toggle() }
            if byte == 0x0A {
                line += 1
                if !quoted { break }
            }
        }
        let header = Chunk(range: file.contentStart..<position, firstLine: 1)
        let bodySize = bytes.count - position
        guard parts > 1, bodySize >= minimumSize else {
            return (header, [Chunk(range: position..<bytes.count, firstLine: line)])
        }
        var chunks: [Chunk] = []
        var start = position, startLine = line
        var target = position + bodySize / parts
        bytes.withUnsafeBufferPointer { buffer in
            var quoted = false
            var index = position
            while index < buffer.count {
                let byte = buffer[index]
                index += 1
                if byte == 0x22 { quoted.toggle() }
                guard byte == 0x0A else { continue }
                line += 1
                if !quoted, index >= target, chunks.count < parts - 1 {
                    chunks.append(Chunk(range: start..<index, firstLine: startLine))
                    start = index
                    startLine = line
                    target = start + bodySize / parts
                }
            }
        }
        chunks.append(Chunk(range: start..<bytes.count, firstLine: startLine))
        return (header, chunks)
    }
}
