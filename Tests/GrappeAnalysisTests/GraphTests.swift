import GrappeAnalysis
import GrappeModel
import Testing

@Suite struct GraphTests {
    @Test func parallelEdgesCountOnceAndSelfLoopsAreDropped() {
        let graph = MetricsGraph(ids: ["a", "b", "c"], edges: [(0, 1), (1, 0), (0, 1), (2, 2), (1, 2)])
        #expect(graph.edgeCount == 2)
        #expect(Array(graph.neighbours(of: 1)) == [0, 2])
        #expect(graph.hasEdge(0, 1) && !graph.hasEdge(0, 2))
    }

    /// Rows are built without sorting them (see `compressedRows`): on random multigraphs with loops,
    /// each row is still exactly its neighbours, sorted, once each.
    @Test func rowsHoldEachNeighbourOnceInOrder() {
        var generator = SystemRandomNumberGenerator()
        for round in 0..<20 {
            let nodeCount = Int.random(in: 1...60, using: &generator)
            let edges = (0..<Int.random(in: 0...400, using: &generator)).map { _ in
                (Int.random(in: 0..<nodeCount, using: &generator), Int.random(in: 0..<nodeCount, using: &generator))
            }
            let graph = MetricsGraph(ids: (0..<nodeCount).map { "n\($0)" }, edges: edges)
            var expected = [Set<Int32>](repeating: [], count: nodeCount)
            for (a, b) in edges where a != b {
                expected[a].insert(Int32(b))
                expected[b].insert(Int32(a))
            }
            for node in 0..<nodeCount {
                #expect(Array(graph.neighbours(of: node)) == expected[node].sorted(), "round \(round), node \(node)")
            }
            #expect(graph.edgeCount == expected.reduce(0) { $0 + $1.count } / 2)
        }
    }

    @Test func recordsJoinTheirParties() {
        let network = Network(
            entities: ["a", "b", "c", "d"].map { Entity(id: $0, kind: .organisation, name: $0) },
            relations: [Relation(from: "a", to: "b", type: .partnerOf), Relation(from: "b", to: "a", type: .supports)],
            records: [
                Record(
                    id: "r", title: "R", parties: [Party(entity: "b", role: .signatory), Party(entity: "c", role: .signatory)],
                    body: .project(Project(funding: [FundingLine(funder: "d")])))
            ])
        let graph = MetricsGraph(network: network)
        #expect(graph.ids == ["a", "b", "c", "d"])
        #expect(graph.edgeCount == 4, "a–b once, and b, c, d together")
        #expect(graph.hasEdge(1, 3) && graph.hasEdge(2, 3))
    }

    @Test func componentsAreNumberedBySize() {
        let graph = MetricsGraph(ids: ["a", "b", "c", "d", "e", "f"], edges: [(0, 1), (2, 3), (3, 4)])
        let components = Components(graph)
        #expect(components.sizes == [3, 2, 1])
        #expect(components.membership == [1, 1, 0, 0, 0, 2])
    }

    @Test func trianglesOnACompleteGraph() {
        var edges: [(Int, Int)] = []
        for a in 0..<5 { for b in (a + 1)..<5 { edges.append((a, b)) } }
        let graph = MetricsGraph(ids: (0..<5).map(String.init), edges: edges)
        #expect(Clustering.triangles(graph) == [6, 6, 6, 6, 6])
        #expect(Clustering.coefficients(graph) == [1, 1, 1, 1, 1])
    }

    @Test func pageRankSumsToOneWithDanglingNodes() {
        let graph = MetricsGraph(ids: ["a", "b", "c", "d"], edges: [(0, 1), (1, 2)])
        let scores = PageRank.scores(graph).scores
        #expect(abs(scores.reduce(0, +) - 1) < 1e-12)
        #expect(scores[1] > scores[0] && scores[3] < scores[0])
    }
}
