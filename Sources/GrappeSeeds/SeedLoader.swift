import Foundation
import GrappeModel

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
/// canonical JSON exports (`.json`). Files are read in path order so results are reproducible.
public enum SeedLoader {
    public static let extensions = ["yaml", "yml", "csv", "json"]

    public static func load(path: String, name: String = "Grappe") throws(SeedLoadError) -> LoadResult {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw .notFound(path) }
        let set = SeedSet()
        var ignored: [String] = []
        let paths: [String]
        if isDirectory.boolValue {
            (paths, ignored) = try seedFiles(in: path)
        } else {
            paths = [path]
        }
        for filePath in paths {
            guard let data = FileManager.default.contents(atPath: filePath) else {
                set.error(SourceLocation(path: filePath, line: 1, column: 1), "cannot read this file (permissions?)")
                continue
            }
            read(SeedFile(displayPath: filePath, bytes: [UInt8](data)), into: set)
        }
        for file in ignored {
            set.warning(SourceLocation(path: file, line: 1, column: 1),
                        "ignored: seed files end in .yaml, .yml, .csv or .json")
        }
        if paths.isEmpty {
            set.warning(SourceLocation(path: path, line: 1, column: 1), "no seed files here (.yaml, .yml, .csv or .json)")
        }
        let network = Validator(set: set).run(name: name)
        return LoadResult(network: network, diagnostics: set.diagnostics.sortedByLocation(), files: set.files.map(\.displayPath))
    }

    /// Loads seed files given as text, for tests and for tools that hold files in memory.
    public static func load(files: [(path: String, contents: String)], name: String = "Grappe") -> LoadResult {
        let set = SeedSet()
        for (path, contents) in files.sorted(by: { $0.path < $1.path }) {
            read(SeedFile(displayPath: path, bytes: Array(contents.utf8)), into: set)
        }
        let network = Validator(set: set).run(name: name)
        return LoadResult(network: network, diagnostics: set.diagnostics.sortedByLocation(), files: set.files.map(\.displayPath))
    }

    private static func seedFiles(in root: String) throws(SeedLoadError) -> (seeds: [String], ignored: [String]) {
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

    static func read(_ file: SeedFile, into set: SeedSet) {
        let index = set.add(file)
        let fileExtension = (file.displayPath as NSString).pathExtension.lowercased()
        switch file.decodeUTF8() {
        case .failure(let problem):
            set.error(file.location(ofOffset: problem.offset), problem.message)
        case .success(let text):
            if text.utf8.contains(0) {
                set.error(file.location(line: 1, column: 1), "file contains NUL bytes: it is binary, not a seed file")
                return
            }
            switch fileExtension {
            case "csv": CSVSeedReader(file: file, fileIndex: index, set: set).read()
            case "json": JSONSeedReader(file: file, fileIndex: index, set: set).read()
            default: YAMLSeedReader(file: file, fileIndex: index, set: set).read(text)
            }
        }
    }
}
