import Foundation
import GrappeModel
import Testing

@testable import GrappeSeeds

/// Other tools' files read as seeds, written the way those tools write them: Kumu's spreadsheets,
/// networkx's GraphML, Gephi's GEXF and CSV. Every problem and everything that could not be mapped is
/// said at its path:line:column.
@Suite struct InterchangeTests {
    private func load(_ files: [(String, String)]) -> LoadResult {
        SeedLoader.load(files: files.map { (path: $0.0, contents: $0.1) })
    }

    private func lines(_ result: LoadResult) -> [String] { result.diagnostics.map(\.description) }

    @Test func kumuSpreadsheetsMapTheirTypes() throws {
        let result = load([
            (
                "elements.csv",
                """
                Label,Type,Description,Tags
                Ville de Laval,City,une ville,quebec | ville
                Acme Inc.,Organization,,
                Jean Dupont,Person,,
                Mystère,Widget,,

                """
            ),
            (
                "connections.csv",
                """
                From,To,Type,Direction
                Jean Dupont,Acme Inc.,works for,directed
                Acme Inc.,Ville de Laval,friend,mutual
                Mystère,acme-inc,,

                """
            ),
        ])
        let network = result.network
        #expect(network.entity("ville-de-laval")?.kind == .city)
        #expect(network.entity("ville-de-laval")?.summary == "une ville")
        #expect(network.entity("ville-de-laval")?.attributes == ["Tags": "quebec | ville"])
        #expect(network.entity("jean-dupont")?.kind == .person)
        #expect(network.entity("mystere")?.attributes == ["kumu type": "Widget"])
        #expect(
            network.relations.map { "\($0.from) \($0.type.rawValue) \($0.to) \($0.label ?? "-")" } == [
                "jean-dupont works_for acme-inc -", "acme-inc partner_of ville-de-laval friend", "mystere linked_to acme-inc -",
            ])
        #expect(
            lines(result).contains(
                "elements.csv:5:9: warning: Kumu type 'Widget' has no Grappe kind: read as an organisation, the type kept as the attribute 'kumu type'"
            ))
        #expect(
            lines(result).contains(
                "connections.csv:3:26: warning: Kumu connection type 'friend' is not a Grappe relation type: read as partner_of, 'friend' kept as its label"
            ))
        #expect(!result.hasErrors)
        // Kumu's connections are directed unless they say mutual or undirected.
    }

    /// As networkx 3 writes a graph whose nodes are named by free text, with an edge attribute a
    /// relation cannot hold.
    @Test func graphmlAsNetworkxWritesIt() {
        let result = load([
            (
                "net.graphml",
                """
                <?xml version='1.0' encoding='utf-8'?>
                <graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd"><key id="d6" for="edge" attr.name="weight" attr.type="double"/>
                <key id="d5" for="edge" attr.name="since" attr.type="long"/>
                <key id="d4" for="edge" attr.name="type" attr.type="string"/>
                <key id="d3" for="node" attr.name="founded" attr.type="string"/>
                <key id="d1" for="node" attr.name="population" attr.type="long"/>
                <key id="d0" for="node" attr.name="kind" attr.type="string"><default>organisation</default></key>
                <graph edgedefault="undirected"><node id="Ville de Laval">
                  <data key="d0">city</data>
                  <data key="d1">438366</data>
                </node>
                <node id="acme">
                  <data key="d3">2015</data>
                </node>
                <edge source="Ville de Laval" target="acme">
                  <data key="d4">partner_of</data>
                  <data key="d5">2019</data>
                  <data key="d6">2.5</data>
                </edge>
                </graph></graphml>

                """
            )
        ])
        let network = result.network
        #expect(network.entity("ville-de-laval")?.name == "Ville de Laval")
        #expect(network.entity("ville-de-laval")?.attributes == ["population": "438366"])
        #expect(network.entity("acme")?.kind == .organisation, "the key's default")
        #expect(network.entity("acme")?.founded?.description == "2015")
        #expect(network.relations.first.map { "\($0.from) \($0.type.rawValue) \($0.to) \($0.weight ?? 0)" } == "ville-de-laval partner_of acme 2.5")
        #expect(network.relations.first?.start?.description == "2019", "'since' is when the tie began")
        #expect(!lines(result).contains { $0.contains("'since' is not read") })
        #expect(
            lines(result).contains {
                $0.hasPrefix("net.graphml:8:58: warning: ids that are not Grappe ids are made into ids ('Ville de Laval' → 'ville-de-laval')")
            })
        #expect(!result.hasErrors)
    }

    /// As Gephi 0.10 writes GEXF 1.3: drawing (viz), a dynamic attribute, spells for time.
    @Test func gexfAsGephiWritesIt() {
        let result = load([
            (
                "gephi.gexf",
                """
                <?xml version="1.0" encoding="UTF-8"?>
                <gexf xmlns="http://gexf.net/1.3" version="1.3" xmlns:viz="http://gexf.net/1.3/viz" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd">
                  <meta lastmodifieddate="2026-11-30"><creator>Gephi 0.10.1</creator></meta>
                  <graph defaultedgetype="directed" mode="dynamic" timeformat="date">
                    <attributes class="node" mode="static">
                      <attribute id="kind" title="kind" type="string"/>
                    </attributes>
                    <attributes class="edge" mode="dynamic">
                      <attribute id="strength" title="strength" type="integer"/>
                    </attributes>
                    <nodes>
                      <node id="picom" label="PICOM">
                        <attvalues><attvalue for="kind" value="pole"/></attvalues>
                        <spells><spell start="2005-01-01"/></spells>
                        <viz:size value="10.0"/><viz:position x="1.0" y="2.0"/><viz:color r="1" g="2" b="3"/>
                      </node>
                      <node id="lille" label="Lille"><attvalues><attvalue for="kind" value="city"/></attvalues></node>
                    </nodes>
                    <edges>
                      <edge id="0" source="picom" target="lille" label="based in" weight="1.0">
                        <attvalues><attvalue for="strength" value="3" start="2010-01-01"/></attvalues>
                        <spells><spell start="2005-03-01" end="2020-12-31"/></spells>
                      </edge>
                    </edges>
                  </graph>
                </gexf>

                """
            )
        ])
        let network = result.network
        #expect(network.entity("picom")?.kind == .pole)
        #expect(network.entity("picom")?.founded?.description == "2005-01-01", "from its spell")
        let relation = network.relations.first
        #expect(
            relation?.type == .basedIn && relation?.label == "based in",
            "an edge without a type from a pole to a city is where the pole is; Gephi's label is kept")
        #expect(relation?.start?.description == "2005-03-01" && relation?.end?.description == "2020-12-31")
        let messages = result.diagnostics.map(\.message)
        #expect(messages.contains("GEXF drawing (colour, position, size) is not read"))
        #expect(messages.contains("attributes whose values change over time: the first value of each is read"))
        #expect(messages.contains("edge attribute 'strength' is not read: a relation has no field for it"))
        #expect(!result.hasErrors)
    }

    /// As Gephi 0.8 writes GEXF: years as doubles (`timeformat="double"`), attvalues for attributes
    /// it never declared; and a GraphML value inside a port, which is the port's, not its node's.
    @Test func gephi08TimesAndUndeclaredValues() {
        let result = load([
            (
                "old.gexf",
                """
                <?xml version="1.0" encoding="UTF-8"?>
                <gexf xmlns="http://www.gexf.net/1.1draft" version="1.1">
                  <graph defaultedgetype="undirected" timeformat="double" mode="dynamic">
                    <nodes>
                      <node id="a" label="A" start="2004.0" end="2032.0"><attvalues><attvalue for="url" value="https://a.example"/></attvalues></node>
                      <node id="b" label="B" start="1.5"/>
                    </nodes>
                    <edges>
                      <edge source="a" target="b" start="2006.0" end="2020.0"><attvalues><attvalue for="weight" value="2.0"/></attvalues></edge>
                    </edges>
                  </graph>
                </gexf>

                """
            ),
            (
                "ports.graphml",
                """
                <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
                  <key id="d0" for="node" attr.name="sector"/><key id="d1" for="port" attr.name="side"/>
                  <graph edgedefault="directed">
                    <node id="c"><data key="d0">retail</data><port name="p"><data key="d0">port's own</data></port></node>
                  </graph>
                </graphml>

                """
            ),
        ])
        let network = result.network
        #expect(network.entity("a")?.founded?.description == "2004" && network.entity("a")?.attributes["url"] == "https://a.example")
        #expect(network.entity("b")?.founded == nil, "1.5 is no year: not placed")
        #expect(network.relations.first?.start?.description == "2006" && network.relations.first?.end?.description == "2020")
        #expect(network.relations.first?.weight == 2)
        #expect(network.entity("c")?.sector == "retail", "the port's value stays the port's")
        let messages = result.diagnostics.map(\.message)
        #expect(messages.contains("<attvalue for=\"url\"> names no attribute declared for nodes: read as 'url'"))
        #expect(messages.contains("GEXF times that are not years (timeformat 'double', '1.5') are not placed in time"))
        #expect(!result.hasErrors, "\(messages)")
    }

    /// Groups and hierarchies: every level's nodes and edges are read, each node keeping its group as
    /// the attribute `parent`; an edge between levels is kept.
    @Test func nestedGraphsAndHierarchiesAreReadWhole() {
        let result = load([
            (
                "groups.graphml",
                """
                <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
                  <key id="d0" for="node" attr.name="label"/>
                  <graph edgedefault="directed">
                    <node id="top"><data key="d0">Top</data></node>
                    <node id="g"><data key="d0">Group</data>
                      <graph edgedefault="directed">
                        <node id="g::a"/><node id="g::b"/>
                        <edge source="g::a" target="g::b"/>
                      </graph>
                      <data key="d0">late</data>
                    </node>
                    <edge source="top" target="g::a"/>
                  </graph>
                </graphml>

                """
            ),
            (
                "tree.gexf",
                """
                <gexf xmlns="http://gexf.net/1.3" version="1.3"><graph defaultedgetype="directed">
                  <nodes><node id="root" label="Root"><nodes><node id="leaf" label="Leaf"/></nodes></node></nodes>
                  <edges><edge source="leaf" target="root"/></edges>
                </graph></gexf>

                """
            ),
        ])
        let network = result.network
        #expect(network.entities.map(\.id).sorted() == ["g", "g-a", "g-b", "leaf", "root", "top"])
        #expect(network.entity("g-a")?.attributes["parent"] == "g" && network.entity("leaf")?.attributes["parent"] == "root")
        #expect(network.entity("g")?.name == "Group" && network.entity("top")?.attributes["parent"] == nil)
        #expect(network.relations.count == 3, "inside the group, between levels, and in the hierarchy")
        let messages = result.diagnostics.map(\.message)
        #expect(messages.contains("a group's value written after its nested graph is not read"))
        #expect(!result.hasErrors, "\(messages)")
    }

    /// Kumu's `A|B` in From or To names several elements: a connection from each to each.
    @Test func kumuMultiTargetsMakeAConnectionEach() {
        let result = load([
            ("elements.csv", "Label,Type\nKumu,Organization\nRyan Mohr,Person\nAda,Person\n"),
            ("connections.csv", "From,To,Type\nAda,Kumu|Ryan Mohr,knows\n"),
        ])
        #expect(result.network.relations.map { "\($0.from)>\($0.to)" } == ["ada>kumu", "ada>ryan-mohr"])
        #expect(result.network.relations.allSatisfy { $0.label == "knows" && $0.type == .linkedTo })
        #expect(!result.hasErrors, "\(lines(result))")
    }

    /// Kumu's project backup: fields under `attributes`, `element type`, connections by Kumu's `_id`.
    @Test func kumuProjectBackupsRead() {
        let result = load([
            (
                "project.json",
                """
                {"name": "Growth", "elements": [
                  {"_id": "elem-1", "attributes": {"label": "New York", "element type": "State", "2010 population": 19400867, "coastal": true, "tags": ["east", "big"]}},
                  {"_id": "elem-2", "attributes": {"label": "Ada Lovelace", "element type": "Person"}},
                  {"_id": "elem-3", "attributes": {}}
                ], "connections": [
                  {"_id": "conn-1", "direction": "directed", "from": "elem-2", "to": "elem-1", "attributes": {"connection type": "lives in"}}
                ], "maps": []}
                """
            )
        ])
        let network = result.network
        #expect(network.entities.map(\.id) == ["new-york", "ada-lovelace"])
        #expect(network.entity("ada-lovelace")?.kind == .person)
        let york = network.entity("new-york")
        #expect(york?.attributes["kumu type"] == "State" && york?.attributes["2010 population"] == "19400867")
        #expect(york?.attributes["coastal"] == "true" && york?.attributes["tags"] == "east|big")
        #expect(network.relations.map { "\($0.from)>\($0.to):\($0.label ?? "")" } == ["ada-lovelace>new-york:lives in"])
        let messages = result.diagnostics.map(\.message)
        #expect(messages.contains("1 element without a label is not read"), "\(messages)")
        #expect(!result.hasErrors, "\(messages)")
    }

    /// XML text is read whole (CDATA); yEd's drawn labels name its nodes; GraphML saved as `.xml` is
    /// read from its content, in the encoding its declaration names; other XML is said and left.
    @Test func xmlTextLabelsAndEncodings() {
        let result = load([
            (
                "yed.xml",
                """
                <?xml version="1.0" encoding="UTF-8"?>
                <graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:y="http://www.yworks.com/xml/graphml">
                  <key for="node" id="d6" yfiles.type="nodegraphics"/><key for="edge" id="d10" yfiles.type="edgegraphics"/>
                  <key for="node" id="d1" attr.name="summary"/>
                  <graph edgedefault="directed">
                    <node id="n0"><data key="d1"><![CDATA[x < y & z]]></data>
                      <data key="d6"><y:ShapeNode><y:NodeLabel visible="true">Ville de Laval<y:LabelModel><y:SmartNodeLabelModel/></y:LabelModel></y:NodeLabel></y:ShapeNode></data></node>
                    <node id="n1"><data key="d6"><y:ShapeNode><y:NodeLabel>Lille</y:NodeLabel></y:ShapeNode></data></node>
                    <edge source="n0" target="n1"><data key="d10"><y:PolyLineEdge><y:EdgeLabel>jumelage</y:EdgeLabel></y:PolyLineEdge></data></edge>
                  </graph>
                </graphml>

                """
            ),
            ("notes.xml", "<?xml version=\"1.0\"?><config/>\n"),
        ])
        let network = result.network
        #expect(network.entity("n0")?.name == "Ville de Laval" && network.entity("n1")?.name == "Lille")
        #expect(network.entity("n0")?.summary == "x < y & z")
        #expect(network.entity("n0")?.attributes["d6"] == nil, "the drawing is not an attribute")
        #expect(network.relations.first?.label == "jumelage")
        #expect(lines(result).contains("notes.xml:1:1: warning: an XML file that is neither GraphML nor GEXF: not read"))
        #expect(!result.hasErrors, "\(lines(result))")
        let latin =
            Array(
                "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"><key id=\"d0\" for=\"node\" attr.name=\"label\"/><graph><node id=\"a\"><data key=\"d0\">Montr"
                    .utf8)
            + [0xE9] + Array("al</data></node></graph></graphml>\n".utf8)
        let decoded = SeedLoader.load(rawFiles: [(path: "latin.graphml", bytes: latin)])
        #expect(decoded.network.entity("a")?.name == "Montréal" && !decoded.hasErrors, "\(decoded.diagnostics)")
        // An encoding this reader does not decode is refused with what to do; the parser only ever sees UTF-8.
        let klingon = Array("<?xml version=\"1.0\" encoding=\"x-klingon\"?>\n<graphml><key id=\"".utf8) + [0xDD] + Array("\"/></graphml>".utf8)
        let refused = SeedLoader.load(rawFiles: [(path: "k.graphml", bytes: klingon)])
        #expect(refused.diagnostics.map(\.description) == ["k.graphml:1:1: error: XML encoding 'x-klingon' is not read: save the file as UTF-8"])
    }

    @Test func brokenXMLIsAnErrorAtItsPlace() {
        let result = load([
            (
                "broken.graphml",
                """
                <?xml version="1.0"?>
                <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
                  <graph edgedefault="directed">
                    <node id="a">
                  </graph>
                </graphml>

                """
            )
        ])
        let errors = result.diagnostics.filter { $0.severity == .error }.map(\.description)
        #expect(errors == ["broken.graphml:5:11: error: XML syntax error: a closing tag does not match the element it closes"])
        let other = load([("other.gexf", "<?xml version=\"1.0\"?>\n<html><body/></html>\n")])
        #expect(lines(other) == ["other.gexf:1:1: error: not a GraphML or GEXF file: the root element is neither <graphml> nor <gexf>"])
    }

    /// A Gephi edges table whose rows tie records: a tie from something that is not a record, or of the
    /// wrong kind, is an error at its row.
    @Test func recordTiesAreCheckedAtTheirRow() {
        let result = load([
            ("documents.yaml", "documents: [{id: d, title: D}]\n"),
            (
                "nodes.csv",
                """
                Id,Label,Kind,Date,Status,Type,Provenance
                laval,Laval,city,,,,d
                acme,Acme,organisation,,,company,d
                salon,Salon,event,2015-10,held,trade_show,d

                """
            ),
            (
                "edges.csv",
                """
                Source,Target,Type,Kind,Provenance
                salon,acme,Directed,organiser,d
                salon,laval,Directed,place,d
                acme,laval,Directed,speaker,d
                salon,laval,Directed,origin,d

                """
            ),
        ])
        let event = result.network.record("salon")
        #expect(event?.parties.map { "\($0.entity) \($0.role.rawValue)" } == ["acme organiser"])
        #expect(event?.event?.place == "laval")
        #expect(event?.event?.date?.description == "2015-10")
        #expect(
            lines(result).contains(
                "edges.csv:4:1: error: 'acme' is not a record of these seeds: a 'speaker' edge's source is an agreement, mission, project or event"))
        #expect(lines(result).contains("edges.csv:5:22: error: an 'origin' edge goes from a mission, not from event 'salon'"))
    }

    /// The report files each warning as the reader filed it, not by its wording: an ignored column
    /// is left out, a foreign word and a made id are mapped, a warning about sources is neither.
    @Test func importReportFilesWarningsByCategory() {
        let csv = """
            Source,Target,Kind,Colour
            Fred,Alice,supplier_of,red

            """
        let report = ImportReport(load([("edges.csv", csv)]), language: .en)
        #expect(report.leftOut == ["column 'Colour' is ignored: edges keep only the known columns"])
        #expect(report.mapped.count == 3, "\(report.mapped)")
        #expect(report.mapped.contains("'supplier_of' (Kind) is not a Grappe relation type: read as partner_of, the word kept as its label"))
        #expect(report.warnings == 5, "the unsourced edge is in neither list")
        let french = ImportReport(load([("edges.csv", csv)]), language: .fr)
        #expect(french.leftOut.first?.hasPrefix("la colonne «\u{00A0}Colour\u{00A0}» est ignorée") == true, "\(french.leftOut)")
    }

    /// A GraphML hyperedge joins several nodes at once: it becomes an event whose parties are its
    /// endpoints, its data read as the record's, said once.
    @Test func hyperedgesBecomeRecordsWithTheirParticipants() {
        let graphml = """
            <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
              <key id="t" for="hyperedge" attr.name="label"/>
              <graph edgedefault="undirected">
                <node id="a"/><node id="b"/><node id="c"/>
                <edge source="a" target="b"/>
                <hyperedge id="h1"><data key="t">Salon de Lille</data>
                  <endpoint node="a" type="in"/><endpoint node="b"/><endpoint node="c" type="out"/>
                </hyperedge>
                <hyperedge><endpoint node="b"/><endpoint node="zz"/></hyperedge>
              </graph>
            </graphml>

            """
        let result = load([("h.graphml", graphml)])
        let records = result.network.records
        #expect(records.map(\.id) == ["h1", "hyperedge-2"])
        #expect(records.first?.title == "Salon de Lille" && records.first?.kind == .event)
        #expect(records.first?.parties.map(\.entity) == ["a", "b", "c"] && records.first?.parties.allSatisfy { $0.role == .participant } == true)
        let messages = result.diagnostics.map(\.description)
        #expect(
            messages.contains {
                $0.hasPrefix("h.graphml:6:")
                    && $0.hasSuffix(
                        "GraphML hyperedges are read as events (type 'other') whose endpoints are participants; endpoint directions (in, out) are not kept"
                    )
            }, "\(messages)")
        #expect(
            messages.contains("h.graphml:9:55: error: unknown id 'zz' in party of an event"),
            "an unknown endpoint is an error at its place: \(messages)")
    }

    /// Another tool's words with a Grappe meaning, and untyped edges to a city, are typed once every
    /// kind is known; each mapping is said once with its count, and a word whose ends do not fit
    /// keeps the neutral type.
    @Test func wordsAndCitiesMapToGrappeTypes() {
        let elements = """
            Label,Type
            Lille,City
            PICOM,Organization
            Ana,Person
            Bob,Person

            """
        let connections = """
            From,To,Type,Direction
            PICOM,Lille,,undirected
            Lille,Ana,,undirected
            Ana,PICOM,employed by,directed
            PICOM,Bob,employed by,directed
            Bob,PICOM,located in,directed

            """
        let result = load([("elements.csv", elements), ("connections.csv", connections)])
        let types = result.network.relations.map { "\($0.from) \($0.type.rawValue) \($0.to)" }
        #expect(
            types == ["picom based_in lille", "ana based_in lille", "ana works_for picom", "picom linked_to bob", "bob linked_to picom"], "\(types)")
        let messages = result.diagnostics.map(\.message)
        #expect(
            messages.contains("'employed by' read as works_for (1 link); 1 whose ends do not fit works_for stay untyped, the word kept as the label"),
            "\(messages)")
        #expect(messages.contains("2 links with no type between a city and something else read as based_in (where that thing is)"))
        #expect(result.network.relations.first { $0.from == "ana" && $0.type == .worksFor }?.label == "employed by")
        #expect(!result.hasErrors, "\(messages)")
    }
}
