import Foundation
import GrappeDashboard
import GrappeWorkspace

/// What background work hands the event loop.
enum Delivery: Sendable {
    /// Messages for the core, in order.
    case messages([Message])
    /// A journal entry this dashboard wrote itself (followed like anyone's, without a notice).
    case own(Int)
    /// What was read of the journal, for the follower to turn into messages.
    case followed(JournalFollower.Fetched)
    /// A store that could not be opened at start, opened now.
    case reopened(any WorkspaceStore)
    /// The store still cannot be opened: it is tried again later.
    case reopenFailed
}

/// Results of background work for the event loop, with how many are still expected.
final class Inbox: @unchecked Sendable {
    private let lock = NSLock()
    private var deliveries: [Delivery] = []
    private var expected = 0

    /// One more result will come.
    func expect() { lock.withLock { expected += 1 } }

    func deliver(_ message: Message) { deliver([.messages([message])]) }

    /// One result that comes as several deliveries, in order.
    func deliver(_ result: [Delivery]) {
        lock.withLock {
            deliveries += result
            expected = max(0, expected - 1)
        }
    }

    func take() -> [Delivery] {
        lock.withLock {
            defer { deliveries.removeAll() }
            return deliveries
        }
    }

    /// Results are expected or have come and are not taken yet.
    var isBusy: Bool { lock.withLock { expected > 0 || !deliveries.isEmpty } }
    var hasMessages: Bool { lock.withLock { !deliveries.isEmpty } }
}
