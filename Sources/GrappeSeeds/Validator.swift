import Dispatch
import Foundation
import GrappeModel

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

    func run(name: String) -> Network {
        let documentIDs = uniqueDocuments()
        let (items, duplicateEntities) = uniqueItems()
        var used = [Bool](repeating: false, count: set.entities.count)
        let suggester = Suggester(budget: suggestionBudget) { Array(items.keys).sorted() }
        checkReferences(items: items, documents: documentIDs, used: &used, suggester: suggester)
        let dangling = checkRelations(items: items, used: &used, suggester: suggester)
        for index in duplicateEntities { used[index] = true }
        warnAboutHealth(used: used)
        let relations = dangling.isEmpty ? set.relations
            : set.relations.enumerated().filter { !dangling.contains($0.offset) }.map(\.element)
        let declared = declaredNetwork()
        return Network(name: declared?.name ?? name, id: declared?.id, documents: set.documents, entities: set.entities,
                       relations: relations, records: set.records)
    }

    /// The network's identity: the first declaration, in file order; any other is an error naming it.
    private func declaredNetwork() -> DeclaredNetwork? {
        let declarations = set.networks.filter { declared in
            guard let allowed = set.declaringFiles, !allowed.contains(set.files[Int(declared.origin.file)].displayPath) else { return true }
            set.error(set.location(declared.origin), "the network is declared in network.yaml at the top of the seed folder, "
                      + "where every command finds it without reading the rest: move this 'network:' section there")
            return false
        }
        guard let first = declarations.first else { return nil }
        for other in declarations.dropFirst() {
            set.error(set.location(other.origin), "the network is declared again: first at \(set.location(first.origin)) as '\(first.id)'; "
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

        func suggestion(for id: ID, among candidates: () -> [ID]) -> String {
            guard left > 0 else { return "" }
            left -= 1
            return Suggestion.nearest(to: id, in: candidates()).map { "; did you mean '\($0)'?" } ?? ""
        }

        /// A suggestion among every entity and record id.
        func suggestion(for id: ID) -> String {
            suggestion(for: id) {
                if sortedIDs == nil { sortedIDs = allIDs() }
                return sortedIDs!
            }
        }
    }

    /// Every reference from a YAML or JSON item: to a document, an entity or a record of the right kind.
    private func checkReferences(items: [ID: Item], documents: Set<ID>, used: inout [Bool], suggester: Suggester) {
        var citedPerFile = Set<String>()
        for reference in set.references {
            switch reference.target {
            case .document:
                // A CSV table cut into chunks cites each document once per chunk: report it once per file.
                if reference.role == "provenance", !citedPerFile.insert(reference.location.path + "\u{0}" + reference.id).inserted {
                    continue
                }
                if !documents.contains(reference.id) {
                    set.error(reference.location, "unknown document '\(reference.id)' in \(reference.role)"
                              + suggester.suggestion(for: reference.id) { documents.sorted() })
                }
            case .entity(let kinds):
                switch items[reference.id] {
                case .entity(let index):
                    used[index] = true
                    let entity = set.entities[index]
                    if let kinds, !kinds.contains(entity.kind) {
                        set.error(reference.location, "\(reference.role) expects \(Self.describe(kinds)), but '\(entity.id)' is a \(entity.kind.rawValue)")
                    }
                case .record(let index):
                    set.error(reference.location, "\(reference.role) names '\(reference.id)', which is a \(set.records[index].kind.rawValue), not an entity")
                case nil:
                    set.error(reference.location, "unknown id '\(reference.id)' in \(reference.role)" + suggester.suggestion(for: reference.id))
                }
            case .record(let kind):
                switch items[reference.id] {
                case .record(let index):
                    if let kind, set.records[index].kind != kind {
                        set.error(reference.location, "\(reference.role) expects a \(kind.rawValue), but '\(reference.id)' is a \(set.records[index].kind.rawValue)")
                    }
                case .entity(let index):
                    set.error(reference.location, "\(reference.role) names '\(reference.id)', which is a \(set.entities[index].kind.rawValue), not a record")
                case nil:
                    set.error(reference.location, "unknown record '\(reference.id)' in \(reference.role)" + suggester.suggestion(for: reference.id))
                }
            }
        }
    }

    /// Both ends of every relation; returns the relations left out because an end is unknown.
    private func checkRelations(items: [ID: Item], used: inout [Bool], suggester: Suggester) -> Set<Int> {
        var dangling = Set<Int>()
        for problem in checkEdges(items: items, used: &used) {
            dangling.insert(problem.relation)
            let relation = set.relations[problem.relation]
            let id = problem.isSource ? relation.from : relation.to
            let at = set.location(ofRelation: problem.relation, end: problem.isSource ? \.sourceColumn : \.targetColumn)!
            if let target = problem.wrongKind {
                dangling.remove(problem.relation)
                let allowed = (problem.isSource ? relation.type.allowedEnds.from : relation.type.allowedEnds.to) ?? []
                set.error(at, "relation '\(relation.type.rawValue)' expects \(Self.describe(allowed)), but '\(id)' is a \(set.entities[target].kind.rawValue)")
            } else {
                set.error(at, "unknown id '\(id)' in \(problem.isSource ? "Source" : "Target")" + suggester.suggestion(for: id))
            }
        }
        for (index, relation) in set.relations.enumerated() where set.relationOrigins[index] != nil {
            for id in [relation.from, relation.to] {
                guard case .entity(let target)? = items[id] else { dangling.insert(index); continue }
                used[target] = true
            }
        }
        return dangling
    }

    private struct EdgeProblem {
        var relation: Int
        var isSource: Bool
        /// The entity found at that end when it is of a kind the relation type does not allow;
        /// nil when the id is unknown.
        var wrongKind: Int?
    }

    /// Resolves both ends of every CSV edge, on all cores: each worker takes a slice of the edges and
    /// marks the entities it uses in its own array; the problems come back in edge order.
    private func checkEdges(items: [ID: Item], used: inout [Bool]) -> [EdgeProblem] {
        let ranges = set.edgeTables.map(\.relations).filter { !$0.isEmpty }
        let total = ranges.reduce(0) { $0 + $1.count }
        guard total > 0 else { return [] }
        let workers = total < 50_000 ? 1 : max(1, ProcessInfo.processInfo.activeProcessorCount)
        let kinds = set.entities.map(\.kind)
        let entityCount = set.entities.count
        final class Slice: @unchecked Sendable {
            var problems: [EdgeProblem] = []
            var used: [Bool] = []
        }
        let slices = (0..<workers).map { _ in Slice() }
        let work: @Sendable (Int) -> Void = { [relations = set.relations] worker in
            let slice = slices[worker]
            slice.used = [Bool](repeating: false, count: entityCount)
            let first = total * worker / workers, last = total * (worker + 1) / workers
            var position = 0
            relations.withUnsafeBufferPointer { relations in
                for range in ranges {
                    let lower = max(range.lowerBound, range.lowerBound + first - position)
                    let upper = min(range.upperBound, range.lowerBound + last - position)
                    position += range.count
                    guard lower < upper else { continue }
                    // Edge tables are mostly sorted by source: the previous source's lookup is reused.
                    var previous: (id: ID, item: Item?)?
                    func check(_ id: ID, _ index: Int, isSource: Bool, allowed: Set<EntityKind>?) {
                        let item: Item?
                        if isSource, let previous, previous.id == id {
                            item = previous.item
                        } else {
                            item = items[id]
                            if isSource { previous = (id, item) }
                        }
                        guard case .entity(let target)? = item else {
                            slice.problems.append(EdgeProblem(relation: index, isSource: isSource))
                            return
                        }
                        slice.used[target] = true
                        if let allowed, !allowed.contains(kinds[target]) {
                            slice.problems.append(EdgeProblem(relation: index, isSource: isSource, wrongKind: target))
                        }
                    }
                    for index in lower..<upper {
                        let ends = relations[index].type.allowedEnds
                        check(relations[index].from, index, isSource: true, allowed: ends.from)
                        check(relations[index].to, index, isSource: false, allowed: ends.to)
                    }
                }
            }
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

    private static func describe(_ kinds: Set<EntityKind>) -> String {
        let names = kinds.sorted().map { "a \($0.rawValue)" }
        return names.count == 1 ? names[0] : names.dropLast().joined(separator: ", ") + " or " + names.last!
    }

    private func uniqueDocuments() -> Set<ID> {
        var seen: [ID: Origin] = [:]
        for (index, document) in set.documents.enumerated() {
            let origin = set.documentOrigins[index]
            if let first = seen[document.id] {
                set.error(set.location(origin), "duplicate document '\(document.id)': already defined at \(set.location(first))")
            } else {
                seen[document.id] = origin
            }
        }
        return Set(seen.keys)
    }

    /// Entities and records share one namespace, so any id names exactly one thing.
    private func uniqueItems() -> (items: [ID: Item], duplicateEntities: Set<Int>) {
        var items: [ID: Item] = [:]
        var duplicateEntities = Set<Int>()
        items.reserveCapacity(set.entities.count + set.records.count)
        func origin(_ item: Item) -> Origin {
            switch item {
            case .entity(let index): set.entityOrigins[index]
            case .record(let index): set.recordOrigins[index]
            }
        }
        func add(_ id: ID, _ item: Item) {
            if let first = items[id] {
                set.error(set.location(origin(item)), "duplicate id '\(id)': already defined at \(set.location(origin(first)))")
                if case .entity(let index) = item { duplicateEntities.insert(index) }
            } else {
                items[id] = item
            }
        }
        for (index, entity) in set.entities.enumerated() { add(entity.id, .entity(index)) }
        for (index, record) in set.records.enumerated() { add(record.id, .record(index)) }
        return (items, duplicateEntities)
    }

    /// Isolated entities and facts without a source are warnings: they do not fail a check.
    /// Items from tables and graph files are summed up per file, so a large file does not drown the output.
    private func warnAboutHealth(used: [Bool]) {
        var isolatedPerCSV: [Int32: (count: Int, first: Origin, id: ID)] = [:]
        var unsourcedPerFile: [Int32: (count: Int, first: Origin)] = [:]
        func unsourced(_ origin: Origin, _ message: @autoclosure () -> String) {
            guard set.summarisedFiles.contains(origin.file) else { return set.warning(set.location(origin), message()) }
            let previous = unsourcedPerFile[origin.file]
            unsourcedPerFile[origin.file] = ((previous?.count ?? 0) + 1, previous?.first ?? origin)
        }
        for (index, entity) in set.entities.enumerated() {
            let origin = set.entityOrigins[index]
            let fromCSV = origin.column < 0
            if !used[index] {
                if fromCSV || set.summarisedFiles.contains(origin.file) {
                    let previous = isolatedPerCSV[origin.file]
                    isolatedPerCSV[origin.file] = ((previous?.count ?? 0) + 1, previous?.first ?? origin, previous?.id ?? entity.id)
                } else {
                    set.warning(set.location(origin), "\(entity.kind.rawValue) '\(entity.id)' has no relation and takes part in no record")
                }
            }
            if entity.sources.isEmpty, !fromCSV {
                unsourced(origin, "\(entity.kind.rawValue) '\(entity.id)' has no source")
            }
        }
        for (_, isolated) in isolatedPerCSV.sorted(by: { $0.key < $1.key }) {
            let others = isolated.count > 1 ? " and \(isolated.count - 1) other node\(isolated.count > 2 ? "s" : "")" : ""
            let verbs = isolated.count > 1 ? "have no relation and take" : "has no relation and takes"
            set.warning(set.location(isolated.first), "'\(isolated.id)'\(others) \(verbs) part in no record")
        }
        for (index, origin) in set.relationOrigins.sorted(by: { $0.key < $1.key }) where set.relations[index].sources.isEmpty {
            let relation = set.relations[index]
            unsourced(origin, "relation '\(relation.from)' \(relation.type.rawValue) '\(relation.to)' has no source")
        }
        for (index, record) in set.records.enumerated() where record.sources.isEmpty {
            unsourced(set.recordOrigins[index], "\(record.kind.rawValue) '\(record.id)' has no source")
        }
        for (_, summary) in unsourcedPerFile.sorted(by: { $0.key < $1.key }) {
            let items = summary.count == 1 ? "1 item has" : "\(summary.count) items have"
            set.warning(set.location(summary.first), "\(items) no source (add a 'sources' value naming a document of documents.yaml)")
        }
    }
}
