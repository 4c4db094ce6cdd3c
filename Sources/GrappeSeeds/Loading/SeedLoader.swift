import Dispatch
import Foundation
import GrappeModel
import GrappeWords

#if canImport(Glibc)
import Glibc
#endif

/// What loading a seed directory gives: the network (without dangling references) and every
/// problem found, errors and warnings, in file order.
public struct LoadResult: Sendable {
    /// The network, without dangling references.
    public var network: Network
    /// Every problem found, errors and warnings, in file order.
    public var diagnostics: [Diagnostic]
    /// The files read, as shown in diagnostics.
    public var files: [String]

    /// Whether any problem is an error.
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}

/// Why nothing could be loaded at all.
public enum SeedLoadError: Error, Equatable, CustomStringConvertible {
    case notFound(String)
    case unreadable(String, Wording)
    /// A folder with no seed file in it; what was left out, each with the reason.
    case noSeedFiles(String, leftOut: [Wording])

    /// Why, in English.
    public var description: String {
        switch self {
        case .notFound(let path): "no such seed directory or file: \(path) (give --seeds DIR, or set GRAPPE_SEEDS)"
        case .unreadable(let path, let reason): "cannot read \(path): \(reason.english)"
        case .noSeedFiles(let path, let leftOut):
            "no seed files in \(path) (.yaml, .yml, .csv, .json, .graphml or .gexf)"
                + (leftOut.isEmpty ? "" : "; left out: " + leftOut.map(\.english).joined(separator: "; "))
        }
    }

    /// The same, in French.
    public var french: String {
        switch self {
        case .notFound(let path): "aucun répertoire ni fichier de graines ici\u{00A0}: \(path) (donnez --seeds RÉPERTOIRE, ou GRAPPE_SEEDS)"
        case .unreadable(let path, let reason): "impossible de lire \(path)\u{00A0}: \(reason.french)"
        case .noSeedFiles(let path, let leftOut):
            "aucun fichier de graines dans \(path) (.yaml, .yml, .csv, .json, .graphml ou .gexf)"
                + (leftOut.isEmpty ? "" : "\u{00A0}; laissés de côté\u{00A0}: " + leftOut.map(\.french).joined(separator: "\u{00A0}; "))
        }
    }
}

/// Loads every seed file under a directory (or one file): YAML (`.yaml`, `.yml`), CSV (`.csv`) and
/// canonical JSON exports (`.json`).
///
/// Files, and large CSV tables cut into chunks at line boundaries, are parsed on all cores; their
/// results are merged in path order, so the network and the diagnostics are the same on any machine.
public enum SeedLoader {
    /// The file extensions read as seeds.
    /// `.xml` files are read when their content is GraphML or GEXF (tools save GraphML as `.xml`).
    public static let extensions = ["yaml", "yml", "csv", "json", "graphml", "gexf", "xml"]

    /// `timing` hears how long each phase took, for `--timings`; `progress` hears the share of the
    /// loading done (0 to 1), from any thread, as files are read and parsed, for a progress line.
    public static func load(
        path: String, name: String = "Grappe",
        timing: ((String, Duration) -> Void)? = nil, progress: (@Sendable (Double) -> Void)? = nil
    ) throws(SeedLoadError) -> LoadResult {
        var status = stat()
        guard stat(path, &status) == 0 else {
            if errno == ENOENT || errno == ENOTDIR { throw .notFound(path) }
            throw .unreadable(path, .system(errno))
        }
        let started = ContinuousClock().now
        var paths = [path]
        let set = SeedSet()
        switch FileKind(status.st_mode) {
        case .directory:
            let folder = try SeedFolder(root: path)
            guard !folder.seeds.isEmpty else {
                throw .noSeedFiles(
                    path,
                    leftOut: folder.skipped.map { Wording("\($0.path)\u{00A0}: \($0.reason.french)", "\($0.path): \($0.reason.english)") }
                        + folder.ignored.map { Wording("\($0)\u{00A0}: pas un format de graines", "\($0): not a seed format") })
            }
            paths = folder.seeds
            set.declaringFiles = Set(NetworkIdentity.fileNames.map { NetworkIdentity.declaringPath(folder: path, name: $0) })
            for file in folder.ignored {
                set.warning(
                    SourceLocation(path: file, line: 1, column: 1),
                    "ignoré\u{00A0}: les fichiers de graines finissent en .yaml, .yml, .csv, .json, .graphml ou .gexf",
                    "ignored: seed files end in .yaml, .yml, .csv, .json, .graphml or .gexf", .leftOut)
            }
            for skipped in folder.skipped {
                set.warning(
                    SourceLocation(path: skipped.path, line: 1, column: 1), "laissé de côté\u{00A0}: \(skipped.reason.french)",
                    "skipped: \(skipped.reason.english)", .leftOut)
            }
        case .regular:
            set.declaringFiles = [path]
            guard extensions.contains((path as NSString).pathExtension.lowercased()) else {
                set.error(
                    SourceLocation(path: path, line: 1, column: 1),
                    "pas un fichier de graines\u{00A0}: ils finissent en .yaml, .yml, .csv, .json, .graphml ou .gexf",
                    "not a seed file: seed files end in .yaml, .yml, .csv, .json, .graphml or .gexf")
                return LoadResult(network: Network(name: name), diagnostics: set.diagnostics, files: [])
            }
        case let kind:
            throw .unreadable(path, kind.reason)
        }
        return loadFiles(paths, into: set, name: name, timing: timing, progress: progress, started: started)
    }

    /// Loads the seed files named, together as one set (as `grappe import` reads another tool's
    /// files); a path that is not a seed file is an error in the result.
    public static func load(paths: [String], name: String = "Grappe") -> LoadResult {
        let set = SeedSet()
        var kept: [String] = []
        for path in paths {
            if extensions.contains((path as NSString).pathExtension.lowercased()) {
                kept.append(path)
            } else {
                set.error(
                    SourceLocation(path: path, line: 1, column: 1),
                    "pas un fichier de graines\u{00A0}: ils finissent en .yaml, .yml, .csv, .json, .graphml ou .gexf",
                    "not a seed file: seed files end in .yaml, .yml, .csv, .json, .graphml or .gexf")
            }
        }
        return loadFiles(kept, into: set, name: name, timing: nil, progress: nil, started: ContinuousClock().now)
    }

    /// The shares of loading that reading, parsing and checking usually take (`grappe summary --timings`
    /// on the generated networks), for the progress line.
    private static let readShare = 0.03, parseShare = 0.82

    private static func loadFiles(
        _ paths: [String], into set: SeedSet, name: String, timing: ((String, Duration) -> Void)?,
        progress: (@Sendable (Double) -> Void)?, started: ContinuousClock.Instant
    ) -> LoadResult {
        let clock = ContinuousClock()
        var started = started
        // The files are read on all cores: the kernel's copying of the big tables out of the page cache
        // (and clearing fresh pages for them) overlaps.
        var reads = [Result<[UInt8], SeedLoadError>?](repeating: nil, count: paths.count)
        reads.withUnsafeMutableBufferPointer { reads in
            nonisolated(unsafe) let reads = reads
            DispatchQueue.concurrentPerform(iterations: paths.count) { reads[$0] = readBytes(atPath: paths[$0]) }
        }
        var files: [SeedFile] = []
        for (filePath, result) in zip(paths, reads) {
            switch result! {
            case .success(let bytes): files.append(SeedFile(displayPath: filePath, bytes: bytes))
            case .failure(let error): set.error(SourceLocation(path: filePath, line: 1, column: 1), error.french, error.description)
            }
        }
        timing?("read \(files.count) files", clock.now - started)
        progress?(readShare)
        started = clock.now
        parse(files, into: set, progress: progress.map { report in { @Sendable share in report(readShare + parseShare * share) } })
        timing?("parse", clock.now - started)
        progress?(readShare + parseShare)
        started = clock.now
        let network = Validator(set: set).run(name: name)
        timing?("validate", clock.now - started)
        progress?(1)
        return LoadResult(network: network, diagnostics: set.diagnostics.sortedByLocation(), files: set.files.map(\.displayPath))
    }

    /// Loads seed files given as text, for tests and for tools that hold files in memory.
    /// `chunkSize` is the smallest CSV body that is cut into parallel chunks.
    public static func load(
        files: [(path: String, contents: String)], name: String = "Grappe",
        chunkSize: Int = defaultChunkSize
    ) -> LoadResult {
        let set = SeedSet()
        let seedFiles = files.sorted { $0.path < $1.path }.map { SeedFile(displayPath: $0.path, bytes: Array($0.contents.utf8)) }
        parse(seedFiles, into: set, chunkSize: chunkSize)
        let network = Validator(set: set).run(name: name)
        return LoadResult(network: network, diagnostics: set.diagnostics.sortedByLocation(), files: set.files.map(\.displayPath))
    }

    /// The same from raw bytes, which may not be valid UTF-8 (damaged files; the fuzz target).
    public static func load(rawFiles: [(path: String, bytes: [UInt8])], chunkSize: Int = defaultChunkSize) -> LoadResult {
        let set = SeedSet()
        parse(rawFiles.sorted { $0.path < $1.path }.map { SeedFile(displayPath: $0.path, bytes: $0.bytes) }, into: set, chunkSize: chunkSize)
        let network = Validator(set: set).run(name: "Grappe")
        return LoadResult(network: network, diagnostics: set.diagnostics.sortedByLocation(), files: set.files.map(\.displayPath))
    }

    /// CSV bodies smaller than this are read in one piece: cutting them costs more than it saves.
    public static let defaultChunkSize = 1 << 20

    private final class Part: @unchecked Sendable {
        var set = SeedSet()
        var summary: CSVSeedReader.Summary?
        var encodingProblem: UTF8Problem?
    }

    /// `progress` hears the share of the units read, by cost, as each one ends (from any thread).
    private static func parse(
        _ read: [SeedFile], into set: SeedSet, chunkSize: Int = defaultChunkSize, progress: (@Sendable (Double) -> Void)? = nil
    ) {
        let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let (units, files) = plan(read, into: set, cores: cores, chunkSize: chunkSize)
        let parts = units.map { _ in Part() }
        // The costliest units start first, so that no core is left alone with a big YAML file at the
        // end while the other idles; the parts are still merged in file order.
        let costs = units.map { $0.cost(files) }
        let order = units.indices.sorted { (costs[$0], $1) > (costs[$1], $0) }
        let done = UnitsDone(total: costs.reduce(0, +), progress: progress)
        let work: @Sendable (Int) -> Void = { step in
            readUnit(units[order[step]], of: files, into: parts[order[step]])
            done.add(costs[order[step]])
        }
        if cores > 1, units.count > 1 {
            DispatchQueue.concurrentPerform(iterations: units.count, execute: work)
        } else {
            units.indices.forEach(work)
        }
        merge(parts, of: units, files: files, into: set)
        EdgeOnlyNodes(set: set).run()
        PlaceTies(set: set).run()
        TieAttacher(set: set).run()
    }

    /// The units of work: a YAML or JSON file whole, a CSV file in chunks of whole rows (its header
    /// read first). Returns the files as read (old-Mac line ends turned into line feeds).
    private static func plan(_ read: [SeedFile], into set: SeedSet, cores: Int, chunkSize: Int) -> ([Unit], [SeedFile]) {
        var planned: [Unit] = []
        var prepared: [SeedFile] = []
        for original in read {
            let format = (original.displayPath as NSString).pathExtension.lowercased()
            // Excel's "CSV (Macintosh)" ends lines with CR alone: read each CR as a line break (byte for
            // byte, so positions hold) rather than see one long row.
            let macLineEnds = format == "csv" && original.endsLinesWithCarriageReturnsOnly
            // A CR alone inside a cell of a file whose lines end with LF would split its row in two:
            // each is one error at its own place, and read as a space so that the rest of the row holds.
            let stray = format == "csv" && !macLineEnds ? original.strayCarriageReturns() : []
            let file = macLineEnds ? original.withCarriageReturnsAsLineFeeds() : stray.isEmpty ? original : original.withSpaces(at: stray)
            prepared.append(file)
            let index = set.add(file)
            if macLineEnds {
                set.warning(
                    file.location(line: 1, column: 1),
                    "les lignes finissent par CR seul (ancien format Mac)\u{00A0}: chaque CR est lu comme un saut de ligne",
                    "lines end with CR only (old Mac format): each CR read as a line break")
            }
            for offset in stray {
                set.error(
                    file.location(ofOffset: offset),
                    "un retour chariot (CR) seul dans une cellule sans guillemets\u{00A0}: mettez la cellule entre guillemets pour le garder, ou retirez-le (lu comme une espace)",
                    "a carriage return (CR) alone in an unquoted cell: quote the cell to keep it, or remove it (read as a space)")
            }
            switch format {
            case "csv":
                file.csvDelimiter = file.guessDelimiter()
                // Large tables in a few chunks a core, so that the cores finish together and the
                // progress line moves as chunks end.
                let plan = CSVChunks.plan(file, parts: file.bytes.count / 16 >= chunkSize ? cores * 4 : cores, minimumSize: chunkSize)
                if let problem = file.encodingProblem(in: plan.header.range) {
                    set.error(file.location(ofOffset: problem.offset), problem.french, problem.message)
                    continue
                }
                guard let header = CSVSeedReader.header(of: file, chunk: plan.header, set: set) else { continue }
                for (number, chunk) in plan.body.enumerated() {
                    planned.append(.csv(index, chunk, header: header, first: number == 0))
                }
            case "json": planned.append(.json(index))
            case "graphml", "gexf": planned.append(.xml(index))
            case "xml":
                // GraphML or GEXF saved as .xml, told from its content; any other XML is not a seed file.
                let head = file.bytes.prefix(4096)
                if head.firstRange(of: Array("<graphml".utf8)) != nil || head.firstRange(of: Array("<gexf".utf8)) != nil {
                    planned.append(.xml(index))
                } else {
                    set.warning(
                        file.location(line: 1, column: 1), "fichier XML qui n'est ni du GraphML ni du GEXF\u{00A0}: non lu",
                        "an XML file that is neither GraphML nor GEXF: not read", .leftOut)
                }
            default: planned.append(.yaml(index))
            }
        }
        return (planned, prepared)
    }

    /// One unit, on a worker: its encoding checked (a bad byte anywhere rejects the whole file), then read.
    private static func readUnit(_ unit: Unit, of files: [SeedFile], into part: Part) {
        switch unit {
        case .xml(let index) where files[Int(index)].declaresOtherEncoding:
            // XML that declares its encoding (ISO-8859-1, UTF-16…) is decoded by libxml2.
            break
        case .yaml(let index), .json(let index), .xml(let index):
            part.encodingProblem = files[Int(index)].encodingProblem()
        case .csv(let index, let chunk, _, _):
            part.encodingProblem = files[Int(index)].encodingProblem(in: chunk.range)
        }
        guard part.encodingProblem == nil else { return }
        switch unit {
        case .yaml(let index):
            YAMLSeedReader(file: files[Int(index)], fileIndex: index, set: part.set).read(files[Int(index)].text)
        case .json(let index):
            JSONSeedReader(file: files[Int(index)], fileIndex: index, set: part.set).read()
        case .xml(let index):
            XMLGraphReader(file: files[Int(index)], fileIndex: index, set: part.set).read()
        case .csv(let index, let chunk, let header, let first):
            part.summary = CSVSeedReader(file: files[Int(index)], fileIndex: index, set: part.set)
                .read(chunk, header: header, reportsHeader: first)
        }
    }

    /// The parts together in file order; a file with a bad byte gives one error at its first bad
    /// byte and nothing else; each CSV file's rows without a source are counted in one warning.
    private static func merge(_ parts: [Part], of units: [Unit], files: [SeedFile], into set: SeedSet) {
        var rejected: [Int32: UTF8Problem] = [:]
        for (unit, part) in zip(units, parts) {
            guard let problem = part.encodingProblem else { continue }
            if rejected[unit.file].map({ problem.offset < $0.offset }) ?? true { rejected[unit.file] = problem }
        }
        for index in rejected.keys.sorted() {
            let problem = rejected[index]!
            set.error(files[Int(index)].location(ofOffset: problem.offset), problem.french, problem.message)
        }
        var unsourced: [Int32: CSVSeedReader.Summary] = [:]
        for (unit, part) in zip(units, parts) where rejected[unit.file] == nil {
            set.merge(part.set)
            part.set = SeedSet()
            if case .csv(let index, _, _, _) = unit, let summary = part.summary {
                var total = unsourced[index] ?? CSVSeedReader.Summary(noun: summary.noun)
                total.unsourced += summary.unsourced
                total.firstUnsourcedLine = min(total.firstUnsourcedLine, summary.firstUnsourcedLine)
                total.slugged += summary.slugged
                total.firstSlug = total.firstSlug ?? summary.firstSlug
                unsourced[index] = total
            }
        }
        for index in unsourced.keys.sorted() {
            guard let first = unsourced[index]!.firstSlug else { continue }
            let count = unsourced[index]!.slugged
            set.warning(first.location, .mapped) { w in
                w.say(
                    "\(w.count(count, ("id", "id"), ("", ""))) qui ne sont pas des id Grappe en deviennent (\(w.quoted(first.text)) → \(w.quoted(first.slug))…), "
                        + "les textes gardés comme noms",
                    "\(count) id\(count == 1 ? " is" : "s are") not Grappe ids and made into ids (\(w.quoted(first.text)) → \(w.quoted(first.slug))…), "
                        + "the texts kept as names")
            }
        }
        for index in unsourced.keys.sorted() {
            let summary = unsourced[index]!
            guard summary.unsourced > 0 else { continue }
            set.warning(files[Int(index)].location(line: summary.firstUnsourcedLine, column: 1)) { w in
                w.say(
                    "\(w.count(summary.unsourced, summary.noun.french, ("", ""))) sans source (ajoutez une colonne «\u{00A0}Provenance\u{00A0}»)",
                    "\(summary.unsourced) \(summary.noun.english)\(summary.unsourced == 1 ? " has" : "s have") no source (add a 'Provenance' column)")
            }
        }
    }

    /// The whole file straight into an array, without an intermediate `Data` copy. Opened without
    /// blocking and checked to be a regular file, so a FIFO or a device is refused instead of waited on.
    static func readBytes(atPath path: String) -> Result<[UInt8], SeedLoadError> {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return .failure(.unreadable(path, .system(errno))) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return .failure(.unreadable(path, .system(errno))) }
        guard status.st_mode & S_IFMT == S_IFREG else { return .failure(.unreadable(path, FileKind(status.st_mode).reason)) }
        var failure: Int32 = 0
        let bytes = [UInt8](unsafeUninitializedCapacity: Int(status.st_size)) { buffer, count in
            count = 0
            while count < buffer.count {
                let got = read(descriptor, buffer.baseAddress! + count, buffer.count - count)
                if got < 0, errno == EINTR { continue }
                if got < 0 { failure = errno }
                if got <= 0 { break }
                count += got
            }
        }
        if failure != 0 { return .failure(.unreadable(path, .system(failure))) }
        return .success(bytes)
    }
}
