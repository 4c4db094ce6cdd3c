import Foundation
import Testing

/// One store, a workspace per network, from the command line: a mission recorded against the bundled
/// seeds never appears in a generated network, and `store copy`/`store check` go through every workspace.
@Suite struct WorkspaceCommandsTests {
    let cli = CLITests()
    let missions = MissionCommandsTests()

    @Test func aMissionStaysInTheWorkspaceOfItsNetwork() throws {
        let workspace = try MissionCommandsTests.Workspace()
        let generated = workspace.folder.appendingPathComponent("generated").path
        let made = try cli.grappe(["generate", "--organisations", "60", "--relations", "200", "--output", generated])
        try #require(made.status == 0, "\(made.error)")
        let none = try cli.grappe(["store", "workspaces"], environment: workspace.environment)
        #expect(none.status == 0 && none.output.isEmpty && none.error.contains("holds no workspace yet"), "\(none.error)")
        #expect(try missions.add(workspace).status == 0)

        let here = try cli.grappe(["mission", "list"], environment: workspace.environment)
        #expect(here.output.contains("mission-numerique-a-lyon"), "\(here.output)")
        let there = try cli.grappe(["mission", "list", "--seeds", generated], environment: workspace.environment)
        #expect(there.status == 0, "\(there.error)")
        #expect(!there.output.contains("mission-numerique-a-lyon"), "\(there.output)")
        #expect(!there.error.contains("warning"), "no stray records reported against the other network: \(there.error)")
        // Named on purpose, the workspace is that one.
        let named = try cli.grappe(["mission", "list", "--seeds", generated, "--workspace", "grappe-reference"], environment: workspace.environment)
        #expect(named.output.contains("mission-numerique-a-lyon"))

        let listed = try cli.grappe(["store", "workspaces"], environment: workspace.environment)
        #expect(listed.output == "WORKSPACE\tRECORDS\tENTITIES\tJOURNAL\tDRAFTS\n*grappe-reference\t1\t0\t1\t0\n", "\(listed.output)\(listed.error)")
        let fromThere = try cli.grappe(["store", "workspaces", "--no-header", "--seeds", generated], environment: workspace.environment)
        #expect(fromThere.output == "grappe-reference\t1\t0\t1\t0\n", "not the generated network's: \(fromThere.output)")

        // A workspace name is anyone's text: listed, its escapes are visible, never sent raw.
        #expect(try missions.add(workspace, ["--workspace", "hostile\u{1B}]52;c;Zm9v\u{07}"]).status == 0)
        let hostile = try cli.grappe(["store", "workspaces"], environment: workspace.environment)
        #expect(!hostile.output.contains("\u{1B}") && !hostile.output.contains("\u{07}"), "\(hostile.output)")
        #expect(hostile.output.contains("hostile"), "\(hostile.output)")

        let checked = try cli.grappe(["store", "check"], environment: workspace.environment)
        #expect(checked.status == 0, "\(checked.error)")
        #expect(checked.output.contains("[grappe-reference]: ok — 1 item, 1 journal entry replayed, 0 drafts"), "\(checked.output)")
        let inFrench = try cli.grappe(["store", "check"], environment: workspace.environment.merging(["LANG": "fr_FR.UTF-8"]) { $1 })
        #expect(
            inFrench.output.contains("[grappe-reference]\u{00A0}: bon — 1 élément, 1 entrée de journal rejouée, 0 brouillon"), "\(inFrench.output)")
        #expect(!checked.output.contains("\u{1B}"), "\(checked.output)")

        // Every workspace is copied; a second copy onto it is refused before anything is written.
        let copy = workspace.folder.appendingPathComponent("copy.sqlite").path
        #expect(try cli.grappe(["store", "copy", workspace.store, copy]).status == 0)
        let again = try cli.grappe(["store", "copy", workspace.store, copy])
        #expect(again.status == 73)
        #expect(again.error.contains("in workspace 'grappe-reference'"), "\(again.error)")
        let copied = try cli.grappe(["mission", "list"], environment: ["GRAPPE_STORE": copy])
        #expect(copied.output.contains("mission-numerique-a-lyon"))
    }

    @Test func aBrokenNetworkDeclarationStopsBeforeTheStoreIsTouched() throws {
        let workspace = try MissionCommandsTests.Workspace()
        let seeds = workspace.folder.appendingPathComponent("seeds").path
        try FileManager.default.copyItem(atPath: CLITests.repository.appendingPathComponent("seeds").path, toPath: seeds)
        try "network:\n  id: Pas Un Id\n".write(toFile: seeds + "/network.yaml", atomically: true, encoding: .utf8)
        let run = try cli.grappe(["history", "--seeds", seeds], environment: workspace.environment)
        #expect(run.status == 65, "\(run.error)")
        #expect(run.error.contains(seeds + "/network.yaml:2:7: error:"), "\(run.error)")
        #expect(!FileManager.default.fileExists(atPath: workspace.store))
    }
}
