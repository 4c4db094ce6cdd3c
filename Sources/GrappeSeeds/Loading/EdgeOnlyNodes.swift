import GrappeModel
import GrappeWords

/// An edges table alone (Gephi's spreadsheet import takes one, and makes its nodes): when the files
/// define no node at all, every id the edges name becomes an organisation named by its text, in the
/// order the edges first name them, and one warning says how many. Where any file defines nodes, an
/// edge to an unknown id stays an error at its cell (a typo must not make a partner).
struct EdgeOnlyNodes {
    let set: SeedSet

    func run() {
        guard set.entities.isEmpty, set.records.isEmpty, !set.edgeTables.isEmpty else { return }
        var made = Set<ID>()
        var first: SourceLocation?
        for table in set.edgeTables {
            for index in table.relations {
                let relation = set.relations[index]
                for (id, end) in [(relation.from, \CSVEdgeTable.sourceColumn), (relation.to, \CSVEdgeTable.targetColumn)]
                where made.insert(id).inserted {
                    let line = set.relationLines[table.firstLine + index - table.relations.lowerBound]
                    set.entities.append(Entity(id: id, kind: .organisation, name: set.endNames[id] ?? id))
                    set.entityOrigins.append(Origin(file: table.file, line: line, column: -Int32(table[keyPath: end] + 1)))
                    if first == nil { first = set.location(ofRelation: index, end: end) }
                }
            }
        }
        guard let first, !made.isEmpty else { return }
        let count = made.count
        set.warning(first, .mapped) { w in
            w.say(
                "aucun tableau de nœuds\u{00A0}: les \(w.count(count, ("nœud", "nœuds"), ("", ""))) que nomment les liens sont créés comme organisations, "
                    + "nommés par leur id, comme Gephi le fait (un tableau Id, Label, Kind en dit plus)",
                "no nodes table: the \(count) node\(count == 1 ? "" : "s") the edges name are made as organisations, "
                    + "named by their ids, as Gephi does (an Id, Label, Kind table says more)")
        }
    }
}
