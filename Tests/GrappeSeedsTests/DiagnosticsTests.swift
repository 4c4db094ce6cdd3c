import Foundation
import GrappeModel
import GrappeWords
import Testing

@testable import GrappeSeeds

/// One broken fixture per diagnostic: the whole directory must give exactly the expected lines,
/// each with its `path:line:column`.
@Suite struct DiagnosticsTests {
    @Test func brokenDirectoryListsEveryProblemAtItsPosition() throws {
        let root = Paths.fixtures + "/broken"
        let result = try SeedLoader.load(path: root)
        let lines = result.diagnostics.map { $0.description.replacingOccurrences(of: Paths.fixtures + "/", with: "") }
        let expected = try String(contentsOfFile: Paths.fixtures + "/broken.expected", encoding: .utf8)
            .split(separator: "\n").map(String.init)
        #expect(lines == expected)
        #expect(result.hasErrors)
    }

    /// The same problems in French, as the French dashboard and `grappe check --lang fr` show them:
    /// French words and typography (no-break spaces before the colon, «\u{00A0}quotes\u{00A0}»),
    /// the location as compilers write it.
    @Test func brokenDirectoryInFrench() throws {
        let result = try SeedLoader.load(path: Paths.fixtures + "/broken")
        let lines = result.diagnostics.map { $0.description(in: .fr).replacingOccurrences(of: Paths.fixtures + "/", with: "") }
        let expected = try String(contentsOfFile: Paths.fixtures + "/broken.fr.expected", encoding: .utf8)
            .split(separator: "\n").map(String.init)
        #expect(lines == expected)
        #expect(lines.allSatisfy { $0.contains(": erreur\u{00A0}: ") || $0.contains(": avertissement\u{00A0}: ") })
    }

    /// Every diagnostic of many kinds of bad input has a French wording with no English sentence in
    /// it: the words of the file itself (quoted, or tags) aside, none of English's common words.
    @Test func frenchDiagnosticsSpeakNoEnglish() throws {
        var diagnostics = try SeedLoader.load(path: Paths.fixtures + "/broken").diagnostics
        diagnostics +=
            SeedLoader.load(files: [
                (
                    path: "g.graphml",
                    contents: """
                    <?xml version="1.0"?>
                    <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
                    <key id="d0" for="edge" attr.name="colour" attr.type="string"/>
                    <graph edgedefault="undirected"><node id="Ville de Laval"><data key="zz">x</data></node><node id="b"/>
                    <edge source="ville-de-laval" target="nowhere"><data key="d0">red</data></edge><hyperedge/>
                    <graph/></graph></graphml>
                    """
                ),
                (path: "t.graphml", contents: "<graphml><graph><node id='a'></graph>"),
                (
                    path: "x.gexf",
                    contents:
                        "<gexf><graph><attributes class='node' mode='dynamic'/><nodes><node id='a'><attvalues><attvalue for='q' value='1'/></attvalues></node></nodes></graph></gexf>"
                ),
                (path: "elements.csv", contents: "Label,Type\nAlpha,Spaceship\n"),
                (path: "connections.csv", contents: "From,To,Type\nAlpha,Beta,befriends\nAlpha,,x\n"),
                (path: "nodes.csv", contents: "Id,Label,Founded,Weight\nBad Id,X,2020-13,\nok,,,\n"),
                (path: "edges.csv", contents: "Source,Target,Type,Weight,Provenance\nok,ok,partner_of,heavy,nodoc\n"),
                (path: "what.csv", contents: "Name,Place\nx,y\n"),
                (path: "e.json", contents: #"{"format":"other","version":1}"#),
                (path: "f.json", contents: #"{"format":"grappe-network","version":99}"#),
                (
                    path: "n.yaml",
                    contents: "network: [1]\norganisations:\n  - id: o\n    name: O\n    type: spaceship\n    founded: '20x'\n    country: France\n"
                ),
                (
                    path: "r.yaml",
                    contents: """
                    missions:
                      - id: m
                        title: M
                        status: planned
                        start: 2024-05
                        end: 2023
                        budget: -5 EUR
                        parties: [{id: o, role: funder}]
                        outcomes: [{}]
                    projects:
                      - id: p
                        title: P
                        funding: [{funder: o, share: 120%}]
                    """
                ),
            ]).diagnostics
        #expect(diagnostics.count > 50)
        let english = [
            " the ", " is ", " are ", " must ", "expected", " found ", "unknown", "missing", " has ", " have ", " and ", " invalid ",
            "cannot", " not ", " without ", " needs ", " which ",
        ]
        for diagnostic in diagnostics {
            #expect(diagnostic.french != diagnostic.message, "\(diagnostic)")
            // What came from the file: «…» quotes and <tags>.
            let own = diagnostic.french.replacing(/«[^»]*»/, with: "").replacing(/<[^>]*>/, with: "")
            for word in english {
                #expect(!" \(own) ".contains(word), "English '\(word)' in: \(diagnostic.description(in: .fr))")
            }
        }
    }

    @Test func missingDirectoryIsNotFound() {
        #expect(throws: SeedLoadError.notFound("/no/such/seeds")) { try SeedLoader.load(path: "/no/such/seeds") }
    }

    @Test func aSingleFileMustBeASeedFile() throws {
        let result = try SeedLoader.load(path: Paths.seeds + "/README.md")
        #expect(result.diagnostics.map(\.message) == ["not a seed file: seed files end in .yaml, .yml, .csv, .json, .graphml or .gexf"])
    }

    private func diagnostics(_ files: [(String, String)]) -> [String] {
        SeedLoader.load(files: files.map { (path: $0.0, contents: $0.1) }).diagnostics.map(\.description)
    }

    private let base = (
        "base.yaml",
        """
        documents: [{id: d, title: D}]
        cities:
          - {id: lille, name: Lille, sources: [d], relations: [{type: partner_of, to: laval, sources: [d]}]}
          - {id: laval, name: Laval, sources: [d]}

        """
    )

    @Test func unknownTopLevelSection() {
        #expect(
            diagnostics([base, ("a.yaml", "citties: []\n")]) == [
                "a.yaml:1:1: error: unknown key 'citties' in a seed file; did you mean 'cities'?"
            ])
    }

    @Test func wrongScalarType() {
        #expect(
            diagnostics([base, ("a.yaml", "cities:\n  - id: lyon\n    name: [Lyon]\n    sources: [d]\n")]) == [
                "a.yaml:3:11: error: 'name' must be text, found a list"
            ])
    }

    @Test func idThatIsNotASlug() {
        #expect(
            diagnostics([base, ("a.yaml", "cities:\n  - {id: Ville de Laval, name: X, sources: [d]}\n")]) == [
                "a.yaml:2:10: error: id 'Ville de Laval' is not a slug: use lower-case letters, digits and hyphens, such as 'ville-de-laval'"
            ])
    }

    @Test func duplicateKeysInOneMapping() {
        let found = diagnostics([base, ("a.yaml", "cities:\n  - id: lyon\n    id: lyon2\n    name: Lyon\n")])
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("a.yaml:2:5: error: duplicate key 'id' in one mapping") == true)
    }

    @Test func recordReferencesMustBeTheRightKind() {
        let mission = """
            missions:
              - id: m
                title: M
                status: completed
                destinations: [lille]
                parties: [{id: lille, role: leader}]
                outcomes: [{agreement: laval}]
                sources: [d]

            """
        #expect(
            diagnostics([base, ("m.yaml", mission)]) == [
                "m.yaml:7:28: error: mission outcome names 'laval', which is a city, not a record"
            ])
    }

    @Test func sharesOverAHundredPercent() {
        let project = """
            projects:
              - id: p
                title: P
                budget: 1000 CAD
                parties: [{id: lille, role: lead}]
                funding: [{funder: lille, share: 60%}, {funder: laval, share: 50%}]
                sources: [d]

            """
        #expect(
            diagnostics([base, ("p.yaml", project)]) == [
                "p.yaml:6:14: error: funding shares add up to more than 100% (110%)"
            ])
    }

    @Test func csvDelimiterAndBOMFromSpreadsheets() {
        let csv = "\u{FEFF}Id;Label;Kind;Provenance\nlyon;Lyon;city;d\n"
        let result = SeedLoader.load(files: [base, ("n.csv", csv)])
        #expect(result.network.entity("lyon")?.name == "Lyon")
        #expect(
            result.diagnostics.map(\.description) == [
                "n.csv:2:1: warning: 'lyon' has no relation and takes part in no record"
            ])
    }

    @Test func gephiTypeColumnMeansDirection() {
        let edges = "Source,Target,Type,Kind,Provenance\nlille,laval,Undirected,,d\nlaval,lille,Directed,supports,d\n"
        let result = SeedLoader.load(files: [base, ("e.csv", edges)])
        #expect(result.diagnostics.isEmpty)
        #expect(result.network.relations.map(\.type) == [.partnerOf, .partnerOf, .supports])
    }

    /// Gephi's habits: an edges table alone makes its nodes (one warning counts them); ids of any text
    /// are made into ids, the same in every table, with one warning per file; another tool's word for
    /// a relation type is kept as the relation's label; a near miss of a Grappe type stays an error.
    @Test func gephiTablesReadAsGephiReadsThem() {
        let edges = "Source,Target,Type,Kind\nFred,Alice,Directed,1\nAlice,Fred,Directed,\nDirk,Fred,Directed,1\n"
        let alone = SeedLoader.load(files: [("e.csv", edges)])
        #expect(alone.network.entities.map(\.id) == ["fred", "alice", "dirk"])
        #expect(alone.network.entities.map(\.name) == ["Fred", "Alice", "Dirk"])
        #expect(alone.network.relations.map(\.label) == ["1", nil, "1"])
        let messages = alone.diagnostics.map(\.description)
        #expect(
            messages.filter { $0.contains("made into ids") } == [
                "e.csv:2:1: warning: 6 ids are not Grappe ids and made into ids ('Fred' → 'fred'…), the texts kept as names"
            ])
        #expect(messages.filter { $0.contains("no nodes table") }.count == 1)
        #expect(
            messages.filter { $0.contains("is not a Grappe relation type") } == [
                "e.csv:2:21: warning: '1' (Kind) is not a Grappe relation type: read as linked_to, the word kept as its label"
            ])
        #expect(alone.network.relations.map(\.type) == [.linkedTo, .linkedTo, .linkedTo], "Gephi's Directed stays directed")
        #expect(!alone.hasErrors)
        // With nodes defined, an unknown end is an error at its cell, and a typo of a type too.
        let nodes = "Id,Label\nFred,Fred\nAlice,Alice\n"
        let typo = "Source,Target,Type\nFred,Alice,partnr_of\nFred,Dirk,partner_of\n"
        let checked = SeedLoader.load(files: [("n.csv", nodes), ("e.csv", typo)]).diagnostics.map(\.description)
        #expect(checked.contains("e.csv:2:12: error: unknown relation type 'partnr_of'; did you mean 'partner_of'?"), "\(checked)")
        #expect(checked.contains { $0.hasPrefix("e.csv:3:6: error: unknown id 'dirk' in Target") }, "\(checked)")
    }

    /// One cause said on many rows is shown three times, then counted with its first lines; the
    /// counts of errors stay whole.
    @Test func repeatedDiagnosticsAreShownOnceWithACount() {
        let edges = "Source,Target,Weight\n" + (1...9).map { "a\($0),b\($0),lourd\n" }.joined()
        let result = SeedLoader.load(files: [("e.csv", edges)])
        let shown = result.diagnostics.collapsed().filter { $0.severity == .error }.map(\.description)
        #expect(
            shown == [
                "e.csv:2:7: error: Weight must be a number, found 'lourd'", "e.csv:3:7: error: Weight must be a number, found 'lourd'",
                "e.csv:4:7: error: Weight must be a number, found 'lourd'", "e.csv:5:7: error: … and 6 more like it (lines 5, 6, 7, 8, 9…)",
            ], "\(shown)")
        #expect(result.diagnostics.errorCount == 9)
        #expect(
            result.diagnostics.collapsed().last { $0.severity == .error }?.description(in: .fr).hasSuffix(
                "… et 6 autres du même genre (lignes 5, 6, 7, 8, 9…)") == true)
    }

    /// A weight with a decimal comma says how to write it, in a table as in a graph file.
    @Test func aDecimalCommaIsRefusedWithTheHint() {
        let edges = "Source,Target,Type,Weight,Provenance\nlille,laval,partner_of,\"1,5\",d\nlaval,lille,partner_of,\"1,500\",d\n"
        let messages = SeedLoader.load(files: [base, ("e.csv", edges)]).diagnostics.map(\.description)
        #expect(messages.contains("e.csv:2:24: error: Weight must be a number, found '1,5'; with a decimal point: 1.5"), "\(messages)")
        #expect(messages.contains("e.csv:3:24: error: Weight must be a number, found '1,500'"), "no guess where the comma may group thousands")
        #expect(Words.decimalPointHint("-0,25").english == "; with a decimal point: -0.25")
        #expect(Words.decimalPointHint("0,25").french == "\u{00A0}; avec un point décimal\u{00A0}: 0.25")
        #expect(Words.decimalPointHint("abc").english.isEmpty && Words.decimalPointHint("1,5,2").english.isEmpty)
    }

    /// Every cell of a table row is checked: one error does not hide the others of its row.
    @Test func oneRowReportsEachOfItsErrors() {
        let edges = "Source,Target,Type,Weight,Start,End,Provenance\n,laval,partner_of,lourd,2020-13,2019,nodoc\n"
        let messages = SeedLoader.load(files: [base, ("e.csv", edges)]).diagnostics.map(\.description)
        #expect(
            messages == [
                "e.csv:2:1: error: row has no Source", "e.csv:2:19: error: Weight must be a number, found 'lourd'",
                "e.csv:2:25: error: invalid date in column 'Start': month 13 does not exist in '2020-13' (01–12, or 21–24 for a season)",
                "e.csv:2:38: error: unknown document 'nodoc' in provenance",
            ], "\(messages)")
    }

    @Test func quotedFieldsSpanningLinesKeepRowPositions() {
        let nodes = "Id,Label,Summary,Provenance\nx,\"X\nsur deux lignes\",ok,d\ny,Y,\"a \"\"b\"\"\",d\nz,Z,,nope\n"
        let result = SeedLoader.load(files: [base, ("n.csv", nodes)])
        #expect(result.network.entity("x")?.name == "X\nsur deux lignes")
        #expect(result.network.entity("y")?.summary == "a \"b\"")
        #expect(result.diagnostics.map(\.description).contains("n.csv:5:6: error: unknown document 'nope' in provenance"))
    }

    @Test func danglingRelationsAreLeftOutOfTheNetwork() {
        let result = SeedLoader.load(files: [base, ("r.yaml", "relations:\n  - {from: lille, to: nowhere, type: partner_of, sources: [d]}\n")])
        #expect(result.hasErrors)
        #expect(result.network.relations.allSatisfy { result.network.entity($0.to) != nil })
    }

    @Test func slugsFromNames() {
        #expect(IDSyntax.slug("Ville de Laval") == "ville-de-laval")
        #expect(IDSyntax.slug("Pôle de compétitivité (PICOM)") == "pole-de-competitivite-picom")
        #expect(IDSyntax.problem(with: "technomontreal") == nil)
    }
}

/// A carriage return alone inside an unquoted CSV cell (a name pasted from another program): one
/// error at its own place, and the row read whole around it; quoted, it is the cell's text.
@Suite struct StrayCarriageReturnTests {
    @Test func aStrayCarriageReturnIsOneErrorAtItsColumn() {
        let nodes = "Id,Label,Kind,Provenance\nn1,Foo\rBar,organisation,d\nn2,Baz,organisation,d\n"
        let edges = "Source,Target,Type,Provenance\nn1,n2,partner_of,d\n"
        let documents = "documents: [{id: d, title: D}]\n"
        let result = SeedLoader.load(files: [("nodes.csv", nodes), ("edges.csv", edges), ("documents.yaml", documents)])
        #expect(
            result.diagnostics.map(\.description) == [
                "nodes.csv:2:7: error: a carriage return (CR) alone in an unquoted cell: quote the cell to keep it, or remove it (read as a space)"
            ])
        #expect(result.network.entity("n1")?.name == "Foo Bar", "the row is read whole")
        #expect(result.network.relations.count == 1, "nothing after it is lost")
    }

    @Test func aQuotedCarriageReturnIsTheCellsText() {
        let nodes = "Id,Label,Kind,Provenance\r\nn1,\"Foo\rBar\",organisation,d\r\n"
        let result = SeedLoader.load(files: [("nodes.csv", nodes), ("documents.yaml", "documents: [{id: d, title: D}]\n")])
        #expect(result.diagnostics.filter { $0.severity == .error }.isEmpty, "\(result.diagnostics)")
        #expect(result.network.entity("n1")?.name == "Foo\rBar")
    }
}
