import Foundation
import GrappeDashboard
import GrappeWords
import GrappeWorkspace

/// The effects the core asks for, carried out: quick ones at once (their messages come back now),
/// slow ones in the background (their results come back through the inbox). Store work runs on the
/// store's queue, never on the loop.
extension DashboardRuntime {
    func perform(_ effect: Effect) -> [Message] {
        switch effect {
        case .quit: return []
        case .reload:
            do {
                return [Self.seedsMessage(try seeds.load(), reload: true)]
            } catch {
                return [.reloadFailed(path: seeds.path)]
            }
        case .saveMission(let change, let draftKey):
            nonisolated(unsafe) let keeper = draftKeeper
            return write(failed: { .saveFailed($0) }) { [author] store in
                let entry = try store.save(change, author: author)
                // Saved: a draft left behind would be offered again at the next start, so a failure
                // to remove it is said.
                var after: [Message] = [.saved(change.records[0].id, entry)]
                do { try keeper?.deleteDraft(key: draftKey) } catch { after.append(.storeFailed(Self.storeError(error))) }
                return (entry.sequence, after)
            }
        case .keepDraft(let key, let draft): return keep(draft, key: key)
        case .forgetDraft(let key):
            do {
                try draftKeeper?.deleteDraft(key: key)
                return []
            } catch {
                return [.storeFailed(Self.storeError(error))]
            }
        case .copy(let text, let what):
            return [.copied(what: what, done: terminal.copy(text))]
        case .openLink(let address):
            return [.linkOpened(address, problem: openLink(address))]
        case .rereadWorkspace:
            readWorkspace()
            return []
        case .buildCatalogue(let request):
            // Off the main thread: keys are answered with the last catalogue until the new one comes.
            return inBackground { .catalogueBuilt(request.build()) }
        case .layOutMap(let request):
            // Off the main thread: the loop keeps reading keys, and takes the map when it is ready.
            return inBackground { .mapLaidOut(NetworkMap.layOut(request)) }
        case .planTakeBack(let direction):
            return onStore(failed: { .undoFailed($0) }) { [author] store in
                let mine = try store.plan(direction, author: author, anyone: false)
                let theirs = mine == nil ? try store.plan(direction, author: author, anyone: true) : nil
                return [.messages([.takeBackPlanned(direction, mine: mine, theirs: theirs)])]
            }
        case .takeBack(let plan):
            return write(failed: { .undoFailed($0) }) { [author] store in
                let entry = try store.takeBack(plan, author: author)
                return (entry.sequence, [.undone(entry, plan)])
            }
        }
    }

    /// Drafts are kept on this machine (a file, or the local store): a key never waits on a server.
    private func keep(_ draft: MissionDraft, key: String) -> [Message] {
        guard let store, store.readOnlyReason == nil, let keeper = draftKeeper, let json = try? JSONEncoder().encode(draft) else { return [] }
        do {
            try keeper.saveDraft(StoredDraft(key: key, json: String(decoding: json, as: UTF8.self), updatedAt: StoreTime.now()))
            return []
        } catch {
            return [.storeFailed(Self.storeError(error))]
        }
    }

    /// Work that is neither the store's nor quick: its message comes back through the inbox.
    private func inBackground(_ work: @escaping @Sendable () -> Message) -> [Message] {
        inbox.expect()
        background { [inbox] in inbox.deliver(work()) }
        return []
    }

    /// A change written off the loop: its journal entry is this dashboard's own, and what the journal
    /// holds after it is read in the same job, so the change arrives with its content.
    private func write(
        failed: @escaping @Sendable (StoreError) -> Message,
        _ work: @escaping @Sendable (any WorkspaceStore) throws -> (sequence: Int, after: [Message])
    ) -> [Message] {
        let known = follower.knownHead
        return onStore(failed: failed) { store in
            let (sequence, after) = try work(store)
            return [.own(sequence), .followed(JournalFollower.fetch(store, after: known)), .messages(after)]
        }
    }

    /// Runs store work on the store's queue; its deliveries, or why it failed, come back through the
    /// inbox, and keys are answered meanwhile.
    func onStore(
        failed: @escaping @Sendable (StoreError) -> Message,
        _ work: @escaping @Sendable (any WorkspaceStore) throws -> [Delivery]
    ) -> [Message] {
        guard let store else { return [failed(.readOnly(storeNotice ?? Wording("pas de registre", "no store")))] }
        inbox.expect()
        storeWork { [inbox] in
            do {
                inbox.deliver(try work(store))
            } catch {
                inbox.deliver([.messages([failed(Self.storeError(error))])])
            }
        }
        return []
    }
}
