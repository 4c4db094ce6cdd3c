/// The whole partnership network: documents, entities, relations and records, with lookups by id.
///
/// Items keep the order they were loaded in (files sorted by name, then file order); the canonical
/// export sorts them. Ids are unique per collection once the loader has validated them; if they are
/// not, lookups return the first.
public struct Network: Sendable {
    /// The network's name (the seed folder's, or as its files say).
    public var name: String
    /// The network's identity, declared by its seeds (`network: {id: …}`): what keeps its recorded
    /// missions apart from another network's in a store. Nil when the seeds declare none.
    public var id: ID?
    /// The documents the facts come from.
    public private(set) var documents: [Document]
    /// Every city, cluster, pole, organisation and person.
    public private(set) var entities: [Entity]
    /// The typed ties between entities.
    public private(set) var relations: [Relation]
    /// Agreements, missions, projects and events.
    public private(set) var records: [Record]
    private let entityIndex: IDTable
    private var recordIndex: [ID: Int]
    private var documentIndex: [ID: Int]
    /// Where each relation's two ends are in `entities` (`2r` and `2r + 1`; -1 for an end that is no
    /// entity), when whoever made the network already knew (a seed snapshot stores it): the graph is
    /// then built without looking up two million ids. Nil otherwise; it stays right as records
    /// change, since entities and relations never do.
    public let relationEnds: [Int32]?

    /// `relationEnds`, when given, must say where each relation's ends are in `entities`; a list of
    /// the wrong size is ignored.
    /// `entityIndex`, when given, must have been made from these same entities (a loader makes it on
    /// one core while it checks the seeds on another); one made from a list of another size is ignored.
    public init(
        name: String = "Grappe", id: ID? = nil, documents: [Document] = [], entities: [Entity] = [],
        relations: [Relation] = [], records: [Record] = [], relationEnds: [Int32]? = nil,
        entityIndex: EntityIndex? = nil
    ) {
        self.name = name
        self.id = id
        self.documents = documents
        self.entities = entities
        self.relations = relations
        self.records = records
        self.entityIndex =
            entityIndex.flatMap { $0.entityCount == entities.count ? $0.table : nil }
            ?? IDTable(entities.map(\.id))
        recordIndex = Self.firstIndex(of: records.lazy.map(\.id))
        documentIndex = Self.firstIndex(of: documents.lazy.map(\.id))
        self.relationEnds = relationEnds?.count == 2 * relations.count ? relationEnds : nil
    }

    /// Where each entity id first appears in a list of entities: the network's index by id, made
    /// apart from the network.
    public struct EntityIndex: Sendable {
        fileprivate let table: IDTable
        fileprivate let entityCount: Int

        /// An index of these entities' ids.
        public init(_ entities: [Entity]) {
            self.init(table: IDTable(entities.map(\.id)), entityCount: entities.count)
        }

        /// From a table the loader already made of the entities' ids, in order.
        public init(table: IDTable, entityCount: Int) {
            self.table = table
            self.entityCount = entityCount
        }
    }

    private static func firstIndex<S: Sequence>(of ids: S) -> [ID: Int] where S.Element == ID {
        var index: [ID: Int] = [:]
        index.reserveCapacity(ids.underestimatedCount)
        for (offset, id) in ids.enumerated() where index[id] == nil { index[id] = offset }
        return index
    }

    /// The entity with this id, found through an index.
    public func entity(_ id: ID) -> Entity? { entityIndex[id].map { entities[$0] } }
    /// An entity's name, without copying the whole entity (cards name thousands of them).
    public func entityName(_ id: ID) -> String? { entityIndex[id].map { entities[$0].name } }
    /// Where the (first) entity with this id is in `entities`.
    public func entityPosition(_ id: ID) -> Int? { entityIndex[id] }
    /// Whether an entity has this id.
    public func containsEntity(_ id: ID) -> Bool { entityIndex[id] != nil }
    /// The record with this id, found through an index.
    public func record(_ id: ID) -> Record? { recordIndex[id].map { records[$0] } }
    /// Where the record with this id is in `records`.
    public func recordPosition(_ id: ID) -> Int? { recordIndex[id] }

    /// Puts a record in place of the one with its id, or after the last when there is none.
    public mutating func putRecord(_ record: Record) {
        if let position = recordIndex[record.id] {
            records[position] = record
        } else {
            recordIndex[record.id] = records.count
            records.append(record)
        }
    }

    /// Takes the record with this id out; the records after it move up one place.
    public mutating func removeRecord(_ id: ID) {
        guard let position = recordIndex[id] else { return }
        records.remove(at: position)
        recordIndex = Self.firstIndex(of: records.lazy.map(\.id))
    }

    /// The source document with this id.
    public func document(_ id: ID) -> Document? { documentIndex[id].map { documents[$0] } }

    /// Entities of one kind, in the network's order.
    public func entities(ofKind kind: EntityKind) -> [Entity] { entities.filter { $0.kind == kind } }
    /// Records of one kind, in the network's order.
    public func records(ofKind kind: RecordKind) -> [Record] { records.filter { $0.kind == kind } }

    /// Relations with `id` at either end.
    public func relations(involving id: ID) -> [Relation] {
        relations.filter { $0.from == id || $0.to == id }
    }

    /// Records in which `id` is a party, or which name it as a place, funder or outcome.
    public func records(involving id: ID) -> [Record] {
        records.filter { $0.memberIDs.contains(id) || $0.places.contains(id) }
    }

    /// How many entities of each kind, and records of each kind.
    public var counts: (byEntityKind: [EntityKind: Int], byRecordKind: [RecordKind: Int]) {
        var entityCounts: [EntityKind: Int] = [:]
        for index in entities.indices { entityCounts[entities[index].kind, default: 0] += 1 }
        var recordCounts: [RecordKind: Int] = [:]
        for index in records.indices { recordCounts[records[index].kind, default: 0] += 1 }
        return (entityCounts, recordCounts)
    }
}
