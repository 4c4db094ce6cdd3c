import Foundation
import GrappeModel

/// A record as the store keeps it: the record, and the version each save increments. A record the
/// store has never seen (a seed record) is at version 0.
public struct StoredRecord: Hashable, Sendable {
    /// The record as stored.
    public var record: Record
    /// Its version in the store.
    public var version: Int
    /// When and by whom it was last saved (ISO 8601, UTC).
    public var updatedAt: String
    /// Who saved it last.
    public var updatedBy: String

    /// A record as the store holds it.
    public init(record: Record, version: Int, updatedAt: String, updatedBy: String) {
        self.record = record
        self.version = version
        self.updatedAt = updatedAt
        self.updatedBy = updatedBy
    }
}

/// An entity recorded with a mission (a new partner met), kept in the store rather than the seeds.
public struct StoredEntity: Hashable, Sendable {
    /// The entity as stored.
    public var entity: Entity
    /// Its version in the store.
    public var version: Int
    /// The mission it was recorded with.
    public var recordedWith: ID?

    /// An entity as the store holds it, with the record it was recorded with.
    public init(entity: Entity, version: Int, recordedWith: ID?) {
        self.entity = entity
        self.version = version
        self.recordedWith = recordedWith
    }
}

/// Everything the store holds, read in one transaction.
public struct Workspace: Sendable {
    /// The records recorded, in the order first stored.
    public var records: [StoredRecord]
    /// The entities recorded (new partners met on missions).
    public var entities: [StoredEntity]

    /// A workspace holding these.
    public init(records: [StoredRecord] = [], entities: [StoredEntity] = []) {
        self.records = records
        self.entities = entities
    }

    /// Nothing recorded.
    public static let empty = Workspace()

    /// Whether nothing is recorded.
    public var isEmpty: Bool { records.isEmpty && entities.isEmpty }

    /// The store version of a record: 0 for one the store does not hold.
    public func version(of id: ID) -> Int { records.first { $0.record.id == id }?.version ?? 0 }

    /// What the store holds after `entries` (oldest first, each item with its state after), taken from
    /// the journal alone: a dashboard follows others' changes without reading the whole workspace
    /// again. Items keep the order they were first stored in; a removed one goes, a new one comes last.
    /// An entity keeps the record it was first recorded with, as the store does.
    public func applying(_ entries: [JournalEntry]) throws -> Workspace {
        var result = self
        var recordAt = Dictionary(records.enumerated().map { ($0.element.record.id, $0.offset) }, uniquingKeysWith: { first, _ in first })
        var entityAt = Dictionary(entities.enumerated().map { ($0.element.entity.id, $0.offset) }, uniquingKeysWith: { first, _ in first })
        var removedRecords = Set<Int>(), removedEntities = Set<Int>()
        let decoder = JSONDecoder()
        for entry in entries {
            let recordedWith = entry.action == .undo ? nil : entry.items.first { $0.kind == .record }?.id
            for item in entry.items {
                switch (item.kind, item.after) {
                case (.record, let after?):
                    let stored = StoredRecord(
                        record: try decoder.decode(Record.self, from: Data(after.utf8)), version: item.versionAfter,
                        updatedAt: entry.at, updatedBy: entry.author)
                    if let index = recordAt[item.id] {
                        result.records[index] = stored
                    } else {
                        recordAt[item.id] = result.records.count
                        result.records.append(stored)
                    }
                case (.record, nil):
                    if let index = recordAt.removeValue(forKey: item.id) { removedRecords.insert(index) }
                case (.entity, let after?):
                    let entity = try decoder.decode(Entity.self, from: Data(after.utf8))
                    if let index = entityAt[item.id] {
                        result.entities[index] = StoredEntity(
                            entity: entity, version: item.versionAfter,
                            recordedWith: result.entities[index].recordedWith)
                    } else {
                        entityAt[item.id] = result.entities.count
                        result.entities.append(StoredEntity(entity: entity, version: item.versionAfter, recordedWith: recordedWith))
                    }
                case (.entity, nil):
                    if let index = entityAt.removeValue(forKey: item.id) { removedEntities.insert(index) }
                }
            }
        }
        result.records = result.records.enumerated().filter { !removedRecords.contains($0.offset) }.map(\.element)
        result.entities = result.entities.enumerated().filter { !removedEntities.contains($0.offset) }.map(\.element)
        return result
    }
}

/// A problem with what the store holds, relative to the seeds: never fatal, never a reason to drop.
public struct OverlayWarning: Hashable, Sendable, CustomStringConvertible {
    /// The record that refers to what is missing.
    public var record: ID
    /// The id it refers to, which neither the seeds nor the store have.
    public var missing: ID

    /// A reference of `record` to `missing`.
    public init(record: ID, missing: ID) {
        self.record = record
        self.missing = missing
    }

    /// `record refers to missing, which is not in the network`.
    public var description: String {
        "recorded '\(record)' refers to '\(missing)', which is no longer in the seeds; kept as recorded"
    }

    /// The same, in French.
    public var french: String {
        "«\u{00A0}\(record)\u{00A0}», enregistré, renvoie à «\u{00A0}\(missing)\u{00A0}», qui n'est plus dans les graines\u{00A0}; gardé tel quel"
    }
}

/// The network everyone sees: the seeds, with what the store recorded laid over them. A stored record
/// replaces the seed record with the same id (it was edited); other stored items are added.
public enum Overlay {
    /// The network with the workspace laid over it, and what the workspace refers to that is gone.
    public static func apply(_ workspace: Workspace, to seeds: Network) -> (network: Network, warnings: [OverlayWarning]) {
        guard !workspace.isEmpty else { return (seeds, []) }
        let (stored, basedIn) = placed(workspace.entities.map(\.entity), in: seeds)
        let entities = lay(stored, over: seeds.entities, id: \.id)
        let records = lay(workspace.records.map(\.record), over: seeds.records, id: \.id)
        // The seeds' relation ends stay where they were unless stored entities come in (one could be
        // an end the seeds did not have).
        let network = Network(
            name: seeds.name, id: seeds.id, documents: seeds.documents, entities: entities, relations: seeds.relations + basedIn,
            records: records, relationEnds: workspace.entities.isEmpty ? seeds.relationEnds : nil)
        return (network, warnings(of: workspace, in: network))
    }

    /// What the workspace's records refer to that `network` (the workspace laid over the seeds) lacks.
    public static func warnings(of workspace: Workspace, in network: Network) -> [OverlayWarning] {
        var warnings: [OverlayWarning] = []
        // Each record read in place: a copy of each of ten thousand records costs more than the check.
        workspace.records.withUnsafeBufferPointer { records in
            for index in records.indices {
                var missing: [ID] = []
                records[index].record.forEachReference { id in
                    if !network.containsEntity(id), network.record(id) == nil, !missing.contains(id) { missing.append(id) }
                }
                warnings += missing.map { OverlayWarning(record: records[index].record.id, missing: $0) }
            }
        }
        return warnings
    }

    /// `network` (this workspace's earlier state laid over `seeds`) once the records `changed` took
    /// their state in `workspace`: each put in place, new ones after the last in the workspace's
    /// order, and those the workspace no longer holds back to the seeds' version or taken out. The
    /// same network as `apply(workspace, to: seeds)` when the entities did not change.
    public static func update(_ network: Network, records changed: Set<ID>, from workspace: Workspace, seeds: Network) -> Network {
        var network = network
        var held = Set<ID>()
        for index in workspace.records.indices where changed.contains(workspace.records[index].record.id) {
            network.putRecord(workspace.records[index].record)
            held.insert(workspace.records[index].record.id)
        }
        for id in changed.subtracting(held).sorted() {
            if let seed = seeds.record(id) { network.putRecord(seed) } else { network.removeRecord(id) }
        }
        return network
    }

    /// Stored entities whose `city` attribute names a city of the network (a new partner met on a
    /// mission) are based in it: a `based_in` link, with the entity's sources, takes the attribute's place.
    private static func placed(_ entities: [Entity], in seeds: Network) -> (entities: [Entity], basedIn: [Relation]) {
        var relations: [Relation] = []
        let entities = entities.map { entity in
            guard let city = entity.attributes["city"], seeds.entity(city)?.kind == .city else { return entity }
            var placed = entity
            placed.attributes["city"] = nil
            relations.append(Relation(from: entity.id, to: city, type: .basedIn, sources: entity.sources))
            return placed
        }
        return (entities, relations)
    }

    /// `base` with each of `items` replacing the element with its id, or appended.
    private static func lay<T>(_ items: [T], over base: [T], id: (T) -> ID) -> [T] {
        var result = base
        var position: [ID: Int] = [:]
        for (index, element) in result.enumerated() where position[id(element)] == nil { position[id(element)] = index }
        for item in items {
            if let index = position[id(item)] {
                result[index] = item
            } else {
                position[id(item)] = result.count
                result.append(item)
            }
        }
        return result
    }

}
