import Foundation
import GrappeModel

/// Which network a seed folder is: what names its workspace in a store, so that missions recorded
/// against one network never appear in another. Declared in `network.yaml` at the top of the folder
/// (`network: {id: …, name: …}`), read alone, so that commands which do not read the seeds (history,
/// undo, store upkeep) find it at once; else the folder's (or file's) name, as a compose project is
/// named after its folder.
public struct NetworkIdentity: Equatable, Sendable {
    /// The workspace key.
    public var id: String
    /// The network's name, when declared.
    public var name: String?
    /// Where the id comes from: the declaring file's path, or nil when it is the folder's name.
    public var declaredIn: String?

    /// An identity of `id`.
    public init(id: String, name: String? = nil, declaredIn: String? = nil) {
        self.id = id
        self.name = name
        self.declaredIn = declaredIn
    }

    /// The files, at the top of a seed folder, that may declare the network.
    public static let fileNames = ["network.yaml", "network.yml"]

    /// A problem in the declaration, where it is.
    public struct Problem: Error, Equatable, CustomStringConvertible {
        /// What is wrong, where.
        public var diagnostic: Diagnostic
        /// `path:line:column: error: message`.
        public var description: String { diagnostic.description }
    }

    /// The identity of the seeds at `path` (a folder or one file). Throws when the declaring file
    /// cannot be read or its `network:` section is wrong: guessing would put records in the wrong
    /// workspace.
    public static func of(seedsPath path: String) throws(Problem) -> NetworkIdentity {
        var isFolder: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isFolder)
        let absolute = URL(fileURLWithPath: path).standardizedFileURL
        if exists, isFolder.boolValue {
            for name in fileNames {
                let file = declaringPath(folder: path, name: name)
                if FileManager.default.fileExists(atPath: file), let declared = try read(file) { return declared }
            }
            return NetworkIdentity(id: absolute.lastPathComponent)
        }
        if exists, ["yaml", "yml"].contains(absolute.pathExtension.lowercased()), let declared = try read(path) { return declared }
        return NetworkIdentity(id: absolute.deletingPathExtension().lastPathComponent)
    }

    /// The path of a declaring file as the loader shows it (`seeds/network.yaml`, or `network.yaml` for ".").
    static func declaringPath(folder: String, name: String) -> String {
        folder == "." ? name : (folder.hasSuffix("/") ? folder + name : folder + "/" + name)
    }

    /// The `network:` section of one YAML file, read as the loader reads it; nil when it has none.
    private static func read(_ path: String) throws(Problem) -> NetworkIdentity? {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Problem(
                diagnostic: Diagnostic(
                    .error, SourceLocation(path: path, line: 1, column: 1), "cannot read the network's declaration",
                    french: "impossible de lire la déclaration du réseau"))
        }
        let set = SeedSet()
        let file = SeedFile(displayPath: path, bytes: [UInt8](data))
        let index = set.add(file)
        if let problem = file.encodingProblem() {
            throw Problem(diagnostic: Diagnostic(.error, file.location(ofOffset: problem.offset), problem.message, french: problem.french))
        }
        YAMLSeedReader(file: file, fileIndex: index, set: set).read(file.text)
        if let error = set.diagnostics.sortedByLocation().first(where: { $0.severity == .error }) { throw Problem(diagnostic: error) }
        return set.networks.first.map { NetworkIdentity(id: $0.id, name: $0.name, declaredIn: path) }
    }
}
