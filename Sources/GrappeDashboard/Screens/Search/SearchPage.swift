import GrappeAnalysis
import GrappeModel

/// The search screen: everything that matches, grouped by kind (partners, clusters, cities, people,
/// then agreements, missions, projects, events), each with the text that matched when it is not the
/// name; Enter opens one. The same index as the command line's names (`Lookup`).
extension Pages {
    /// At most this many results are listed; the heading says how many there are in all.
    static let searchLimit = 300

    static func search(_ text: String, state: DashboardState) -> [PageLine] {
        let s = state.strings
        guard !text.trimmingSpaces().isEmpty else { return [.text(s[.searchHint], .muted)] }
        let hits = state.catalogue.lookup.search(text, limit: searchLimit)
        guard !hits.isEmpty else { return [.text(s[.noMatch] + s.colon + text, .muted)] }
        var groups: [(title: String, order: Int, hits: [Lookup.Hit])] = []
        // Each kind's heading, worded once per search (not once per hit: a formatter is costly).
        var entityTitles: [EntityKind: String] = [:], recordTitles: [RecordKind: String] = [:]
        func plural(_ counted: String) -> String { counted.drop { $0 != " " }.trimmingSpaces().capitalizedFirst }
        func group(of hit: Lookup.Hit) -> (String, Int) {
            switch hit.item {
            case .entity(let id):
                let kind = state.network.entity(id)?.kind ?? .organisation
                let title = entityTitles[kind] ?? plural(s.count(2, kind))
                entityTitles[kind] = title
                return (title, EntityKind.allCases.firstIndex(of: kind) ?? 0)
            case .record(let id):
                let kind = state.network.record(id)?.kind ?? .mission
                let title = recordTitles[kind] ?? plural(s.count(2, kind))
                recordTitles[kind] = title
                return (title, 10 + (RecordKind.allCases.firstIndex(of: kind) ?? 0))
            }
        }
        for hit in hits {
            let (title, order) = group(of: hit)
            if let index = groups.firstIndex(where: { $0.order == order }) {
                groups[index].hits.append(hit)
            } else {
                groups.append((title, order, [hit]))
            }
        }
        // "7 résultats pour « lav »", "200 results or more for 'a'" (the list stops at `searchLimit`).
        let found =
            s.count(hits.count, ("résultat", "résultats"), ("result", "results"))
            + (hits.count == searchLimit ? s.say(" ou plus", " or more") : "")
        var lines: [PageLine] = [.text(s.say("\(found) pour \(s.quoted(text))", "\(found) for \(s.quoted(text))"), .muted), .blank]
        for group in groups.sorted(by: { $0.order < $1.order }) {
            lines.append(.heading("\(group.title) (\(s.number(group.hits.count)))"))
            for hit in group.hits {
                let name = state.catalogue.name(hit.item.id)
                var pieces: [(String, CellStyle)] = [("  " + name, .plain)]
                if hit.matched != name { pieces.append(("  · " + hit.matched, .muted)) }
                lines.append(PageLine(pieces, link: hit.item))
            }
            lines.append(.blank)
        }
        return lines
    }
}
