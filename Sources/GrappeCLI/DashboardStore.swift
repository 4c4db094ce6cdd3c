import Foundation
import GrappeDashboard
import GrappeModel
import GrappeStore
import GrappeWorkspace

/// The dashboard's side of the workspace store: carries out the effects the pure core asks for and
/// feeds the results back into the state. A store that cannot be written leaves the dashboard
/// browsing read-only, with a notice.
struct DashboardStore {
    let author: String
    private(set) var store: (any WorkspaceStore)?
    private var warningCount = 0

    init(options: SeedOptions, author: String) {
        self.author = author
        guard !options.noStore else { notice = "--no-store"; return }
        do {
            store = try WorkspaceStores.open(options.storePath, for: .write)
            notice = store?.readOnlyReason
        } catch {
            notice = (error as? StoreError).map { "\($0.reason) — \(options.storePath)" } ?? "\(error)"
            // A damaged file is never written, but what can still be read of it is shown.
            if case .damaged? = error as? StoreError {
                store = try? WorkspaceStores.open(options.storePath, for: .read)
            }
        }
    }

    private(set) var notice: String?

    /// Reads the store again and lays it over the seeds.
    mutating func refresh(seeds: Network, warnings: Int, state: inout DashboardState) {
        warningCount = warnings
        state.storeNotice = notice
        guard let store else {
            state.catalogue = Catalogue(network: seeds, warnings: warnings)
            return
        }
        do {
            let workspace = try store.load()
            let (network, overlayWarnings) = Overlay.apply(workspace, to: seeds)
            state.catalogue = Catalogue(network: network, warnings: warnings + overlayWarnings.count)
            state.storeVersions = Dictionary(workspace.records.map { ($0.record.id, $0.version) }, uniquingKeysWith: { $1 })
            var journal: [ID: [String]] = [:]
            for entry in try store.journalIndex() {
                let line = "#\(entry.sequence) · \(entry.at.prefix(16).replacingOccurrences(of: "T", with: " ")) · \(entry.author) · \(entry.summary)"
                for item in entry.items { journal[item.id, default: []].append(line) }
            }
            state.journal = journal
            if !overlayWarnings.isEmpty {
                state.diagnostics = overlayWarnings.map { "\(store.location): warning: \($0)" }
                state.message = overlayWarnings[0].description + (overlayWarnings.count > 1 ? " (+\(overlayWarnings.count - 1))" : "")
            }
        } catch {
            state.catalogue = Catalogue(network: seeds, warnings: warnings)
            state.storeNotice = "\(error)"
            state.message = "\(state.strings[.storeFailed]): \(error)"
        }
    }

    /// The newest unsaved draft, if a session ended before saving it.
    func offerDraft(to state: inout DashboardState) {
        guard let store, store.readOnlyReason == nil, let drafts = try? store.drafts(), let newest = drafts.first,
              let draft = try? JSONDecoder().decode(MissionDraft.self, from: Data(newest.json.utf8)) else { return }
        state.restore(draft: draft, savedAt: String(newest.updatedAt.prefix(16)).replacingOccurrences(of: "T", with: " "))
    }

    mutating func save(_ change: Change, draftKey: String, seeds: Network, state: inout DashboardState) {
        guard let store else { state.missionNotSaved(.readOnly(notice ?? "no store")); return }
        do {
            let entry = try store.save(change, author: author)
            try? store.deleteDraft(key: draftKey)
            refresh(seeds: seeds, warnings: warningCount, state: &state)
            state.missionSaved(change.records[0].id, summary: "#\(entry.sequence) \(entry.summary)")
        } catch let error as StoreError {
            state.missionNotSaved(error)
        } catch {
            state.missionNotSaved(.failed("\(error)"))
        }
    }

    func keep(_ draft: MissionDraft, key: String, state: inout DashboardState) {
        guard let store, store.readOnlyReason == nil, let json = try? JSONEncoder().encode(draft) else { return }
        do {
            try store.saveDraft(StoredDraft(key: key, json: String(decoding: json, as: UTF8.self), updatedAt: StoreTime.now()))
        } catch {
            state.message = "\(state.strings[.storeFailed]): \(error)"
        }
    }

    func forget(key: String) {
        try? store?.deleteDraft(key: key)
    }

    mutating func undo(seeds: Network, state: inout DashboardState) {
        guard let store else { return }
        do {
            let entry = try store.undoLast(author: author)
            refresh(seeds: seeds, warnings: warningCount, state: &state)
            state.message = "\(state.strings[.undone]) — #\(entry.sequence) \(entry.summary)"
        } catch {
            state.message = "\(error)"
        }
    }
}
