import GrappeModel
import GrappeWorkspace

extension Strings {
    /// What went wrong with the store, in the interface's language. Reasons that come from the
    /// backend itself (a file's mode, a server's words) are quoted as they came.
    public func describe(_ error: StoreError) -> String {
        let french = language == .fr
        switch error {
        case .stale(let id, let expected, let found, let by, let at):
            return french ? "« \(id) » a changé depuis son ouverture (votre version \(expected), maintenant \(found), enregistrée par \(by) le \(at))"
                : "'\(id)' changed since you opened it (your version \(expected), now \(found), saved by \(by) at \(at))"
        case .exists(let id): return french ? "« \(id) » existe déjà" : "'\(id)' already exists"
        case .notFound(let id): return french ? "« \(id) » n'est pas dans le registre" : "'\(id)' is not in the workspace store"
        case .nothingToUndo: return french ? "rien à annuler" : "nothing to undo"
        case .readOnly(let why): return french ? "le registre est en lecture seule : \(why)" : "the store is read-only: \(why)"
        case .notAWorkspace(let path, let detail):
            return french ? "\(path) n'est pas un registre Grappe (\(detail)) ; il n'a pas été modifié"
                : "\(path) is not a Grappe workspace (\(detail)); it was left untouched"
        case .newerVersion(let path, let unknown):
            let list = unknown.joined(separator: ", ")
            return french ? "\(path) a été écrit par un Grappe plus récent (migrations inconnues : \(list)) ; il n'a pas été modifié"
                : "\(path) was written by a newer Grappe (unknown migrations: \(list)); it was left untouched"
        case .cannotOpen(let path, let detail):
            return french ? "impossible d'ouvrir le registre \(path) : \(detail)" : "cannot open the store \(path): \(detail)"
        case .damaged(let path, let detail):
            return french ? "\(path) est endommagé (\(detail)) ; rien n'y a été écrit"
                : "\(path) is damaged (\(detail)); nothing was written to it"
        case .cannotWrite(let path, let detail):
            return french ? "impossible d'écrire dans le registre \(path) : \(detail) ; rien n'a été enregistré"
                : "cannot write to the store \(path): \(detail); nothing was saved"
        case .unavailable(let location, let detail):
            return french ? "le registre \(location) est injoignable (\(detail)) ; réessayez quand le serveur sera revenu"
                : "the store \(location) cannot be reached (\(detail)); try again when the server is back"
        case .failed(let detail): return french ? "le registre a échoué : \(detail)" : "the store failed: \(detail)"
        }
    }
}
