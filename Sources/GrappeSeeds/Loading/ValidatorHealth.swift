import GrappeModel
import GrappeWords

/// Isolated entities and facts without a source are warnings: they do not fail a check. Items from
/// tables and graph files are summed up per file, so a large file does not drown the output.
extension Validator {
    func warnAboutHealth(used: [Bool]) {
        warnAboutIsolated(used: used)
        warnAboutUnsourced()
    }

    /// Entities with no relation that take part in no record.
    private func warnAboutIsolated(used: [Bool]) {
        var isolatedPerCSV: [Int32: (count: Int, first: Origin, id: ID)] = [:]
        for (index, entity) in set.entities.enumerated() where !used[index] {
            let origin = set.entityOrigins[index]
            if origin.column < 0 || set.summarisedFiles.contains(origin.file) {
                let previous = isolatedPerCSV[origin.file]
                isolatedPerCSV[origin.file] = ((previous?.count ?? 0) + 1, previous?.first ?? origin, previous?.id ?? entity.id)
            } else {
                set.warning(set.location(origin)) { w in
                    w.say(
                        "\(w.kind(entity.kind)) \(w.quoted(entity.id))\u{00A0}: aucune relation, et ne prend part à aucun dossier",
                        "\(entity.kind.rawValue) \(w.quoted(entity.id)) has no relation and takes part in no record")
                }
            }
        }
        for (_, isolated) in isolatedPerCSV.sorted(by: { $0.key < $1.key }) {
            let others = isolated.count - 1
            set.warning(set.location(isolated.first)) { w in
                guard others > 0 else {
                    return w.say(
                        "\(w.quoted(isolated.id))\u{00A0}: aucune relation, et ne prend part à aucun dossier",
                        "\(w.quoted(isolated.id)) has no relation and takes part in no record")
                }
                return w.say(
                    "\(w.quoted(isolated.id)) et \(w.count(others, ("autre nœud", "autres nœuds"), ("", "")))\u{00A0}: aucune relation, "
                        + "et ne prennent part à aucun dossier",
                    "\(w.quoted(isolated.id)) and \(others) other node\(others > 1 ? "s" : "") have no relation and take part in no record")
            }
        }
    }

    /// Entities (but a table's rows, which cite their file's source), relations and records that
    /// cite no source.
    private func warnAboutUnsourced() {
        var unsourcedPerFile: [Int32: (count: Int, first: Origin)] = [:]
        func unsourced(_ origin: Origin, _ message: (Words) -> String) {
            guard set.summarisedFiles.contains(origin.file) else { return set.warning(set.location(origin), .general, message) }
            let previous = unsourcedPerFile[origin.file]
            unsourcedPerFile[origin.file] = ((previous?.count ?? 0) + 1, previous?.first ?? origin)
        }
        for (index, entity) in set.entities.enumerated() where entity.sources.isEmpty && set.entityOrigins[index].column >= 0 {
            unsourced(set.entityOrigins[index]) { w in
                w.say(
                    "\(w.kind(entity.kind)) \(w.quoted(entity.id))\u{00A0}: aucune source",
                    "\(entity.kind.rawValue) \(w.quoted(entity.id)) has no source")
            }
        }
        for (index, origin) in set.relationOrigins.sorted(by: { $0.key < $1.key }) where set.relations[index].sources.isEmpty {
            let relation = set.relations[index]
            unsourced(origin) { w in
                w.say(
                    "relation \(w.quoted(relation.from)) \(relation.type.rawValue) \(w.quoted(relation.to))\u{00A0}: aucune source",
                    "relation \(w.quoted(relation.from)) \(relation.type.rawValue) \(w.quoted(relation.to)) has no source")
            }
        }
        for (index, record) in set.records.enumerated() where record.sources.isEmpty {
            unsourced(set.recordOrigins[index]) { w in
                w.say(
                    "\(w.kind(record.kind)) \(w.quoted(record.id))\u{00A0}: aucune source",
                    "\(record.kind.rawValue) \(w.quoted(record.id)) has no source")
            }
        }
        for (_, summary) in unsourcedPerFile.sorted(by: { $0.key < $1.key }) {
            set.warning(set.location(summary.first)) { w in
                w.say(
                    "\(w.count(summary.count, ("élément n'a", "éléments n'ont"), ("", ""))) aucune source "
                        + "(ajoutez une valeur «\u{00A0}sources\u{00A0}» qui nomme un document de documents.yaml)",
                    "\(summary.count == 1 ? "1 item has" : "\(summary.count) items have") no source "
                        + "(add a 'sources' value naming a document of documents.yaml)")
            }
        }
    }
}
