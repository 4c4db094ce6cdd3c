import GrappeModel
import Yams

/// Entities and records written in the YAML seed format (seeds/README.md), so that recorded missions
/// can be folded into the curated seeds. Yams does the quoting; the loader reads the result back.
public enum SeedYAML {
    /// The items as a seed YAML file, with `comment` on top.
    public static func encode(documents: [Document] = [], entities: [Entity], records: [Record], comment: String? = nil) throws -> String {
        var sections: [(Node, Node)] = []
        if !documents.isEmpty { sections.append((Node("documents"), .sequence(Node.Sequence(documents.map(document))))) }
        let entitySections: [(String, EntityKind)] = [
            ("cities", .city), ("clusters", .cluster), ("poles", .pole),
            ("organisations", .organisation), ("people", .person),
        ]
        for (name, kind) in entitySections {
            let items = entities.filter { $0.kind == kind }.map(entity)
            if !items.isEmpty { sections.append((Node(name), .sequence(Node.Sequence(items)))) }
        }
        let recordSections: [(String, RecordKind)] = [
            ("agreements", .agreement), ("missions", .mission),
            ("projects", .project), ("events", .event),
        ]
        for (name, kind) in recordSections {
            let items = records.filter { $0.kind == kind }.map(record)
            if !items.isEmpty { sections.append((Node(name), .sequence(Node.Sequence(items)))) }
        }
        let body = sections.isEmpty ? "{}\n" : try Yams.serialize(node: .mapping(Node.Mapping(sections)), width: -1, allowUnicode: true)
        let header =
            comment.map { $0.split(separator: "\n", omittingEmptySubsequences: false).map { "# " + $0 }.joined(separator: "\n") + "\n" } ?? ""
        return header + body
    }

    /// Keys in the order a person reads them; absent values left out.
    private struct Fields {
        var pairs: [(Node, Node)] = []
        mutating func add(_ key: String, _ value: String?) {
            if let value { pairs.append((Node(key), Node(value))) }
        }
        mutating func add(_ key: String, _ values: [String]) {
            if !values.isEmpty { pairs.append((Node(key), .sequence(Node.Sequence(values.map { Node($0) })))) }
        }
        mutating func add(_ key: String, nodes: [Node]) {
            if !nodes.isEmpty { pairs.append((Node(key), .sequence(Node.Sequence(nodes)))) }
        }
        mutating func add(_ key: String, _ map: [String: String]) {
            if !map.isEmpty { pairs.append((Node(key), mapping(map.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }))) }
        }
        var node: Node { .mapping(Node.Mapping(pairs)) }
    }

    private static func mapping(_ pairs: [(String, String?)]) -> Node {
        .mapping(Node.Mapping(pairs.compactMap { key, value in value.map { (Node(key), Node($0)) } }))
    }

    private static func sources(_ sources: [SourceRef]) -> [Node] {
        sources.map { source in source.note.map { mapping([("doc", source.document), ("note", $0)]) } ?? Node(source.document) }
    }

    private static func document(_ document: Document) -> Node {
        var fields = Fields()
        fields.add("id", document.id)
        fields.add("title", document.title)
        fields.add("kind", document.kind)
        fields.add("language", document.language)
        fields.add("publisher", document.publisher)
        fields.add("published", document.published?.description)
        fields.add("summary", document.summary)
        return fields.node
    }

    private static func entity(_ entity: Entity) -> Node {
        var fields = Fields()
        fields.add("id", entity.id)
        fields.add("name", entity.name)
        fields.add("acronym", entity.acronym)
        fields.add("aliases", entity.aliases)
        fields.add("type", entity.organisationType?.rawValue)
        fields.add("country", entity.country)
        fields.add("region", entity.region)
        fields.add("sector", entity.sector)
        fields.add("founded", entity.founded?.description)
        fields.add("ended", entity.ended?.description)
        fields.add("summary", entity.summary)
        fields.add("website", entity.website)
        fields.add("attributes", entity.attributes)
        fields.add("sources", nodes: sources(entity.sources))
        return fields.node
    }

    private static func record(_ record: Record) -> Node {
        var fields = Fields()
        fields.add("id", record.id)
        fields.add("title", record.title)
        fields.add("summary", record.summary)
        switch record.body {
        case .agreement(let agreement):
            fields.add("signed", agreement.signed?.description)
            fields.add("place", agreement.place)
            fields.add("purpose", agreement.purpose)
            fields.add("status", agreement.status.rawValue)
            fields.add("valid_from", agreement.validFrom?.description)
            fields.add("valid_to", agreement.validTo?.description)
        case .mission(let mission):
            fields.add("status", mission.status.rawValue)
            fields.add("origin", mission.origin)
            fields.add("destinations", mission.destinations)
            fields.add("start", mission.start?.description)
            fields.add("end", mission.end?.description)
            fields.add("budget", mission.budget?.description)
            fields.add("objectives", mission.objectives)
        case .project(let project):
            fields.add("status", project.status.rawValue)
            fields.add("start", project.start?.description)
            fields.add("end", project.end?.description)
            fields.add("duration", project.duration?.description)
            fields.add("budget", project.budget?.description)
            fields.add("part_of", project.partOf)
            fields.add(
                "funding",
                nodes: project.funding.map { line in
                    mapping([
                        ("funder", line.funder), ("amount", line.amount?.description), ("share", line.share?.description),
                        ("start", line.start?.description), ("end", line.end?.description), ("note", line.note),
                    ])
                })
        case .event(let event):
            fields.add("type", event.type.rawValue)
            fields.add("status", event.status.rawValue)
            fields.add("date", event.date?.description)
            fields.add("end", event.end?.description)
            fields.add("place", event.place)
        }
        fields.add(
            "parties",
            nodes: record.parties.map { party in
                mapping([("id", party.entity), ("role", party.role.rawValue), ("title", party.title), ("attendance", party.attendance?.rawValue)])
            })
        if let mission = record.mission {
            fields.add(
                "outcomes",
                nodes: mission.outcomes.map { outcome in
                    mapping([("agreement", outcome.agreement), ("partner", outcome.partner), ("text", outcome.text)])
                })
            fields.add("notes", mission.notes)
        }
        fields.add("attributes", record.attributes)
        fields.add("sources", nodes: sources(record.sources))
        return fields.node
    }
}
