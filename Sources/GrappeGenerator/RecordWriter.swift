/// The records of a synthetic network, written as YAML in the seed format: agreements between
/// well-connected organisations, missions between cities, funded projects, events.
struct RecordWriter {
    let documentID: String
    var random: SeededRandom
    let cities: [NetworkGenerator.Node]
    let groups: [NetworkGenerator.Node]
    let organisations: [NetworkGenerator.Node]
    let people: [NetworkGenerator.Node]
    let scale: Int

    private var funders: [NetworkGenerator.Node] {
        let found = organisations.filter { ["financial_institution", "public_body", "municipality"].contains($0.type) }
        return found.isEmpty ? Array(organisations.prefix(1)) : found
    }

    func yaml() -> String {
        var copy = self
        return copy.write()
    }

    private mutating func write() -> String {
        let agreements = max(2, scale / 250), missions = max(2, scale / 500)
        let projects = max(2, scale / 500), events = max(2, scale / 1000)
        var text = "# Records of a synthetic network written by `grappe generate`.\n"
        text += "agreements:\n"
        for index in 1...agreements { text += agreement(index) }
        text += "missions:\n"
        for index in 1...missions { text += mission(index, agreements: agreements) }
        let funders = funders
        text += "projects:\n"
        for index in 1...projects { text += project(index, funders: funders) }
        text += "events:\n"
        for index in 1...events { text += event(index) }
        return text
    }

    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    private mutating func date(from firstYear: Int = 2000) -> (year: Int, month: Int, day: Int) {
        (firstYear + random.below(2027 - firstYear), 1 + random.below(12), 1 + random.below(28))
    }

    private func text(_ date: (year: Int, month: Int, day: Int)) -> String {
        "\(date.year)-\(date.month < 10 ? "0" : "")\(date.month)-\(date.day < 10 ? "0" : "")\(date.day)"
    }

    /// Distinct organisations, biased towards the start of the list like the edges are.
    private mutating func distinctOrganisations(_ count: Int) -> [NetworkGenerator.Node] {
        var chosen: [NetworkGenerator.Node] = []
        var ids: Set<String> = []
        while chosen.count < min(count, organisations.count) {
            let u = Double.random(in: 0..<1, using: &random)
            let candidate = organisations[min(organisations.count - 1, Int(Double(organisations.count) * u * u))]
            if ids.insert(candidate.id).inserted { chosen.append(candidate) }
        }
        return chosen
    }

    private mutating func agreement(_ index: Int) -> String {
        let signed = date()
        let statuses = ["signed", "signed", "in_force", "in_force", "expired", "draft"]
        var text = "  - id: agreement-\(index)\n"
        text += "    title: \(Self.quoted("Entente de collaboration \(NameMaker.word(&random))"))\n"
        text += "    signed: \(self.text(signed))\n"
        text += "    place: \(random.pick(cities).id)\n"
        text += "    status: \(random.pick(statuses))\n"
        text += "    purpose: \(Self.quoted("coopération en \(random.pick(NameMaker.sectors))"))\n"
        text += "    parties:\n"
        for party in distinctOrganisations(2 + random.below(3)) { text += "      - {id: \(party.id), role: signatory}\n" }
        text += "    sources: [\(documentID)]\n"
        return text
    }

    private mutating func mission(_ index: Int, agreements: Int) -> String {
        let start = date(from: 2005)
        let origin = random.pick(cities)
        var destination = random.pick(cities)
        if destination.id == origin.id { destination = cities[(cities.firstIndex { $0.id == origin.id }! + 1) % cities.count] }
        let status = start.year >= 2026 ? "planned" : "completed"
        var text = "  - id: mission-\(index)\n"
        text += "    title: \(Self.quoted("Mission \(origin.name) – \(destination.name)"))\n"
        text += "    status: \(status)\n"
        text += "    origin: \(origin.id)\n"
        text += "    destinations: [\(destination.id)]\n"
        text += "    start: \(self.text(start))\n"
        text += "    end: \(self.text((start.year, start.month, min(28, start.day + random.below(7)))))\n"
        text += "    objectives: [\(Self.quoted("nouveaux partenariats en \(random.pick(NameMaker.sectors))"))]\n"
        text += "    budget: \(10 + random.below(90))000 CAD\n"
        text += "    parties:\n"
        let leader = random.pick(people)
        text += "      - {id: \(leader.id), role: leader}\n"
        text += "      - {id: \(random.pick(groups).id), role: on_behalf_of}\n"
        for delegate in distinctOrganisations(1 + random.below(4)) { text += "      - {id: \(delegate.id), role: delegate}\n" }
        if status == "completed", random.chance(0.4) {
            text += "    outcomes:\n      - agreement: agreement-\(1 + random.below(agreements))\n"
        }
        text += "    sources: [\(documentID)]\n"
        return text
    }

    private mutating func project(_ index: Int, funders: [NetworkGenerator.Node]) -> String {
        let start = date()
        let currency = random.chance(0.7) ? "CAD" : "EUR"
        let budget = (5 + random.below(2000)) * 10_000
        var text = "  - id: project-\(index)\n"
        text += "    title: \(Self.quoted("Projet \(NameMaker.word(&random)) \(random.pick(NameMaker.sectors))"))\n"
        text += "    status: \(start.year >= 2024 ? "active" : "completed")\n"
        text += "    start: \(start.year)\n"
        text += "    duration: P\(1 + random.below(5))Y\n"
        text += "    budget: \(budget) \(currency)\n"
        text += "    parties:\n"
        for (position, partner) in distinctOrganisations(2 + random.below(5)).enumerated() {
            text += "      - {id: \(partner.id), role: \(position == 0 ? "lead" : "partner")}\n"
        }
        text += "    funding:\n"
        var remaining = 100
        for _ in 0..<(1 + random.below(3)) where remaining > 10 {
            let share = 10 + random.below(remaining - 9)
            remaining -= share
            text += "      - {funder: \(random.pick(funders).id), share: \"\(share)%\"}\n"
        }
        text += "    sources: [\(documentID)]\n"
        return text
    }

    private mutating func event(_ index: Int) -> String {
        let types = ["conference", "meeting", "assembly", "talk", "trade_show"]
        var text = "  - id: event-\(index)\n"
        text += "    title: \(Self.quoted("Rencontre \(NameMaker.word(&random))"))\n"
        text += "    type: \(random.pick(types))\n"
        text += "    status: held\n"
        text += "    date: \(self.text(date()))\n"
        text += "    place: \(random.pick(cities).id)\n"
        text += "    parties:\n"
        text += "      - {id: \(random.pick(groups).id), role: organiser}\n"
        text += "      - {id: \(random.pick(people).id), role: speaker}\n"
        text += "    sources: [\(documentID)]\n"
        return text
    }
}
