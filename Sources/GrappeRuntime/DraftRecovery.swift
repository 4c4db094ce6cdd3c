import Foundation
import GrappeDashboard
import GrappeWords
import GrappeWorkspace

/// A form an earlier session left unsaved, offered again at start.
extension DashboardRuntime {
    /// The newest unsaved draft, if a session ended before saving it; drafts that cannot be read back
    /// are named (and left where they are), and a store that cannot list its drafts says why.
    func offeredDraft() -> [Message] {
        guard let store, store.readOnlyReason == nil, let keeper = draftKeeper else { return [] }
        do {
            let read = try keeper.readDrafts()
            var unreadable = read.unreadable
            var found: [Message] = []
            for stored in read.drafts {
                guard let draft = try? JSONDecoder().decode(MissionDraft.self, from: Data(stored.json.utf8)) else {
                    let when = StoreTime.minute(stored.updatedAt)
                    unreadable.append(
                        Wording(
                            "le brouillon «\u{00A0}\(stored.key)\u{00A0}» du \(when) n'est pas un formulaire de mission",
                            "the draft '\(stored.key)' of \(when) is not a mission form"))
                    continue
                }
                // The newest readable one is offered; the older ones are still read, so that none that
                // cannot be read is passed over in silence.
                if found.isEmpty { found = [.draftFound(draft, savedAt: StoreTime.minute(stored.updatedAt))] }
            }
            return found + (unreadable.isEmpty ? [] : [.draftsUnreadable(unreadable)])
        } catch {
            return [.storeFailed(Self.storeError(error))]
        }
    }
}
