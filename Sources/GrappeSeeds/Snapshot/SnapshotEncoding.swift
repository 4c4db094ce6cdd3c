import Dispatch
import Foundation
import GrappeModel

#if canImport(Glibc)
import Glibc
#endif

/// Writing a snapshot: the strings once each, the entities, the relations in chunks, the rest as JSON.
extension SeedSnapshot {
    /// The snapshot's bytes; throws when the records or documents cannot be written as JSON (then no
    /// snapshot is made, rather than one that lacks them).
    public static func encode(_ result: LoadResult, fingerprint: Fingerprint) throws -> [UInt8] {
        var body = Writer()
        let network = result.network
        body.string(fingerprint.name)
        body.u32(fingerprint.entries.count)
        for entry in fingerprint.entries { body.string(entry) }
        body.string(network.name)
        body.string(network.id ?? "")

        var strings = Interner()
        var sourceLists = SourceLists()
        var payload = Writer()
        // Growing by doubling would copy tens of megabytes into fresh pages several times over.
        payload.bytes.reserveCapacity(network.entities.count * 64 + network.relations.count * 24 + (1 << 20))
        encodeEntities(network.entities, into: &payload, strings: &strings, sourceLists: &sourceLists)
        encodeRelations(network.relations, into: &payload, strings: &strings, sourceLists: &sourceLists)
        payload.u32(sourceLists.lists.count)
        for list in sourceLists.lists {
            payload.u32(list.count)
            for (document, note) in list {
                payload.u32(document)
                payload.u32(note)
            }
        }
        // Records and documents in their canonical JSON.
        let encoder = JSONEncoder()
        payload.blob(Array(try encoder.encode(network.records)))
        payload.blob(Array(try encoder.encode(network.documents)))
        encodeDiagnostics(result, into: &payload, strings: &strings)

        var all = Writer()
        all.bytes.reserveCapacity(
            magic.count + body.bytes.count + strings.table.reduce(0) { $0 + $1.utf8.count + 4 } + 4
                + payload.bytes.count + 8)
        all.bytes += magic
        all.bytes += body.bytes
        all.u32(strings.table.count)
        for string in strings.table { all.string(string) }
        all.bytes += payload.bytes
        all.u64(Checksum.of(all.bytes))
        return all.bytes
    }

    /// Entities: their count, each one's id, then the rest of each one after the other, in a block of
    /// its own that readers can step over and decode beside the relations.
    static func encodeEntities(
        _ entities: [Entity], into payload: inout Writer, strings: inout Interner,
        sourceLists: inout SourceLists
    ) {
        let entityKinds = EntityKind.allCases, organisationTypes = OrganisationType.allCases
        payload.u32(entities.count)
        for entity in entities { payload.u32(strings.index(entity.id)) }
        var block = Writer()
        block.bytes.reserveCapacity(entities.count * 48)
        for entity in entities {
            block.u8(entityKinds.firstIndex(of: entity.kind)!)
            block.u32(strings.index(entity.name))
            block.u32(strings.index(entity.acronym))
            block.u32(entity.aliases.count)
            for alias in entity.aliases { block.u32(strings.index(alias)) }
            block.u8(entity.organisationType.map { organisationTypes.firstIndex(of: $0)! + 1 } ?? 0)
            for text in [entity.country, entity.region, entity.sector] { block.u32(strings.index(text)) }
            block.u64(DateBits.of(entity.founded))
            block.u64(DateBits.of(entity.ended))
            for text in [entity.summary, entity.website] { block.u32(strings.index(text)) }
            block.u32(entity.attributes.count)
            for key in entity.attributes.keys.sorted() {
                block.u32(strings.index(key))
                block.u32(strings.index(entity.attributes[key]))
            }
            block.u32(sourceLists.index(entity.sources, strings: &strings))
        }
        payload.blob(block.bytes)
    }

    /// Relations, in chunks of `chunkSize`, each chunk's length first so that readers can split them.
    static func encodeRelations(
        _ relations: [Relation], into payload: inout Writer, strings: inout Interner,
        sourceLists: inout SourceLists
    ) {
        payload.u32(relations.count)
        var start = 0
        while start < relations.count {
            var chunk = Writer()
            chunk.bytes.reserveCapacity(chunkSize * 24)
            var repeated = RepeatedIndices()
            for relation in relations[start..<min(start + chunkSize, relations.count)] {
                encodeRelation(relation, into: &chunk, strings: &strings, sourceLists: &sourceLists, repeated: &repeated)
            }
            payload.u32(chunk.bytes.count)
            payload.bytes += chunk.bytes
            start += chunkSize
        }
    }

    /// The previous relation's source and source list: edge tables are usually sorted by source, and
    /// the relations of one table share their sources' array.
    struct RepeatedIndices {
        var from: (ID, UInt32)?
        var sources: ([SourceRef], UInt32)?
    }

    static let relationTypes = RelationType.allCases

    static func encodeRelation(
        _ relation: Relation, into chunk: inout Writer, strings: inout Interner,
        sourceLists: inout SourceLists, repeated: inout RepeatedIndices
    ) {
        if let (from, index) = repeated.from, from == relation.from {
            chunk.u32(index)
        } else {
            let index = strings.index(relation.from)
            repeated.from = (relation.from, index)
            chunk.u32(index)
        }
        chunk.u32(strings.index(relation.to))
        chunk.u8(relationTypes.firstIndex(of: relation.type)!)
        if let (sources, index) = repeated.sources, sources == relation.sources {
            chunk.u32(index)
        } else {
            let index = sourceLists.index(relation.sources, strings: &strings)
            repeated.sources = (relation.sources, index)
            chunk.u32(index)
        }
        var flags: UInt8 = 0
        if relation.title != nil { flags |= 1 }
        if relation.label != nil { flags |= 2 }
        if relation.note != nil { flags |= 4 }
        if relation.start != nil { flags |= 8 }
        if relation.end != nil { flags |= 16 }
        if relation.weight != nil { flags |= 32 }
        let later = relation.laterPeriods
        if !later.isEmpty { flags |= 64 }
        chunk.u8(Int(flags))
        for text in [relation.title, relation.label, relation.note] where text != nil {
            chunk.u32(strings.index(text))
        }
        for date in [relation.start, relation.end] where date != nil { chunk.u64(DateBits.of(date)) }
        if let weight = relation.weight { chunk.u64(weight.bitPattern) }
        if !later.isEmpty {
            chunk.u32(later.count)
            for period in later {
                chunk.u64(DateBits.of(period.start))
                chunk.u64(DateBits.of(period.end))
            }
        }
    }

    /// The diagnostics, then the files.
    static func encodeDiagnostics(_ result: LoadResult, into payload: inout Writer, strings: inout Interner) {
        payload.u32(result.diagnostics.count)
        for diagnostic in result.diagnostics {
            // 0: an error; a warning is 1 plus its category.
            payload.u8(diagnostic.severity == .error ? 0 : 1 + Int(diagnostic.category.rawValue))
            payload.u32(strings.index(diagnostic.location.path))
            payload.u64(UInt64(bitPattern: Int64(diagnostic.location.line)))
            payload.u64(UInt64(bitPattern: Int64(diagnostic.location.column)))
            payload.u32(strings.index(diagnostic.message))
            payload.u32(strings.index(diagnostic.french))
        }
        payload.u32(result.files.count)
        for file in result.files { payload.u32(strings.index(file)) }
    }
}
