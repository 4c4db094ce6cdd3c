import ArgumentParser
import Foundation
import GrappeExport
import GrappeSeeds

/// `grappe export`: the whole network in a file format other tools read.
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Export the network: Grappe JSON, GraphML, GEXF, DOT, Gephi CSV or Kumu JSON.",
        discussion: """
        json is Grappe's canonical, deterministic form (docs/json-format.md), which grappe reads back.
        The graph formats make entities and records nodes: relations are edges, and each record links to its
        parties with the party's role. --metrics-graph exports instead exactly the graph metrics are computed on.
        csv writes nodes.csv and edges.csv into the --output directory.
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json, graphml, gexf, dot, csv, kumu

        /// The formats a file's extension may hold (Kumu writes JSON too).
        static func candidates(forExtension pathExtension: String) -> [Format]? {
            switch pathExtension.lowercased() {
            case "json": [.json, .kumu]
            case "graphml": [.graphml]
            case "gexf": [.gexf]
            case "dot", "gv": [.dot]
            case "csv": [.csv]
            default: nil
            }
        }
    }

    @OptionGroup var seedOptions: SeedOptions
    @OptionGroup var analysis: AnalysisOptions

    @Option(name: .customLong("format"), help: "Output format: \(Format.allCases.map(\.rawValue).joined(separator: ", ")) (default: from the --output file's extension, else json).")
    var formatOption: Format?

    /// The format asked for, else the one the output file's extension names, else json.
    var format: Format {
        if let formatOption { return formatOption }
        let pathExtension = output.map { ($0 as NSString).pathExtension } ?? ""
        return Format.candidates(forExtension: pathExtension)?.first ?? .json
    }

    @Option(name: [.short, .long], help: ArgumentHelp("Write to this file (a directory for csv) instead of standard output.", valueName: "path"))
    var output: String?

    @Flag(name: .long, help: "Export the metrics graph (entities, undirected simple edges) rather than the full network.")
    var metricsGraph = false

    func validate() throws {
        if let output, !(output as NSString).pathExtension.isEmpty {
            let pathExtension = (output as NSString).pathExtension
            guard let candidates = Format.candidates(forExtension: pathExtension) else {
                if formatOption == nil {
                    throw ValidationError("cannot tell the format from '.\(pathExtension)'; give --format (\(Format.allCases.map(\.rawValue).joined(separator: ", ")))")
                }
                return try validateCombination()
            }
            if let formatOption, !candidates.contains(formatOption) {
                throw ValidationError("--format \(formatOption.rawValue) contradicts the output file's extension '.\(pathExtension)'")
            }
        }
        try validateCombination()
    }

    private func validateCombination() throws {
        if format == .csv, output == nil { throw ValidationError("csv writes nodes.csv and edges.csv: give --output DIR") }
        if format == .json, metricsGraph { throw ValidationError("--metrics-graph applies to the graph formats, not to json") }
    }

    func run() throws {
        let network = try analysis.network(from: seedOptions)
        if format == .json {
            try Output.write(try NetworkJSON.encode(network), as: .json, to: output)
            return
        }
        let graph = ExportGraph(network, shape: metricsGraph ? .metrics : .full)
        switch format {
        case .json: break
        case .graphml: try Output.write(Data(GraphML.write(graph).utf8), as: .xml, to: output)
        case .gexf: try Output.write(Data(GEXF.write(graph).utf8), as: .xml, to: output)
        case .dot: try Output.write(Data(DOT.write(graph).utf8), as: .dot, to: output)
        case .kumu: try Output.write(try Kumu.write(graph), as: .json, to: output)
        case .csv:
            let directory = output!
            do {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            } catch {
                Output.error("grappe: cannot create \(directory): \(error.localizedDescription)")
                throw Exit.cannotCreate
            }
            try Output.write(Data(GephiCSV.nodes(graph).utf8), as: .csv, to: (directory as NSString).appendingPathComponent("nodes.csv"))
            try Output.write(Data(GephiCSV.edges(graph).utf8), as: .csv, to: (directory as NSString).appendingPathComponent("edges.csv"))
        }
    }
}
