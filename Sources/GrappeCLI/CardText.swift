import GrappeAnalysis
import GrappeModel

/// Cards as text lines for the terminal. Every string from data passes through `Output.line`'s
/// sanitizer when printed.
enum CardText {
    static func title(_ item: Lookup.Item, in network: Network) -> String {
        switch item {
        case .entity(let id): network.entity(id).map { "\($0.name) (\($0.kind.rawValue))" } ?? id
        case .record(let id): network.record(id).map { "\($0.title) (\($0.kind.rawValue))" } ?? id
        }
    }

    static func words(_ raw: String) -> String { raw.replacingOccurrences(of: "_", with: " ") }

    static func name(_ id: ID, in network: Network) -> String {
        network.entity(id)?.name ?? network.record(id)?.title ?? id
    }

    static func entity(_ entity: Entity, in network: Network) -> [String] {
        let card = Card(entity: entity, relations: network.relations(involving: entity.id), records: network.records(involving: entity.id),
                        network: network)
        var lines = [Style.bold(entity.name) + (entity.acronym.map { " (\($0))" } ?? "")]
        var facts = [entity.organisationType.map { words($0.rawValue) } ?? entity.kind.rawValue, "id \(entity.id)"]
        if let founded = entity.founded { facts.append("founded \(founded)") }
        if let country = entity.country { facts.append([entity.region, country].compactMap { $0 }.joined(separator: ", ")) }
        lines.append(Style.dim(facts.joined(separator: " · ")))
        if let sector = entity.sector { lines.append("sector: \(sector)") }
        if !entity.aliases.isEmpty { lines.append("also: \(entity.aliases.joined(separator: ", "))") }
        if let website = entity.website { lines.append("website: \(website)") }
        if let summary = entity.summary { lines.append(summary) }
        for key in entity.attributes.keys.sorted() { lines.append("\(key): \(entity.attributes[key]!)") }

        if !card.linkGroups.isEmpty {
            lines += ["", Style.accent("Relations")]
            for link in card.links {
                let relation = link.relation, type = relation.type
                let arrow = type.isSymmetric ? "—" : (link.outgoing ? "→" : "←")
                var text = "  \(words(type.rawValue).padding(toLength: 17, withPad: " ", startingAt: 0)) \(arrow) \(name(link.other, in: network))"
                let details = [relation.title, relation.label, period(relation.start, relation.end)].compactMap { $0 }
                if !details.isEmpty { text += Style.dim("  (\(details.joined(separator: "; ")))") }
                lines.append(text)
            }
        }
        if !card.involvements.isEmpty {
            lines += ["", Style.accent("Records")]
            for involvement in card.involvements {
                let record = involvement.record
                let role = involvement.roles.isEmpty ? "named" : involvement.roles.map { words($0.rawValue) }.joined(separator: ", ")
                lines.append("  \(record.kind.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0)) \(record.title)"
                             + Style.dim("  (\(role)\(record.date.map { ", \($0)" } ?? ""))"))
            }
        }
        return lines + sources(card.sources)
    }

    static func record(_ record: Record, in network: Network) -> [String] {
        let card = Card(record: record, network: network)
        var lines = [Style.bold(record.title), Style.dim("\(record.kind.rawValue) · id \(record.id)")]
        switch record.body {
        case .agreement(let agreement):
            lines.append("status: \(words(agreement.status.rawValue))")
            if let signed = agreement.signed { lines.append("signed: \(signed)") }
            if let place = agreement.place { lines.append("place: \(name(place, in: network))") }
            if let validity = period(agreement.validFrom, agreement.validTo) { lines.append("valid: \(validity)") }
            if let purpose = agreement.purpose { lines.append("purpose: \(purpose)") }
        case .mission(let mission):
            lines.append("status: \(words(mission.status.rawValue))")
            if let origin = mission.origin { lines.append("from: \(name(origin, in: network))") }
            if !mission.destinations.isEmpty { lines.append("to: \(mission.destinations.map { name($0, in: network) }.joined(separator: ", "))") }
            if let dates = period(mission.start, mission.end) { lines.append("dates: \(dates)") }
            if let budget = mission.budget { lines.append("budget: \(budget)") }
            for objective in mission.objectives { lines.append("objective: \(objective)") }
            for outcome in mission.outcomes {
                if let agreement = outcome.agreement { lines.append("outcome: agreement \(name(agreement, in: network))") }
                if let partner = outcome.partner { lines.append("outcome: partner met \(name(partner, in: network))") }
                if let text = outcome.text { lines.append("outcome: \(text)") }
            }
            if let notes = mission.notes { lines.append("notes: \(notes)") }
        case .project(let project):
            lines.append("status: \(words(project.status.rawValue))")
            if let dates = period(project.start, project.end) { lines.append("period: \(dates)") }
            if let duration = project.duration { lines.append("duration: \(duration)") }
            if let budget = project.budget { lines.append("budget: \(budget)") }
            if let parent = project.partOf { lines.append("part of: \(name(parent, in: network))") }
            for line in project.funding {
                var parts = [line.funder.map { name($0, in: network) } ?? "unknown funder"]
                if let share = line.share { parts.append(share.description) }
                if let amount = line.effectiveAmount(budget: project.budget) { parts.append(amount.description + (line.amount == nil ? " (from the share)" : "")) }
                if let dates = period(line.start, line.end) { parts.append(dates) }
                if let note = line.note { parts.append(note) }
                lines.append("funding: \(parts.joined(separator: " · "))")
            }
        case .event(let event):
            lines.append("\(words(event.type.rawValue)), \(words(event.status.rawValue))")
            if let date = period(event.date, event.end) { lines.append("date: \(date)") }
            if let place = event.place { lines.append("place: \(name(place, in: network))") }
        }
        if let summary = record.summary { lines.append(summary) }
        for key in record.attributes.keys.sorted() { lines.append("\(key): \(record.attributes[key]!)") }
        if !card.members.isEmpty {
            lines += ["", Style.accent("Parties")]
            for member in card.members {
                let party = member.party
                let missing = member.known ? "" : Style.dim("  (no longer in the seeds)")
                lines.append("  \(words(party.role.rawValue).padding(toLength: 13, withPad: " ", startingAt: 0)) \(name(party.entity, in: network))"
                             + (party.title.map { Style.dim("  (\($0))") } ?? "") + (party.attendance.map { Style.dim("  · \($0.rawValue)") } ?? "")
                             + missing)
            }
        }
        return lines + sources(card.sources)
    }

    static func period(_ start: PartialDate?, _ end: PartialDate?) -> String? {
        switch (start, end) {
        case (nil, nil): nil
        case (let start?, nil): "from \(start)"
        case (nil, let end?): "until \(end)"
        case (let start?, let end?): start == end ? start.description : "\(start) – \(end)"
        }
    }

    static func sources(_ sources: [Card.Source]) -> [String] {
        guard !sources.isEmpty else { return [] }
        return ["", Style.accent("Sources")] + sources.map { source in
            "  \(source.title)" + Style.dim(" [\(source.reference.document)]") + (source.reference.note.map { " — \($0)" } ?? "")
        }
    }
}
