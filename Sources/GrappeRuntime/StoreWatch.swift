import Foundation
import GrappeDashboard
import GrappeWords
import GrappeWorkspace

/// Watching the store from the loop without waiting on it: its health (a property the backend keeps
/// current on a thread of its own), a look at the journal every `liveInterval` (one at a time, on the
/// store's queue), and, when it could not be opened at start, a new try every `retryEvery` seconds
/// (off the loop too: a server that does not answer holds the try, not the keys).
extension DashboardRuntime {
    /// What changed in the store's health since the last look, as messages; starts a look at the
    /// journal, or a reopening, whose results come through the inbox.
    func lookAtStore() -> [Message] {
        lastLook = .now
        guard let store else {
            reopenInBackground()
            return []
        }
        var messages: [Message] = []
        let health = store.health
        if health != lastHealth {
            lastHealth = health
            messages.append(.health(health))
        }
        let editors = store.othersEditing
        if editors != lastEditors {
            lastEditors = editors
            messages.append(.presence(editors))
        }
        guard !follower.looking else { return messages }
        follower.looking = true
        let known = follower.knownHead
        inbox.expect()
        storeWork { [inbox] in inbox.deliver([.followed(JournalFollower.fetch(store, after: known))]) }
        return messages
    }

    /// Tells the others which mission this dashboard's form is open on (none when it is closed).
    func announceEditing(_ state: DashboardState) {
        let editing = state.form?.missionID
        guard editing != announcedEditing, let store else { return }
        announcedEditing = editing
        store.announceEditing(editing)
    }

    /// Reads the whole workspace again, off the loop.
    func readWorkspace() {
        guard let store else { return }
        inbox.expect()
        storeWork { [inbox] in inbox.deliver([.followed(JournalFollower.whole(store))]) }
    }

    private func reopenInBackground() {
        guard let reopen, !reopening, Date().timeIntervalSince(lastReopen) >= retryEvery else { return }
        lastReopen = Date()
        reopening = true
        nonisolated(unsafe) let open = reopen
        inbox.expect()
        storeWork { [inbox] in
            if let reopened = try? open() {
                inbox.deliver([.reopened(reopened)])
            } else {
                inbox.deliver([.reopenFailed])
            }
        }
    }
}
