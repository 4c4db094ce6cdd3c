import Foundation
import GrappeAnalysis
import GrappeModel
import GrappeSeeds

/// Times Grappe's algorithms on a seed directory (usually the metrics-graph CSV of a generated network),
/// one JSON object on standard output: seconds per operation. Run by Benchmarks/analysis.py.
///
///     grappe-bench DIR [--pivots 256] [--seed 1] [--tolerance 1e-10] [--exact-betweenness]
///     grappe-bench DIR --dashboard
///     grappe-bench DIR --snapshot [--runs 7]
///     grappe-bench SEEDS --store [--count 1000] [--startup 10000] [--folder DIR] [--server postgres://…]
///     grappe-bench SEEDS --store-saves --server postgres://… [--count 100] [--first 0]
///     grappe-bench --health [--rounds 5]
let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
    FileHandle.standardError.write(Data("usage: grappe-bench DIR [--pivots K] [--seed S] [--exact-betweenness]\n".utf8))
    exit(64)
}
func option(_ name: String, _ fallback: Int) -> Int {
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count, let value = Int(arguments[index + 1]) else { return fallback }
    return value
}
let pivots = option("--pivots", 256), seed = UInt64(option("--seed", 1))
let exact = arguments.contains("--exact-betweenness")
let tolerance = arguments.firstIndex(of: "--tolerance").flatMap { arguments[safe: $0 + 1] }.flatMap(Double.init) ?? 1e-10
let clock = ContinuousClock()
func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}
func time<T>(_ body: () -> T) -> (T, Double) {
    let start = clock.now
    let result = body()
    return (result, seconds(clock.now - start))
}

var timings: [String: Double] = [:]
if arguments.contains("--health") {
    HealthBench.run(rounds: option("--rounds", 5))
    exit(0)
}
if arguments.contains("--store-saves") {
    guard let server = arguments.firstIndex(of: "--server").flatMap({ arguments[safe: $0 + 1] }) else {
        FileHandle.standardError.write(Data("grappe-bench: --store-saves needs --server postgres://…\n".utf8))
        exit(64)
    }
    StoreBench.saves(seeds: arguments[1], server: server, count: option("--count", 100), first: option("--first", 0))
    exit(0)
}
if arguments.contains("--store") {
    // grappe-bench SEEDS --store [--count 1000] [--startup 10000] [--folder DIR]
    let folder =
        arguments.firstIndex(of: "--folder").flatMap { arguments[safe: $0 + 1] } ?? FileManager.default.currentDirectoryPath + "/.build/bench-store"
    let server = arguments.firstIndex(of: "--server").flatMap { arguments[safe: $0 + 1] }
    StoreBench.run(seeds: arguments[1], folder: folder, count: option("--count", 1000), startup: option("--startup", 10_000), server: server)
    exit(0)
}
if arguments.contains("--snapshot") {
    SnapshotBench.run(path: arguments[1], runs: option("--runs", 7))
    exit(0)
}
if arguments.contains("--dashboard") {
    DashboardBench.run(path: arguments[1])
    exit(0)
}
if arguments.contains("--louvain") {
    // grappe-bench DIR --louvain: Louvain alone, with its passes per level.
    let graph = MetricsGraph(network: try! SeedLoader.load(path: arguments[1]).network)
    let (result, elapsed) = time { Louvain.communities(graph, seed: seed) }
    print("louvain \(elapsed) s, \(result.count) communities, modularity \(result.modularity), passes per level \(result.passes)")
    exit(0)
}
let (graph, load) = time { () -> MetricsGraph in
    let result = try! SeedLoader.load(path: arguments[1])
    return MetricsGraph(network: result.network)
}
timings["load"] = load
var checksum = 0.0
if exact {
    let (values, elapsed) = time { Centrality.betweenness(graph) }
    timings["betweenness_exact"] = elapsed
    checksum += values.reduce(0, +)
} else {
    timings["degree"] = time { graph.degrees }.1
    let (components, componentTime) = time { Components(graph) }
    timings["components"] = componentTime
    let (pagerank, pagerankTime) = time { PageRank.scores(graph, tolerance: tolerance) }
    timings["pagerank"] = pagerankTime
    if arguments.contains("--dump-pagerank") {
        let lines = zip(graph.ids, pagerank.scores).map { "\($0),\($1)" }.joined(separator: "\n")
        try! lines.write(toFile: "/tmp/grappe-pagerank.csv", atomically: true, encoding: .utf8)
        FileHandle.standardError.write(Data("pagerank iterations: \(pagerank.iterations)\n".utf8))
    }
    let (clustering, clusteringTime) = time { Clustering.coefficients(graph) }
    timings["clustering"] = clusteringTime
    let (betweenness, betweennessTime) = time { Centrality.betweenness(graph, mode: .sampled(k: pivots, seed: seed)) }
    timings["betweenness_sampled"] = betweennessTime
    let (communities, louvainTime) = time { Louvain.communities(graph, seed: seed) }
    timings["louvain"] = louvainTime
    checksum = Double(components.sizes[0]) + pagerank.scores.reduce(0, +) + clustering.reduce(0, +) + betweenness.reduce(0, +)
    checksum += communities.modularity
}
let report: [String: Any] = ["nodes": graph.nodeCount, "edges": graph.edgeCount, "seconds": timings, "checksum": checksum]
print(String(decoding: try! JSONSerialization.data(withJSONObject: report, options: [.sortedKeys]), as: UTF8.self))

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
