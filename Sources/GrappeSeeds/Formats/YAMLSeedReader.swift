import GrappeModel
import GrappeWords
import Yams

/// Reads one YAML seed file (any number of `---` documents) into the seed set.
struct YAMLSeedReader {
    let file: SeedFile
    let fileIndex: Int32
    let set: SeedSet

    static let sections = [
        "network", "documents", "cities", "clusters", "poles", "organisations", "people", "relations",
        "agreements", "missions", "projects", "events",
    ]

    /// Documents before a syntax error are read; the error is reported where libyaml found it.
    func read(_ text: String) {
        do {
            // Every scalar is read as raw text and typed by the schema, so Yams' regex-based tag
            // resolution (the "Norway problem" and a third of the parse time) is switched off.
            let parser = try Parser(yaml: text, resolver: .basic)
            while let root = try parser.nextRoot() { readSections(root) }
        } catch let error as YamlError {
            report(error)
        } catch {
            set.error(file.location(line: 1, column: 1), "YAML illisible\u{00A0}: \(error)", "cannot read YAML: \(error)")
        }
    }

    private func readSections(_ root: Node) {
        if !YAMLFields.isNull(root) {
            guard let top = YAMLFields(root, what: Wording("un fichier de graines", "a seed file"), known: Self.sections, file: file, set: set) else {
                return
            }
            if let node = top.node("network") { readNetwork(node) }
            for element in top.list("documents") { readDocument(element) }
            for (section, kind) in [
                ("cities", EntityKind.city), ("clusters", .cluster), ("poles", .pole),
                ("organisations", .organisation), ("people", .person),
            ] {
                for element in top.list(section) { readEntity(element, kind: kind) }
            }
            for element in top.list("relations") { readRelation(element, from: nil) }
            for (section, kind) in [
                ("agreements", RecordKind.agreement), ("missions", .mission),
                ("projects", .project), ("events", .event),
            ] {
                for element in top.list(section) { readRecord(element, kind: kind) }
            }
        }
    }

    /// `network: {id, name}`: the network's identity, which names its workspace in a store.
    private func readNetwork(_ node: Node) {
        guard let fields = YAMLFields(node, what: Wording("le réseau", "the network"), known: ["id", "name"], file: file, set: set) else { return }
        guard let id = fields.id("id", required: true) else { return }
        set.networks.append(DeclaredNetwork(id: id, name: fields.string("name"), origin: origin(fields)))
    }

    /// "une organisation", "an organisation": made once per kind, not once per item read.
    static func article(_ kind: EntityKind) -> Wording { entityArticles[kind]! }

    /// "une mission", "an agreement".
    static func article(_ kind: RecordKind) -> Wording { recordArticles[kind]! }

    private static let entityArticles = Dictionary(
        uniqueKeysWithValues: EntityKind.allCases.map {
            ($0, Wording(Words(.fr).a($0), english(article: $0.rawValue)))
        })
    private static let recordArticles = Dictionary(
        uniqueKeysWithValues: RecordKind.allCases.map {
            ($0, Wording(Words(.fr).a($0), english(article: $0.rawValue)))
        })

    private static func english(article word: String) -> String { ("aeiou".contains(word.first ?? "x") ? "an " : "a ") + word }

    private func report(_ error: YamlError) {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
            let .composer(context, problem, mark, _):
            set.error(YAMLFields.location(mark, file)) { w in
                let detail =
                    context.map {
                        w.say(
                            " (\(ParserWords.yaml($0.text)), ligne \($0.mark.line), colonne \($0.mark.column))",
                            " (\($0.text) at line \($0.mark.line), column \($0.mark.column))")
                    } ?? ""
                return w.say("erreur de syntaxe YAML\(w.colon)\(ParserWords.yaml(problem))", "YAML syntax error\(w.colon)\(problem)") + detail
            }
        case let .duplicatedKeysInMapping(duplicates, context):
            set.error(YAMLFields.location(context.mark, file)) { w in
                let keys = duplicates.map { w.quoted("\($0)") }.joined(separator: ", ")
                return w.say(
                    "\(duplicates.count > 1 ? "clés répétées" : "clé répétée") \(keys) dans un même dictionnaire",
                    "duplicate key\(duplicates.count > 1 ? "s" : "") \(keys) in one mapping")
            }
        case let .reader(problem, offset, _, _):
            set.error(
                offset.map { file.location(ofOffset: $0 + file.contentStart) } ?? file.location(line: 1, column: 1),
                "YAML illisible\u{00A0}: \(ParserWords.yaml(problem))", "cannot read YAML: \(problem)")
        default:
            set.error(file.location(line: 1, column: 1), "YAML illisible\u{00A0}: \(error)", "cannot read YAML: \(error)")
        }
    }

    private func origin(_ fields: YAMLFields) -> Origin {
        Origin(file: fileIndex, line: Int32(fields.mark?.line ?? 1), column: Int32(fields.mark?.column ?? 1))
    }

    private func readDocument(_ node: Node) {
        guard
            let fields = YAMLFields(
                node, what: Wording("un document", "a document"), known: ["id", "title", "kind", "language", "publisher", "published", "summary"],
                file: file, set: set)
        else { return }
        let id = fields.string("id", required: true)
        let title = fields.string("title", required: true)
        let document = Document(
            id: id ?? "", title: title ?? "", kind: fields.string("kind"), language: fields.string("language"),
            publisher: fields.string("publisher"), published: fields.date("published"),
            summary: fields.string("summary"))
        guard id != nil, title != nil else { return }
        set.documents.append(document)
        set.documentOrigins.append(origin(fields))
    }

    private static let entityKeys = [
        "id", "name", "acronym", "aliases", "summary", "founded", "ended", "website", "sector",
        "attributes", "sources", "relations",
    ]

    private func readEntity(_ node: Node, kind: EntityKind) {
        var known = Self.entityKeys
        switch kind {
        case .city: known += ["country", "region"]
        case .organisation: known += ["type"]
        default: break
        }
        let what = Self.article(kind)
        guard let fields = YAMLFields(node, what: what, known: known, file: file, set: set) else { return }
        let id = fields.id("id", required: true)
        let name = fields.string("name", required: true)
        var organisationType: OrganisationType?
        if kind == .organisation {
            organisationType = fields.choice("type", OrganisationType.self, required: true)
        }
        var country: String?
        if let code = fields.string("country") {
            if code.count == 2, code.allSatisfy({ $0.isASCII && $0.isUppercase }) {
                country = code
            } else {
                set.error(
                    fields.location(of: "country"),
                    "le pays s'écrit avec un code ISO 3166 de deux lettres, comme CA ou FR\u{00A0}; trouvé\u{00A0}: «\u{00A0}\(code)\u{00A0}»",
                    "country must be an ISO 3166 two-letter code such as CA or FR, found '\(code)'")
            }
        }
        let entity = Entity(
            id: id ?? "", kind: kind, name: name ?? "", acronym: fields.string("acronym"),
            aliases: fields.strings("aliases"), organisationType: organisationType, country: country,
            region: fields.string("region"), sector: fields.string("sector"), founded: fields.date("founded"),
            ended: fields.date("ended"), summary: fields.string("summary"), website: fields.string("website"),
            attributes: fields.attributes("attributes"), sources: fields.sources())
        guard let id, name != nil else { return }
        set.entities.append(entity)
        set.entityOrigins.append(origin(fields))
        for element in fields.list("relations") { readRelation(element, from: id) }
    }

    private func readRelation(_ node: Node, from owner: ID?) {
        var known = ["to", "type", "title", "label", "start", "end", "periods", "weight", "note", "sources"]
        if owner == nil { known.insert("from", at: 0) }
        guard let fields = YAMLFields(node, what: Wording("une relation", "a relation"), known: known, file: file, set: set) else { return }
        let type = fields.choice("type", RelationType.self, required: true)
        let ends = type?.allowedEnds
        let from = owner ?? fields.reference("from", to: .entity(ends?.from), role: .relation(type, at: "from"), required: true)
        if let owner, let allowed = ends?.from {
            set.references.append(PendingReference(id: owner, target: .entity(allowed), location: fields.location, role: .relation(type, at: "from")))
        }
        let to = fields.reference("to", to: .entity(ends?.to), role: .relation(type, at: "to"), required: true)
        var relation = Relation(
            from: from ?? "", to: to ?? "", type: type ?? .default, title: fields.string("title"),
            label: fields.string("label"), start: fields.date("start"), end: fields.date("end"),
            weight: fields.number("weight"), note: fields.string("note"), sources: fields.sources())
        let periodsAt = fields.location(of: "periods")
        let periods = fields.strings("periods").compactMap { set.periods($0, at: periodsAt) }.flatMap { $0 }
        set.apply(periods, to: &relation, at: periodsAt)
        if let start = relation.start, let end = relation.end, end.isCertainlyBefore(start) {
            set.error(
                fields.location(of: "end"), "la relation finit (\(end)) avant de commencer (\(start))",
                "relation ends (\(end)) before it starts (\(start))")
        }
        guard let from, let to, type != nil else { return }
        if from == to {
            set.warning(
                fields.location, "la relation «\u{00A0}\(relation.type.rawValue)\u{00A0}» relie «\u{00A0}\(from)\u{00A0}» à lui-même",
                "relation '\(relation.type.rawValue)' links '\(from)' to itself")
        }
        set.relationOrigins[set.relations.count] = origin(fields)
        set.relations.append(relation)
    }

    private func readRecord(_ node: Node, kind: RecordKind) {
        var known = ["id", "title", "summary", "parties", "attributes", "sources"]
        switch kind {
        case .agreement: known += ["signed", "place", "purpose", "status", "valid_from", "valid_to"]
        case .mission: known += ["status", "origin", "destinations", "start", "end", "objectives", "outcomes", "budget", "notes"]
        case .project: known += ["status", "start", "end", "duration", "budget", "funding", "part_of"]
        case .event: known += ["type", "status", "date", "end", "place"]
        }
        guard let fields = YAMLFields(node, what: Self.article(kind), known: known, file: file, set: set) else { return }
        let id = fields.id("id", required: true)
        let title = fields.string("title", required: true)
        let partyNodes = fields.list("parties")
        let parties = partyNodes.compactMap { readParty($0, kind: kind) }
        let body: Record.Body? =
            switch kind {
            case .agreement: readAgreement(fields)
            case .mission: readMission(fields, parties: parties)
            case .project: readProject(fields)
            case .event: readEvent(fields)
            }
        if parties.isEmpty, kind != .event {
            set.warning(fields.location) { w in
                w.say("\(w.kind(kind)) \(w.quoted(id ?? "?"))\u{00A0}: aucune partie", "\(kind.rawValue) \(w.quoted(id ?? "?")) has no parties")
            }
        }
        var seen = Set<Party>()
        for node in partyNodes {
            guard let entity = node["id"]?.string, let role = node["role"]?.string.flatMap(PartyRole.init(rawValue:)) else { continue }
            if !seen.insert(Party(entity: entity, role: role)).inserted {
                set.error(YAMLFields.location(node.mark, file)) { w in
                    w.say(
                        "\(w.quoted(entity)) figure deux fois comme \(role.rawValue) dans \(w.the(kind)) \(w.quoted(id ?? "?"))",
                        "\(w.quoted(entity)) is listed twice as \(role.rawValue) in \(kind.rawValue) \(w.quoted(id ?? "?"))")
                }
            }
        }
        let attributes = fields.attributes("attributes")
        let sources = fields.sources()
        guard let id, let title, let body else { return }
        set.records.append(
            Record(
                id: id, title: title, summary: fields.string("summary"), parties: parties,
                attributes: attributes, sources: sources, body: body))
        set.recordOrigins.append(origin(fields))
    }

    private func readParty(_ node: Node, kind: RecordKind) -> Party? {
        guard
            let fields = YAMLFields(node, what: Wording("une partie", "a party"), known: ["id", "role", "title", "attendance"], file: file, set: set)
        else { return nil }
        let role = fields.choice("role", PartyRole.self, required: true)
        let id = fields.reference("id", to: .entity(nil), role: .party(of: kind), required: true)
        if let role, !PartyRole.usual(for: kind).contains(role) {
            let usual = PartyRole.usual(for: kind).map(\.rawValue).sorted().joined(separator: ", ")
            set.warning(fields.location(of: "role")) { w in
                w.say(
                    "le rôle \(w.quoted(role.rawValue)) est inhabituel dans \(w.a(kind)) (habituels\(w.colon)\(usual))",
                    "role \(w.quoted(role.rawValue)) is unusual in a \(kind.rawValue) (usual\(w.colon)\(usual))")
            }
        }
        guard let id, let role else { return nil }
        return Party(entity: id, role: role, title: fields.string("title"), attendance: fields.choice("attendance", Attendance.self))
    }

    private func checkOrder(_ fields: YAMLFields, start: PartialDate?, end: PartialDate?, endKey: String) {
        if let start, let end, end.isCertainlyBefore(start) {
            set.error(
                fields.location(of: endKey), "«\u{00A0}\(endKey)\u{00A0}» (\(end)) vient avant le début (\(start))",
                "'\(endKey)' (\(end)) is before the start (\(start))")
        }
    }

    private func readAgreement(_ fields: YAMLFields) -> Record.Body {
        let agreement = Agreement(
            signed: fields.date("signed"),
            place: fields.reference("place", to: .entity([.city]), role: .agreementPlace),
            purpose: fields.string("purpose"),
            status: fields.choice("status", AgreementStatus.self) ?? .unknown,
            validFrom: fields.date("valid_from"), validTo: fields.date("valid_to"))
        checkOrder(fields, start: agreement.validFrom ?? agreement.signed, end: agreement.validTo, endKey: "valid_to")
        return .agreement(agreement)
    }

    private func readMission(_ fields: YAMLFields, parties: [Party]) -> Record.Body? {
        let status = fields.choice("status", MissionStatus.self, required: true)
        let destinations = fields.list("destinations").compactMap { element -> ID? in
            guard case .scalar(let scalar) = element else {
                set.error(
                    YAMLFields.location(element.mark, file), "chaque destination doit être l'id d'une ville", "each destination must be a city id")
                return nil
            }
            let id = scalar.string.trimmingSpaces()
            set.references.append(
                PendingReference(
                    id: id, target: .entity([.city]), location: YAMLFields.location(element.mark, file),
                    role: .missionDestination))
            return id
        }
        let outcomes = fields.list("outcomes").compactMap { element -> Outcome? in
            if case .scalar(let scalar) = element { return Outcome(text: scalar.string.trimmingSpaces()) }
            guard
                let outcome = YAMLFields(
                    element, what: Wording("un résultat", "an outcome"), known: ["agreement", "partner", "text"], file: file, set: set)
            else { return nil }
            let result = Outcome(
                agreement: outcome.reference("agreement", to: .record(.agreement), role: .missionOutcome),
                partner: outcome.reference("partner", to: .entity(nil), role: .missionOutcome),
                text: outcome.string("text"))
            if result.agreement == nil, result.partner == nil, result.text == nil {
                set.error(
                    outcome.location, "un résultat demande «\u{00A0}agreement\u{00A0}», «\u{00A0}partner\u{00A0}» ou «\u{00A0}text\u{00A0}»",
                    "an outcome needs 'agreement', 'partner' or 'text'")
            }
            return result
        }
        if !parties.contains(where: { $0.role == .leader }) {
            set.warning(fields.location, "la mission n'a aucune partie au rôle «\u{00A0}leader\u{00A0}»", "mission has no party with role 'leader'")
        }
        guard let status else { return nil }
        let mission = Mission(
            status: status, origin: fields.reference("origin", to: .entity([.city]), role: .missionOrigin),
            destinations: destinations, start: fields.date("start"), end: fields.date("end"),
            objectives: fields.strings("objectives"), outcomes: outcomes, budget: fields.money("budget"),
            notes: fields.string("notes"))
        checkOrder(fields, start: mission.start, end: mission.end, endKey: "end")
        return .mission(mission)
    }

    private func readProject(_ fields: YAMLFields) -> Record.Body {
        let budget = fields.money("budget")
        let lines = fields.list("funding").compactMap { element -> FundingLine? in
            guard
                let line = YAMLFields(
                    element, what: Wording("une ligne de financement", "a funding line"),
                    known: ["funder", "amount", "share", "start", "end", "note"],
                    file: file, set: set)
            else { return nil }
            let funding = FundingLine(
                funder: line.reference("funder", to: .entity(nil), role: .funder),
                amount: line.money("amount"), share: line.percentage("share"),
                start: line.date("start"), end: line.date("end"), note: line.string("note"))
            if funding.amount == nil, funding.share == nil, funding.note == nil, !line.has("amount"), !line.has("share") {
                set.warning(
                    line.location, "la ligne de financement ne donne ni montant, ni part, ni note qui dise pourquoi",
                    "funding line gives neither an amount, a share nor a note saying why")
            }
            if funding.share != nil, budget == nil, funding.amount == nil {
                set.warning(
                    line.location(of: "share"), "une part sans budget de projet ne donne aucun montant",
                    "a share without a project budget gives no amount")
            }
            checkOrder(line, start: funding.start, end: funding.end, endKey: "end")
            return funding
        }
        let total = lines.reduce(0) { $0 + ($1.share?.basisPoints ?? 0) }
        if total > 10_000 {
            set.error(fields.location(of: "funding")) { w in
                w.say(
                    "les parts du financement font plus de 100\u{00A0}% (\(w.share(Percentage(basisPoints: total))))",
                    "funding shares add up to more than 100% (\(Percentage(basisPoints: total)))")
            }
        }
        if let budget {
            let currencies = Set(lines.compactMap { $0.amount?.currency })
            if let other = currencies.first(where: { $0 != budget.currency }) {
                set.warning(
                    fields.location(of: "funding"), "une ligne de financement est en \(other) alors que le budget est en \(budget.currency)",
                    "a funding line is in \(other) while the budget is in \(budget.currency)")
            }
        }
        let project = Project(
            status: fields.choice("status", ProjectStatus.self) ?? .unknown, start: fields.date("start"),
            end: fields.date("end"), duration: fields.span("duration"), budget: budget, funding: lines,
            partOf: fields.reference("part_of", to: .record(.project), role: .partOf))
        checkOrder(fields, start: project.start, end: project.end, endKey: "end")
        return .project(project)
    }

    private func readEvent(_ fields: YAMLFields) -> Record.Body? {
        guard let type = fields.choice("type", EventType.self, required: true) else { return nil }
        let event = Event(
            type: type, status: fields.choice("status", EventStatus.self) ?? .unknown, date: fields.date("date"),
            end: fields.date("end"), place: fields.reference("place", to: .entity([.city]), role: .eventPlace))
        checkOrder(fields, start: event.date, end: event.end, endKey: "end")
        return .event(event)
    }
}
