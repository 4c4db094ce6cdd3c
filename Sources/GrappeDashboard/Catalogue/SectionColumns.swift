import Dispatch
import Foundation
import GrappeAnalysis
import GrappeModel

/// Each section's columns and rows, built from the network and the graph.
extension Catalogue {
    /// The columns of a section's list.
    public static func columns(_ section: Section) -> [Column] {
        switch section {
        case .home: []
        case .partners:
            [
                Column(title: .name, weight: 5, minimum: 12, numeric: false), Column(title: .type, weight: 2, minimum: 8, numeric: false),
                Column(title: .city, weight: 2, minimum: 8, numeric: false), Column(title: .links, weight: 0, minimum: 6, numeric: true),
            ]
        case .clustersAndPoles:
            [
                Column(title: .name, weight: 5, minimum: 12, numeric: false), Column(title: .kind, weight: 0, minimum: 8, numeric: false),
                Column(title: .sector, weight: 3, minimum: 8, numeric: false), Column(title: .city, weight: 2, minimum: 8, numeric: false),
                Column(title: .links, weight: 0, minimum: 6, numeric: true),
            ]
        case .cities:
            [
                Column(title: .name, weight: 3, minimum: 12, numeric: false), Column(title: .country, weight: 0, minimum: 5, numeric: false),
                Column(title: .region, weight: 2, minimum: 8, numeric: false), Column(title: .links, weight: 0, minimum: 6, numeric: true),
            ]
        case .people:
            [
                Column(title: .name, weight: 3, minimum: 12, numeric: false), Column(title: .titles, weight: 5, minimum: 10, numeric: false),
                Column(title: .links, weight: 0, minimum: 6, numeric: true),
            ]
        case .agreements:
            [
                Column(title: .title, weight: 5, minimum: 12, numeric: false), Column(title: .date, weight: 0, minimum: 14, numeric: false),
                Column(title: .place, weight: 2, minimum: 8, numeric: false), Column(title: .parties, weight: 0, minimum: 7, numeric: true),
                Column(title: .status, weight: 0, minimum: 10, numeric: false),
            ]
        case .missions:
            [
                Column(title: .title, weight: 5, minimum: 12, numeric: false), Column(title: .dates, weight: 0, minimum: 14, numeric: false),
                Column(title: .destinations, weight: 2, minimum: 8, numeric: false), Column(title: .leader, weight: 2, minimum: 8, numeric: false),
                Column(title: .status, weight: 0, minimum: 10, numeric: false),
            ]
        case .projects:
            [
                Column(title: .title, weight: 5, minimum: 12, numeric: false), Column(title: .status, weight: 0, minimum: 10, numeric: false),
                Column(title: .budget, weight: 0, minimum: 16, numeric: true), Column(title: .parties, weight: 0, minimum: 7, numeric: true),
            ]
        }
    }

    static func number(_ value: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, 12 - text.count)) + text
    }

    /// Cells hold raw values (vocabulary words, ids); views translate them for the language shown.
    static func rows(_ section: Section, network: Network, graph: MetricsGraph, cityOf: [ID: ID]) -> [Row] {
        let builder = RowBuilder(section, network: network, graph: graph, cityOf: cityOf)
        switch section {
        case .home: return []
        case .partners, .clustersAndPoles, .cities, .people: return builder.entityRows().sortedByName()
        case .agreements, .missions, .projects: return builder.recordRows().sortedByName()
        }
    }

    /// What a section's rows need besides the network: link counts, each entity's city, people's titles.
    struct RowBuilder {
        let section: Section
        let network: Network
        let graph: MetricsGraph
        let cityOf: [ID: ID]
        let cityNames: [ID: String]
        let titles: [ID: [String]]

        init(_ section: Section, network: Network, graph: MetricsGraph, cityOf: [ID: ID]) {
            self.section = section
            self.network = network
            self.graph = graph
            self.cityOf = cityOf
            var cityNames: [ID: String] = [:]
            if [.partners, .clustersAndPoles].contains(section) {
                for entity in network.entities where entity.kind == .city { cityNames[entity.id] = entity.name }
            }
            self.cityNames = cityNames
            var titles: [ID: [String]] = [:]
            if section == .people {
                for relation in network.relations where relation.type == .holdsTitle {
                    titles[relation.from, default: []].append(
                        [relation.title, network.entityName(relation.to)].compactMap { $0 }.joined(separator: " · "))
                }
            }
            self.titles = titles
        }

        func degree(_ id: ID) -> Int { graph.index(of: id).map(graph.degree) ?? 0 }
        func city(_ id: ID) -> String { cityOf[id].flatMap { cityNames[$0] } ?? "" }

        func entityRows() -> [Row] {
            let kinds: Set<EntityKind> =
                switch section {
                case .partners: [.organisation]
                case .clustersAndPoles: [.cluster, .pole]
                case .cities: [.city]
                case .people: [.person]
                case .home, .agreements, .missions, .projects: []
                }
            return network.entities.filter { kinds.contains($0.kind) }.map(entityRow)
        }

        /// A row's cells as shown, and its sort keys (folded text, zero-padded numbers).
        func entityRow(_ entity: Entity) -> Row {
            let links = degree(entity.id)
            let name = TextFolding.sortKey(entity.name)
            let (cells, keys): ([String], [String]) =
                switch section {
                case .clustersAndPoles:
                    (
                        [entity.name, entity.kind.rawValue, entity.sector ?? "", city(entity.id), String(links)],
                        [name, entity.kind.rawValue, TextFolding.fold(entity.sector ?? ""), TextFolding.fold(city(entity.id)), number(links)]
                    )
                case .cities:
                    (
                        [entity.name, entity.country ?? "", entity.region ?? "", String(links)],
                        [name, entity.country ?? "", TextFolding.fold(entity.region ?? ""), number(links)]
                    )
                case .people:
                    (
                        [entity.name, (titles[entity.id] ?? []).joined(separator: "; "), String(links)],
                        [name, TextFolding.fold((titles[entity.id] ?? []).joined(separator: "; ")), number(links)]
                    )
                case .home, .partners, .agreements, .missions, .projects:
                    (
                        [entity.name, entity.organisationType?.rawValue ?? "", city(entity.id), String(links)],
                        [name, entity.organisationType?.rawValue ?? "", TextFolding.fold(city(entity.id)), number(links)]
                    )
                }
            // keys[0] sorts the name (folded, leading emoji and symbols aside); filtering matches the
            // folded name and the acronym, folded alone.
            let folded = TextFolding.fold(entity.name)
            return Row(item: .entity(entity.id), cells: cells, keys: keys, folded: folded + " " + (entity.acronym.map(TextFolding.fold) ?? ""))
        }

        func recordRows() -> [Row] { network.records.compactMap(recordRow) }

        /// A record's row in this section's list; nil for a record of another kind.
        func recordRow(_ record: Record) -> Row? {
            recordCells(record).map { Row(item: .record(record.id), cells: $0.cells, keys: $0.keys, folded: TextFolding.fold(record.title)) }
        }

        /// The cells and sort keys of a record of this section's kind; nil for other records.
        func recordCells(_ record: Record) -> (cells: [String], keys: [String])? {
            let title = TextFolding.sortKey(record.title)
            switch (section, record.body) {
            case (.agreements, .agreement(let agreement)):
                let place = agreement.place.flatMap { network.entityName($0) } ?? ""
                let date = agreement.signed?.description ?? ""
                return (
                    [record.title, date, place, String(record.partyIDs.count), agreement.status.rawValue],
                    [title, date, TextFolding.fold(place), number(record.partyIDs.count), agreement.status.rawValue]
                )
            case (.missions, .mission(let mission)):
                let destinations = mission.destinations.compactMap { network.entityName($0) }.joined(separator: ", ")
                let leader = record.parties(withRole: .leader).first.flatMap { network.entityName($0.entity) } ?? ""
                let dates = mission.start?.description ?? ""
                return (
                    [record.title, dates, destinations, leader, mission.status.rawValue],
                    [title, dates, TextFolding.fold(destinations), TextFolding.fold(leader), mission.status.rawValue]
                )
            case (.projects, .project(let project)):
                return (
                    [record.title, project.status.rawValue, project.budget?.description ?? "", String(record.partyIDs.count)],
                    [title, project.status.rawValue, number(Int(project.budget?.wholeUnits ?? 0)), number(record.partyIDs.count)]
                )
            default:
                return nil
            }
        }
    }
}
