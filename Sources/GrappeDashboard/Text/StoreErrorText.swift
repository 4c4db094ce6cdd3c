import GrappeModel
import GrappeWorkspace

extension Strings {
    /// What went wrong with the store, in the interface's language. Reasons that come from the
    /// backend itself (a file's mode, a server's words) are quoted as they came.
    public func describe(_ error: StoreError) -> String { error.description(in: language) }
}
