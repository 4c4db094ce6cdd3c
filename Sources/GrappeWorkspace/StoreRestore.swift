import Foundation
import GrappeModel

/// What restoring a dump does the same way on every backend: each item decoded from its stored body
/// and put back through the backend's own transaction (so the analysts' tables follow), with its
/// version and last author as they were.
public enum StoreRestore {
    /// Calls `write` for each item with a function that puts it through a transaction.
    public static func items(
        _ dump: WorkspaceDump,
        write: (WorkspaceDump.Item, (any StoreTransaction) throws -> Void) throws -> Void
    ) throws {
        let decoder = JSONDecoder()
        for item in dump.items {
            let data = Data(item.state.body.utf8)
            switch item.kind {
            case .record:
                let record = try decoder.decode(Record.self, from: data)
                try write(item) { try $0.put(record, body: item.state.body, version: item.state.version, author: item.state.updatedBy) }
            case .entity:
                let entity = try decoder.decode(Entity.self, from: data)
                try write(item) {
                    try $0.put(
                        entity, body: item.state.body, version: item.state.version, recordedWith: item.state.recordedWith,
                        author: item.state.updatedBy)
                }
            }
        }
    }
}
