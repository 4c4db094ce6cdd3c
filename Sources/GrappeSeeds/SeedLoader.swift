import Dispatch
import Foundation
import GrappeModel
#if canImport(Glibc)
import Glibc
#endif

/// What loading a seed directory gives: the network (without dangling references) and every
/// problem found, errors and warnings, in file order.
public struct LoadResult: Sendable {
    public var network: Network
    public var diagnostics: [Diagnostic]
    /// The files read, as shown in diagnostics.
    public var files: [String]

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}

/// Why nothing could be loaded at all.
public enum SeedLoadError: Error, Equatable, CustomStringConvertible {
    case notFound(String)
    case unreadable(String, String)

    public var description: String {
        switch self {
        case .notFound(let path): "no such seed directory or file: \(path)"
        case .unreadable(let path, let reason): "cannot read \(path): \(reason)"
        }
    }
}

/// Loads every seed file under a directory (or one file): YAML (`.yaml`, `.yml`), CSV (`.csv`) and
/// canonical JSON exports (`.json`).
///
/// Files, and large CSV tables cut into chunks at line boundaries, are parsed on all cores; their
/// results are merged in path order, so the network and the diagnostics are the same on any machine.
public enum SeedLoader {
    public static let extensions = ["yaml", "yml", "csv", "json"]

    /// `timing` hears how long each phase took, for `--timings`.
    public static func load(path: String, name: String = "Grappe",
                            timing: ((String, Duration) -> Void)? = nil) throws(SeedLoadError) -> LoadResult {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw .notFound(path) }
        let clock = ContinuousClock()
        var started = clock.now
        var paths = [path], ignored: [String] = []
        let set = SeedSet()
        if isDirectory.boolValue {
            (paths, ignored) = try seedFiles(in: path)
        } else if !extensions.contains((path as NSString).pathExtension.lowercased()) {
            set.error(SourceLocation(path: path, line: 1, column: 1), "not a seed file: seed files end in .yaml, .yml, .csv or .json")
            return LoadResult(network: Network(name: name), diagnostics: set.diagnostics, files: [])
        }
        var files: [SeedFile] = []
        for filePath in paths {
            if let bytes = readBytes(atPath: filePath) {
                files.append(SeedFile(displayPath: filePath, bytes: bytes))
            } else {
                set.error(SourceLocation(path: filePath, line: 1, column: 1), "cannot read this file (permissions?)")
            }
        }
        timing?("read \(files.count) files", clock.now - started)
        for file in ignored {
            set.warning(SourceLocation(path: file, line: 1, column: 1), "ignored: seed files end in .yaml, .yml, .csv or .json")
        }
        if paths.isEmpty {
            set.warning(SourceLocation(path: path, line: 1, column: 1), "no seed files here (.yaml, .yml, .csv or .json)")
        }
        started = clock.now
        parse(files, into: set)
        timing?("parse", clock.now - started)
        started = clock.now
        let network = Validator(set: set).run(name: name)
        timing?("validate", clock.now - started)
        return LoadResult(network: network, diagnostics: set.diagnostics.sortedByLocation(), files: set.files.map(\.displayPath))
    }

    /// Loads seed files given as text, for tests and for tools that hold files in memory.
    /// `chunkSize` is the smallest CSV body that is cut into parallel chunks.
    public static func load(files: [(path: String, contents: String)], name: String = "Grappe",
                            chunkSize: Int = defaultChunkSize) -> LoadResult {
        let set = SeedSet()
        let seedFiles = files.sorted { $0.path < $1.path }.map { SeedFile(displayPath: $0.path, bytes: Array($0.contents.utf8)) }
        parse(seedFiles, into: set, chunkSize: chunkSize)
        let network = Validator(set: set).run(name: name)
        return LoadResult(network: network, diagnostics: set.diagnostics.sortedByLocation(), files: set.files.map(\.displayPath))
    }

    /// The same from raw bytes, which may not be valid UTF-8 (tests of damaged files).
    static func load(rawFiles: [(path: String, bytes: [UInt8])], chunkSize: Int = defaultChunkSize) -> LoadResult {
        let set = SeedSet()
        parse(rawFiles.sorted { $0.path < $1.path }.map { SeedFile(displayPath: $0.path, bytes: $0.bytes) }, into: set, chunkSize: chunkSize)
        let network = Validator(set: set).run(name: "Grappe")
        return LoadResult(network: network, diagnostics: set.diagnostics.sortedByLocation(), files: set.files.map(\.displayPath))
    }

    /// CSV bodies smaller than this are read in one piece: cutting them costs more than it saves.
    public static let defaultChunkSize = 1 << 20

    /// One piece of parsing work: a whole YAML or JSON file, or one chunk of a CSV table.
    private enum Unit {
        case yaml(Int32)
        case json(Int32)
        case csv(Int32, CSVChunks.Chunk, header: [String], first: Bool)

        var file: Int32 {
            switch self {
            case .yaml(let index), .json(let index), .csv(let index, _, _, _): index
            }
        }
    }

    private final class Part: @unchecked Sendable {
        var set = SeedSet()
        var summary: CSVSeedReader.Summary?
        var encodingProblem: UTF8Problem?
    }

    private static func parse(_ files: [SeedFile], into set: SeedSet, chunkSize: Int = defaultChunkSize) {
        let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)
        var planned: [Unit] = []
        for file in files {
            let index = set.add(file)
            switch (file.displayPath as NSString).pathExtension.lowercased() {
            case "csv":
                file.csvDelimiter = file.guessDelimiter()
                let plan = CSVChunks.plan(file, parts: cores, minimumSize: chunkSize)
                if let problem = file.encodingProblem(in: plan.header.range) {
                    set.error(file.location(ofOffset: problem.offset), problem.message)
                    continue
                }
                guard let header = CSVSeedReader.header(of: file, chunk: plan.header, set: set) else { continue }
                for (number, chunk) in plan.body.enumerated() {
                    planned.append(.csv(index, chunk, header: header, first: number == 0))
                }
            case "json": planned.append(.json(index))
            default: planned.append(.yaml(index))
            }
        }
        let units = planned
        let parts = units.map { _ in Part() }
        let work: @Sendable (Int) -> Void = { number in
            let part = parts[number]
            // Encoding is checked inside the parallel work; a bad byte anywhere rejects the whole file.
            switch units[number] {
            case .yaml(let index), .json(let index):
                part.encodingProblem = files[Int(index)].encodingProblem()
            case .csv(let index, let chunk, _, _):
                part.encodingProblem = files[Int(index)].encodingProblem(in: chunk.range)
            }
            guard part.encodingProblem == nil else { return }
            switch units[number] {
            case .yaml(let index):
                YAMLSeedReader(file: files[Int(index)], fileIndex: index, set: part.set).read(files[Int(index)].text)
            case .json(let index):
                JSONSeedReader(file: files[Int(index)], fileIndex: index, set: part.set).read()
            case .csv(let index, let chunk, let header, let first):
                part.summary = CSVSeedReader(file: files[Int(index)], fileIndex: index, set: part.set)
                    .read(chunk, header: header, reportsHeader: first)
            }
        }
        if cores > 1, units.count > 1 {
            DispatchQueue.concurrentPerform(iterations: units.count, execute: work)
        } else {
            units.indices.forEach(work)
        }
        var rejected: [Int32: UTF8Problem] = [:]
        for (unit, part) in zip(units, parts) {
            guard let problem = part.encodingProblem else { continue }
            if rejected[unit.file].map({ problem.offset < $0.offset }) ?? true { rejected[unit.file] = problem }
        }
        for index in rejected.keys.sorted() {
            let problem = rejected[index]!
            set.error(files[Int(index)].location(ofOffset: problem.offset), problem.message)
        }
        var unsourced: [Int32: CSVSeedReader.Summary] = [:]
        for (unit, part) in zip(units, parts) where rejected[unit.file] == nil {
            set.merge(part.set)
            part.set = SeedSet()
            if case .csv(let index, _, _, _) = unit, let summary = part.summary {
                var total = unsourced[index] ?? CSVSeedReader.Summary(noun: summary.noun)
                total.unsourced += summary.unsourced
                total.firstUnsourcedLine = min(total.firstUnsourcedLine, summary.firstUnsourcedLine)
                unsourced[index] = total
            }
        }
        for index in unsourced.keys.sorted() {
            let summary = unsourced[index]!
            guard summary.unsourced > 0 else { continue }
            set.warning(files[Int(index)].location(line: summary.firstUnsourcedLine, column: 1),
                        "\(summary.unsourced) \(summary.noun)\(summary.unsourced == 1 ? " has" : "s have") no source (add a 'Provenance' column)")
        }
    }

    /// The whole file straight into an array, without an intermediate `Data` copy.
    static func readBytes(atPath path: String) -> [UInt8]? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        guard let size = try? handle.seekToEnd(), (try? handle.seek(toOffset: 0)) != nil else { return nil }
        let descriptor = handle.fileDescriptor
        var failed = false
        let bytes = [UInt8](unsafeUninitializedCapacity: Int(size)) { buffer, count in
            count = 0
            while count < buffer.count {
                let got = read(descriptor, buffer.baseAddress! + count, buffer.count - count)
                if got < 0, errno == EINTR { continue }
                if got <= 0 { failed = got < 0; break }
                count += got
            }
        }
        return failed ? nil : bytes
    }

    static func seedFiles(in root: String) throws(SeedLoadError) -> (seeds: [String], ignored: [String]) {
        let base = URL(fileURLWithPath: root)
        guard let enumerator = FileManager.default.enumerator(at: base, includingPropertiesForKeys: [.isRegularFileKey],
                                                              options: [.skipsHiddenFiles]) else {
            throw .unreadable(root, "cannot list the directory")
        }
        var seeds: [String] = [], ignored: [String] = []
        let prefix = root.hasSuffix("/") ? root : root + "/"
        for case let url as URL in enumerator {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true else { continue }
            let relative = url.path.hasPrefix(base.path + "/") ? String(url.path.dropFirst(base.path.count + 1)) : url.lastPathComponent
            let shown = root == "." ? relative : prefix + relative
            if extensions.contains(url.pathExtension.lowercased()) {
                seeds.append(shown)
            } else if !["md", "txt"].contains(url.pathExtension.lowercased()) {
                ignored.append(shown)
            }
        }
        return (seeds.sorted(), ignored.sorted())
    }
}
