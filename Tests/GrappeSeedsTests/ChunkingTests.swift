import GrappeModel
import Testing

@testable import GrappeSeeds

/// Large CSV tables are cut into chunks parsed on separate cores. Cut or not, the network and the
/// diagnostics must be the same.
@Suite struct ChunkingTests {
    static let documents = ("documents.yaml", "documents: [{id: d, title: D}]\n")

    static func nodes(_ count: Int) -> String {
        var text = "Id,Label,Kind,Summary,Provenance\n"
        for index in 0..<count {
            let summary = index % 7 == 0 ? "\"sur\ndeux lignes, \"\"cité\"\"\"" : "simple"
            text += "n\(index),Nœud \(index),\(index % 50 == 0 ? "city" : "organisation"),\(summary),d\n"
        }
        return text
    }

    static func edges(_ count: Int) -> String {
        var text = "Source,Target,Type,Start,End,Weight,Provenance\n"
        for index in 0..<count {
            let broken = index % 97 == 0
            text += "n\(index % 300),n\((index * 7 + 1) % 300),\(index % 3 == 0 ? "supports" : "partner_of"),"
            text += "\(2000 + index % 20),,\(broken ? "lourd" : String(index % 5)),\(index % 11 == 0 ? "x" : "d")\n"
        }
        text += "n1,n404,partner_of,,,1,d\n"
        return text
    }

    func load(chunkSize: Int) -> LoadResult {
        SeedLoader.load(files: [Self.documents, ("nodes.csv", Self.nodes(300)), ("edges.csv", Self.edges(2000))], chunkSize: chunkSize)
    }

    @Test func chunkedAndWholeReadsAgree() throws {
        let whole = load(chunkSize: Int.max)
        let chunked = load(chunkSize: 1)
        #expect(whole.diagnostics == chunked.diagnostics)
        #expect(whole.network.entities == chunked.network.entities)
        #expect(whole.network.relations == chunked.network.relations)
        #expect(try NetworkJSON.encode(whole.network) == NetworkJSON.encode(chunked.network))
    }

    @Test func errorsInLaterChunksKeepTheirLines() {
        let messages = load(chunkSize: 1).diagnostics.map(\.description)
        #expect(messages.contains("edges.csv:1942:27: error: Weight must be a number, found 'lourd'"))
        #expect(messages.contains("edges.csv:2002:4: error: unknown id 'n404' in Target; did you mean 'n104'?"))
        #expect(
            messages.filter { $0.contains("unknown document 'x'") } == [
                // Line 2 also has a bad weight: its unknown document is said all the same.
                "edges.csv:2:28: error: unknown document 'x' in provenance; did you mean 'd'?"
            ])
    }

    @Test func aBadByteInALaterChunkRejectsTheWholeFile() throws {
        var bytes = Array(Self.nodes(300).utf8)
        let at = try #require(bytes.lastIndex(of: UInt8(ascii: "N")))
        bytes[at] = 0xE9
        for chunkSize in [1, Int.max] {
            let result = SeedLoader.load(rawFiles: [(Self.documents.0, Array(Self.documents.1.utf8)), ("nodes.csv", bytes)], chunkSize: chunkSize)
            #expect(result.network.entities.isEmpty)
            #expect(
                result.diagnostics.map(\.description) == [
                    "nodes.csv:344:6: error: file is not valid UTF-8: byte 0xE9 cannot start a character here (the file looks like Latin-1 or Windows-1252: save it as UTF-8)"
                ])
        }
    }
}
