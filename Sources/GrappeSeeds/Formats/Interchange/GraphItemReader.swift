import GrappeModel
import GrappeWords

/// Turns the nodes and edges of a graph file into Grappe's entities, records and relations: the reading
/// side of what `grappe export` writes, for every graph format (GraphML, GEXF, Gephi's CSV, Kumu).
///
/// - A node whose `kind` is a record kind is a record (its fields by name: `date`, `status`, `end`,
///   `budget`…); any other node is an entity (`organisation` when it says no kind).
/// - An edge whose type is a record's tie (a party role, `origin`, `destination`, `place`, `funding`,
///   `programme`, `outcome`) is kept until every file is read, then attached to its record; any other
///   edge is a relation (`partner_of` when it says no type).
/// - Values that are not fields of the item are kept as attributes of entities and records.
/// Problems are errors at the value's place, as for the other seed formats.
final class GraphItemReader {
    let set: SeedSet
    /// Each distinct `sources` text is read (and its documents checked) once: a large file cites a few
    /// documents many times.
    private var sourceCache: [String: [SourceRef]] = [:]

    init(set: SeedSet) { self.set = set }

    static let entityFields: Set<String> = [
        "id", "label", "name", "kind", "type", "acronym", "aliases", "country", "region",
        "sector", "founded", "ended", "summary", "description", "website", "sources", "provenance",
    ]
    static let recordFields: Set<String> = [
        "id", "label", "title", "kind", "date", "status", "signed", "valid_from", "valid_to",
        "purpose", "end", "budget", "budget_currency", "objectives", "notes", "outcomes",
        "duration", "type", "summary", "description", "sources", "provenance",
    ]

    /// What an edge may carry: a relation's fields and a record tie's.
    static let edgeFields: Set<String> = Set(
        [
            "id", "source", "target", "type", "kind", "label", "title", "start", "end", "periods", "timeset",
            "interval", "weight", "note", "sources", "provenance", "mutual", "directed", "since",
        ] + CSVSeedReader.tieColumns)

    // MARK: Nodes

    func node(_ item: GraphItem) {
        guard let id = item["id"] else { return set.error(item.location, "le nœud n'a pas d'id", "node has no id") }
        if let problem = IDSyntax.problem(with: id) { return set.error(item.at("id"), problem.french, problem.english) }
        let kindText = item["kind"]?.lowercased()
        if let kindText, let kind = RecordKind(rawValue: kindText) { return record(item, id: id, kind: kind) }
        var kind = EntityKind.organisation
        if let kindText {
            guard let parsed = YAMLFields.choice(kindText, EntityKind.self, key: "kind", at: item.at("kind"), set: set) else { return }
            kind = parsed
        }
        var organisationType: OrganisationType?
        var attributes = item.others(Self.entityFields)
        if kind == .organisation, let text = item["type"] {
            organisationType = foreignWord(text, OrganisationType.self, key: "organisation type", at: item.at("type"))
            // Another tool's word for what a node is (igraph's `compound`, `gene`): kept, the type `other`.
            if organisationType == nil, !isNearMiss(text, OrganisationType.self) {
                organisationType = .other
                attributes["type"] = text
                set.warnOnce("type:" + text.lowercased(), item.at("type"), .mapped) { w in
                    w.say(
                        "\(w.quoted(text)) n'est pas un type d'organisation de Grappe\u{00A0}: lu comme «\u{00A0}other\u{00A0}», le mot gardé dans l'attribut «\u{00A0}type\u{00A0}»",
                        "\(w.quoted(text)) is not a Grappe organisation type: read as 'other', the word kept as the attribute 'type'")
                }
            }
        }
        let entity = Entity(
            id: id, kind: kind, name: item["label"] ?? item["name"] ?? id, acronym: item["acronym"],
            aliases: item["aliases"].map { $0.split(separator: "|").map { $0.trimmingSpaces() } } ?? [],
            organisationType: organisationType, country: item["country"], region: item["region"],
            sector: item["sector"], founded: date(item, "founded"), ended: date(item, "ended"),
            summary: item["summary"] ?? item["description"], website: item["website"],
            attributes: attributes, sources: sources(item))
        set.entities.append(entity)
        set.entityOrigins.append(item.origin)
    }

    private func record(_ item: GraphItem, id: ID, kind: RecordKind) {
        let body: Record.Body?
        switch kind {
        case .agreement:
            body = .agreement(
                Agreement(
                    signed: date(item, "signed") ?? (item["signed"] == nil && item["valid_from"] == nil ? date(item, "date") : nil),
                    purpose: item["purpose"],
                    status: choice(item, "status", AgreementStatus.self) ?? .unknown,
                    validFrom: date(item, "valid_from"), validTo: date(item, "valid_to")))
        case .mission:
            guard let status = choice(item, "status", MissionStatus.self) ?? missing(item, "status", in: Wording("une mission", "a mission")) else {
                return
            }
            let outcomes = list(item, "outcomes").map { Outcome(text: $0) }
            body = .mission(
                Mission(
                    status: status, start: date(item, "date"), end: date(item, "end"),
                    objectives: list(item, "objectives"), outcomes: outcomes, budget: money(item, "budget"),
                    notes: item["notes"]))
        case .project:
            body = .project(
                Project(
                    status: choice(item, "status", ProjectStatus.self) ?? .unknown, start: date(item, "date"),
                    end: date(item, "end"), duration: span(item, "duration"), budget: money(item, "budget")))
        case .event:
            guard let type = choice(item, "type", EventType.self) ?? missing(item, "type", in: Wording("un événement", "an event")) else { return }
            body = .event(
                Event(
                    type: type, status: choice(item, "status", EventStatus.self) ?? .unknown, date: date(item, "date"),
                    end: date(item, "end")))
        }
        guard let body else { return }
        set.records.append(
            Record(
                id: id, title: item["label"] ?? item["title"] ?? id, summary: item["summary"] ?? item["description"],
                attributes: item.others(Self.recordFields), sources: sources(item), body: body))
        set.recordOrigins.append(item.origin)
    }

    private func missing<T>(_ item: GraphItem, _ name: String, in what: Wording) -> T? {
        if item[name] == nil { set.error(item.location, "\(what.french) demande «\u{00A0}\(name)\u{00A0}»", "\(what.english) needs a '\(name)'") }
        return nil
    }

    // MARK: Edges

    /// `type` names the relation or tie; where it holds Gephi's direction (Directed, Undirected), `kind` does.
    /// `word` is the other tool's word for the tie when its reader took it out of the item (Kumu's
    /// type, kept as the label), for `PlaceTies` to map.
    func edge(_ item: GraphItem, type typeName: String = "type", word given: String? = nil) {
        guard let source = item["source"] else { return set.error(item.location, "le lien n'a pas de source", "edge has no source") }
        guard let target = item["target"] else { return set.error(item.location, "le lien n'a pas de cible (target)", "edge has no target") }
        var typeKey = typeName
        if let text = item[typeKey]?.lowercased(), ["directed", "undirected", "mutual", "mixed"].contains(text) { typeKey = "kind" }
        if let text = item[typeKey], let tie = RecordTie(rawValue: text.lowercased()) {
            let funding = tie == .funding
            set.ties.append(
                PendingTie(
                    tie: tie, record: funding ? target : source, other: funding ? source : target, item: item,
                    typeKey: typeKey))
            return
        }
        guard let (type, word, untyped) = relationType(item, typeName: typeName, typeKey: typeKey) else { return }
        var weight: Double?
        if let text = item["weight"] {
            guard let value = Double(text), value.isFinite else {
                let hint = Words.decimalPointHint(text)
                return set.error(
                    item.at("weight"), "weight doit être un nombre\u{00A0}; trouvé\u{00A0}: «\u{00A0}\(text)\u{00A0}»\(hint.french)",
                    "weight must be a number, found '\(text)'\(hint.english)")
            }
            weight = value
        }
        // Another tool's `since` is when the tie began.
        let start = item["start"] == nil && item["since"] != nil ? date(item, "since") : date(item, "start")
        let end = date(item, "end")
        if let start, let end, end.isCertainlyBefore(start) {
            set.error(
                item.at("end"), "la relation finit (\(end)) avant de commencer (\(start))", "relation ends (\(end)) before it starts (\(start))")
        }
        var relation = Relation(
            from: source, to: target, type: type, title: item["title"], label: item["label"] ?? word,
            start: start, end: end, weight: weight, note: item["note"], sources: sources(item))
        // Several periods: Grappe's `periods`, Gephi's `timeset` or `interval`, a GEXF edge's spells.
        if let name = ["periods", "timeset", "interval"].first(where: { item[$0] != nil }) {
            guard let periods = set.periods(item[name]!, at: item.at(name)) else { return }
            set.apply(periods, to: &relation, at: item.at(name))
        }
        if let word = word ?? given {
            set.worded.append((set.relations.count, word))
        } else if untyped {
            set.untyped.append(set.relations.count)
        }
        set.relationOrigins[set.relations.count] = item.origin
        set.relations.append(relation)
    }

    /// An edge's relation type, and the word it was read from when that is no Grappe type. Without a
    /// Grappe type, a directed file's edge stays directed (`linked_to`), an undirected one's is a
    /// partnership: direction survives the trip through Grappe. Another tool's word for a tie
    /// (`biological`, `supplier_of`) labels such a link, said once; a near miss of a Grappe type is a
    /// typo: an error (nil).
    private func relationType(_ item: GraphItem, typeName: String, typeKey: String) -> (type: RelationType, word: String?, untyped: Bool)? {
        let directed = item["directed"] == "true" || item[typeName]?.lowercased() == "directed"
        let neutral = directed ? RelationType.linkedTo : .default
        guard let text = item[typeKey] else { return (neutral, nil, true) }
        // Most files write Grappe's own words: those need no normalising.
        if let parsed = RelationType(rawValue: text) { return (parsed, nil, false) }
        let normalised = text.vocabularyWord
        if let parsed = RelationType(rawValue: normalised) { return (parsed, nil, false) }
        // Another tool's word with a Grappe meaning (`located in`): typed once the ends' kinds are known.
        if PlaceTies.synonym(normalised) != nil { return (neutral, text, true) }
        if isNearMiss(normalised, RelationType.self) {
            _ = YAMLFields.choice(normalised, RelationType.self, key: "relation type", at: item.at(typeKey), set: set)
            return nil
        }
        set.warnOnce("relation:" + normalised, item.at(typeKey), .mapped) { w in
            w.say(
                "\(w.quoted(text)) n'est pas un type de relation de Grappe\u{00A0}: lu comme \(neutral.rawValue), le mot gardé comme libellé",
                "\(w.quoted(text)) is not a Grappe relation type: read as \(neutral.rawValue), the word kept as its label")
        }
        return (neutral, text, true)
    }

    // MARK: Values

    /// The value when `text` names one of `T` (any case), else nil without a word.
    private func foreignWord<T: RawRepresentable & CaseIterable>(_ text: String, _ type: T.Type, key: String, at location: SourceLocation) -> T?
    where T.RawValue == String {
        let normalised = text.vocabularyWord
        if let value = T(rawValue: normalised) { return value }
        if isNearMiss(text, type) { return YAMLFields.choice(normalised, type, key: key, at: location, set: set) }
        return nil
    }

    /// Whether `text` is a near miss of one of `T`'s words (a typo, not another tool's vocabulary).
    private func isNearMiss<T: RawRepresentable & CaseIterable>(_ text: String, _ type: T.Type) -> Bool where T.RawValue == String {
        let normalised = text.vocabularyWord
        return T(rawValue: normalised) == nil && Suggestion.nearest(to: normalised, in: T.allCases.map(\.rawValue)) != nil
    }

    /// A typed value: nil when absent, an error at its place when it does not parse.
    private func parsed<T, Failure: Error>(
        _ item: GraphItem, _ name: String, text: String? = nil,
        _ parse: (String) -> Result<T, Failure>
    ) -> T? {
        guard let text = text ?? item[name] else { return nil }
        switch parse(text) {
        case .success(let value): return value
        case .failure(let error):
            set.error(item.at(name)) { w in
                let reason =
                    switch error as any Error {
                    case let date as DateError: w.say(date.french, date.description)
                    case let money as MoneyError: w.moneyProblem(money)
                    default: "\(error)"
                    }
                return w.say("\(w.quoted(name)) invalide\(w.colon)", "invalid \(w.quoted(name))\(w.colon)") + reason
            }
            return nil
        }
    }

    func date(_ item: GraphItem, _ name: String) -> PartialDate? { parsed(item, name) { PartialDate.parse($0) } }

    private func span(_ item: GraphItem, _ name: String) -> Span? { parsed(item, name) { Span.parse($0) } }

    /// A share as a percentage, with or without its `%` (exports write the number alone).
    func percentage(_ item: GraphItem, _ name: String) -> Percentage? {
        parsed(item, name, text: item[name].map { $0.hasSuffix("%") ? $0 : $0 + "%" }) { Percentage.parse($0) }
    }

    /// An amount as a number with its currency beside it (`budget` and `budget_currency`), or as `2100000 CAD`.
    func money(_ item: GraphItem, _ name: String) -> Money? {
        let money = parsed(item, name, text: item[name].map { text in item[name + "_currency"].map { "\(text) \($0)" } ?? text }) {
            Money.parse($0)
        }
        if let money, money.minorUnits < 0 {
            set.error(item.at(name), "«\u{00A0}\(name)\u{00A0}» ne doit pas être négatif (\(money))", "'\(name)' must not be negative (\(money))")
            return nil
        }
        return money
    }

    func choice<T: RawRepresentable & CaseIterable>(_ item: GraphItem, _ name: String, _ type: T.Type) -> T? where T.RawValue == String {
        guard let text = item[name] else { return nil }
        return YAMLFields.choice(text.lowercased(), type, key: name, at: item.at(name), set: set)
    }

    /// ` | `-separated values, as the exports write lists.
    private func list(_ item: GraphItem, _ name: String) -> [String] {
        item[name].map { $0.split(separator: "|").map { $0.trimmingSpaces() }.filter { !$0.isEmpty } } ?? []
    }

    /// `sources` (or Gephi's `Provenance`): `doc-id` or `doc-id: note`, several separated by ` | `.
    private func sources(_ item: GraphItem) -> [SourceRef] {
        let name = item["sources"] != nil ? "sources" : "provenance"
        guard let text = item[name] else { return [] }
        if let cached = sourceCache[text] { return cached }
        let refs = SourceRef.parseList(text)
        for ref in refs { set.references.append(PendingReference(id: ref.document, target: .document, location: item.at(name), role: .source)) }
        sourceCache[text] = refs
        return refs
    }
}
