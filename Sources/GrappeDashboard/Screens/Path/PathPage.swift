import GrappeAnalysis
import GrappeModel

/// The shortest connections between two partners, each hop with its relations or shared records.
extension Pages {
    static func path(from: ID, to: ID, state: DashboardState) -> [PageLine] {
        let s = state.strings
        let routes = state.catalogue.connections.shortest(from: from, to: to, all: true, limit: 10)
        var lines: [PageLine] = [PageLine([(state.catalogue.name(from), .bold), (" → ", .header), (state.catalogue.name(to), .bold)])]
        guard let first = routes.first else { return lines + [.blank, .text(s[.pathNone], .warning)] }
        lines.append(
            .text(
                s.count(first.count, .hop) + " · "
                    + s.count(routes.count, ("plus court chemin", "plus courts chemins"), ("shortest connection", "shortest connections")), .muted))
        for (number, route) in routes.enumerated() {
            lines += [.blank, .heading("#\(number + 1)")]
            lines.append(PageLine([("  ", .plain), (state.catalogue.name(from), .link)], link: .entity(from)))
            for hop in route {
                for link in hop.links {
                    switch link {
                    case .relation(let relation, let forward):
                        lines.append(
                            .text(
                                "    " + (forward ? "↓ " : "↑ ") + s.relation(relation.type, outgoing: forward)
                                    + ([relation.title, relation.label].compactMap { $0 }.map { " (\($0))" }.first ?? ""), .muted))
                    case .record(let record):
                        lines.append(PageLine([("    • " + s.kind(record.kind) + " ", .muted), (record.title, .link)], link: .record(record.id)))
                    }
                }
                lines.append(PageLine([("  ", .plain), (state.catalogue.name(hop.to), .link)], link: .entity(hop.to)))
            }
        }
        return lines
    }
}
