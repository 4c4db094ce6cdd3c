import Foundation
import GrappeModel
import Testing

@testable import GrappeSeeds

/// Which network a seed folder is, which names its workspace in a store: declared in network.yaml at
/// the top of the folder, else the folder's name; a broken declaration is an error, never a guess.
@Suite struct NetworkIdentityTests {
    typealias Folder = SeedFolderTests.Folder

    @Test func theDeclarationNamesTheNetwork() throws {
        let folder = try Folder()
        try folder.write("lyon.yaml", SeedFolderTests.city)
        try folder.write("network.yaml", "network:\n  id: reseau-lyon\n  name: Réseau lyonnais\n")
        let identity = try NetworkIdentity.of(seedsPath: folder.root)
        #expect(identity == NetworkIdentity(id: "reseau-lyon", name: "Réseau lyonnais", declaredIn: folder.root + "/network.yaml"))
        let loaded = try SeedLoader.load(path: folder.root)
        #expect(loaded.diagnostics.filter { $0.severity == .error } == [])
        #expect(loaded.network.id == "reseau-lyon")
        #expect(loaded.network.name == "Réseau lyonnais")
    }

    @Test func withoutADeclarationTheFolderNamesIt() throws {
        let folder = try Folder()
        try folder.write("lyon.yaml", SeedFolderTests.city)
        let identity = try NetworkIdentity.of(seedsPath: folder.root + "/")
        #expect(identity.id == (folder.root as NSString).lastPathComponent)
        #expect(identity.declaredIn == nil)
        #expect(try NetworkIdentity.of(seedsPath: folder.root + "/lyon.yaml").id == "lyon")
        #expect(try SeedLoader.load(path: folder.root).network.id == nil)
    }

    @Test func theReferenceSeedsDeclareTheirs() throws {
        #expect(try NetworkIdentity.of(seedsPath: Paths.seeds).id == "grappe-reference")
    }

    @Test func aBrokenDeclarationSaysWhereAndIsNeverGuessed() throws {
        let folder = try Folder()
        try folder.write("lyon.yaml", SeedFolderTests.city)
        try folder.write("network.yaml", "network:\n  id: Réseau Lyon\n")
        #expect {
            try NetworkIdentity.of(seedsPath: folder.root)
        } throws: { error in
            "\(error)".hasPrefix(folder.root + "/network.yaml:2:7: error:")
        }
        try folder.write("network.yaml", "network:\n  name: sans id\n")
        #expect(throws: NetworkIdentity.Problem.self) { try NetworkIdentity.of(seedsPath: folder.root) }
    }

    @Test func theNetworkIsDeclaredOnceAndOnlyInNetworkYAML() throws {
        let folder = try Folder()
        try folder.write("lyon.yaml", SeedFolderTests.city + "network: {id: ailleurs}\n")
        try folder.write("network.yaml", "network: {id: reseau-lyon}\n---\nnetwork: {id: encore}\n")
        let errors = try SeedLoader.load(path: folder.root).diagnostics.filter { $0.severity == .error }.map(\.description)
        #expect(errors.count == 2, "\(errors)")
        #expect(errors.contains { $0.contains("lyon.yaml:") && $0.contains("move this 'network:' section there") }, "\(errors)")
        #expect(errors.contains { $0.contains("network.yaml:3:") && $0.contains("declared again: first at") }, "\(errors)")
        #expect(try SeedLoader.load(path: folder.root).network.id == "reseau-lyon")
    }
}
