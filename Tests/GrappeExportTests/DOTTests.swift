import GrappeExport
import GrappeModel
import GrappeTestSupport
import Testing

/// The DOT export chooses a layout that finishes, and labels edges with their own labels only.
@Suite struct DOTTests {
    @Test func aLargeGraphNamesSfdpAndEdgesCarryOnlyTheirOwnLabels() {
        let small = DOT.write(ExportGraph(referenceNetwork))
        #expect(!small.contains("layout="), "the reference network (\(ExportGraph(referenceNetwork).nodes.count) nodes) is drawn by dot")
        #expect(small.contains("\"alain-dumas\" -> \"panier-bleu\";"), "no label of its own: none drawn")
        #expect(small.contains("[label=\"approuve son billet\"]"))
        #expect(!small.contains("label=\"partner of\""), "a relation type is not a label")
        let entities = (0...DOT.largeGraph).map { Entity(id: "n\($0)", kind: .organisation, name: "N\($0)") }
        let large = DOT.write(ExportGraph(Network(entities: entities)))
        #expect(large.contains("graph [layout=\"sfdp\", "))
        #expect(DOT.write(ExportGraph(Network(entities: entities)), layout: "neato").contains("graph [layout=\"neato\", "), "a layout asked for")
    }
}
