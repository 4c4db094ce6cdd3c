import GrappeGenerator
import GrappeModel
import GrappeSeeds
import Testing

@Suite struct GeneratorTests {
    let options = NetworkGenerator.Options(organisations: 600, relations: 3000, seed: 11)

    @Test func sameSeedSameFiles() {
        #expect(NetworkGenerator.generate(options) == NetworkGenerator.generate(options))
    }

    @Test func otherSeedOtherNetwork() {
        var other = options
        other.seed = 12
        #expect(NetworkGenerator.generate(options) != NetworkGenerator.generate(other))
    }

    @Test func generatedSeedsLoadCleanWithTheRequestedSize() throws {
        let files = NetworkGenerator.generate(options)
        #expect(files.map(\.name) == ["network.yaml", "documents.yaml", "edges.csv", "nodes.csv", "records.yaml"])
        let result = SeedLoader.load(files: files.map { (path: $0.name, contents: $0.contents) })
        #expect(result.diagnostics.filter { $0.severity == .error }.map(\.description) == [])
        let network = result.network
        #expect(network.entities(ofKind: .organisation).count == 600)
        #expect(network.relations.count == 3000)
        for kind in EntityKind.allCases { #expect(!network.entities(ofKind: kind).isEmpty, "no \(kind)") }
        for kind in RecordKind.allCases { #expect(!network.records(ofKind: kind).isEmpty, "no \(kind)") }
    }

    @Test func degreesAreHeavyTailed() {
        let files = NetworkGenerator.generate(.init(organisations: 5000, relations: 25000, seed: 3))
        let network = SeedLoader.load(files: files.map { (path: $0.name, contents: $0.contents) }).network
        var degree: [ID: Int] = [:]
        for relation in network.relations where relation.type != .basedIn {
            degree[relation.from, default: 0] += 1
            degree[relation.to, default: 0] += 1
        }
        let organisations = network.entities(ofKind: .organisation).map { degree[$0.id] ?? 0 }
        let mean = Double(organisations.reduce(0, +)) / Double(organisations.count)
        let maximum = organisations.max() ?? 0
        #expect(Double(maximum) > 10 * mean, "max degree \(maximum) against mean \(mean): no hubs")
        let median = organisations.sorted()[organisations.count / 2]
        #expect(Double(median) < mean, "a power law has its median below its mean")
    }
}
