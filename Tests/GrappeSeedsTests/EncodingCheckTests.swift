import Testing

@testable import GrappeSeeds

/// The encoding check reads eight ASCII bytes at a time; a bad byte or a NUL must still be found at
/// its exact offset wherever it falls against those eight-byte steps, and good UTF-8 must pass.
@Suite struct EncodingCheckTests {
    static let ascii = Array("Id,Label,Kind\nn1,Nœud un,city\nn2,Deux,organisation\n".utf8)

    @Test(arguments: [UInt8(0x00), 0xFF, 0x80, 0xC3, 0xED])
    func aBadByteIsFoundAtItsOffsetWherever(bad: UInt8) {
        for position in Self.ascii.indices where Self.ascii[position] < 0x80 {
            var bytes = Self.ascii
            bytes[position] = bad
            let problem = UTF8Problem.find(in: bytes, range: 0..<bytes.count)
            #expect(problem?.offset == position, "bad byte \(bad) at \(position)")
            #expect(problem?.byte == bad)
        }
    }

    @Test func wellFormedTextPassesAndTheRangeIsHonoured() {
        let text = Array("Café ❤️ Montréal, 🇫🇷 French Tech Lyon, ville de Laval — 12 000 €\n".utf8)
        #expect(UTF8Problem.find(in: text, range: 0..<text.count) == nil)
        var bytes = text + [0xFF] + text
        #expect(UTF8Problem.find(in: bytes, range: 0..<bytes.count)?.offset == text.count)
        #expect(UTF8Problem.find(in: bytes, range: (text.count + 1)..<bytes.count) == nil)
        bytes[text.count] = 0x00
        #expect(UTF8Problem.find(in: bytes, range: 0..<text.count) == nil)
        #expect(UTF8Problem.find(in: bytes, range: 3..<bytes.count)?.offset == text.count)
    }
}
