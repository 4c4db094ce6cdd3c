import Foundation
import GrappeAnalysis
import GrappeModel

/// `grappe metrics`: one row per node with the columns analysts compare with networkx.
public enum MetricsTable {
    /// The table's columns, in order.
    public static let columns = [
        "id", "label", "kind", "degree", "degree_centrality", "betweenness", "closeness",
        "pagerank", "clustering", "component", "community",
    ]

    struct Row: Encodable {
        let id: String, label: String, kind: String
        let degree: Int
        let degree_centrality: Double, betweenness: Double, closeness: Double, pagerank: Double, clustering: Double
        let component: Int, community: Int
    }

    /// The rows; `visible` escapes controls in ids and names (CSV cells escape their own, so that
    /// they read back).
    static func rows(_ metrics: NodeMetrics, network: Network, visible: Bool = true) -> [Row] {
        let shown = { (text: String) in visible ? Sanitizer.visible(text) : text }
        return metrics.graph.ids.enumerated().map { node, id in
            let entity = network.entity(id)
            return Row(
                id: shown(id), label: shown(entity?.name ?? id), kind: entity?.kind.rawValue ?? "",
                degree: metrics.degree[node], degree_centrality: metrics.degreeCentrality[node],
                betweenness: metrics.betweenness[node], closeness: metrics.closeness[node],
                pagerank: metrics.pagerank[node], clustering: metrics.clustering[node],
                component: metrics.components.membership[node], community: metrics.communities.membership[node])
        }
    }

    /// The table as CSV, one row per node in id order.
    public static func csv(_ metrics: NodeMetrics, network: Network) -> String {
        var text = CSVText.row(columns)
        for row in rows(metrics, network: network, visible: false) {
            text += CSVText.row([
                row.id, row.label, row.kind, String(row.degree), number(row.degree_centrality),
                number(row.betweenness), number(row.closeness), number(row.pagerank), number(row.clustering),
                String(row.component), String(row.community),
            ])
        }
        return text
    }

    /// `{"betweenness": "exact" | {"sampled": {k, seed}}, "modularity": …, "nodes": [rows]}`.
    public static func json(_ metrics: NodeMetrics, network: Network) throws -> Data {
        struct Document: Encodable {
            let betweenness: String
            let pivots: Int?
            let seed: UInt64?
            let modularity: Double
            let communities: Int
            let nodes: [Row]
        }
        var pivots: Int?, seed: UInt64?
        if case .sampled(let k, let s) = metrics.mode { pivots = k; seed = s }
        let document = Document(
            betweenness: pivots == nil ? "exact" : "sampled", pivots: pivots, seed: seed,
            modularity: metrics.communities.modularity, communities: metrics.communities.count,
            nodes: rows(metrics, network: network))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(document) + Data("\n".utf8)
    }

    /// Shortest text that reads back to the same Double, as Python's repr prints it.
    static func number(_ value: Double) -> String {
        value == 0 ? "0.0" : "\(value)"
    }
}
