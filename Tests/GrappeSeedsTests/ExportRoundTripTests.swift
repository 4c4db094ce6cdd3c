import Foundation
import GrappeModel
import GrappeSeeds
import Testing

@Suite struct ExportRoundTripTests {
    @Test func exportLoadsBackAsTheSameNetwork() throws {
        let original = try SeedLoader.load(path: Paths.seeds).network
        let data = try NetworkJSON.encode(original)
        let reloaded = SeedLoader.load(files: [("network.json", String(decoding: data, as: UTF8.self))])
        #expect(reloaded.diagnostics.map(\.description) == [])
        let copy = reloaded.network
        #expect(copy.documents.sorted { $0.id < $1.id } == original.documents.sorted { $0.id < $1.id })
        #expect(copy.entities.sorted { $0.id < $1.id } == original.entities.sorted { $0.id < $1.id })
        #expect(copy.records.sorted { $0.id < $1.id } == original.records.sorted { $0.id < $1.id })
        #expect(Set(copy.relations) == Set(original.relations))
        #expect(copy.relations.count == original.relations.count)
        #expect(try NetworkJSON.encode(copy) == data, "a second export is byte for byte the first")
    }

    @Test func exportIsIndependentOfFileOrder() throws {
        let a = """
            documents: [{id: d, title: D}]
            cities: [{id: b, name: B, sources: [d]}, {id: a, name: A, sources: [d]}]
            relations: [{from: b, to: a, type: partner_of, sources: [d]}, {from: a, to: b, type: supports, sources: [d]}]

            """
        let b = """
            documents: [{id: d, title: D}]
            cities: [{id: a, name: A, sources: [d]}, {id: b, name: B, sources: [d]}]
            relations: [{from: a, to: b, type: supports, sources: [d]}, {from: b, to: a, type: partner_of, sources: [d]}]

            """
        let first = try NetworkJSON.encode(SeedLoader.load(files: [("x.yaml", a)]).network)
        let second = try NetworkJSON.encode(SeedLoader.load(files: [("x.yaml", b)]).network)
        #expect(first == second)
    }

    @Test func jsonFromANewerGrappeIsRefused() {
        let json = #"{"format":"grappe-network","version":99,"name":"x","documents":[],"entities":[],"relations":[],"records":[]}"#
        #expect(
            SeedLoader.load(files: [("n.json", json)]).diagnostics.map(\.description) == [
                "n.json:1:1: error: written by a newer Grappe (format version 99; this one reads up to 1)"
            ])
    }

    @Test func badValuesInJSONNameTheirPath() {
        let json =
            #"{"format":"grappe-network","version":1,"name":"x","documents":[],"entities":[{"id":"a","kind":"city","name":"A","founded":"2013-13"}],"relations":[],"records":[]}"#
        let messages = SeedLoader.load(files: [("n.json", json)]).diagnostics.map(\.description)
        #expect(messages.count == 1)
        #expect(messages.first?.hasPrefix("n.json:1:1: error: not a Grappe network export: entities[0].founded: month 13") == true)
    }
}
