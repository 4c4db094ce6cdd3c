import Foundation
import GrappeAnalysis
import GrappeModel
import GrappeSeeds
import Testing

/// Every metric of every node equals networkx's on four classic networks, to 1e-9. The networks are
/// read through the real seed loader from Gephi CSV; `Fixtures/make_fixtures.py` wrote them and
/// networkx's values.
@Suite struct ClassicNetworkTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/classic")
    static let names = ["florentine-families", "karate-club", "davis-southern-women", "les-miserables"]

    struct Expected: Decodable {
        struct Node: Decodable {
            let degree: Int
            let degree_centrality: Double
            let betweenness: Double
            let closeness: Double
            let pagerank: Double
            let clustering: Double
            let component: Int
        }
        let nodes: [String: Node]
        let reference_partition: [[String]]
        let reference_modularity: Double
        let networkx_louvain_modularity: Double
        let average_clustering: Double
        let density: Double
        let diameter_largest_component: Int
        let average_shortest_path_largest_component: Double
    }

    static func load(_ name: String) throws -> (graph: MetricsGraph, expected: Expected) {
        let folder = fixtures.appendingPathComponent(name)
        let result = try SeedLoader.load(path: folder.appendingPathComponent("seeds").path)
        #expect(result.diagnostics.map(\.description) == [])
        let expected = try JSONDecoder().decode(Expected.self, from: Data(contentsOf: folder.appendingPathComponent("expected.json")))
        return (MetricsGraph(network: result.network), expected)
    }

    @Test(arguments: names)
    func everyMetricMatchesNetworkx(_ name: String) throws {
        let (graph, expected) = try Self.load(name)
        #expect(graph.nodeCount == expected.nodes.count)
        let metrics = NodeMetrics(graph)
        #expect(metrics.mode == .exact)
        for (node, id) in graph.ids.enumerated() {
            let reference = try #require(expected.nodes[id], "\(id) missing from networkx's values")
            #expect(metrics.degree[node] == reference.degree, "\(name) \(id) degree")
            #expect(abs(metrics.degreeCentrality[node] - reference.degree_centrality) < 1e-9, "\(name) \(id) degree centrality")
            #expect(abs(metrics.betweenness[node] - reference.betweenness) < 1e-9, "\(name) \(id) betweenness")
            #expect(abs(metrics.closeness[node] - reference.closeness) < 1e-9, "\(name) \(id) closeness")
            #expect(abs(metrics.pagerank[node] - reference.pagerank) < 1e-9, "\(name) \(id) pagerank")
            #expect(abs(metrics.clustering[node] - reference.clustering) < 1e-9, "\(name) \(id) clustering")
        }
        // Component numbers differ between tools; the partition must be the same.
        var pairs = Set<[Int]>()
        for (node, id) in graph.ids.enumerated() { pairs.insert([metrics.components.membership[node], expected.nodes[id]!.component]) }
        #expect(pairs.count == metrics.components.sizes.count)
    }

    @Test(arguments: names)
    func modularityMatchesNetworkxOnTheSamePartition(_ name: String) throws {
        let (graph, expected) = try Self.load(name)
        var membership = [Int](repeating: -1, count: graph.nodeCount)
        for (block, ids) in expected.reference_partition.enumerated() {
            for id in ids { membership[try #require(graph.index(of: id))] = block }
        }
        #expect(abs(Louvain.modularity(graph, membership: membership) - expected.reference_modularity) < 1e-9)
    }

    @Test(arguments: names)
    func louvainFindsAsGoodAPartitionAsNetworkx(_ name: String) throws {
        let (graph, expected) = try Self.load(name)
        let result = Louvain.communities(graph, seed: 1)
        #expect(
            result.modularity >= expected.networkx_louvain_modularity - 0.02,
            "\(name): \(result.modularity) against networkx's \(expected.networkx_louvain_modularity)")
        #expect(abs(result.modularity - Louvain.modularity(graph, membership: result.membership)) < 1e-12)
        #expect(Louvain.communities(graph, seed: 1).membership == result.membership, "same seed, same partition")
    }

    @Test(arguments: names)
    func networkLevelFigures(_ name: String) throws {
        let (graph, expected) = try Self.load(name)
        let summary = GraphStatistics(graph)
        #expect(abs(summary.density - expected.density) < 1e-12)
        #expect(abs(summary.averageClustering - expected.average_clustering) < 1e-9)
        #expect(summary.diameter == expected.diameter_largest_component)
        #expect(abs(summary.averageShortestPath! - expected.average_shortest_path_largest_component) < 1e-9)
        #expect(summary.distancesAreExact)
    }

    @Test func sampledBetweennessWithEveryPivotIsExact() throws {
        let (graph, _) = try Self.load("les-miserables")
        let exact = Centrality.betweenness(graph)
        let sampled = Centrality.betweenness(graph, mode: .sampled(k: graph.nodeCount, seed: 3))
        for node in 0..<graph.nodeCount { #expect(abs(exact[node] - sampled[node]) < 1e-12) }
    }

    @Test func sampledBetweennessIsSeededAndClose() throws {
        let (graph, _) = try Self.load("les-miserables")
        let exact = Centrality.betweenness(graph)
        let a = Centrality.betweenness(graph, mode: .sampled(k: 60, seed: 7))
        let b = Centrality.betweenness(graph, mode: .sampled(k: 60, seed: 7))
        #expect(a == b)
        let top = exact.indices.max { exact[$0] < exact[$1] }!
        #expect(a.indices.max { a[$0] < a[$1] }! == top, "the most central node stays on top")
    }
}
