import Dispatch
import Foundation
import GrappeModel

#if canImport(Glibc)
import Glibc
#endif

/// Reading a snapshot back: checked whole first (its checksum), then each part, the relations' chunks
/// on all cores; anything out of place and the snapshot is not used.
extension SeedSnapshot {
    /// The load result a snapshot holds, or nil when it is damaged, of another format, or made from
    /// other files than `expecting` describes.
    public static func decode(_ bytes: [UInt8], expecting fingerprint: Fingerprint) -> LoadResult? {
        guard bytes.count >= magic.count + 8, Array(bytes[0..<magic.count]) == magic else { return nil }
        let stored = bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: bytes.count - 8, as: UInt64.self) }
        guard UInt64(littleEndian: stored) == Checksum.of(bytes[0..<(bytes.count - 8)]) else { return nil }
        return bytes.withUnsafeBytes { buffer in
            var reader = Reader(buffer: UnsafeRawBufferPointer(rebasing: buffer[0..<(bytes.count - 8)]), offset: magic.count)
            return try? decodeBody(&reader, expecting: fingerprint)
        }
    }

    static func decodeBody(_ reader: inout Reader, expecting fingerprint: Fingerprint) throws -> LoadResult? {
        let name = try reader.string()
        var entries: [String] = []
        for _ in 0..<(try reader.count()) { entries.append(try reader.string()) }
        guard Fingerprint(name: name, entries: entries) == fingerprint else { return nil }
        let networkName = try reader.string()
        let networkID = try reader.string()

        var table: [String] = []
        let stringCount = try reader.count()
        table.reserveCapacity(stringCount)
        for _ in 0..<stringCount { table.append(try reader.string()) }
        let strings = StringTable(strings: table)

        let entityCount = try reader.count()
        var idStrings: [UInt32] = []
        idStrings.reserveCapacity(entityCount)
        for _ in 0..<entityCount { idStrings.append(try reader.u32()) }
        let entityBlock = try reader.bytes(try reader.count())
        let relationCount = try reader.count()
        var chunks: [UnsafeRawBufferPointer] = []
        var counted = 0
        while counted < relationCount {
            chunks.append(try reader.bytes(try reader.count()))
            counted += min(chunkSize, relationCount - counted)
        }
        let lists = try decodeSourceLists(&reader, strings: strings)
        let recordBytes = try reader.bytes(try reader.count()), documentBytes = try reader.bytes(try reader.count())
        let (diagnostics, files) = try decodeDiagnostics(&reader, strings: strings)
        guard reader.atEnd else { throw Damaged() }

        // Where each id string names an entity: the relations' ends are then known as they are read.
        var entityOfString = [Int32](repeating: -1, count: stringCount + 1)
        for (position, string) in idStrings.enumerated() {
            guard Int(string) < entityOfString.count else { throw Damaged() }
            if entityOfString[Int(string)] < 0 { entityOfString[Int(string)] = Int32(position) }
        }
        // The entities, and the records and documents (JSON, slow to read), are decoded on the cores
        // beside the relations' chunks rather than before them.
        let decoded = Decoded(entityBlock: entityBlock, recordBytes: recordBytes, documentBytes: documentBytes)
        let entityIDs = idStrings
        let alongside: [@Sendable () -> Void] = [
            {
                let decoder = JSONDecoder()
                decoded.records = try? decoder.decode([Record].self, from: Data(decoded.recordBytes))
                decoded.documents = try? decoder.decode([Document].self, from: Data(decoded.documentBytes))
            },
            { decoded.entities = try? decodeEntities(decoded.entityBlock, idStrings: entityIDs, strings: strings, lists: lists) },
        ]
        let (relations, ends) = try decodeRelations(
            chunks, count: relationCount, strings: strings, lists: lists, entityOfString: entityOfString,
            alongside: alongside)
        guard let entities = decoded.entities, let records = decoded.records, let documents = decoded.documents else { throw Damaged() }
        return LoadResult(
            network: Network(
                name: networkName, id: networkID.isEmpty ? nil : networkID, documents: documents, entities: entities,
                relations: relations, records: records, relationEnds: ends),
            diagnostics: diagnostics, files: files)
    }

    /// What the work beside the relations' chunks decodes, each part written by one worker.
    /// The parts point into the snapshot's bytes, which outlive the work.
    final class Decoded: @unchecked Sendable {
        let entityBlock: UnsafeRawBufferPointer, recordBytes: UnsafeRawBufferPointer, documentBytes: UnsafeRawBufferPointer
        var entities: [Entity]?
        var records: [Record]?
        var documents: [Document]?

        init(entityBlock: UnsafeRawBufferPointer, recordBytes: UnsafeRawBufferPointer, documentBytes: UnsafeRawBufferPointer) {
            self.entityBlock = entityBlock
            self.recordBytes = recordBytes
            self.documentBytes = documentBytes
        }
    }

    /// The snapshot's strings, by index (0: absent).
    struct StringTable: Sendable {
        let strings: [String]

        func text(_ index: UInt32) throws -> String? {
            guard index > 0 else { return nil }
            guard Int(index) <= strings.count else { throw Damaged() }
            return strings[Int(index) - 1]
        }

        func required(_ index: UInt32) throws -> String {
            guard let value = try text(index) else { throw Damaged() }
            return value
        }

    }

    /// A date as eight bytes rather than its text, which would be parsed again for each of a million
    /// relations: a presence bit, the year (0 unknown), month, day, season and qualifier.
    enum DateBits {
        private static let present: UInt64 = 1 << 63
        private static let qualifiers = PartialDate.Qualifier.allCases

        static func of(_ date: PartialDate?) -> UInt64 {
            guard let date else { return 0 }
            let year = UInt64(UInt16(bitPattern: Int16(date.year ?? 0)))
            return present | year << 32 | UInt64(date.month ?? 0) << 24 | UInt64(date.day ?? 0) << 16
                | UInt64(date.season?.rawValue ?? 0) << 8 | UInt64(qualifiers.firstIndex(of: date.qualifier)!)
        }

        static func date(_ bits: UInt64) throws -> PartialDate? {
            guard bits & present != 0 else {
                guard bits == 0 else { throw Damaged() }
                return nil
            }
            let year = Int(Int16(bitPattern: UInt16(truncatingIfNeeded: bits >> 32)))
            let month = Int((bits >> 24) & 0xFF), day = Int((bits >> 16) & 0xFF), season = Int((bits >> 8) & 0xFF)
            let qualifier = Int(bits & 0xFF)
            guard bits >> 48 == present >> 48, month <= 12, day <= 31, season == 0 || PartialDate.Season(rawValue: season) != nil,
                qualifier < qualifiers.count
            else { throw Damaged() }
            return PartialDate(
                year: year == 0 ? nil : year, month: month == 0 ? nil : month, day: day == 0 ? nil : day,
                season: PartialDate.Season(rawValue: season), qualifier: qualifiers[qualifier])
        }
    }

    /// The snapshot's source lists, by index (0: none).
    struct SourceListTable: Sendable {
        let lists: [[SourceRef]]

        func sources(_ index: UInt32) throws -> [SourceRef] {
            guard index > 0 else { return [] }
            guard Int(index) <= lists.count else { throw Damaged() }
            return lists[Int(index) - 1]
        }
    }

    /// The entities from their block (see `encodeEntities`), their ids' strings read before it.
    static func decodeEntities(
        _ block: UnsafeRawBufferPointer, idStrings: [UInt32], strings: StringTable,
        lists: SourceListTable
    ) throws -> [Entity] {
        // `allCases` builds a new array on each use: once here, not once per item.
        let entityKinds = EntityKind.allCases, organisationTypes = OrganisationType.allCases
        var reader = Reader(buffer: block, offset: 0)
        var entities: [Entity] = []
        entities.reserveCapacity(idStrings.count)
        for idString in idStrings {
            let id = try strings.required(idString)
            let kindIndex = Int(try reader.u8())
            guard kindIndex < entityKinds.count else { throw Damaged() }
            let name = try strings.required(try reader.u32())
            let acronym = try strings.text(try reader.u32())
            var aliases: [String] = []
            for _ in 0..<(try reader.count()) { aliases.append(try strings.required(try reader.u32())) }
            let typeIndex = Int(try reader.u8())
            guard typeIndex <= organisationTypes.count else { throw Damaged() }
            let country = try strings.text(try reader.u32()), region = try strings.text(try reader.u32())
            let sector = try strings.text(try reader.u32()), founded = try DateBits.date(try reader.u64())
            let ended = try DateBits.date(try reader.u64())
            let summary = try strings.text(try reader.u32()), website = try strings.text(try reader.u32())
            var attributes: [String: String] = [:]
            for _ in 0..<(try reader.count()) { attributes[try strings.required(try reader.u32())] = try strings.required(try reader.u32()) }
            let sources = try lists.sources(try reader.u32())
            entities.append(
                Entity(
                    id: id, kind: entityKinds[kindIndex], name: name, acronym: acronym, aliases: aliases,
                    organisationType: typeIndex == 0 ? nil : organisationTypes[typeIndex - 1],
                    country: country, region: region, sector: sector, founded: founded, ended: ended,
                    summary: summary, website: website, attributes: attributes, sources: sources))
        }
        guard reader.atEnd else { throw Damaged() }
        return entities
    }

    static func decodeSourceLists(_ reader: inout Reader, strings: StringTable) throws -> SourceListTable {
        let listCount = try reader.count()
        var sourceLists: [[SourceRef]] = []
        sourceLists.reserveCapacity(listCount)
        for _ in 0..<listCount {
            var list: [SourceRef] = []
            for _ in 0..<(try reader.count()) {
                list.append(SourceRef(document: try strings.required(try reader.u32()), note: try strings.text(try reader.u32())))
            }
            sourceLists.append(list)
        }
        return SourceListTable(lists: sourceLists)
    }

    static func decodeDiagnostics(_ reader: inout Reader, strings: StringTable) throws -> ([Diagnostic], [String]) {
        var diagnostics: [Diagnostic] = []
        for _ in 0..<(try reader.count()) {
            let code = try reader.u8()
            let severity: Diagnostic.Severity = code == 0 ? .error : .warning
            let path = try strings.required(try reader.u32())
            let line = Int(Int64(bitPattern: try reader.u64())), column = Int(Int64(bitPattern: try reader.u64()))
            let english = try strings.required(try reader.u32())
            var diagnostic = Diagnostic(
                severity, SourceLocation(path: path, line: line, column: column), english,
                french: try strings.required(try reader.u32()))
            if code > 0 {
                guard let category = Diagnostic.Category(rawValue: UInt8(code - 1)) else { throw Damaged() }
                diagnostic.category = category
            }
            diagnostics.append(diagnostic)
        }
        var files: [String] = []
        for _ in 0..<(try reader.count()) { files.append(try strings.required(try reader.u32())) }
        return (diagnostics, files)
    }

    /// The chunks point into the snapshot's bytes, which outlive the parallel work; each worker
    /// initializes its own part of the relations' buffer and says how far it got.
    final class SharedChunks: @unchecked Sendable {
        let chunks: [UnsafeRawBufferPointer]
        let target: UnsafeMutablePointer<Relation>
        /// Each relation's ends as entity positions (`Network.relationEnds`), written beside it.
        let ends: UnsafeMutablePointer<Int32>
        let entityOfString: [Int32]
        var initialized: [Int]

        init(
            _ chunks: [UnsafeRawBufferPointer], _ target: UnsafeMutablePointer<Relation>, ends: UnsafeMutablePointer<Int32>,
            entityOfString: [Int32]
        ) {
            self.chunks = chunks
            self.target = target
            self.ends = ends
            self.entityOfString = entityOfString
            initialized = Array(repeating: 0, count: chunks.count)
        }

        func entity(_ string: UInt32) -> Int32 { Int(string) < entityOfString.count ? entityOfString[Int(string)] : -1 }
    }

    /// The relations, chunk by chunk on all cores, each chunk straight into its place in the array.
    static func decodeRelations(
        _ chunks: [UnsafeRawBufferPointer], count relationCount: Int, strings: StringTable,
        lists: SourceListTable, entityOfString: [Int32],
        alongside: [@Sendable () -> Void] = []
    ) throws -> ([Relation], [Int32]) {
        var complete = true
        var ends = [Int32](repeating: -1, count: 2 * relationCount)
        let relations = ends.withUnsafeMutableBufferPointer { ends in
            [Relation](unsafeUninitializedCapacity: relationCount) { buffer, count in
                count = 0
                guard let base = buffer.baseAddress, let endsBase = ends.baseAddress, !chunks.isEmpty else {
                    for work in alongside { work() }
                    return
                }
                let shared = SharedChunks(chunks, base, ends: endsBase, entityOfString: entityOfString)
                // The other work first: it is the longest single piece.
                let work: @Sendable (Int) -> Void = { number in
                    guard number >= alongside.count else { return alongside[number]() }
                    let chunk = number - alongside.count
                    shared.initialized[chunk] = decodeChunk(chunk, into: shared, total: relationCount, strings: strings, lists: lists)
                }
                DispatchQueue.concurrentPerform(iterations: alongside.count + chunks.count, execute: work)
                // Every chunk but the last is full, and together they hold every relation; otherwise
                // the snapshot is damaged and what was made is undone.
                let expected = chunks.indices.map { min(chunkSize, relationCount - $0 * chunkSize) }
                if shared.initialized == expected {
                    count = relationCount
                } else {
                    complete = false
                    for (number, made) in shared.initialized.enumerated() {
                        (base + number * chunkSize).deinitialize(count: made)
                    }
                }
            }
        }
        guard complete, relations.count == relationCount else { throw Damaged() }
        return (relations, ends)
    }

    /// Decodes chunk `number` into its place; returns how many relations it initialized (fewer than
    /// the chunk holds when it is damaged).
    static func decodeChunk(
        _ number: Int, into shared: SharedChunks, total: Int, strings: StringTable,
        lists: SourceListTable
    ) -> Int {
        var chunk = Reader(buffer: shared.chunks[number], offset: 0)
        let first = number * chunkSize
        var made = 0
        // This chunk's own copy of each source list it cites: a list shared by every worker would have
        // its reference count bumped from all cores at once, one cache line passed back and forth a
        // million times.
        var ownLists = [[SourceRef]?](repeating: nil, count: lists.lists.count + 1)
        do {
            while !chunk.atEnd {
                guard made < chunkSize, first + made < total else { throw Damaged() }
                let fromString = try chunk.u32(), toString = try chunk.u32()
                let from = try strings.required(fromString), to = try strings.required(toString)
                shared.ends[2 * (first + made)] = shared.entity(fromString)
                shared.ends[2 * (first + made) + 1] = shared.entity(toString)
                let typeIndex = Int(try chunk.u8())
                guard typeIndex < relationTypes.count else { throw Damaged() }
                let listIndex = try chunk.u32()
                let cited: [SourceRef]
                if Int(listIndex) < ownLists.count, let own = ownLists[Int(listIndex)] {
                    cited = own
                } else {
                    cited = try lists.sources(listIndex).map { $0 }
                    ownLists[Int(listIndex)] = cited
                }
                let flags = try chunk.u8()
                let title = flags & 1 != 0 ? try strings.required(try chunk.u32()) : nil
                let label = flags & 2 != 0 ? try strings.required(try chunk.u32()) : nil
                let note = flags & 4 != 0 ? try strings.required(try chunk.u32()) : nil
                let start = flags & 8 != 0 ? try DateBits.date(try chunk.u64()) : nil
                let end = flags & 16 != 0 ? try DateBits.date(try chunk.u64()) : nil
                let weight = flags & 32 != 0 ? Double(bitPattern: try chunk.u64()) : nil
                var relation = Relation(
                    from: from, to: to, type: relationTypes[typeIndex], title: title, label: label,
                    start: start, end: end, weight: weight, note: note, sources: cited)
                if flags & 64 != 0 {
                    var later: [Period] = []
                    for _ in 0..<(try chunk.count()) {
                        later.append(Period(start: try DateBits.date(try chunk.u64()), end: try DateBits.date(try chunk.u64())))
                    }
                    relation.laterPeriods = later
                }
                (shared.target + first + made).initialize(to: relation)
                made += 1
            }
        } catch {
            return made
        }
        return made
    }
}
