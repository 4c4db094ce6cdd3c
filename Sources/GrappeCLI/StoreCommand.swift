import ArgumentParser
import Foundation
import GrappeStore
import GrappeWorkspace

/// `grappe store …`: looking after the workspace store file itself.
struct StoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store",
        abstract: "Look after the workspace store: upgrade it to this Grappe's schema.",
        subcommands: [Migrate.self]
    )

    /// Reading commands never change the store; a newer Grappe's schema is applied when something is
    /// recorded, or here, on purpose.
    struct Migrate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Upgrade the workspace store to this Grappe's schema (after checking its pages); nothing else changes.",
            discussion: "Recording a mission also upgrades the store. A damaged file is refused (exit 74) and left as it is."
        )
        @OptionGroup var seedOptions: SeedOptions

        func run() throws {
            let path = seedOptions.storePath
            do {
                guard let store = try seedOptions.openStore(for: .update) else {
                    Output.error("grappe: no store at \(path): nothing to upgrade")
                    throw Exit.noInput
                }
                if let reason = store.readOnlyReason { throw StoreError.readOnly(reason) }
                Output.line("\(path): up to date")
            } catch let error as StoreError {
                throw Workbench.fail(error)
            }
        }
    }
}
