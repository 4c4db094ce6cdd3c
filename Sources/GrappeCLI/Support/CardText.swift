import GrappeAnalysis
import GrappeModel
import GrappeWords

/// Cards as text lines for the terminal, in the report's language. Every string from data passes
/// through `Output.line`'s sanitizer when printed.
struct CardText {
    let network: Network
    let words: Words

    init(_ network: Network, _ words: Words = Words(.en)) {
        self.network = network
        self.words = words
    }

    func title(_ item: Lookup.Item) -> String {
        switch item {
        case .entity(let id): network.entity(id).map { "\($0.name) (\(words.kind($0.kind)))" } ?? id
        case .record(let id): network.record(id).map { "\($0.title) (\(words.kind($0.kind)))" } ?? id
        }
    }

    func name(_ id: ID) -> String {
        network.entity(id)?.name ?? network.record(id)?.title ?? id
    }

    /// "label : value" or "label: value", as the language writes it.
    private func field(_ french: String, _ english: String, _ value: String) -> String {
        words.say(french, english) + words.colon + value
    }

    func entity(_ entity: Entity) -> [String] {
        let card = Card(
            entity: entity, relations: network.relations(involving: entity.id), records: network.records(involving: entity.id),
            network: network)
        var lines = [Style.bold(entity.name) + (entity.acronym.map { " (\($0))" } ?? "")]
        var facts = [entity.organisationType.map { words.organisationType($0) } ?? words.kind(entity.kind), "id \(entity.id)"]
        if let founded = entity.founded { facts.append(words.say("fondé", "founded") + " " + words.date(founded)) }
        if let ended = entity.ended { facts.append(words.say("fin", "ended") + " " + words.date(ended)) }
        if let country = entity.country { facts.append([entity.region, country].compactMap { $0 }.joined(separator: ", ")) }
        lines.append(Style.dim(facts.joined(separator: " · ")))
        if let sector = entity.sector { lines.append(field("secteur", "sector", sector)) }
        if !entity.aliases.isEmpty { lines.append(field("aussi", "also", entity.aliases.joined(separator: ", "))) }
        if let website = entity.website { lines.append(field("site", "website", website)) }
        if let summary = entity.summary { lines.append(summary) }
        for key in entity.attributes.keys.sorted() { lines.append(key + words.colon + entity.attributes[key]!) }

        if !card.linkGroups.isEmpty {
            lines += ["", Style.accent(words.say("Relations", "Relations"))]
            let labels = card.links.map { words.relation($0.relation.type, outgoing: $0.outgoing) }
            let width = min(24, labels.map(TextWidth.of).max() ?? 0)
            for (link, label) in zip(card.links, labels) {
                let relation = link.relation
                var text = "  \(TextWidth.padded(label, to: width)) \(name(link.other))"
                let periods = relation.periods.compactMap { period($0.start, $0.end) }
                let details = [relation.title, relation.label, periods.isEmpty ? nil : periods.joined(separator: ", ")].compactMap { $0 }
                if !details.isEmpty { text += Style.dim("  (\(details.joined(separator: "; ")))") }
                lines.append(text)
            }
        }
        if !card.involvements.isEmpty {
            lines += ["", Style.accent(words.say("Dossiers", "Records"))]
            for involvement in card.involvements {
                let record = involvement.record
                let role = involvement.roles.isEmpty ? words.say("cité", "named") : involvement.roles.map { words.role($0) }.joined(separator: ", ")
                lines.append(
                    "  \(TextWidth.padded(words.kind(record.kind), to: 10)) \(record.title)"
                        + Style.dim("  (\(role)\(record.date.map { ", \(words.date($0))" } ?? ""))"))
            }
        }
        return lines + sources(card.sources)
    }

    func record(_ record: Record) -> [String] {
        let card = Card(record: record, network: network)
        var lines = [Style.bold(record.title), Style.dim("\(words.kind(record.kind)) · id \(record.id)")]
        switch record.body {
        case .agreement(let agreement): lines += self.agreement(agreement)
        case .mission(let mission): lines += self.mission(mission)
        case .project(let project): lines += self.project(project)
        case .event(let event):
            lines.append("\(words.eventType(event.type)), \(words.status(event.status.rawValue))")
            if let date = period(event.date, event.end) { lines.append(field("date", "date", date)) }
            if let place = event.place { lines.append(field("lieu", "place", name(place))) }
        }
        if let summary = record.summary { lines.append(summary) }
        for key in record.attributes.keys.sorted() { lines.append(key + words.colon + record.attributes[key]!) }
        if !card.members.isEmpty {
            lines += ["", Style.accent(words.say("Parties", "Parties"))]
            let width = min(22, card.members.map { TextWidth.of(words.role($0.party.role)) }.max() ?? 0)
            for member in card.members {
                let party = member.party
                let missing = member.known ? "" : Style.dim(words.say("  (n'est plus dans les graines)", "  (no longer in the seeds)"))
                lines.append(
                    "  \(TextWidth.padded(words.role(party.role), to: width)) \(name(party.entity))"
                        + (party.title.map { Style.dim("  (\($0))") } ?? "")
                        + (party.attendance.map { Style.dim("  · \(words.attendance($0.rawValue))") } ?? "") + missing)
            }
        }
        return lines + sources(card.sources)
    }

    private func agreement(_ agreement: Agreement) -> [String] {
        var lines = [field("statut", "status", words.status(agreement.status.rawValue))]
        if let signed = agreement.signed { lines.append(field("signée", "signed", words.date(signed))) }
        if let place = agreement.place { lines.append(field("lieu", "place", name(place))) }
        if let validity = period(agreement.validFrom, agreement.validTo) { lines.append(field("validité", "valid", validity)) }
        if let purpose = agreement.purpose { lines.append(field("objet", "purpose", purpose)) }
        return lines
    }

    private func mission(_ mission: Mission) -> [String] {
        var lines = [field("statut", "status", words.status(mission.status.rawValue))]
        if let origin = mission.origin { lines.append(field("départ", "from", name(origin))) }
        if !mission.destinations.isEmpty { lines.append(field("destinations", "to", mission.destinations.map(name).joined(separator: ", "))) }
        if let dates = period(mission.start, mission.end) { lines.append(field("dates", "dates", dates)) }
        if let budget = mission.budget { lines.append(field("budget", "budget", words.money(budget))) }
        for objective in mission.objectives { lines.append(field("objectif", "objective", objective)) }
        for outcome in mission.outcomes {
            if let agreement = outcome.agreement { lines.append(field("résultat", "outcome", words.say("entente ", "agreement ") + name(agreement))) }
            if let partner = outcome.partner {
                lines.append(field("résultat", "outcome", words.say("partenaire rencontré ", "partner met ") + name(partner)))
            }
            if let text = outcome.text { lines.append(field("résultat", "outcome", text)) }
        }
        if let notes = mission.notes { lines.append(field("notes", "notes", notes)) }
        return lines
    }

    private func project(_ project: Project) -> [String] {
        var lines = [field("statut", "status", words.status(project.status.rawValue))]
        if let dates = period(project.start, project.end) { lines.append(field("période", "period", dates)) }
        if let duration = project.duration { lines.append(field("durée", "duration", words.span(duration))) }
        if let budget = project.budget { lines.append(field("budget", "budget", words.money(budget))) }
        if let parent = project.partOf { lines.append(field("fait partie de", "part of", name(parent))) }
        for line in project.funding {
            var parts = [line.funder.map(name) ?? words.say("bailleur inconnu", "unknown funder")]
            if let share = line.share { parts.append(words.share(share)) }
            if let amount = line.effectiveAmount(budget: project.budget) {
                parts.append(words.money(amount) + (line.amount == nil ? words.say(" (selon la part)", " (from the share)") : ""))
            }
            if let dates = period(line.start, line.end) { parts.append(dates) }
            if let note = line.note { parts.append(note) }
            lines.append(field("financement", "funding", parts.joined(separator: " · ")))
        }
        return lines
    }

    func period(_ start: PartialDate?, _ end: PartialDate?) -> String? {
        switch (start, end) {
        case (nil, nil): nil
        case (let start?, nil): words.say("depuis ", "from ") + words.date(start)
        case (nil, let end?): words.say("jusqu'à ", "until ") + words.date(end)
        case (let start?, let end?): start == end ? words.date(start) : "\(words.date(start)) – \(words.date(end))"
        }
    }

    func sources(_ sources: [Card.Source]) -> [String] {
        guard !sources.isEmpty else { return [] }
        return ["", Style.accent(words.say("Sources", "Sources"))]
            + sources.map { source in
                "  \(source.title)" + Style.dim(" [\(source.reference.document)]") + (source.reference.note.map { " — \($0)" } ?? "")
            }
    }
}
