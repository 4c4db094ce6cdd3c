import Foundation
import GrappeTestSupport
import Testing

/// Exports keep their meaning in the tools they are for: types, direction, time and metrics survive
/// the trip into networkx, python-igraph and Graphviz, and the files follow the schemas' rules that
/// readers depend on (GraphML 1.0 name tokens and key types, GEXF 1.3 attribute types and time).
@Suite(.serialized) struct ExportMeaningTests {
    let cli = CLITests()
    let tools = ExportToolsTests()

    func export(_ name: String, _ arguments: String...) throws -> String {
        let path = tools.temporary(name)
        let run = try cli.grappe(["export", "-o", path] + arguments)
        #expect(run.status == 0, "\(run.error)")
        return path
    }

    /// The rules of GraphML 1.0's schema that readers act on: every `attr.name` is an NMTOKEN, every
    /// `attr.type` one of the six types, every `data` names a key declared for its element, and the
    /// values of typed keys parse as their type.
    @Test func graphmlFollowsTheSchemasRules() throws {
        let path = try export("network.graphml", "--with-metrics")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let report = try tools.python(
            """
            import sys, re
            from lxml import etree
            ns = '{http://graphml.graphdrawing.org/xmlns}'
            root = etree.parse(sys.argv[1]).getroot()
            keys = {k.get('id'): k for k in root.iter(ns + 'key')}
            problems = []
            for k in keys.values():
                if not re.fullmatch(r'[\\w.:-]+', k.get('attr.name'), re.UNICODE): problems.append('name ' + k.get('attr.name'))
                if k.get('attr.type') not in ('boolean', 'int', 'long', 'float', 'double', 'string'): problems.append('type ' + k.get('attr.type'))
            checks = {'boolean': lambda v: v in ('true', 'false'), 'int': lambda v: -2**31 <= int(v) < 2**31,
                      'long': lambda v: int(v) is not None, 'double': lambda v: float(v) is not None, 'string': lambda v: True}
            for element in ('node', 'edge'):
                for item in root.iter(ns + element):
                    for data in item.iter(ns + 'data'):
                        key = keys[data.get('key')]
                        if key.get('for') != element: problems.append('domain ' + data.get('key'))
                        if not checks[key.get('attr.type')](data.text or ''): problems.append('value ' + (data.text or ''))
            types = {k.get('attr.name'): k.get('attr.type') for k in keys.values()}
            print(problems, types['mutual'], types['amount'], types['budget'], types['degree'], types['betweenness'])
            """, path)
        #expect(report == "[] boolean double double int double")
    }

    /// GEXF 1.3: the namespace and version, typed attributes, spells as dates that begin before they
    /// end, a dynamic graph; an edge's label is its relation's own label, not its type.
    @Test func gexfIsTypedAndCarriesTime() throws {
        let path = try export("network.gexf")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let report = try tools.python(
            """
            import sys, datetime
            from lxml import etree
            import networkx as nx
            ns = '{http://gexf.net/1.3}'
            root = etree.parse(sys.argv[1]).getroot()
            graph = root.find(ns + 'graph')
            allowed = {'integer', 'long', 'double', 'float', 'boolean', 'string'}
            types = {a.get('title'): a.get('type') for a in root.iter(ns + 'attribute')}
            bad = [t for t in types.values() if t not in allowed]
            spells = list(root.iter(ns + 'spell'))
            def day(text): return datetime.date.fromisoformat(text) if text else None
            ordered = all(day(s.get('start')) is None or day(s.get('end')) is None or day(s.get('start')) <= day(s.get('end')) for s in spells)
            g = nx.read_gexf(sys.argv[1])
            mission = g.nodes['mission-laval-lille']
            event = g.nodes['aqce-assemblee-generale-2013']
            label = g.edges['alain-dumas', 'amazon']['label']
            print(root.get('version'), graph.get('mode'), graph.get('timeformat'), bad, len(spells), ordered,
                  types['mutual'], type(g.edges['technomontreal', 'picom']['mutual']).__name__,
                  event['spells'], g.nodes['entente-tripartite-lille'].get('spells'), label, sep='|')
            """, path)
        // The assembly was in October 2013: the whole month. The agreement is dated 'October, year
        // unknown': it is not placed in time.
        #expect(report == "1.3|dynamic|date|[]|5|True|boolean|bool|[('2013-10-01', '2013-10-31')]|None|expérience d'achat à reproduire")
    }

    /// `--metrics-graph` is undirected in every format, and networkx's betweenness on it is
    /// `grappe metrics`'s.
    @Test(arguments: ["graphml", "gexf", "dot"])
    func theMetricsGraphIsUndirected(_ format: String) throws {
        let path = try export("metrics.\(format)", "--metrics-graph")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let metrics = tools.temporary("metrics.csv")
        defer { try? FileManager.default.removeItem(atPath: metrics) }
        #expect(try cli.grappe("metrics", "-o", metrics).status == 0)
        let report = try tools.python(
            """
            import sys, re, csv, networkx as nx
            path = sys.argv[1]
            if path.endswith('graphml'): g = nx.read_graphml(path)
            elif path.endswith('gexf'): g = nx.read_gexf(path)
            else:  # DOT, read by its own rules: `graph` with `--` edges is undirected
                text = open(path, encoding='utf-8').read()
                g = nx.DiGraph() if text.startswith('digraph') else nx.Graph()
                g.add_nodes_from(re.findall(r'^  "([^"]+)" \\[', text, re.M))
                g.add_edges_from(re.findall(r'^  "([^"]+)" (?:--|->) "([^"]+)"', text, re.M))
            directed = g.is_directed()
            ours = {row['id']: float(row['betweenness']) for row in csv.DictReader(open(sys.argv[2], encoding='utf-8'))}
            theirs = nx.betweenness_centrality(g)
            print(directed, g.number_of_nodes(), g.number_of_edges(), max(abs(theirs[n] - ours[n]) for n in g) < 1e-12)
            """, path, metrics)
        #expect(report == "False 47 58 True")
    }

    /// `--with-metrics` puts each entity's metrics on its node, typed, as `grappe metrics` computes them;
    /// python-igraph reads them as numbers. Records (not in the metrics graph) have none.
    @Test func metricsTravelWithTheGraph() throws {
        let path = try export("network.graphml", "--with-metrics")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let metrics = tools.temporary("metrics.csv")
        defer { try? FileManager.default.removeItem(atPath: metrics) }
        #expect(try cli.grappe("metrics", "-o", metrics).status == 0)
        let report = try tools.python(
            """
            import sys, csv, math, igraph
            g = igraph.Graph.Read_GraphML(sys.argv[1])
            ours = {row['id']: row for row in csv.DictReader(open(sys.argv[2], encoding='utf-8'))}
            same = all(abs(v['pagerank'] - float(ours[v['id']]['pagerank'])) < 1e-15 and v['degree'] == int(ours[v['id']]['degree'])
                       for v in g.vs if v['id'] in ours)
            record = g.vs.find(id='mission-laval-lille')
            print(type(g.vs.find(id='picom')['degree']).__name__, same, math.isnan(record['pagerank']))
            """, path, metrics)
        #expect(report == "float True True")
    }

    /// Amounts are numbers with their currency beside them, so that a spreadsheet or networkx can sum them.
    @Test func amountsCanBeSummed() throws {
        let path = try export("network.graphml")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let report = try tools.python(
            """
            import sys, networkx as nx
            g = nx.read_graphml(sys.argv[1])
            amounts = [(d['amount'], d['amount_currency']) for _, _, d in g.edges(data=True) if 'amount' in d]
            print(all(isinstance(a, float) for a, _ in amounts), sorted({c for _, c in amounts}), sum(a for a, _ in amounts) > 0)
            """, path)
        #expect(report == "True ['CAD'] True")
    }

    /// SVG and PNG come from Graphviz; without it the command says what to install and exits 69.
    @Test func imagesAreDrawnByGraphviz() throws {
        let svg = try export("network.svg")
        defer { try? FileManager.default.removeItem(atPath: svg) }
        #expect(try String(contentsOfFile: svg, encoding: .utf8).contains("TechnoMontréal"))
        let png = try export("network.png", "--layout", "neato")
        defer { try? FileManager.default.removeItem(atPath: png) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: png)).prefix(4) == Data([0x89, 0x50, 0x4E, 0x47]))
        let missing = try cli.grappe(["export", "-o", tools.temporary("network.svg")], environment: ["PATH": "/nonexistent"])
        #expect(missing.status == 69)
        #expect(missing.error.contains("apt-get install graphviz"))
        let layout = try cli.grappe("export", "--format", "svg", "--layout", "spring")
        #expect(layout.status == 64)
    }

    /// Every file of the interchange corpus (the spreadsheets as their pairs) goes out as GraphML and
    /// GEXF that the official schemas accept: GraphML 1.0's, and for GEXF 1.3 the 1.2draft schema
    /// (the newest official one at hand) with the namespace and version named as 1.2's.
    @Test func everyCorpusFileExportsSchemaValidGraphMLAndGEXF() throws {
        let corpus = Repository.interchangeCorpus
        let folder = tools.temporary("schema-valid")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let pairs = [("gephi-bbe-nodes.csv", "gephi-bbe-edges.csv"), ("kumu-paypal-elements.csv", "kumu-paypal-connections.csv")]
        let paired = Set(pairs.flatMap { [$0.0, $0.1] })
        var sources = try FileManager.default.contentsOfDirectory(atPath: corpus.path)
            .filter { !["README.md", "SOURCES.txt"].contains($0) && !paired.contains($0) }.map { corpus.appendingPathComponent($0).path }
        for (first, second) in pairs {
            let pair = folder + "/" + first + "-pair"
            try FileManager.default.createDirectory(atPath: pair, withIntermediateDirectories: true)
            for file in [first, second] {
                try FileManager.default.copyItem(atPath: corpus.appendingPathComponent(file).path, toPath: pair + "/" + file)
            }
            sources.append(pair)
        }
        var written: [String] = []
        for source in sources.sorted() {
            for format in ["graphml", "gexf"] {
                let target = folder + "/" + URL(fileURLWithPath: source).lastPathComponent + "." + format
                let run = try cli.grappe("export", "--seeds", source, "--no-store", "--format", format, "-o", target)
                #expect(run.status == 0, "\(source) as \(format): \(run.error)")
                written.append(target)
            }
        }
        #expect(written.count == 2 * (39 - 2), "every corpus file, the spreadsheets as pairs")
        let report = try tools.python(
            """
            import sys
            from lxml import etree
            shared = sys.argv[1]
            graphml = etree.XMLSchema(etree.parse(shared + '/schemas/graphml/graphml.xsd'))
            gexf = etree.XMLSchema(etree.parse(shared + '/schemas/gexf-1.2/gexf.xsd'))
            invalid = []
            for path in sys.argv[2:]:
                if path.endswith('.graphml'):
                    document, schema = etree.parse(path), graphml
                else:
                    text = open(path, 'rb').read().replace(b'http://gexf.net/1.3', b'http://www.gexf.net/1.2draft')
                    document, schema = etree.fromstring(text.replace(b'version="1.3"', b'version="1.2"')).getroottree(), gexf
                if not schema.validate(document):
                    invalid.append(path.rsplit('/', 1)[-1] + ': ' + str(schema.error_log.last_error))
            print(len(sys.argv) - 2, invalid)
            """, arguments: [Repository.shared.path] + written)
        #expect(report == "\(written.count) []", "\(report)")
    }
}
