import Dispatch
import Foundation
import GrappeModel
import GrappeWords

/// Checks what no single file can: unique ids, references that resolve to the right kind of item,
/// and the warnings of a healthy network (isolated entities, facts without a source). Builds the
/// network from what is consistent: a relation with an unknown end is reported and left out.
struct Validator {
    let set: SeedSet
    /// Suggestions scan every id; past this many unknown references they are no longer computed.
    private let suggestionBudget = 100

    private enum Item {
        case entity(Int)
        case record(Int)
    }

    /// Entities and records share one namespace: an id names the first entity that has it, else the
    /// first record (a record or entity repeating an id is an error, reported once).
    private struct Items {
        let entities: IDTable
        let records: [ID: Int]

        subscript(id: ID) -> Item? { entities[id].map(Item.entity) ?? records[id].map(Item.record) }
    }

    func run(name: String) -> Network {
        let documentIDs = uniqueDocuments()
        // One table of the entities' ids serves the checks and becomes the network's index.
        let entityIDs = IDTable(set.entities.map(\.id))
        let (items, duplicateEntities) = uniqueItems(entityIDs)
        var used = [Bool](repeating: false, count: set.entities.count)
        let suggester = Suggester(budget: suggestionBudget) { [set] in Array(Set(set.entities.map(\.id) + set.records.map(\.id))).sorted() }
        checkReferences(items: items, documents: documentIDs, used: &used, suggester: suggester)
        let ends = EndPositions(relations: set.relations.count)
        let dangling = checkRelations(items: items, used: &used, suggester: suggester, ends: ends)
        for index in duplicateEntities { used[index] = true }
        warnAboutHealth(used: used)
        var relations = set.relations
        var relationEnds = ends.positions
        if !dangling.isEmpty {
            relations = set.relations.enumerated().filter { !dangling.contains($0.offset) }.map(\.element)
            relationEnds = set.relations.indices.filter { !dangling.contains($0) }.flatMap { [relationEnds[2 * $0], relationEnds[2 * $0 + 1]] }
        }
        let declared = declaredNetwork()
        return Network(
            name: declared?.name ?? name, id: declared?.id, documents: set.documents, entities: set.entities,
            relations: relations, records: set.records, relationEnds: relationEnds,
            entityIndex: Network.EntityIndex(table: entityIDs, entityCount: set.entities.count))
    }

    /// Where each relation's two ends are in the entities (`Network.relationEnds`), noted while they
    /// are checked so that no one looks two million ids up again; -1 where an end is unknown. The
    /// edges' workers write disjoint slots of one buffer.
    final class EndPositions: @unchecked Sendable {
        let slots: UnsafeMutableBufferPointer<Int32>
        init(relations: Int) {
            slots = .allocate(capacity: 2 * relations)
            slots.initialize(repeating: -1)
        }
        deinit { slots.deallocate() }
        var positions: [Int32] { Array(slots) }
    }

    /// The network's identity: the first declaration, in file order; any other is an error naming it.
    private func declaredNetwork() -> DeclaredNetwork? {
        let declarations = set.networks.filter { declared in
            guard let allowed = set.declaringFiles, !allowed.contains(set.files[Int(declared.origin.file)].displayPath) else { return true }
            set.error(
                set.location(declared.origin),
                "le réseau se déclare dans network.yaml, en haut du dossier des graines, où chaque commande le trouve sans lire "
                    + "le reste\u{00A0}: déplacez-y cette section «\u{00A0}network:\u{00A0}»",
                "the network is declared in network.yaml at the top of the seed folder, "
                    + "where every command finds it without reading the rest: move this 'network:' section there")
            return false
        }
        guard let first = declarations.first else { return nil }
        for other in declarations.dropFirst() {
            set.error(
                set.location(other.origin),
                "le réseau est déclaré une deuxième fois\u{00A0}: d'abord en \(set.location(first.origin)) comme «\u{00A0}\(first.id)\u{00A0}»\u{00A0}; "
                    + "gardez une seule section «\u{00A0}network:\u{00A0}»",
                "the network is declared again: first at \(set.location(first.origin)) as '\(first.id)'; "
                    + "keep one 'network:' section")
        }
        return first
    }

    /// "Did you mean" for unknown ids: suggestions scan every id, so only the first `budget` get one,
    /// and the sorted ids are built once, when first needed.
    private final class Suggester {
        private var left: Int
        private let allIDs: () -> [ID]
        private var sortedIDs: [ID]?

        init(budget: Int, allIDs: @escaping () -> [ID]) {
            left = budget
            self.allIDs = allIDs
        }

        func suggestion(for id: ID, among candidates: () -> [ID]) -> ID? {
            guard left > 0 else { return nil }
            left -= 1
            return Suggestion.nearest(to: id, in: candidates())
        }

        /// A suggestion among every entity and record id.
        func suggestion(for id: ID) -> ID? {
            suggestion(for: id) {
                if sortedIDs == nil { sortedIDs = allIDs() }
                return sortedIDs!
            }
        }
    }

    /// Every reference from a YAML or JSON item: to a document, an entity or a record of the right kind.
    private func checkReferences(items: Items, documents: Set<ID>, used: inout [Bool], suggester: Suggester) {
        var citedPerFile = Set<String>()
        for reference in set.references {
            switch reference.target {
            case .document:
                // A CSV table cut into chunks cites each document once per chunk: report it once per file.
                if reference.role.english == "provenance", !citedPerFile.insert(reference.location.path + "\u{0}" + reference.id).inserted {
                    continue
                }
                if !documents.contains(reference.id) {
                    let near = suggester.suggestion(for: reference.id) { documents.sorted() }
                    set.error(reference.location) { w in
                        w.say(
                            "document inconnu \(w.quoted(reference.id)) dans \(reference.role(w))",
                            "unknown document \(w.quoted(reference.id)) in \(reference.role(w))")
                            + w.didYouMean(near)
                    }
                }
            case .entity(let kinds): checkEntity(reference, kinds: kinds, items: items, used: &used, suggester: suggester)
            case .record(let kind): checkRecord(reference, kind: kind, items: items, suggester: suggester)
            }
        }
    }

    /// A reference to an entity: one of `kinds` when given, and not a record.
    private func checkEntity(_ reference: PendingReference, kinds: Set<EntityKind>?, items: Items, used: inout [Bool], suggester: Suggester) {
        switch items[reference.id] {
        case .entity(let index):
            used[index] = true
            let entity = set.entities[index]
            if let kinds, !kinds.contains(entity.kind) {
                set.error(reference.location) { w in
                    w.say(
                        "\(reference.role(w)) attend \(w.either(kinds)), mais \(w.quoted(entity.id)) est \(w.a(entity.kind))",
                        "\(reference.role(w)) expects \(w.either(kinds)), but \(w.quoted(entity.id)) is \(w.a(entity.kind))")
                }
            }
        case .record(let index):
            let kind = set.records[index].kind
            set.error(reference.location) { w in
                w.say(
                    "\(reference.role(w)) nomme \(w.quoted(reference.id)), qui est \(w.a(kind)), pas une entité",
                    "\(reference.role(w)) names \(w.quoted(reference.id)), which is \(w.a(kind)), not an entity")
            }
        case nil:
            let near = suggester.suggestion(for: reference.id)
            set.error(reference.location) { w in
                w.say(
                    "id inconnu \(w.quoted(reference.id)) dans \(reference.role(w))", "unknown id \(w.quoted(reference.id)) in \(reference.role(w))")
                    + w.didYouMean(near)
            }
        }
    }

    /// A reference to a record: of `kind` when given, and not an entity.
    private func checkRecord(_ reference: PendingReference, kind: RecordKind?, items: Items, suggester: Suggester) {
        switch items[reference.id] {
        case .record(let index):
            if let kind, set.records[index].kind != kind {
                let found = set.records[index].kind
                set.error(reference.location) { w in
                    w.say(
                        "\(reference.role(w)) attend \(w.a(kind)), mais \(w.quoted(reference.id)) est \(w.a(found))",
                        "\(reference.role(w)) expects \(w.a(kind)), but \(w.quoted(reference.id)) is \(w.a(found))")
                }
            }
        case .entity(let index):
            let kind = set.entities[index].kind
            set.error(reference.location) { w in
                w.say(
                    "\(reference.role(w)) nomme \(w.quoted(reference.id)), qui est \(w.a(kind)), pas un dossier (entente, mission, projet ou événement)",
                    "\(reference.role(w)) names \(w.quoted(reference.id)), which is \(w.a(kind)), not a record")
            }
        case nil:
            let near = suggester.suggestion(for: reference.id)
            set.error(reference.location) { w in
                w.say(
                    "aucun dossier n'a l'id \(w.quoted(reference.id)) (dans \(reference.role(w)))",
                    "unknown record \(w.quoted(reference.id)) in \(reference.role(w))")
                    + w.didYouMean(near)
            }
        }
    }

    /// Both ends of every relation; returns the relations left out because an end is unknown.
    private func checkRelations(items: Items, used: inout [Bool], suggester: Suggester, ends: EndPositions) -> Set<Int> {
        var dangling = Set<Int>()
        for problem in checkEdges(entityIDs: items.entities, used: &used, ends: ends) {
            dangling.insert(problem.relation)
            let relation = set.relations[problem.relation]
            let id = problem.isSource ? relation.from : relation.to
            let at = set.location(ofRelation: problem.relation, end: problem.isSource ? \.sourceColumn : \.targetColumn)!
            if let target = problem.wrongKind {
                dangling.remove(problem.relation)
                let allowed = (problem.isSource ? relation.type.allowedEnds.from : relation.type.allowedEnds.to) ?? []
                let kind = set.entities[target].kind
                set.error(at) { w in
                    w.say(
                        "la relation \(w.quoted(relation.type.rawValue)) attend \(w.either(allowed)), mais \(w.quoted(id)) est \(w.a(kind))",
                        "relation \(w.quoted(relation.type.rawValue)) expects \(w.either(allowed)), but \(w.quoted(id)) is \(w.a(kind))")
                }
            } else {
                let near = suggester.suggestion(for: id)
                let column = problem.isSource ? "Source" : "Target"
                set.error(at) { w in
                    w.say("id inconnu \(w.quoted(id)) dans \(column)", "unknown id \(w.quoted(id)) in \(column)") + w.didYouMean(near)
                }
            }
        }
        for index in set.relationOrigins.keys {
            for (end, id) in [set.relations[index].from, set.relations[index].to].enumerated() {
                guard case .entity(let target)? = items[id] else { dangling.insert(index); continue }
                used[target] = true
                ends.slots[2 * index + end] = Int32(target)
            }
        }
        return dangling
    }

    struct EdgeProblem {
        var relation: Int
        var isSource: Bool
        /// The entity found at that end when it is of a kind the relation type does not allow;
        /// nil when the id is unknown.
        var wrongKind: Int?
    }

    /// Resolves both ends of every CSV edge, on all cores: each worker takes a slice of the edges and
    /// marks the entities it uses in its own array; the problems come back in edge order.
    private func checkEdges(entityIDs positions: IDTable, used: inout [Bool], ends: EndPositions) -> [EdgeProblem] {
        let ranges = set.edgeTables.map(\.relations).filter { !$0.isEmpty }
        let total = ranges.reduce(0) { $0 + $1.count }
        guard total > 0 else { return [] }
        let workers = total < 50_000 ? 1 : max(1, ProcessInfo.processInfo.activeProcessorCount)
        let check = EdgeCheck(
            ranges: ranges, total: total, workers: workers, positions: positions, kinds: set.entities.map(\.kind),
            ends: ends)
        final class Slice: @unchecked Sendable {
            var problems: [EdgeProblem] = []
            var used: [Bool] = []
        }
        let slices = (0..<workers).map { _ in Slice() }
        let work: @Sendable (Int) -> Void = { [relations = set.relations] worker in
            (slices[worker].used, slices[worker].problems) = check.slice(worker, of: relations)
        }
        if workers > 1 {
            DispatchQueue.concurrentPerform(iterations: workers, execute: work)
        } else {
            work(0)
        }
        for slice in slices {
            for index in slice.used.indices where slice.used[index] { used[index] = true }
        }
        return slices.flatMap(\.problems)
    }

    private func uniqueDocuments() -> Set<ID> {
        var seen: [ID: Origin] = [:]
        for (index, document) in set.documents.enumerated() {
            let origin = set.documentOrigins[index]
            if let first = seen[document.id] {
                set.error(
                    set.location(origin), "document «\u{00A0}\(document.id)\u{00A0}» en double\u{00A0}: déjà défini en \(set.location(first))",
                    "duplicate document '\(document.id)': already defined at \(set.location(first))")
            } else {
                seen[document.id] = origin
            }
        }
        return Set(seen.keys)
    }

    /// Entities and records share one namespace, so any id names exactly one thing: each entity or
    /// record that repeats an id is an error at its place, naming where the id was first defined.
    private func uniqueItems(_ entityIDs: IDTable) -> (items: Items, duplicateEntities: Set<Int>) {
        func duplicate(_ id: ID, at origin: Origin, first: Origin) {
            let firstAt = set.location(first)
            set.error(
                set.location(origin), "id «\u{00A0}\(id)\u{00A0}» en double\u{00A0}: déjà défini en \(firstAt)",
                "duplicate id '\(id)': already defined at \(firstAt)")
        }
        var duplicateEntities = Set<Int>()
        for (position, first) in entityIDs.repeats {
            duplicate(set.entities[position].id, at: set.entityOrigins[position], first: set.entityOrigins[first])
            duplicateEntities.insert(position)
        }
        var records: [ID: Int] = [:]
        for (index, record) in set.records.enumerated() {
            if let entity = entityIDs[record.id] {
                duplicate(record.id, at: set.recordOrigins[index], first: set.entityOrigins[entity])
            } else if let first = records[record.id] {
                duplicate(record.id, at: set.recordOrigins[index], first: set.recordOrigins[first])
            } else {
                records[record.id] = index
            }
        }
        return (Items(entities: entityIDs, records: records), duplicateEntities)
    }

}

/// The check of the edge tables' ends, cut in slices that run on all cores: each end resolved to its
/// entity (its slot written for the network), missing or of a kind the relation type does not allow.
private struct EdgeCheck: @unchecked Sendable {
    let ranges: [Range<Int>]
    let total: Int
    let workers: Int
    let positions: IDTable
    let kinds: [EntityKind]
    let ends: Validator.EndPositions

    /// The entities `worker`'s share of the edges uses, and the problems it found.
    func slice(_ worker: Int, of relations: [Relation]) -> (used: [Bool], problems: [Validator.EdgeProblem]) {
        // Local arrays, handed back at the end: each write to a class's array would be checked at
        // run time for overlapping access, two million times.
        var used = [Bool](repeating: false, count: kinds.count)
        var problems: [Validator.EdgeProblem] = []
        let first = total * worker / workers, last = total * (worker + 1) / workers
        var position = 0
        let slots = ends.slots
        relations.withUnsafeBufferPointer { relations in
            for range in ranges {
                let lower = max(range.lowerBound, range.lowerBound + first - position)
                let upper = min(range.upperBound, range.lowerBound + last - position)
                position += range.count
                guard lower < upper else { continue }
                // Edge tables are mostly sorted by source: the previous source's lookup is reused.
                var previous: (id: ID, position: Int?)?
                func check(_ id: ID, _ index: Int, isSource: Bool, allowed: Set<EntityKind>?) {
                    let position: Int?
                    if isSource, let previous, previous.id == id {
                        position = previous.position
                    } else {
                        position = positions[id]
                        if isSource { previous = (id, position) }
                    }
                    guard let target = position else {
                        problems.append(Validator.EdgeProblem(relation: index, isSource: isSource))
                        return
                    }
                    used[target] = true
                    slots[2 * index + (isSource ? 0 : 1)] = Int32(target)
                    if let allowed, !allowed.contains(kinds[target]) {
                        problems.append(Validator.EdgeProblem(relation: index, isSource: isSource, wrongKind: target))
                    }
                }
                for index in lower..<upper {
                    let ends = relations[index].type.allowedEnds
                    check(relations[index].from, index, isSource: true, allowed: ends.from)
                    check(relations[index].to, index, isSource: false, allowed: ends.to)
                }
            }
        }
        return (used, problems)
    }
}
