import Foundation
import Testing

/// What goes out comes back: the bundled network exported as Gephi CSV, GraphML or GEXF loads back as
/// seeds with every entity, relation, record, type, date, party and amount (its canonical JSON is the
/// same byte for byte), and `grappe import` turns other tools' files into seeds that pass `check`.
@Suite(.serialized) struct ImportTests {
    let cli = CLITests()
    let tools = ExportToolsTests()

    private func folder(_ name: String) throws -> String {
        let path = tools.temporary(name)
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            atPath: CLITests.repository.appendingPathComponent("seeds/documents.yaml").path,
            toPath: path + "/documents.yaml")
        return path
    }

    @Test(arguments: ["csv", "graphml", "gexf", "kumu"])
    func anExportLoadsBackAsTheSameNetwork(_ format: String) throws {
        let directory = try folder("round-trip-\(format)")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let target = format == "csv" ? directory : directory + "/network.\(format == "kumu" ? "json" : format)"
        #expect(try cli.grappe("export", "--no-store", "--format", format, "-o", target).status == 0)
        let check = try cli.grappe("check", "--seeds", directory, "--no-warnings")
        #expect(check.status == 0, "\(check.output)")
        #expect(
            check.output.contains("47 entities") && check.output.contains("46 relations") && check.output.contains("12 records"), "\(check.output)")
        let original = try cli.grappe("export", "--no-store", "--format", "json")
        let again = try cli.grappe("export", "--no-store", "--seeds", directory, "--format", "json")
        #expect(again.status == 0)
        #expect(again.output == original.output, "the canonical JSON differs after a trip through \(format)")
    }

    /// Other tools' graphs through Grappe and back to networkx: directed stays directed (Gephi's
    /// directed karate is 78 edges, not 156), undirected stays undirected, GEXF as GraphML.
    @Test(arguments: ["gephi-karate-directed.graphml", "nx-karate.graphml", "gexfnet-data.gexf", "igraph-tailor.graphml"])
    func aCorpusGraphGoesThroughGrappeToNetworkx(_ file: String) throws {
        let source = CLITests.repository.deletingLastPathComponent().appendingPathComponent("shared/interchange-corpus/\(file)").path
        let target = tools.temporary("trip.graphml")
        defer { try? FileManager.default.removeItem(atPath: target) }
        let run = try cli.grappe("export", "--seeds", source, "--no-store", "--format", "graphml", "-o", target)
        #expect(run.status == 0, "\(run.error)")
        let counts = try tools.python(
            """
            import sys, networkx as nx
            source = sys.argv[1]
            o = nx.read_gexf(source) if source.endswith('.gexf') else nx.read_graphml(source)
            g = nx.read_graphml(sys.argv[2])
            # Grappe's GraphML marks a two-way edge with its 'mutual' value.
            directed = sum(1 for _, _, d in g.edges(data=True) if d.get('mutual') is not True)
            both = g.to_undirected() if not o.is_directed() else g
            print(o.number_of_nodes(), o.number_of_edges(), g.number_of_nodes(), both.number_of_edges(), o.is_directed(), directed)
            """, source, target)
        let fields = counts.split(separator: " ").map(String.init)
        #expect(fields.count == 6 && fields[0] == fields[2] && fields[1] == fields[3], "\(file): \(counts)")
        // A directed source's edges all go one way; an undirected one's all both ways (mutual).
        #expect(fields.count == 6 && (fields[4] == "True" ? fields[5] == fields[1] : fields[5] == "0"), "\(file): \(counts)")
    }

    @Test func importWritesSeedsThatPassCheck() throws {
        let source = tools.temporary("kumu")
        let target = tools.temporary("imported")
        defer {
            try? FileManager.default.removeItem(atPath: source)
            try? FileManager.default.removeItem(atPath: target)
        }
        try FileManager.default.createDirectory(atPath: source, withIntermediateDirectories: true)
        try "Label,Type,Description\nVille de Laval,City,une ville\nAcme Inc.,Organization,\nMystère,Widget,\n"
            .write(toFile: source + "/elements.csv", atomically: true, encoding: .utf8)
        try "From,To,Type\nAcme Inc.,Ville de Laval,based in\nMystère,Acme Inc.,friend\n"
            .write(toFile: source + "/connections.csv", atomically: true, encoding: .utf8)
        let run = try cli.grappe("import", source + "/elements.csv", source + "/connections.csv", "--into", target)
        #expect(run.status == 0, "\(run.error)")
        #expect(run.output.contains("3 entities, 2 relations, 0 records; 4 warnings to review"), "\(run.output)")
        #expect(run.error.contains("Kumu type 'Widget' has no Grappe kind"))
        let check = try cli.grappe("check", "--seeds", target)
        #expect(check.status == 0, "\(check.output)")
        let relations = try String(contentsOfFile: target + "/relations.csv", encoding: .utf8)
        #expect(relations.contains("acme-inc,ville-de-laval,based_in,"))
        #expect(relations.contains("mystere,acme-inc,linked_to,friend,"), "Kumu's connections are directed unless they say otherwise")
        // The import report: counts by kind and type, the words kept, as Gephi's import dialog shows them.
        #expect(run.output.contains("  entities    2 organisation · 1 city"), "\(run.output)")
        #expect(run.output.contains("  relations   1 based_in · 1 linked_to"), "\(run.output)")
        #expect(
            run.output.contains("  mapped      Kumu connection type 'friend'") && run.output.contains("Kumu type 'Widget' has no Grappe kind"),
            "\(run.output)")
        let json = try cli.grappe("import", source + "/elements.csv", source + "/connections.csv", "--into", target, "--force", "--format", "json")
        let report = try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any]
        #expect((report?["relations"] as? [[String: Any]])?.count == 2 && (report?["mapped"] as? [String])?.count == 2, "\(json.output)")
        let again = try cli.grappe("import", source + "/elements.csv", "--into", target)
        #expect(again.status == 73, "files already there are replaced only with --force")
        #expect(try cli.grappe("import", source + "/elements.csv", "--into", target, "--force").status == 0)
    }

    @Test func importWritesNothingWhenTheFilesHaveErrors() throws {
        let source = tools.temporary("broken.graphml")
        let target = tools.temporary("not-written")
        defer { try? FileManager.default.removeItem(atPath: source) }
        try "<?xml version=\"1.0\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"><graph><node id=\"a\"></graph></graphml>\n"
            .write(toFile: source, atomically: true, encoding: .utf8)
        let run = try cli.grappe("import", source, "--into", target)
        #expect(run.status == 65)
        #expect(run.error.contains("\(source):2:") && run.error.contains("XML syntax error"), "\(run.error)")
        #expect(!FileManager.default.fileExists(atPath: target))
        #expect(try cli.grappe("import", "/no/such/file.gexf", "--into", target).status == 66)
    }
}
