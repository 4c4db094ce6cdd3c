/// Byte-level looks at an XML graph file, for what runs once per file or once per edge.
extension XMLGraphReader {
    /// Whether a label only says a relation type in words (`partner of` for `partner_of`), compared
    /// byte by byte: it runs for every edge.
    static func sameWords(_ label: String, type: String?) -> Bool {
        guard let type, type.utf8.count == label.utf8.count else { return false }
        return zip(label.utf8, type.utf8).allSatisfy { $0 == $1 || ($0 == 0x20 && $1 == 0x5F) }
    }

    /// Where the first entity declaration (`<!ENTITY`) is, looking only before the root element
    /// (the first `<` followed by a name): the only place a document declares them.
    static func entityDeclaration(in bytes: [UInt8]) -> Range<Int>? {
        let marker = Array("<!ENTITY".utf8)
        var index = 0
        while index < bytes.count {
            if bytes[index] == 0x3C, index + 1 < bytes.count {
                let next = bytes[index + 1]
                if next != 0x21, next != 0x3F { return nil }  // neither <! nor <?: the root element
                if bytes[index...].starts(with: marker) { return index..<(index + marker.count) }
            }
            index += 1
        }
        return nil
    }
}
