import Foundation
import GrappeAnalysis
import GrappeModel

/// `show` and `path` as JSON, for scripts: the items in Grappe's own JSON form (docs/json-format.md),
/// with what the card or the path adds (the other end's name, the direction, roles).
enum CardJSON {
    private static func encode<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(value) + Data("\n".utf8)
    }

    struct LinkedRelation: Encodable {
        let relation: Relation
        /// "out" when the item is the relation's `from`, "in" when it is its `to`.
        let direction: String
        let other: ID
        let otherName: String

        enum CodingKeys: String, CodingKey { case relation, direction, other, otherName = "other_name" }
    }

    struct Involvement: Encodable {
        let id: ID, kind: String, title: String, roles: [String], date: String?
    }

    struct Member: Encodable {
        let party: Party
        let name: String
        /// False when the party's entity is no longer in the seeds.
        let known: Bool
    }

    static func entity(_ entity: Entity, in network: Network) throws -> Data {
        struct Document: Encodable {
            let kind = "entity"
            let entity: Entity
            let relations: [LinkedRelation]
            let records: [Involvement]
        }
        let card = Card(
            entity: entity, relations: network.relations(involving: entity.id), records: network.records(involving: entity.id),
            network: network)
        let names = CardText(network)
        return try encode(
            Document(
                entity: entity,
                relations: card.links.map {
                    LinkedRelation(relation: $0.relation, direction: $0.outgoing ? "out" : "in", other: $0.other, otherName: names.name($0.other))
                },
                records: card.involvements.map {
                    Involvement(
                        id: $0.record.id, kind: $0.record.kind.rawValue, title: $0.record.title,
                        roles: $0.roles.map(\.rawValue), date: $0.record.date?.description)
                }))
    }

    static func record(_ record: Record, in network: Network) throws -> Data {
        struct Document: Encodable {
            let kind = "record"
            let record: Record
            let parties: [Member]
        }
        let card = Card(record: record, network: network)
        let names = CardText(network)
        return try encode(
            Document(record: record, parties: card.members.map { Member(party: $0.party, name: names.name($0.party.entity), known: $0.known) }))
    }

    static func path(from source: ID, to target: ID, routes: [[Connections.Hop]], in network: Network) throws -> Data {
        struct Step: Encodable {
            let from: ID, to: ID
            let links: [Link]
        }
        struct Link: Encodable {
            let relation: Relation?
            let record: Involvement?
        }
        struct Document: Encodable {
            let from: ID, to: ID
            let hops: Int?
            let connections: [[Step]]
        }
        let steps = routes.map { route in
            route.map { hop in
                Step(
                    from: hop.from, to: hop.to,
                    links: hop.links.map { link in
                        switch link {
                        case .relation(let relation, _): Link(relation: relation, record: nil)
                        case .record(let record):
                            Link(
                                relation: nil,
                                record: Involvement(
                                    id: record.id, kind: record.kind.rawValue, title: record.title,
                                    roles: [], date: record.date?.description))
                        }
                    })
            }
        }
        return try encode(Document(from: source, to: target, hops: routes.first?.count, connections: steps))
    }
}
