import Foundation
import Testing

/// Each export is read back by the tool it is for: networkx (`pip install networkx`) for GraphML and
/// GEXF, Graphviz (`apt-get install graphviz`) for DOT. `.ci/run` installs both; without them these
/// tests fail rather than pass unchecked.
@Suite(.serialized) struct ExportToolsTests {
    let cli = CLITests()

    func temporary(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("grappe-\(UUID().uuidString)-\(name)").path
    }

    /// Runs a Python snippet with `path` as sys.argv[1] and returns its standard output.
    func python(_ script: String, _ arguments: String...) throws -> String { try python(script, arguments: arguments) }

    /// The same, with any number of arguments.
    func python(_ script: String, arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script] + arguments
        let output = Pipe(), error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let problem = String(decoding: error.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "python failed: \(problem)")
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test(arguments: ["graphml", "gexf"])
    func networkxReadsTheGraphBack(_ format: String) throws {
        let path = temporary("network.\(format)")
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(try cli.grappe("export", "--format", format, "--output", path).status == 0)
        let report = try python(
            """
            import sys, networkx as nx
            g = nx.read_graphml(sys.argv[1]) if sys.argv[1].endswith('graphml') else nx.read_gexf(sys.argv[1])
            picom = g.nodes['picom']
            edge = g.edges['picom', 'lille']
            agreement = g.nodes['entente-tripartite-lille']
            print(g.number_of_nodes(), picom['kind'], picom['founded'], picom['label'], edge['type'],
                  agreement['kind'], agreement['date'], g.edges['entente-tripartite-lille', 'cqic']['type'],
                  g.nodes['laval']['territoire'], g.edges['technomontreal', 'picom']['mutual'], sep='|')
            """, path)
        // Both formats type their attributes: `mutual` is a boolean (networkx prints True).
        #expect(report == "59|pole|2005|Pôle de compétitivité des industries du commerce|based_in|agreement|XXXX-10|signatory|île Jésus|True")
    }

    /// networkx reads GraphML's types: `mutual` is false on one-way relations (it was the string
    /// "false", which Python takes as true), and every key's name is a name token.
    @Test func graphmlKeysAreTypedAndNamedAsTheSchemaWants() throws {
        let path = temporary("network.graphml")
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(try cli.grappe("export", "-o", path).status == 0)
        let report = try python(
            """
            import sys, re, networkx as nx
            g = nx.read_graphml(sys.argv[1])
            mutual = [d['mutual'] for _, _, d in g.edges(data=True)]
            names = re.findall(r'attr.name="([^"]*)"', open(sys.argv[1], encoding='utf-8').read())
            print(all(isinstance(m, bool) for m in mutual), sum(mutual), len(mutual) - sum(mutual), all(' ' not in n for n in names))
            """, path)
        let parts = report.split(separator: " ").map(String.init)
        #expect(parts.first == "True" && parts.last == "True", "\(report)")
        #expect(parts.count == 4 && Int(parts[1])! > 0 && Int(parts[2])! > 0, "both mutual and one-way edges: \(report)")
        #expect(
            try String(contentsOfFile: path, encoding: .utf8).contains(
                "attr.name=\"collaborateurs_fondateurs\" attr.type=\"string\"><desc>collaborateurs fondateurs</desc>"))
    }

    @Test func graphvizRendersTheDOT() throws {
        let path = temporary("network.dot")
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(try cli.grappe("export", "--format", "dot", "--output", path).status == 0)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["dot", "-Tsvg", path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let svg = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "dot failed (is graphviz installed?)")
        #expect(svg.contains("<svg") && svg.contains("TechnoMontréal"))
    }

    @Test func kumuConnectionsNameExistingElements() throws {
        let path = temporary("network.json")
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(try cli.grappe("export", "--format", "kumu", "--output", path).status == 0)
        let report = try python(
            """
            import sys, json
            data = json.load(open(sys.argv[1], encoding='utf-8'))
            labels = {e['label'] for e in data['elements']}
            assert len(labels) == len(data['elements']), 'labels must be unique'
            assert all(c['from'] in labels and c['to'] in labels for c in data['connections'])
            print(len(data['elements']), sorted({e['type'] for e in data['elements']}))
            """, path)
        #expect(report == "59 ['Agreement', 'City', 'Cluster', 'Event', 'Mission', 'Organisation', 'Person', 'Pole', 'Project']")
    }

    /// The metrics graph as Gephi CSV loads back into Grappe and into networkx, and networkx finds the
    /// same metrics as `grappe metrics` on the reference network.
    @Test func metricsOfTheReferenceNetworkMatchNetworkx() throws {
        let directory = temporary("metrics-graph")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        #expect(try cli.grappe("export", "--format", "csv", "--metrics-graph", "--output", directory).status == 0)
        try FileManager.default.copyItem(
            atPath: CLITests.repository.appendingPathComponent("seeds/documents.yaml").path,
            toPath: directory + "/documents.yaml")
        let check = try cli.grappe("check", "--seeds", directory)
        #expect(check.status == 0, "\(check.output)")
        let metrics = try cli.grappe("metrics", "--format", "json")
        let metricsPath = directory + "/metrics.json"
        try metrics.output.write(toFile: metricsPath, atomically: true, encoding: .utf8)
        let report = try python(
            """
            import sys, csv, json, networkx as nx
            folder = sys.argv[1]
            g = nx.Graph()
            g.add_nodes_from(row['Id'] for row in csv.DictReader(open(folder + '/nodes.csv', encoding='utf-8')))
            g.add_edges_from((row['Source'], row['Target']) for row in csv.DictReader(open(folder + '/edges.csv', encoding='utf-8')))
            ours = {row['id']: row for row in json.load(open(folder + '/metrics.json', encoding='utf-8'))['nodes']}
            reference = {
                'betweenness': nx.betweenness_centrality(g), 'closeness': nx.closeness_centrality(g),
                'pagerank': nx.pagerank(g, tol=1e-13, max_iter=10000), 'clustering': nx.clustering(g),
                'degree_centrality': nx.degree_centrality(g),
            }
            worst = max(abs(ours[node][name] - values[node]) for name, values in reference.items() for node in g)
            print(g.number_of_nodes(), g.number_of_edges(), worst < 1e-9)
            """, directory)
        #expect(report == "47 58 True")
    }

    @Test func theOutputFilesExtensionNamesTheFormat() throws {
        let graphml = temporary("network.graphml")
        defer { try? FileManager.default.removeItem(atPath: graphml) }
        #expect(try cli.grappe("export", "-o", graphml).status == 0)
        #expect(try python("import networkx, sys; g = networkx.read_graphml(sys.argv[1]); print(g.number_of_nodes() > 40)", graphml) == "True")
        let contradiction = try cli.grappe("export", "--format", "gexf", "-o", temporary("network.graphml"))
        #expect(contradiction.status == 64)
        #expect(contradiction.error.contains("--format gexf contradicts the output file's extension '.graphml'"))
        let unknown = try cli.grappe("export", "-o", temporary("network.xml"))
        #expect(unknown.status == 64)
        #expect(unknown.error.contains("cannot tell the format from '.xml'; give --format"))
        let kumu = temporary("kumu.json")
        defer { try? FileManager.default.removeItem(atPath: kumu) }
        #expect(try cli.grappe("export", "--format", "kumu", "-o", kumu).status == 0, "a .json file may hold Kumu's JSON too")
    }

    /// Cells a spreadsheet would run as formulas are neutralised (OWASP), numbers stay numbers.
    @Test func csvCellsNeverRunAsFormulas() throws {
        let folder = temporary("injection")
        try FileManager.default.createDirectory(atPath: folder + "/seeds", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try """
        organisations:
          - {id: a, name: "=HYPERLINK(\\"http://x\\";\\"clic\\")", type: company}
          - {id: b, name: "+1+2", type: company}
          - {id: c, name: "-cmd", type: company}
          - {id: d, name: "@SUM(A1)", type: company}
          - {id: e, name: "-0.5", type: company}
        relations:
          - {from: a, to: b, type: partner_of}
          - {from: c, to: d, type: partner_of}
          - {from: e, to: a, type: partner_of}
        """.write(toFile: folder + "/seeds/s.yaml", atomically: true, encoding: .utf8)
        #expect(try cli.grappe("export", "--format", "csv", "-o", folder + "/gephi", "--seeds", folder + "/seeds", "--no-store").status == 0)
        let nodes = try String(contentsOfFile: folder + "/gephi/nodes.csv", encoding: .utf8)
        for cell in ["'+1+2", "'-cmd", "'@SUM(A1)", "\"'=HYPERLINK(\"\"http://x\"\";\"\"clic\"\")\""] {
            #expect(nodes.contains("," + cell + ","), "\(cell) in \(nodes)")
        }
        #expect(nodes.contains(",-0.5,"), "a number stays a number")
        let metrics = try cli.grappe("metrics", "--seeds", folder + "/seeds", "--no-store").output
        #expect(metrics.contains(",'-cmd,") && !metrics.contains(",-cmd,"))
    }
}
