import Foundation
import GrappeWords

#if canImport(Glibc)
import Glibc
#endif

/// What kind of thing a path is, from `stat`'s mode, for messages about what was skipped.
enum FileKind {
    case regular, directory, fifo, characterDevice, blockDevice, socket, other

    init(_ mode: mode_t) {
        switch mode & S_IFMT {
        case S_IFREG: self = .regular
        case S_IFDIR: self = .directory
        case S_IFIFO: self = .fifo
        case S_IFCHR: self = .characterDevice
        case S_IFBLK: self = .blockDevice
        case S_IFSOCK: self = .socket
        default: self = .other
        }
    }

    /// Why such a thing is not read as a seed file.
    var reason: Wording {
        switch self {
        case .regular: Wording("un fichier ordinaire", "a regular file")
        case .directory: Wording("un répertoire", "a directory")
        case .fifo:
            Wording(
                "un tube nommé (FIFO), pas un fichier ordinaire\u{00A0}: le lire pourrait attendre sans fin",
                "a FIFO (named pipe), not a regular file: reading it could wait forever")
        case .characterDevice, .blockDevice: Wording("un périphérique, pas un fichier ordinaire", "a device, not a regular file")
        case .socket: Wording("une prise réseau (socket), pas un fichier ordinaire", "a socket, not a regular file")
        case .other: Wording("pas un fichier ordinaire", "not a regular file")
        }
    }
}

/// The seed files under a folder, found by walking it as a person would expect: symbolic links to
/// files and folders are followed (a folder reached twice, as in a loop, is read once), hidden entries
/// are left out (a hidden file with a seed extension is named), and everything else that is not read
/// is listed with the reason.
struct SeedFolder {
    /// A file or folder left out, and why.
    struct Skipped: Equatable {
        var path: String
        var reason: Wording
    }

    var seeds: [String] = []
    /// Files whose extension is not a seed format (README.md and .txt notes aside).
    var ignored: [String] = []
    var skipped: [Skipped] = []

    /// Walks `root` (itself possibly a symbolic link to a folder). Paths are written as the root was
    /// given, then the names below it, so that they read back (and show) as the user typed them.
    init(root: String) throws(SeedLoadError) {
        var visited: [String: String] = [:]
        guard let rootStatus = Self.status(root, following: true) else { throw .unreadable(root, .system(errno)) }
        try walk(root, shown: root == "." ? "" : (root.hasSuffix("/") ? root : root + "/"), status: rootStatus, visited: &visited, isRoot: true)
        seeds.sort()
        ignored.sort()
        skipped.sort { $0.path < $1.path }
    }

    private static func status(_ path: String, following: Bool) -> stat? {
        var result = stat()
        return (following ? stat(path, &result) : lstat(path, &result)) == 0 ? result : nil
    }

    private mutating func walk(
        _ path: String, shown prefix: String, status: stat, visited: inout [String: String], isRoot: Bool
    ) throws(SeedLoadError) {
        let identity = "\(status.st_dev):\(status.st_ino)"
        if let first = visited[identity] {
            skipped.append(
                Skipped(
                    path: String(prefix.dropLast()),
                    reason: Wording(
                        "le répertoire «\u{00A0}\(first)\u{00A0}» une deuxième fois (une boucle de liens symboliques)\u{00A0}: lu une seule fois",
                        "the folder '\(first)' again (a symbolic link loop): read once")))
            return
        }
        visited[identity] = prefix.isEmpty ? "." : String(prefix.dropLast())
        guard let directory = opendir(path) else {
            let system = Wording.system(errno)
            let reason = Wording("impossible de lister le répertoire\u{00A0}: \(system.french)", "cannot list the folder: \(system.english)")
            if isRoot { throw .unreadable(path, reason) }
            skipped.append(Skipped(path: String(prefix.dropLast()), reason: reason))
            return
        }
        var names: [[UInt8]] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { Array($0.prefix { $0 != 0 }) }
            if name.first == UInt8(ascii: ".") {
                // Hidden entries (.git, editors' backups) are not seeds; one that looks like a seed file
                // is named, so that a file hidden by mistake is not lost without a word.
                let text = String(decoding: name, as: UTF8.self)
                if text != "." && text != "..", SeedLoader.extensions.contains((text as NSString).pathExtension.lowercased()) {
                    skipped.append(
                        Skipped(
                            path: prefix + text,
                            reason: Wording(
                                "un fichier caché (son nom commence par un point)\u{00A0}: renommez-le pour le lire",
                                "a hidden file (its name starts with a dot): rename it to read it")))
                }
                continue
            }
            names.append(name)
        }
        closedir(directory)
        for name in names.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
            guard let text = String(validating: name, as: UTF8.self) else {
                let readable = String(decoding: name, as: UTF8.self)
                skipped.append(
                    Skipped(
                        path: prefix + readable,
                        reason: Wording(
                            "le nom du fichier n'est pas de l'UTF-8 valide (renommez-le pour le lire)",
                            "the file name is not valid UTF-8 (rename it to read it)")))
                continue
            }
            visit(path: (path as NSString).appendingPathComponent(text), shown: prefix + text, visited: &visited)
        }
    }

    private mutating func visit(path: String, shown: String, visited: inout [String: String]) {
        guard let link = Self.status(path, following: false) else {
            let system = Wording.system(errno)
            skipped.append(Skipped(path: shown, reason: Wording("illisible\u{00A0}: \(system.french)", "cannot read: \(system.english)")))
            return
        }
        var status = link
        if link.st_mode & S_IFMT == S_IFLNK {
            guard let target = Self.status(path, following: true) else {
                let problem =
                    errno == ELOOP
                    ? Wording("une boucle de liens symboliques", "a symbolic link loop")
                    : Wording("un lien symbolique cassé (sa cible n'existe pas)", "a dangling symbolic link (its target does not exist)")
                skipped.append(Skipped(path: shown, reason: problem))
                return
            }
            if let resolved = realpath(path, nil) {
                defer { free(resolved) }
                let real = String(cString: resolved)
                if ["/proc", "/sys", "/dev"].contains(where: { real == $0 || real.hasPrefix($0 + "/") }) {
                    skipped.append(
                        Skipped(
                            path: shown,
                            reason: Wording(
                                "un lien symbolique vers \(real)\u{00A0}: les fichiers du système ne sont pas des graines",
                                "a symbolic link into \(real): system files are not seeds")))
                    return
                }
            }
            status = target
        }
        switch FileKind(status.st_mode) {
        case .directory:
            try? walk(path, shown: shown + "/", status: status, visited: &visited, isRoot: false)
        case .regular:
            let pathExtension = (shown as NSString).pathExtension.lowercased()
            if SeedLoader.extensions.contains(pathExtension) {
                seeds.append(shown)
            } else if !["md", "txt"].contains(pathExtension) {
                ignored.append(shown)
            }
        case let kind:
            skipped.append(Skipped(path: shown, reason: kind.reason))
        }
    }
}
