import Foundation
import GrappeModel
import GrappeWords

/// The last rows computed per section, so that moving the selection does not filter or sort again.
/// A few results are kept per section: a backspace in the filter finds the shorter filter's rows here
/// instead of scanning every row again.
final class RowCache: @unchecked Sendable {
    struct Key: Hashable {
        let section: Section
        let filter: String
        let sortColumn: Int
        let ascending: Bool
        let catalogue: UInt64
    }

    /// Results kept per section, newest last.
    static let depth = 24
    private var entries: [Section: [(key: Key, rows: RowList)]] = [:]
    private let lock = NSLock()

    func rows(for key: Key) -> RowList? {
        lock.withLock { entries[key.section]?.last { $0.key == key }?.rows }
    }

    /// The result of the longest shorter filter that the new filter extends (same section and sort):
    /// every row that matches the new filter is among them.
    func narrowing(for key: Key) -> RowList? {
        lock.withLock {
            entries[key.section]?.filter { entry in
                entry.key.catalogue == key.catalogue && entry.key.sortColumn == key.sortColumn && entry.key.ascending == key.ascending
                    && !entry.key.filter.isEmpty && key.filter.hasPrefix(entry.key.filter)
            }.max { $0.key.filter.utf8.count < $1.key.filter.utf8.count }?.rows
        }
    }

    func store(_ rows: RowList, for key: Key) {
        lock.withLock {
            var kept = entries[key.section, default: []].filter { $0.key != key && $0.key.catalogue == key.catalogue }
            kept.append((key, rows))
            entries[key.section] = Array(kept.suffix(Self.depth))
        }
    }
}

/// The last pages built, so that a card of a hub with thousands of links is built once, not on every
/// key (moving the selection, drawing). Only pages that depend on nothing but the catalogue and the
/// language are kept: entity cards, neighbourhoods and paths.
final class PageCache: @unchecked Sendable {
    struct Key: Hashable {
        let screen: Screen
        let language: Language
        let catalogue: UInt64
        /// The width the page was laid out for, for pages that depend on it (else 0).
        var width = 0
    }

    static let depth = 8
    private var entries: [(key: Key, lines: [PageLine])] = []
    private let lock = NSLock()

    func lines(for key: Key, build: () -> [PageLine]) -> [PageLine] {
        if let hit = lock.withLock({ entries.last { $0.key == key }?.lines }) { return hit }
        let lines = build()
        lock.withLock {
            entries.removeAll { $0.key == key }
            entries.append((key, lines))
            if entries.count > Self.depth { entries.removeFirst(entries.count - Self.depth) }
        }
        return lines
    }
}
