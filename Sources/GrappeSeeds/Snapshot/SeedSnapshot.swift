import Dispatch
import Foundation
import GrappeModel
#if canImport(Glibc)
import Glibc
#endif

/// A snapshot of loaded seeds: what `SeedLoader.load` gave (network, diagnostics, files), kept in the
/// user's cache folder so that the next start on unchanged seeds skips parsing and checking them.
///
/// The seeds stay the only source of truth. A snapshot is used only when it was made from the very
/// same files (each seed file's path, size, modification time and inode, the files the loader
/// ignores, the network's name) by the very same `grappe` executable; anything else, or a damaged or
/// truncated snapshot (each one ends with a checksum of its bytes), and the seeds are parsed again.
///
/// The layout (little-endian): magic `GRPSNAP3`, the fingerprint, a table of every distinct string,
/// the entities, the relations (dates as eight bytes each, not text) in chunks that decode on all cores, the source lists, records and
/// documents as JSON (their canonical `Codable` form), the diagnostics and the files, then the
/// checksum of all that precedes it.
public enum SeedSnapshot {
    static let magic = Array("GRPSNAP3".utf8)
    /// Relations per chunk: chunks are decoded in parallel.
    static let chunkSize = 65_536

    /// What a snapshot was made from.
    public struct Fingerprint: Equatable, Sendable {
        var name: String
        var entries: [String]

        /// The seed files at `path` (and the files the loader would ignore there), with their sizes,
        /// times and inodes, and the executable's own; nil when they cannot be listed or read.
        public static func of(path: String, name: String = "Grappe") -> Fingerprint? {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return nil }
            // (what the file is to the loader, its path)
            var files = [("seed", path)]
            var entries: [String] = []
            if isDirectory.boolValue {
                guard let listed = try? SeedFolder(root: path) else { return nil }
                files = listed.seeds.map { ("seed", $0) } + listed.ignored.map { ("ignored", $0) }
                // What was skipped may have no stamp (a dangling link): its path stands for it (not the
                // reason, which may name a process id, as a link into /proc/self does).
                entries = listed.skipped.map { "skipped\u{0}\($0.path)" }
            }
            files.append(("executable", "/proc/self/exe"))
            for (role, file) in files {
                guard let stamp = stamp(file) else { return nil }
                entries.append("\(role)\u{0}\(file)\u{0}\(stamp)")
            }
            return Fingerprint(name: name, entries: entries)
        }

        private static func stamp(_ path: String) -> String? {
            var info = stat()
            guard stat(path, &info) == 0 else { return nil }
            return "\(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec) \(info.st_ino) \(info.st_dev)"
        }
    }

    /// Where the snapshot of the seeds at `path` lives: `$XDG_CACHE_HOME/grappe/snapshots/` (else
    /// `~/.cache/grappe/snapshots/`), named after the seeds' absolute path.
    public static func location(for path: String, environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        let cache: String
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") {
            cache = xdg
        } else if let home = environment["HOME"], !home.isEmpty {
            cache = home + "/.cache"
        } else {
            return nil
        }
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        let name = String(Checksum.of(Array(absolute.utf8)), radix: 16)
        return "\(cache)/grappe/snapshots/\(name).snapshot"
    }

    /// The seeds at `path`: from their snapshot when there is a valid one, else parsed and checked.
    /// `fromSnapshot` says which; `fingerprint` is what a new snapshot should record.
    public static func load(path: String, snapshot: String?, name: String = "Grappe")
        throws(SeedLoadError) -> (result: LoadResult, fromSnapshot: Bool, fingerprint: Fingerprint?) {
        // Without a snapshot location there is nothing to read or write: no fingerprint either.
        let fingerprint = snapshot == nil ? nil : Fingerprint.of(path: path, name: name)
        if let snapshot, let fingerprint, case .success(let bytes) = SeedLoader.readBytes(atPath: snapshot),
           let result = decode(bytes, expecting: fingerprint) {
            return (result, true, fingerprint)
        }
        return (try SeedLoader.load(path: path, name: name), false, fingerprint)
    }

    /// Writes a snapshot atomically (a temporary file renamed over the old one), readable by the user
    /// only. Failing to write is not an error worth more than a return value: the seeds are intact.
    @discardableResult
    public static func save(_ result: LoadResult, fingerprint: Fingerprint, to location: String) -> Bool {
        let folder = (location as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        } catch {
            return false
        }
        // Temporary files that a process killed while writing left behind.
        let prefix = (location as NSString).lastPathComponent + "."
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where name.hasPrefix(prefix) && name.hasSuffix(".tmp") {
            let stale = folder + "/" + name
            if let modified = (try? FileManager.default.attributesOfItem(atPath: stale))?[.modificationDate] as? Date,
               modified.timeIntervalSinceNow < -600 {
                unlink(stale)
            }
        }
        guard let bytes = try? encode(result, fingerprint: fingerprint) else { return false }
        let temporary = "\(location).\(getpid()).tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard descriptor >= 0 else { return false }
        var written = 0
        let complete = bytes.withUnsafeBytes { buffer -> Bool in
            while written < buffer.count {
                let count = write(descriptor, buffer.baseAddress! + written, buffer.count - written)
                if count < 0, errno == EINTR { continue }
                if count <= 0 { return false }
                written += count
            }
            return true
        }
        close(descriptor)
        guard complete, rename(temporary, location) == 0 else {
            unlink(temporary)
            return false
        }
        return true
    }

    // MARK: encoding

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
        all.bytes.reserveCapacity(magic.count + body.bytes.count + strings.table.reduce(0) { $0 + $1.utf8.count + 4 } + 4
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
    private static func encodeEntities(_ entities: [Entity], into payload: inout Writer, strings: inout Interner,
                                       sourceLists: inout SourceLists) {
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
    private static func encodeRelations(_ relations: [Relation], into payload: inout Writer, strings: inout Interner,
                                        sourceLists: inout SourceLists) {
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
    private struct RepeatedIndices {
        var from: (ID, UInt32)?
        var sources: ([SourceRef], UInt32)?
    }

    private static let relationTypes = RelationType.allCases

    private static func encodeRelation(_ relation: Relation, into chunk: inout Writer, strings: inout Interner,
                                       sourceLists: inout SourceLists, repeated: inout RepeatedIndices) {
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
        chunk.u8(Int(flags))
        for text in [relation.title, relation.label, relation.note] where text != nil {
            chunk.u32(strings.index(text))
        }
        for date in [relation.start, relation.end] where date != nil { chunk.u64(DateBits.of(date)) }
        if let weight = relation.weight { chunk.u64(weight.bitPattern) }
    }

    /// The diagnostics, then the files.
    private static func encodeDiagnostics(_ result: LoadResult, into payload: inout Writer, strings: inout Interner) {
        payload.u32(result.diagnostics.count)
        for diagnostic in result.diagnostics {
            payload.u8(diagnostic.severity == .error ? 0 : 1)
            payload.u32(strings.index(diagnostic.location.path))
            payload.u64(UInt64(bitPattern: Int64(diagnostic.location.line)))
            payload.u64(UInt64(bitPattern: Int64(diagnostic.location.column)))
            payload.u32(strings.index(diagnostic.message))
            payload.u32(strings.index(diagnostic.french))
        }
        payload.u32(result.files.count)
        for file in result.files { payload.u32(strings.index(file)) }
    }

    // MARK: decoding

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

    private static func decodeBody(_ reader: inout Reader, expecting fingerprint: Fingerprint) throws -> LoadResult? {
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
        let (relations, ends) = try decodeRelations(chunks, count: relationCount, strings: strings, lists: lists, entityOfString: entityOfString,
                                                    alongside: alongside)
        guard let entities = decoded.entities, let records = decoded.records, let documents = decoded.documents else { throw Damaged() }
        return LoadResult(network: Network(name: networkName, id: networkID.isEmpty ? nil : networkID, documents: documents, entities: entities,
                                           relations: relations, records: records, relationEnds: ends),
                          diagnostics: diagnostics, files: files)
    }

    /// What the work beside the relations' chunks decodes, each part written by one worker.
    /// The parts point into the snapshot's bytes, which outlive the work.
    private final class Decoded: @unchecked Sendable {
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
    private struct StringTable: Sendable {
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
                  qualifier < qualifiers.count else { throw Damaged() }
            return PartialDate(year: year == 0 ? nil : year, month: month == 0 ? nil : month, day: day == 0 ? nil : day,
                               season: PartialDate.Season(rawValue: season), qualifier: qualifiers[qualifier])
        }
    }

    /// The snapshot's source lists, by index (0: none).
    private struct SourceListTable: Sendable {
        let lists: [[SourceRef]]

        func sources(_ index: UInt32) throws -> [SourceRef] {
            guard index > 0 else { return [] }
            guard Int(index) <= lists.count else { throw Damaged() }
            return lists[Int(index) - 1]
        }
    }

    /// The entities from their block (see `encodeEntities`), their ids' strings read before it.
    private static func decodeEntities(_ block: UnsafeRawBufferPointer, idStrings: [UInt32], strings: StringTable,
                                       lists: SourceListTable) throws -> [Entity] {
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
            let summary = try strings.text(try reader.u32()), website = try strings.text(try reader.u32())
            var attributes: [String: String] = [:]
            for _ in 0..<(try reader.count()) { attributes[try strings.required(try reader.u32())] = try strings.required(try reader.u32()) }
            let sources = try lists.sources(try reader.u32())
            entities.append(Entity(id: id, kind: entityKinds[kindIndex], name: name, acronym: acronym, aliases: aliases,
                                   organisationType: typeIndex == 0 ? nil : organisationTypes[typeIndex - 1],
                                   country: country, region: region, sector: sector, founded: founded, summary: summary,
                                   website: website, attributes: attributes, sources: sources))
        }
        guard reader.atEnd else { throw Damaged() }
        return entities
    }

    private static func decodeSourceLists(_ reader: inout Reader, strings: StringTable) throws -> SourceListTable {
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

    private static func decodeDiagnostics(_ reader: inout Reader, strings: StringTable) throws -> ([Diagnostic], [String]) {
        var diagnostics: [Diagnostic] = []
        for _ in 0..<(try reader.count()) {
            let severity: Diagnostic.Severity = try reader.u8() == 0 ? .error : .warning
            let path = try strings.required(try reader.u32())
            let line = Int(Int64(bitPattern: try reader.u64())), column = Int(Int64(bitPattern: try reader.u64()))
            let english = try strings.required(try reader.u32())
            diagnostics.append(Diagnostic(severity, SourceLocation(path: path, line: line, column: column), english,
                                          french: try strings.required(try reader.u32())))
        }
        var files: [String] = []
        for _ in 0..<(try reader.count()) { files.append(try strings.required(try reader.u32())) }
        return (diagnostics, files)
    }

    /// The chunks point into the snapshot's bytes, which outlive the parallel work; each worker
    /// initializes its own part of the relations' buffer and says how far it got.
    private final class SharedChunks: @unchecked Sendable {
        let chunks: [UnsafeRawBufferPointer]
        let target: UnsafeMutablePointer<Relation>
        /// Each relation's ends as entity positions (`Network.relationEnds`), written beside it.
        let ends: UnsafeMutablePointer<Int32>
        let entityOfString: [Int32]
        var initialized: [Int]

        init(_ chunks: [UnsafeRawBufferPointer], _ target: UnsafeMutablePointer<Relation>, ends: UnsafeMutablePointer<Int32>,
             entityOfString: [Int32]) {
            self.chunks = chunks
            self.target = target
            self.ends = ends
            self.entityOfString = entityOfString
            initialized = Array(repeating: 0, count: chunks.count)
        }

        func entity(_ string: UInt32) -> Int32 { Int(string) < entityOfString.count ? entityOfString[Int(string)] : -1 }
    }

    /// The relations, chunk by chunk on all cores, each chunk straight into its place in the array.
    private static func decodeRelations(_ chunks: [UnsafeRawBufferPointer], count relationCount: Int, strings: StringTable,
                                        lists: SourceListTable, entityOfString: [Int32],
                                        alongside: [@Sendable () -> Void] = []) throws -> ([Relation], [Int32]) {
        var complete = true
        var ends = [Int32](repeating: -1, count: 2 * relationCount)
        let relations = ends.withUnsafeMutableBufferPointer { ends in [Relation](unsafeUninitializedCapacity: relationCount) { buffer, count in
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
        } }
        guard complete, relations.count == relationCount else { throw Damaged() }
        return (relations, ends)
    }

    /// Decodes chunk `number` into its place; returns how many relations it initialized (fewer than
    /// the chunk holds when it is damaged).
    private static func decodeChunk(_ number: Int, into shared: SharedChunks, total: Int, strings: StringTable,
                                    lists: SourceListTable) -> Int {
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
                (shared.target + first + made).initialize(to: Relation(
                    from: from, to: to, type: relationTypes[typeIndex], title: title, label: label,
                    start: start, end: end, weight: weight, note: note, sources: cited))
                made += 1
            }
        } catch {
            return made
        }
        return made
    }

    private struct Damaged: Error {}

    // MARK: bytes

    private struct Writer {
        var bytes: [UInt8] = []

        mutating func u8(_ value: Int) { bytes.append(UInt8(value)) }
        mutating func u32(_ value: Int) { u32(UInt32(value)) }
        mutating func u32(_ value: UInt32) { withUnsafeBytes(of: value.littleEndian) { bytes += $0 } }
        mutating func u64(_ value: UInt64) { withUnsafeBytes(of: value.littleEndian) { bytes += $0 } }
        mutating func string(_ value: String) { blob(Array(value.utf8)) }

        mutating func blob(_ value: [UInt8]) {
            u32(value.count)
            bytes += value
        }
    }

    private struct Reader {
        let buffer: UnsafeRawBufferPointer
        var offset: Int

        var atEnd: Bool { offset == buffer.count }

        mutating func bytes(_ count: Int) throws -> UnsafeRawBufferPointer {
            guard count >= 0, count <= buffer.count - offset else { throw Damaged() }
            defer { offset += count }
            return UnsafeRawBufferPointer(rebasing: buffer[offset..<(offset + count)])
        }

        mutating func u8() throws -> UInt8 { try bytes(1)[0] }
        mutating func u32() throws -> UInt32 { UInt32(littleEndian: try bytes(4).loadUnaligned(as: UInt32.self)) }
        mutating func u64() throws -> UInt64 { UInt64(littleEndian: try bytes(8).loadUnaligned(as: UInt64.self)) }
        /// A count, which cannot be more than the bytes left (every counted item takes at least one).
        mutating func count() throws -> Int {
            let value = Int(try u32())
            guard value <= buffer.count - offset else { throw Damaged() }
            return value
        }

        mutating func blob() throws -> [UInt8] { Array(try bytes(try count())) }

        mutating func string() throws -> String { String(decoding: try bytes(try count()), as: UTF8.self) }
    }

    /// Each distinct string once; index 0 means absent.
    private struct Interner {
        var table: [String] = []
        var indices: [String: UInt32] = [:]

        mutating func index(_ string: String?) -> UInt32 {
            guard let string else { return 0 }
            if let index = indices[string] { return index }
            table.append(string)
            indices[string] = UInt32(table.count)
            return UInt32(table.count)
        }
    }

    /// Each distinct list of sources once (a million relations often cite one document); 0 means none.
    private struct SourceLists {
        var lists: [[(UInt32, UInt32)]] = []
        var indices: [[SourceRef]: UInt32] = [:]

        mutating func index(_ sources: [SourceRef], strings: inout Interner) -> UInt32 {
            guard !sources.isEmpty else { return 0 }
            if let index = indices[sources] { return index }
            lists.append(sources.map { (strings.index($0.document), strings.index($0.note)) })
            indices[sources] = UInt32(lists.count)
            return UInt32(lists.count)
        }
    }
}

/// FNV-1a over 8-byte words (then the tail bytes): cheap enough for tens of megabytes, and enough to
/// tell a damaged or truncated file. Not a defence against someone forging a snapshot.
enum Checksum {
    static func of<C: Collection>(_ bytes: C) -> UInt64 where C.Element == UInt8 {
        if let sum = bytes.withContiguousStorageIfAvailable({ of(UnsafeRawBufferPointer($0)) }) { return sum }
        return Array(bytes).withUnsafeBytes { of($0) }
    }

    static func of(_ buffer: UnsafeRawBufferPointer) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        let prime: UInt64 = 0x0000_0100_0000_01B3
        let words = buffer.count / 8
        for word in 0..<words {
            hash = (hash ^ UInt64(littleEndian: buffer.loadUnaligned(fromByteOffset: word * 8, as: UInt64.self))) &* prime
            hash ^= hash >> 29
        }
        for offset in (words * 8)..<buffer.count { hash = (hash ^ UInt64(buffer[offset])) &* prime }
        return hash
    }
}

