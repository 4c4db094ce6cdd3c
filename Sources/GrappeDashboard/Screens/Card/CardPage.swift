import GrappeAnalysis
import GrappeModel
import GrappeWorkspace

/// A card: an entity's or a record's attributes, relations by type, records, history and sources.
extension Pages {
    static func period(_ start: PartialDate?, _ end: PartialDate?, _ s: Strings) -> String? {
        switch (start, end) {
        case (nil, nil): nil
        case (let start?, nil): s.date(start)
        case (nil, let end?): "… \(s.date(end))"
        case (let start?, let end?): start == end ? s.date(start) : "\(s.date(start)) – \(s.date(end))"
        }
    }

    /// Every period a relation held, joined (`2004 – 2006, 2020`).
    static func periods(of relation: Relation, _ s: Strings) -> String? {
        let texts = relation.periods.compactMap { period($0.start, $0.end, s) }
        return texts.isEmpty ? nil : texts.joined(separator: ", ")
    }

    static func entity(entity: Entity, state: DashboardState) -> [PageLine] {
        let s = state.strings
        let card = Card(
            entity: entity, relations: state.catalogue.relations(of: entity.id), records: state.catalogue.records(of: entity.id),
            network: state.network)
        var lines: [PageLine] = [PageLine([(entity.name, .bold)] + (entity.acronym.map { [(" (\($0))", CellStyle.bold)] } ?? []))]
        var facts = [entity.organisationType.map(s.organisationType) ?? s.kind(entity.kind)]
        if let founded = entity.founded { facts.append("\(s[.founded]) \(s.date(founded))") }
        if let ended = entity.ended { facts.append("\(s[.ended]) \(s.date(ended))") }
        if let country = entity.country { facts.append([entity.region, country].compactMap { $0 }.joined(separator: ", ")) }
        if let sector = entity.sector { facts.append(sector) }
        lines.append(.text(facts.joined(separator: " · "), .muted))
        if let summary = entity.summary { lines.append(.text(summary)) }
        if let website = entity.website { lines.append(PageLine([(s[.website] + s.colon, .muted), (website, .accent), ("  (o)", .muted)])) }
        for key in entity.attributes.keys.sorted() {
            lines.append(PageLine([(key + state.strings.colon, .muted), (entity.attributes[key]!, .plain)]))
        }
        let links = card.links
        if !links.isEmpty {
            lines += [.blank, .heading("\(s[.relations]) (\(links.count))")]
            for link in links {
                let relation = link.relation, other = link.other
                let details = [relation.title, relation.label, periods(of: relation, s)].compactMap { $0 }
                lines.append(
                    PageLine(
                        [("  " + s.relation(relation.type, outgoing: link.outgoing) + "  ", .muted), (state.catalogue.name(other), .link)]
                            + (details.isEmpty ? [] : [("  " + details.joined(separator: " · "), .muted)]),
                        link: state.network.containsEntity(other) ? .entity(other) : nil))
            }
        }
        if !card.involvements.isEmpty {
            lines += [.blank, .heading("\(s[.records]) (\(card.involvements.count))")]
            for involvement in card.involvements {
                let record = involvement.record
                let roles = involvement.roles.map(s.role).joined(separator: ", ")
                lines.append(
                    PageLine(
                        [
                            ("  " + s.kind(record.kind) + "  ", .muted), (record.title, .link),
                            ("  " + [roles, record.date.map(s.date) ?? ""].filter { !$0.isEmpty }.joined(separator: " · "), .muted),
                        ],
                        link: .record(record.id)))
            }
        }
        return lines + sources(card.sources, state: state)
    }

    static func record(record: Record, state: DashboardState) -> [PageLine] {
        let s = state.strings
        let card = Card(record: record, network: state.network)
        var lines: [PageLine] = [PageLine([(record.title, .bold)]), .text(s.kind(record.kind), .muted)]
        if let editing = state.editingNotice(record.id) { lines.append(.text("✎ " + editing, .warning)) }
        lines += facts(of: record, state: state)
        if let summary = record.summary { lines.append(.text(summary)) }
        for key in record.attributes.keys.sorted() {
            lines.append(PageLine([(key + state.strings.colon, .muted), (record.attributes[key]!, .plain)]))
        }
        lines += members(card, state: state)
        if let history = state.store.journal[record.id], !history.isEmpty {
            lines +=
                [.blank, .heading(s[.history])]
                + history.map { line in
                    .text("  #\(line.sequence) · \(line.at) · \(line.author) · \(s.summary(of: line))", .muted)
                }
        }
        return lines + sources(card.sources, state: state)
    }

    /// What the record's kind says: status, dates, places, money, objectives, outcomes, funding.
    private static func facts(of record: Record, state: DashboardState) -> [PageLine] {
        let s = state.strings
        var lines: [PageLine] = []
        func place(_ label: UI, _ id: ID) {
            lines.append(PageLine([(s[label] + s.colon, .muted), (state.catalogue.name(id), .link)], link: .entity(id)))
        }
        func fact(_ label: String, _ value: String) { lines.append(PageLine([(label + s.colon, .muted), (value, .plain)])) }
        func link(_ mark: String, _ item: Lookup.Item) {
            lines.append(PageLine([(mark, .muted), (state.catalogue.name(item.id), .link)], link: item))
        }
        switch record.body {
        case .agreement(let agreement):
            fact(s[.status], s.status(agreement.status.rawValue))
            if let signed = agreement.signed { fact(s[.date], s.date(signed)) }
            if let id = agreement.place { place(.place, id) }
            if let purpose = agreement.purpose { lines.append(.text(purpose)) }
        case .mission(let mission):
            fact(s[.status], s.status(mission.status.rawValue))
            if let dates = period(mission.start, mission.end, s) { fact(s[.dates], dates) }
            if let origin = mission.origin { place(.city, origin) }
            for destination in mission.destinations { place(.destinations, destination) }
            if let budget = mission.budget { fact(s[.budget], s.money(budget)) }
            for objective in mission.objectives { lines.append(.text("• " + objective)) }
            if let notes = mission.notes { fact(s.field(.notes), notes) }
            for outcome in mission.outcomes {
                if let agreement = outcome.agreement { link("→ ", .record(agreement)) }
                if let partner = outcome.partner { link("→ ", .entity(partner)) }
                if let text = outcome.text { lines.append(.text("→ " + text)) }
            }
        case .project(let project):
            fact(s[.status], s.status(project.status.rawValue))
            if let dates = period(project.start, project.end, s) { fact(s[.dates], dates) }
            if let duration = project.duration { fact(s.say("Durée", "Duration"), s.span(duration)) }
            if let budget = project.budget { fact(s[.budget], s.money(budget)) }
            if let parent = project.partOf { link("⊂ ", .record(parent)) }
            lines += funding(project, state: state)
        case .event(let event):
            fact(s[.status], s.status(event.status.rawValue))
            if let date = period(event.date, event.end, s) { fact(s[.date], date) }
            if let id = event.place { place(.place, id) }
        }
        return lines
    }

    /// A project's funding lines: who, what share, how much.
    private static func funding(_ project: Project, state: DashboardState) -> [PageLine] {
        project.funding.map { line in
            var details: [String] = []
            if let share = line.share { details.append(state.strings.share(share)) }
            if let amount = line.effectiveAmount(budget: project.budget) { details.append(state.strings.money(amount)) }
            if let note = line.note { details.append(note) }
            guard let funder = line.funder else { return .text("$ " + details.joined(separator: " · ")) }
            return PageLine(
                [("$ ", .muted), (state.catalogue.name(funder), .link), ("  " + details.joined(separator: " · "), .muted)],
                link: .entity(funder))
        }
    }

    /// The record's parties with their roles, titles and attendance; one gone from the seeds is flagged.
    private static func members(_ card: Card, state: DashboardState) -> [PageLine] {
        guard !card.members.isEmpty else { return [] }
        let s = state.strings
        return [.blank, .heading("\(s[.parties]) (\(card.members.count))")]
            + card.members.map { member in
                let party = member.party
                let attendance = party.attendance.map { [("  · " + s.attendance($0.rawValue), CellStyle.muted)] } ?? []
                guard member.known else {
                    return PageLine([("  " + s.role(party.role) + "  ", .muted), ("⚠ \(party.entity) — \(s[.missingEntity])", .warning)])
                }
                return PageLine(
                    [("  " + s.role(party.role) + "  ", .muted), (state.catalogue.name(party.entity), .link)]
                        + (party.title.map { [("  " + $0, .muted)] } ?? []) + attendance, link: .entity(party.entity))
            }
    }

    static func sources(_ sources: [Card.Source], state: DashboardState) -> [PageLine] {
        guard !sources.isEmpty else { return [] }
        return [.blank, .heading(state.strings[.sources])]
            + sources.flatMap { source -> [PageLine] in
                [.text("  " + source.title, .muted)] + (source.reference.note.map { [.text("    " + $0)] } ?? [])
            }
    }
}
