import GrappeModel

/// Relations as a seed CSV table (`Source,Target,Type,…,Provenance`), the form the seed loader reads
/// back and a reviewer reads in a spreadsheet or a diff.
public enum SeedTables {
    /// The relations table's columns, in order (`Periods` after `End` when a relation held several times).
    public static let relationColumns = ["Source", "Target", "Type", "Label", "Title", "Start", "End", "Weight", "Note", "Provenance"]

    /// The entities table's columns, in order (`Ended` after `Founded` when an entity has ended).
    public static let entityColumns = [
        "Id", "Label", "Kind", "Type", "Acronym", "Aliases", "Country", "Region", "Sector",
        "Founded", "Summary", "Website", "Provenance",
    ]

    /// Entities as a seed nodes table: the fixed columns, then one column per attribute name (an
    /// attribute whose name is a column's is written `NAME (attribute)`, which the loader takes back).
    /// A table, rather than YAML, leaves an organisation's type empty when nothing says it.
    public static func entities(_ entities: [Entity]) -> String {
        let fixed = Set(entityColumns.map { $0.lowercased() })
        let names = Array(Set(entities.flatMap(\.attributes.keys))).sorted()
        let ends = entities.contains { $0.ended != nil }
        var columns = entityColumns
        if ends { columns.insert("Ended", at: columns.firstIndex(of: "Founded")! + 1) }
        var text = CSVText.row(columns + names.map { fixed.contains($0.lowercased()) ? $0 + RecordTie.attributeSuffix : $0 })
        for entity in entities {
            let ended = ends ? [entity.ended?.description ?? ""] : []
            text += CSVText.row(
                [
                    entity.id, entity.name, entity.kind.rawValue, entity.organisationType?.rawValue ?? "",
                    entity.acronym ?? "", entity.aliases.joined(separator: " | "), entity.country ?? "",
                    entity.region ?? "", entity.sector ?? "", entity.founded?.description ?? "",
                ] + ended + [entity.summary ?? "", entity.website ?? "", provenance(entity.sources)]
                    + names.map { entity.attributes[$0] ?? "" })
        }
        return text
    }

    static func provenance(_ sources: [SourceRef]) -> String {
        SourceRef.listText(sources)
    }

    /// The relations as a seed CSV table.
    public static func relations(_ relations: [Relation]) -> String {
        let several = relations.contains { !$0.laterPeriods.isEmpty }
        var columns = relationColumns
        if several { columns.insert("Periods", at: columns.firstIndex(of: "End")! + 1) }
        var text = CSVText.row(columns)
        for relation in relations {
            let periods = several ? [relation.laterPeriods.isEmpty ? "" : Period.listText(relation.periods)] : []
            text += CSVText.row(
                [
                    relation.from, relation.to, relation.type.rawValue, relation.label ?? "", relation.title ?? "",
                    relation.start?.description ?? "", relation.end?.description ?? "",
                ] + periods + [relation.weight.map { "\($0)" } ?? "", relation.note ?? "", provenance(relation.sources)])
        }
        return text
    }
}
