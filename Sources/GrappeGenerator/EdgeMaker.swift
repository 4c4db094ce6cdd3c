extension NetworkGenerator {
    /// The relation budget is spent on: every organisation based in a city (cities drawn with a skew,
    /// so a few hubs host most), people working for organisations, memberships in clusters and poles,
    /// and the rest between organisations by growth with preferential attachment (Barabási–Albert:
    /// organisations arrive in turn and link mostly to partners chosen in proportion to their degree),
    /// which gives the power-law degrees of real partnership networks.
    mutating func makeEdges(cities: [Node], groups: [Node], organisations: [Node], people: [Node]) -> String {
        let total = max(options.relations, 0)
        var text = "Source,Target,Type,Label,Start,End,Weight,Provenance\n"
        text.reserveCapacity(total * 48)
        var written = 0
        func emit(_ from: String, _ to: String, _ type: String, start: String = "", end: String = "", weight: Int = 1) {
            text += from; text += ","; text += to; text += ","; text += type; text += ",,"
            text += start; text += ","; text += end; text += ","; text += String(weight); text += ","
            text += documentID; text += "\n"
            written += 1
        }

        let located = organisations + groups
        for node in located.prefix(min(located.count, total / 5)) {
            let u = Double.random(in: 0..<1, using: &random)
            let skewed = Int(Double(cities.count) * u * u * u)
            emit(node.id, cities[min(skewed, cities.count - 1)].id, "based_in")
        }
        for person in people.prefix(min(people.count, total / 20)) where written < total {
            let employer = organisations[random.below(organisations.count)].id
            emit(person.id, employer, random.chance(0.2) ? "holds_title" : "works_for", start: year(&random))
        }
        let memberships = min(total / 10, organisations.count * 2)
        for _ in 0..<memberships where written < total {
            emit(
                organisations[random.below(organisations.count)].id, groups[random.below(groups.count)].id, "member_of",
                start: year(&random))
        }

        let types = [
            "partner_of", "partner_of", "partner_of", "partner_of", "partner_of", "partner_of",
            "collaborates_with", "collaborates_with", "supports", "contributed_to", "funds", "competes_with",
        ]
        var endpoints: [Int32] = []
        let remaining = max(0, total - written)
        endpoints.reserveCapacity(2 * remaining)
        let count = organisations.count
        for edge in 0..<remaining {
            let newcomer = min(count - 1, edge * count / max(1, remaining))
            var partner: Int
            if endpoints.isEmpty || random.chance(0.1) {
                partner = random.below(max(1, newcomer))
            } else {
                partner = Int(endpoints[random.below(endpoints.count)])
            }
            if partner == newcomer { partner = (newcomer + 1 + random.below(count - 1)) % count }
            endpoints.append(Int32(newcomer))
            endpoints.append(Int32(partner))
            let start = random.chance(0.6) ? year(&random) : ""
            let end = !start.isEmpty && random.chance(0.1) ? String(Int(start)! + 1 + random.below(5)) : ""
            emit(
                organisations[newcomer].id, organisations[partner].id, random.pick(types), start: start, end: end,
                weight: 1 + random.below(5))
        }
        return text
    }

    private func year(_ random: inout SeededRandom) -> String {
        String(1995 + random.below(32))
    }
}
