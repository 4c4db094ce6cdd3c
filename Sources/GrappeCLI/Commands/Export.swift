import ArgumentParser
import Foundation
import GrappeAnalysis
import GrappeExport
import GrappeSeeds

/// `grappe export`: the whole network in a file format other tools read.
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Export the network: Grappe JSON, GraphML, GEXF, DOT (or SVG and PNG through Graphviz), Gephi CSV or Kumu JSON.",
        discussion: """
            json is Grappe's canonical, deterministic form (docs/json-format.md), which grappe reads back.

            The graph formats make entities and records nodes: relations are edges, and each record links to its parties with the party's role. Attributes are typed (booleans, integers, decimals, text); GEXF carries dates as time spells, so Gephi's timeline works. --with-metrics adds each entity's metrics (as 'grappe metrics' computes them) as node attributes. --metrics-graph exports instead exactly the undirected graph metrics are computed on, as of today or --as-of.

            csv writes nodes.csv and edges.csv (Gephi's spreadsheet import) into the --output directory. svg and png are drawn by Graphviz (--layout, sfdp by default), which must be installed.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json, graphml, gexf, dot, svg, png, csv, kumu

        /// The formats a file's extension may hold (Kumu writes JSON too).
        static func candidates(forExtension pathExtension: String) -> [Format]? {
            switch pathExtension.lowercased() {
            case "json": [.json, .kumu]
            case "graphml": [.graphml]
            case "gexf": [.gexf]
            case "dot", "gv": [.dot]
            case "csv": [.csv]
            case "svg": [.svg]
            case "png": [.png]
            default: nil
            }
        }
    }

    @OptionGroup var seedOptions: SeedOptions
    @OptionGroup var analysis: AnalysisOptions
    @OptionGroup var sampling: SamplingOptions

    @Option(
        name: .customLong("format"),
        help: "Output format: \(Format.allCases.map(\.rawValue).joined(separator: ", ")) (default: from the --output file's extension, else json).")
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

    @Flag(name: .long, help: "Add each entity's metrics (degree, centralities, clustering, component, community) as node attributes.")
    var withMetrics = false

    @Option(name: .long, help: "Graphviz layout program for svg and png: \(Graphviz.layouts.joined(separator: ", ")).")
    var layout = "sfdp"

    func validate() throws {
        if let output, !(output as NSString).pathExtension.isEmpty {
            let pathExtension = (output as NSString).pathExtension
            guard let candidates = Format.candidates(forExtension: pathExtension) else {
                if formatOption == nil {
                    let formats = Format.allCases.map(\.rawValue).joined(separator: ", ")
                    throw ValidationError(
                        Messages.words.say(
                            "impossible de déduire le format de «\u{00A0}.\(pathExtension)\u{00A0}»\u{00A0}; donnez --format (\(formats))",
                            "cannot tell the format from '.\(pathExtension)'; give --format (\(formats))"))
                }
                return try validateCombination()
            }
            if let formatOption, !candidates.contains(formatOption) {
                throw ValidationError(
                    Messages.words.say(
                        "--format \(formatOption.rawValue) contredit l'extension du fichier de sortie, «\u{00A0}.\(pathExtension)\u{00A0}»",
                        "--format \(formatOption.rawValue) contradicts the output file's extension '.\(pathExtension)'"))
            }
        }
        try validateCombination()
    }

    private func validateCombination() throws {
        if format == .csv, output == nil {
            throw ValidationError(
                Messages.words.say(
                    "csv écrit nodes.csv et edges.csv\(Messages.words.colon)donnez --output RÉPERTOIRE",
                    "csv writes nodes.csv and edges.csv\(Messages.words.colon)give --output DIR"))
        }
        // `-o network.csv` reads as one file: a folder of that name would surprise.
        if format == .csv, let output, (output as NSString).pathExtension.lowercased() == "csv" {
            let folder = (output as NSString).deletingPathExtension
            throw ValidationError(
                Messages.words.say(
                    "csv écrit deux fichiers, nodes.csv et edges.csv, dans un répertoire\(Messages.words.colon)donnez --output \(folder)",
                    "csv writes two files, nodes.csv and edges.csv, into a folder\(Messages.words.colon)give --output \(folder)"))
        }
        if format == .json, metricsGraph || withMetrics {
            let option = metricsGraph ? "metrics-graph" : "with-metrics"
            throw ValidationError(
                Messages.words.say(
                    "--\(option) vaut pour les formats de graphe, pas pour json", "--\(option) applies to the graph formats, not to json"))
        }
        if format == .png, output == nil, Output.standardOutputIsTerminal {
            throw ValidationError(
                Messages.words.say(
                    "png est une image\(Messages.words.colon)donnez --output FICHIER.png ou redirigez la sortie standard",
                    "png is an image\(Messages.words.colon)give --output FILE.png or redirect standard output"))
        }
        guard Graphviz.layouts.contains(layout) else {
            throw ValidationError(
                Messages.words.say(
                    "--layout doit être l'un de \(Graphviz.layouts.joined(separator: ", ")), pas \(Messages.words.quoted(layout))",
                    "--layout must be one of \(Graphviz.layouts.joined(separator: ", ")), not \(Messages.words.quoted(layout))"))
        }
    }

    /// The full network exports what was recorded (all of it, or as of --as-of); the metrics graph
    /// and the metrics are the network as analysis sees it (today, or --as-of), as 'grappe metrics'.
    func run() throws {
        if format == .json {
            try Output.write(try NetworkJSON.encode(try analysis.network(from: seedOptions)), as: .json, to: output)
            return
        }
        let analysed = metricsGraph || withMetrics ? try analysis.networkAtDate(from: seedOptions) : nil
        let network = metricsGraph ? analysed! : try analysis.network(from: seedOptions)
        var graph = ExportGraph(network, shape: metricsGraph ? .metrics : .full)
        if withMetrics, let analysed {
            let metricsGraph = MetricsGraph(network: analysed)
            graph.addMetrics(
                Progress.run(
                    Progress.computingMetrics(metricsGraph.nodeCount, metricsGraph.edgeCount),
                    measured: { report in
                        NodeMetrics(metricsGraph, options: sampling.options, progress: report)
                    }))
        }
        switch format {
        case .json: break
        case .graphml: try Output.write(Data(GraphML.write(graph).utf8), as: .xml, to: output)
        case .gexf: try Output.write(Data(GEXF.write(graph).utf8), as: .xml, to: output)
        case .dot: try Output.write(Data(DOT.write(graph).utf8), as: .dot, to: output)
        case .svg, .png:
            let image = try Progress.run(
                Messages.words.say(
                    "dessin de \(graph.nodes.count) nœuds par \(layout) (Graphviz)",
                    "drawing \(graph.nodes.count) nodes with Graphviz's \(layout)")
            ) {
                try Graphviz.render(DOT.write(graph, layout: layout), layout: layout, format: format.rawValue)
            }
            try Output.write(image, as: format == .svg ? .xml : .binary, to: output)
        case .kumu: try Output.write(try Kumu.write(graph), as: .json, to: output)
        case .csv:
            let directory = output!
            try Messages.makeFolder(directory)
            try Output.write(Data(GephiCSV.nodes(graph).utf8), as: .csv, to: (directory as NSString).appendingPathComponent("nodes.csv"))
            try Output.write(Data(GephiCSV.edges(graph).utf8), as: .csv, to: (directory as NSString).appendingPathComponent("edges.csv"))
        }
    }
}
