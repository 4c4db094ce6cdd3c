import Foundation
import GrappeSeeds
import Testing

/// The examples in seeds/README.md must be valid seed files: only their references to ids defined
/// elsewhere may fail.
@Suite struct FormatDocumentationTests {
    static func blocks(_ language: String) throws -> [String] {
        let text = try String(contentsOfFile: Paths.seeds + "/README.md", encoding: .utf8)
        return text.components(separatedBy: "```\(language)\n").dropFirst().map { $0.components(separatedBy: "```")[0] }
    }

    @Test func documentedExamplesLoad() throws {
        let yaml = try Self.blocks("yaml")
        let csv = try Self.blocks("csv")
        #expect(yaml.count == 1)
        #expect(csv.count == 2)
        let files = [("example.yaml", yaml[0]), ("nodes.csv", csv[0]), ("edges.csv", csv[1])]
        let result = SeedLoader.load(files: files.map { (path: $0.0, contents: $0.1) })
        let unexpected = result.diagnostics.filter { diagnostic in
            diagnostic.severity == .error && !diagnostic.message.hasPrefix("unknown id")
                && !diagnostic.message.hasPrefix("unknown record") && !diagnostic.message.hasPrefix("unknown document")
        }
        #expect(unexpected.map(\.description) == [])
        #expect(result.network.records.count == 4)
        #expect(result.network.entity("acme")?.attributes["Employés"] == "12")
    }
}
