import Foundation

/// Drawing a DOT graph with an installed Graphviz layout program (`sfdp -Tsvg`). The DOT goes in on
/// standard input; the image comes back on standard output; Graphviz's complaints are shown.
enum Graphviz {
    static let layouts = ["sfdp", "dot", "neato", "fdp", "circo", "twopi"]

    static func render(_ dot: String, layout: String, format: String) throws -> Data {
        guard let program = executable(named: layout) else {
            Output.error(
                "grappe: "
                    + Messages.words.say(
                        "\(format) est dessiné par \(Messages.words.quoted(layout)) de Graphviz, qui n'est pas installé (Debian\(Messages.words.colon)apt-get install graphviz)\u{00A0}; --format dot écrit le graphe pour le dessiner ailleurs",
                        "\(format) is drawn by Graphviz's \(Messages.words.quoted(layout)), which is not installed (Debian\(Messages.words.colon)apt-get install graphviz); --format dot writes the graph for drawing elsewhere"
                    ))
            throw Exit.unavailable
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = ["-T\(format)"]
        let input = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        // Feed the input from another thread: Graphviz may fill its output pipe before reading all of it.
        let writer = Thread {
            input.fileHandleForWriting.write(Data(dot.utf8))
            try? input.fileHandleForWriting.close()
        }
        writer.start()
        let errorReader = ErrorCollector(errors.fileHandleForReading)
        let image = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let complaint = errorReader.text()
        guard process.terminationStatus == 0 else {
            Output.error(
                "grappe: "
                    + Messages.words.say(
                        "\(layout) a échoué (code \(process.terminationStatus))\(Messages.words.colon)\(complaint)",
                        "\(layout) failed (status \(process.terminationStatus))\(Messages.words.colon)\(complaint)"))
            throw Exit.software
        }
        if !complaint.isEmpty { Output.error("\(layout): \(complaint)") }
        return image
    }

    /// The program's path on PATH, if it is there and executable.
    static func executable(named name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Reads a pipe to its end on its own thread, so neither pipe blocks the other.
    private final class ErrorCollector: @unchecked Sendable {
        private var data = Data()
        private let done = DispatchSemaphore(value: 0)

        init(_ handle: FileHandle) {
            Thread { [self] in
                data = handle.readDataToEndOfFile()
                done.signal()
            }.start()
        }

        func text() -> String {
            done.wait()
            return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        }
    }
}
