import Foundation
import GrappeAnalysis
import GrappeExport
import GrappeModel
import GrappeSeeds
import Testing

/// A relation that held, stopped and held again, and an entity that has ended, go out in every format
/// and come back the same; "as of" counts them at each moment.
@Suite struct PeriodRoundTripTests {
    static let documents = "documents: [{id: d, title: D}]\n"

    /// Two cities and a relation 2004–2006, then again since 2020; one city ended in 2015.
    static func network() -> Network {
        let seeds = """
            documents: [{id: d, title: D}]
            cities:
              - {id: a, name: A, founded: "1990", sources: [d]}
              - {id: b, name: B, ended: "2015", sources: [d]}
              - {id: c, name: C, sources: [d]}
            relations:
              - {from: a, to: c, type: partner_of, start: "2004", end: "2006", periods: ["2004/2006", "2020/.."], sources: [d]}
              - {from: b, to: c, type: partner_of, sources: [d]}

            """
        let result = SeedLoader.load(files: [("n.yaml", seeds)])
        #expect(!result.hasErrors, "\(result.diagnostics.map(\.description))")
        return result.network
    }

    @Test func periodsAndEndsAreRead() {
        let network = Self.network()
        let relation = network.relations.first { $0.from == "a" }
        #expect(relation?.periods.map(\.description) == ["2004/2006", "2020/.."])
        #expect(network.entity("b")?.ended?.description == "2015")
    }

    @Test func asOfCountsEveryPeriodAndEnd() throws {
        let network = Self.network()
        func holds(_ year: Int) -> Bool { network.asOf(PartialDate(year: year)).relations.contains { $0.from == "a" } }
        #expect(holds(2005) && !holds(2010) && holds(2021), "a partnership 2004–2006 and since 2020")
        #expect(network.asOf(PartialDate(year: 2014)).entities.contains { $0.id == "b" })
        #expect(!network.asOf(PartialDate(year: 2016)).entities.contains { $0.id == "b" }, "ended in 2015")
        #expect(!network.asOf(PartialDate(year: 2016)).relations.contains { $0.from == "b" })
    }

    @Test(arguments: ["graphml", "gexf", "csv", "kumu", "json", "tables"])
    func periodsAndEndsGoThroughEveryFormat(_ format: String) throws {
        let network = Self.network()
        let graph = ExportGraph(network)
        let files: [(String, String)] =
            switch format {
            case "graphml": [("n.graphml", GraphML.write(graph))]
            case "gexf": [("n.gexf", GEXF.write(graph))]
            case "csv": [("nodes.csv", GephiCSV.nodes(graph)), ("edges.csv", GephiCSV.edges(graph))]
            case "kumu": [("n.json", String(decoding: try Kumu.write(graph), as: UTF8.self))]
            case "json": [("n.json", String(decoding: try NetworkJSON.encode(network), as: UTF8.self))]
            default: [("entities.csv", SeedTables.entities(network.entities)), ("relations.csv", SeedTables.relations(network.relations))]
            }
        let back = SeedLoader.load(files: (format == "json" ? [] : [("documents.yaml", Self.documents)]) + files)
        #expect(!back.hasErrors, "\(format): \(back.diagnostics.map(\.description))")
        let relation = back.network.relations.first { $0.from == "a" }
        #expect(relation?.periods.map(\.description) == ["2004/2006", "2020/.."], "\(format)")
        #expect(back.network.entity("b")?.ended?.description == "2015", "\(format)")
    }

    /// GEXF as Gephi writes a relation active twice and a node that left: every spell is read.
    @Test func everyGEXFSpellIsRead() {
        let gexf = """
            <?xml version="1.0" encoding="UTF-8"?>
            <gexf xmlns="http://gexf.net/1.3" version="1.3">
              <graph defaultedgetype="undirected" timeformat="date" mode="dynamic">
                <nodes>
                  <node id="a" label="A"><spells><spell start="2001-01-01" end="2009-03-01"/></spells></node>
                  <node id="b" label="B" start="2003-05-01"/>
                </nodes>
                <edges>
                  <edge source="a" target="b">
                    <spells><spell start="2004-01-01" end="2006-12-31"/><spell start="2020-01-01"/></spells>
                  </edge>
                </edges>
              </graph>
            </gexf>

            """
        let result = SeedLoader.load(files: [("g.gexf", gexf)])
        #expect(!result.hasErrors, "\(result.diagnostics.map(\.description))")
        #expect(result.network.relations.first?.periods.map(\.description) == ["2004-01-01/2006-12-31", "2020-01-01/.."])
        #expect(result.network.entity("a")?.ended?.description == "2009-03-01")
        #expect(result.network.entity("b")?.founded?.description == "2003-05-01")
        #expect(result.network.asOf(PartialDate(year: 2010)).relations.isEmpty)
        #expect(result.network.asOf(PartialDate(year: 2005)).relations.count == 1)
    }

    /// Gephi's spreadsheets write intervals as `<[start, end]; [start, end]>`, infinities open.
    @Test func gephiTimesetColumnsAreRead() {
        let csv = """
            Source,Target,Type,Label,timeset,Weight
            Fred,Alice,Directed,,"<[2016-02-03, 2016-02-04]; [2016-02-05, 2016-02-08]>",2
            Alice,Fred,Directed,,"<[2016-03-04, Infinity]>",1
            Dirk,Fred,Directed,,"<[2016-02-05, 2016-02-04]>",1

            """
        let result = SeedLoader.load(files: [("edges.csv", csv)])
        let periods = result.network.relations.map { $0.periods.map(\.description) }
        #expect(periods.first == ["2016-02-03/2016-02-04", "2016-02-05/2016-02-08"])
        #expect(periods.dropFirst().first == ["2016-03-04/.."])
        #expect(
            result.diagnostics.map(\.description).contains("edges.csv:4:21: error: the period 2016-02-05/2016-02-04 ends before it starts"),
            "\(result.diagnostics.map(\.description))")
    }

    @Test func periodsThatContradictStartAndEndAreAnError() {
        let seeds = """
            documents: [{id: d, title: D}]
            cities: [{id: a, name: A, sources: [d]}, {id: c, name: C, sources: [d]}]
            relations:
              - {from: a, to: c, type: partner_of, start: "2003", periods: ["2004/2006", "2020/.."], sources: [d]}
              - {from: c, to: a, type: partner_of, periods: "2004/2006 | 2001/2002 | xx", sources: [d]}

            """
        let messages = SeedLoader.load(files: [("n.yaml", seeds)]).diagnostics.map(\.message)
        #expect(messages.contains("start and end (2003/..) are not the first of the periods (2004/2006): keep them equal, or leave them out"))
        #expect(messages.contains { $0.hasPrefix("invalid period: 'xx' is not a date") }, "\(messages)")
    }

    /// Names and notes with controls, bidirectional overrides, a formula, backslashes and text that
    /// looks like an escape leave Grappe's CSV harmless for a terminal and come back byte for byte.
    @Test func hostileTextGoesThroughCSVByteForByte() throws {
        let names = [
            "Evil \u{1B}]0;pwned\u{7} \u{202E}x\u{2066}", "=1+1", "C:\\temp\\new", "littéral \\u{1B} et \\u{5C}",
            "tab\there\r\nthere", "🇫🇷 Café ❤️ \u{E001}",
        ]
        var entities = names.enumerated().map { Entity(id: "e\($0.offset)", kind: .city, name: $0.element, sources: [SourceRef(document: "d")]) }
        entities[0].attributes = ["note": names[0]]
        let relations = [Relation(from: "e0", to: "e1", type: .partnerOf, label: names[3], note: names[4], sources: [SourceRef(document: "d")])]
        let network = Network(name: "n", documents: [Document(id: "d", title: "D")], entities: entities, relations: relations, records: [])
        let tables = [("entities.csv", SeedTables.entities(network.entities)), ("relations.csv", SeedTables.relations(network.relations))]
        let graph = ExportGraph(network)
        let gephi = [("nodes.csv", GephiCSV.nodes(graph)), ("edges.csv", GephiCSV.edges(graph))]
        for files in [tables, gephi] {
            for (_, text) in files {
                #expect(!text.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{7}" || $0 == "\u{202E}" || $0 == "\r" }, "\(text)")
            }
            let back = SeedLoader.load(files: [("documents.yaml", Self.documents)] + files)
            #expect(!back.hasErrors, "\(back.diagnostics.map(\.description))")
            #expect(back.network.entities.sorted { $0.id < $1.id }.map(\.name) == names)
            #expect(back.network.entity("e0")?.attributes["note"] == names[0])
            #expect(back.network.relations.first?.label == names[3] && back.network.relations.first?.note == names[4])
        }
    }
}
