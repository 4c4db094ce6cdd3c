import ArgumentParser
import Foundation
import GrappeAnalysis
import GrappeExport
import GrappeModel

/// `grappe metrics`: per-node metrics with networkx's definitions.
struct Metrics: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "One row per node: degree, centralities, clustering, component, community.",
        discussion: """
            Columns: id, label, kind, degree, degree_centrality, betweenness, closeness, pagerank, clustering, component, community.

            Definitions are networkx's defaults (normalized betweenness, Wasserman–Faust closeness, PageRank α = 0.85, local clustering) on the metrics graph described in docs/metrics.md. Above --exact-limit nodes, betweenness and closeness are sampled from --pivots seeded pivots; a note on standard error says so.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case csv, json }

    @OptionGroup var seedOptions: SeedOptions
    @OptionGroup var analysis: AnalysisOptions
    @OptionGroup var sampling: SamplingOptions

    @Option(name: .long, help: "Output format.")
    var format: Format = .csv

    @Option(name: [.short, .long], help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?

    func run() throws {
        let network = try analysis.networkAtDate(from: seedOptions)
        let graph = MetricsGraph(network: network)
        let metrics = Progress.run(
            Progress.computingMetrics(graph.nodeCount, graph.edgeCount),
            measured: { report in
                NodeMetrics(graph, options: sampling.options, progress: report)
            })
        if case .sampled(let k, let seed) = metrics.mode {
            Output.error(
                Messages.words.say(
                    "note\(Messages.words.colon)\(graph.nodeCount) nœuds, c'est plus que --exact-limit \(sampling.exactLimit)\(Messages.words.colon)intermédiarité et proximité estimées depuis \(k) pivots (graine \(seed))",
                    "note\(Messages.words.colon)\(graph.nodeCount) nodes is over --exact-limit \(sampling.exactLimit)\(Messages.words.colon)betweenness and closeness sampled from \(k) pivots (seed \(seed))"
                ))
        }
        switch format {
        case .csv: try Output.write(Data(MetricsTable.csv(metrics, network: network).utf8), as: .csv, to: output)
        case .json: try Output.write(try MetricsTable.json(metrics, network: network), as: .json, to: output)
        }
    }
}
