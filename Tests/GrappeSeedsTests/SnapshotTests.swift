import Foundation
import GrappeAnalysis
import GrappeModel
import GrappeSeeds
import Testing

/// A snapshot must give back exactly what parsing the seeds gives, and never anything when it is
/// damaged or the seeds changed.
@Suite struct SnapshotTests {
    /// A folder of seed files using every field a snapshot stores, and a few problems (diagnostics).
    static func writeSeeds(to folder: String) throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let nodes = """
            Id,Label,Kind,Type,Acronym,Aliases,Country,Region,Sector,Founded,Summary,Website,Provenance,Employees
            lille,Lille,city,,,,FR,Hauts-de-France,,,,,doc-a,
            montreal,Montréal,city,,,Ville-Marie | MTL,CA,Québec,,,,,doc-a: named in passing,
            picom,Pôle PICOM,pole,,PICOM,,,,commerce,2005~,"Le pôle ""PICOM"", à Lille",https://example.org,doc-a | doc-b: its founding,
            acme,ACME,organisation,company,,,,,logistique,2019-03,,,doc-b,120
            widget,Widget inc.,organisation,startup,,,,,,,\u{1B}[31mred,,,
            ghost,Ghost,organisation,no-such-type,,,,,,,,,doc-a,
            """
        let edges = """
            Source,Target,Type,Label,Title,Start,End,Weight,Note,Provenance
            acme,lille,based_in,,,,,1,,doc-a
            picom,lille,based_in,siège,,2005,,,,doc-a
            acme,picom,member_of,adhérent,,2019-03-01,2024?,2.5,renouvelé en 2022,doc-a | doc-b: the list of members
            widget,picom,partner_of,,,,,,,
            widget,lille,based_in,,,XXXX-10,2024-23%,,,
            widget,montreal,partner_of,,,2021-05-03~,2022?,,,
            acme,nobody,partner_of,,,,,,,doc-a
            """
        let yaml = """
            documents:
              - {id: doc-a, title: "Article A", published: 2024-05-02, language: fr}
              - {id: doc-b, title: "Billet B", kind: blog}
            agreements:
              - id: agreement-1
                title: "Entente tripartite"
                signed: 2024-05
                place: lille
                status: in_force
                parties:
                  - {id: picom, role: signatory}
                  - {id: acme, role: signatory}
                sources: [doc-a]
            """
        try nodes.write(toFile: folder + "/nodes.csv", atomically: true, encoding: .utf8)
        try edges.write(toFile: folder + "/edges.csv", atomically: true, encoding: .utf8)
        try yaml.write(toFile: folder + "/records.yaml", atomically: true, encoding: .utf8)
        try "not a seed".write(toFile: folder + "/notes.bin", atomically: true, encoding: .utf8)
    }

    static func temporaryFolder() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("grappe-snapshot-\(UUID().uuidString)").path
    }

    static func expectSame(_ a: LoadResult, _ b: LoadResult) {
        #expect(a.network.name == b.network.name)
        #expect(a.network.entities == b.network.entities)
        #expect(a.network.relations == b.network.relations)
        #expect(a.network.records == b.network.records)
        #expect(a.network.documents == b.network.documents)
        #expect(a.diagnostics == b.diagnostics)
        #expect(a.files == b.files)
    }

    @Test func theCuratedSeedsComeBackExactly() throws {
        let parsed = try SeedLoader.load(path: Paths.seeds)
        let fingerprint = try #require(SeedSnapshot.Fingerprint.of(path: Paths.seeds))
        let bytes = try SeedSnapshot.encode(parsed, fingerprint: fingerprint)
        let decoded = try #require(SeedSnapshot.decode(bytes, expecting: fingerprint))
        Self.expectSame(parsed, decoded)
        #expect(!parsed.network.relations.isEmpty && !parsed.network.records.isEmpty)
    }

    /// A snapshot says where each relation's ends are among the entities, and the graph built from
    /// that is the graph built by looking every id up.
    @Test func theRelationEndsItKeepsBuildTheSameGraph() throws {
        let folder = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Self.writeSeeds(to: folder)
        for path in [Paths.seeds, folder] {
            let parsed = try SeedLoader.load(path: path)
            let fingerprint = try #require(SeedSnapshot.Fingerprint.of(path: path))
            let decoded = try #require(SeedSnapshot.decode(try SeedSnapshot.encode(parsed, fingerprint: fingerprint), expecting: fingerprint)).network
            let ends = try #require(decoded.relationEnds)
            let position = Dictionary(
                decoded.entities.enumerated().map { ($0.element.id, Int32($0.offset)) }, uniquingKeysWith: { first, _ in first })
            #expect(ends == decoded.relations.flatMap { [position[$0.from] ?? -1, position[$0.to] ?? -1] })
            // Parsing notes the same ends while checking them.
            #expect(parsed.network.relationEnds == ends)
            let hinted = MetricsGraph(network: decoded), looked = MetricsGraph(network: parsed.network)
            #expect(hinted.ids == looked.ids && hinted.relationEnds == looked.relationEnds)
            #expect(hinted.offsets == looked.offsets && hinted.neighbours == looked.neighbours)
        }
    }

    /// An id given to two entities (an error) still leads its relations to one node, the same one
    /// whether the graph is built from the noted ends or by looking ids up.
    @Test func endsNotedWhileCheckingAgreeWithLookupsDespiteARepeatedID() throws {
        let folder = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try "Id,Label,Kind\nlille,Lille,city\nacme,ACME,organisation\nzed,Zed,organisation\nacme,ACME again,organisation\n"
            .write(toFile: folder + "/nodes.csv", atomically: true, encoding: .utf8)
        try "Source,Target,Type\nacme,lille,based_in\nzed,acme,partner_of\nzed,nowhere,partner_of\nzed,lille,based_in\n"
            .write(toFile: folder + "/edges.csv", atomically: true, encoding: .utf8)
        let parsed = try SeedLoader.load(path: folder)
        #expect(parsed.diagnostics.contains { $0.message.contains("acme") })
        #expect(parsed.network.relations.count == 3)
        let ends = try #require(parsed.network.relationEnds)
        let entities = parsed.network.entities
        #expect(
            zip(parsed.network.relations, stride(from: 0, to: ends.count, by: 2)).allSatisfy { relation, slot in
                entities[Int(ends[slot])].id == relation.from && entities[Int(ends[slot + 1])].id == relation.to
            })
        let unhinted = Network(name: "n", entities: entities, relations: parsed.network.relations)
        let hinted = MetricsGraph(network: parsed.network), looked = MetricsGraph(network: unhinted)
        #expect(hinted.ids == looked.ids && hinted.relationEnds == looked.relationEnds)
        #expect(hinted.offsets == looked.offsets && hinted.neighbours == looked.neighbours)
    }

    @Test func everyFieldAndDiagnosticComesBackExactly() throws {
        let folder = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Self.writeSeeds(to: folder)
        let parsed = try SeedLoader.load(path: folder)
        #expect(parsed.hasErrors, "the seeds hold an unknown type and an unknown id")
        #expect(parsed.diagnostics.contains { $0.severity == .warning })
        #expect(parsed.network.relations.contains { $0.start != nil && $0.end != nil && $0.weight == 2.5 && $0.note != nil && $0.sources.count == 2 })
        // Dates, kept as bits rather than text: a year not known, a season, qualifiers.
        #expect(parsed.network.relations.contains { $0.start?.description == "XXXX-10" && $0.end?.description == "2024-23%" })
        #expect(parsed.network.relations.contains { $0.start?.description == "2021-05-03~" && $0.end?.description == "2022?" })
        #expect(parsed.network.entities.contains { !$0.attributes.isEmpty && $0.founded != nil })
        let fingerprint = try #require(SeedSnapshot.Fingerprint.of(path: folder))
        let decoded = try #require(SeedSnapshot.decode(try SeedSnapshot.encode(parsed, fingerprint: fingerprint), expecting: fingerprint))
        Self.expectSame(parsed, decoded)
    }

    @Test func manyRelationsDecodeInChunksInTheirOrder() throws {
        let folder = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        var nodes = "Id,Label,Kind\n", edges = "Source,Target,Type,Weight,Provenance\n"
        for node in 0..<400 { nodes += "n\(node),Nœud \(node),organisation\n" }
        for edge in 0..<150_000 { edges += "n\(edge % 400),n\((edge * 7 + 1) % 400),partner_of,\(edge % 5),\n" }
        try (nodes + "").write(toFile: folder + "/nodes.csv", atomically: true, encoding: .utf8)
        try edges.write(toFile: folder + "/edges.csv", atomically: true, encoding: .utf8)
        let parsed = try SeedLoader.load(path: folder)
        #expect(parsed.network.relations.count == 150_000)
        let fingerprint = try #require(SeedSnapshot.Fingerprint.of(path: folder))
        let decoded = try #require(SeedSnapshot.decode(try SeedSnapshot.encode(parsed, fingerprint: fingerprint), expecting: fingerprint))
        Self.expectSame(parsed, decoded)
    }

    @Test func aDamagedOrTruncatedSnapshotIsRefused() throws {
        let parsed = try SeedLoader.load(path: Paths.seeds)
        let fingerprint = try #require(SeedSnapshot.Fingerprint.of(path: Paths.seeds))
        let bytes = try SeedSnapshot.encode(parsed, fingerprint: fingerprint)
        for position in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 97)) {
            var damaged = bytes
            damaged[position] ^= 0x40
            #expect(SeedSnapshot.decode(damaged, expecting: fingerprint) == nil, "byte \(position) changed")
        }
        for length in [0, 4, 8, bytes.count / 2, bytes.count - 9, bytes.count - 1] {
            #expect(SeedSnapshot.decode(Array(bytes[0..<length]), expecting: fingerprint) == nil, "cut at \(length)")
        }
        #expect(SeedSnapshot.decode(Array("not a snapshot at all, just text".utf8), expecting: fingerprint) == nil)
    }

    @Test func changedSeedsAreParsedAgain() throws {
        let folder = Self.temporaryFolder(), cache = Self.temporaryFolder()
        defer {
            try? FileManager.default.removeItem(atPath: folder)
            try? FileManager.default.removeItem(atPath: cache)
        }
        try Self.writeSeeds(to: folder)
        let snapshot = cache + "/grappe/snapshots/seeds.snapshot"

        let first = try SeedSnapshot.load(path: folder, snapshot: snapshot)
        #expect(!first.fromSnapshot)
        #expect(SeedSnapshot.save(first.result, fingerprint: try #require(first.fingerprint), to: snapshot))
        let attributes = try FileManager.default.attributesOfItem(atPath: snapshot)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)

        let second = try SeedSnapshot.load(path: folder, snapshot: snapshot)
        #expect(second.fromSnapshot)
        Self.expectSame(first.result, second.result)

        // An edited file (another size and time).
        let handle = try #require(FileHandle(forWritingAtPath: folder + "/edges.csv"))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("\nwidget,lille,based_in,,,,,,,doc-a\n".utf8))
        try handle.close()
        let third = try SeedSnapshot.load(path: folder, snapshot: snapshot)
        #expect(!third.fromSnapshot)
        #expect(third.result.network.relations.count == first.result.network.relations.count + 1)
        #expect(SeedSnapshot.save(third.result, fingerprint: try #require(third.fingerprint), to: snapshot))
        #expect(try SeedSnapshot.load(path: folder, snapshot: snapshot).fromSnapshot)

        // A new file, even one the loader ignores, and a file removed.
        try "x".write(toFile: folder + "/more.bin", atomically: true, encoding: .utf8)
        #expect(!(try SeedSnapshot.load(path: folder, snapshot: snapshot).fromSnapshot))
        try FileManager.default.removeItem(atPath: folder + "/more.bin")
        #expect(try SeedSnapshot.load(path: folder, snapshot: snapshot).fromSnapshot)
        try FileManager.default.removeItem(atPath: folder + "/notes.bin")
        #expect(!(try SeedSnapshot.load(path: folder, snapshot: snapshot).fromSnapshot))

        // Another network name.
        #expect(!(try SeedSnapshot.load(path: folder, snapshot: snapshot, name: "Autre").fromSnapshot))
    }

    @Test func theSnapshotLivesInTheUsersCacheFolder() {
        #expect(
            SeedSnapshot.location(for: "/data/seeds", environment: ["XDG_CACHE_HOME": "/c", "HOME": "/h"])?.hasPrefix("/c/grappe/snapshots/") == true)
        #expect(SeedSnapshot.location(for: "/data/seeds", environment: ["HOME": "/h"])?.hasPrefix("/h/.cache/grappe/snapshots/") == true)
        #expect(
            SeedSnapshot.location(for: "/data/seeds", environment: ["XDG_CACHE_HOME": "relative", "HOME": "/h"])?.hasPrefix("/h/.cache/") == true)
        #expect(SeedSnapshot.location(for: "/data/seeds", environment: [:]) == nil)
        #expect(
            SeedSnapshot.location(for: "/data/seeds", environment: ["HOME": "/h"])
                != SeedSnapshot.location(for: "/data/other", environment: ["HOME": "/h"]))
    }
}
