/// The canonical JSON shape of the model (snake_case keys; dates, amounts and shares as exact text).
/// Absent optionals are left out, so the encoding of a network is deterministic once its collections
/// are sorted and keys are sorted by the encoder.

extension PartialDate: Codable {
    /// Reads the text form: `2026-12`, `2027-03-10/`, `2015?`.
    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        switch PartialDate.parse(try container.decode(String.self)) {
        case .success(let date): self = date
        case .failure(let error): throw DecodingError.refusal(error, at: container.codingPath)
        }
    }

    /// Writes the text form, as `description` gives it.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

extension Span: Codable {
    /// Reads the ISO 8601 form: `P3Y`, `P18M`.
    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        switch Span.parse(try container.decode(String.self)) {
        case .success(let span): self = span
        case .failure(let error): throw DecodingError.refusal(error, at: container.codingPath)
        }
    }

    /// Writes the ISO 8601 form.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

extension Percentage: Codable {
    /// Reads the exact text form: `50%`, `12.5%`.
    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        switch Percentage.parse(try container.decode(String.self)) {
        case .success(let share): self = share
        case .failure(let error): throw DecodingError.refusal(error, at: container.codingPath)
        }
    }

    /// Writes the exact text form.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

extension Money: Codable {
    private enum CodingKeys: String, CodingKey { case amount, currency }

    /// Reads `{amount, currency}` with the amount as exact text, refusing more decimals than the currency has.
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let amount = try container.decode(String.self, forKey: .amount)
        let code = try container.decode(String.self, forKey: .currency)
        let currency: Currency
        switch Currency.parse(code) {
        case .success(let parsed): currency = parsed
        case .failure(let error): throw DecodingError.refusal(error, at: container.codingPath + [CodingKeys.currency])
        }
        switch Money.parseAmount(amount, original: amount, in: currency) {
        case .success(let units): self.init(minorUnits: units, currency: currency)
        case .failure(let error): throw DecodingError.refusal(error, at: container.codingPath + [CodingKeys.amount])
        }
    }

    /// Writes `{amount, currency}`, the amount as exact text in the currency's decimals.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(amountText, forKey: .amount)
        try container.encode(currency.code, forKey: .currency)
    }
}

extension Entity: Codable {
    private enum CodingKeys: String, CodingKey {
        case id, kind, name, acronym, aliases, organisationType = "type", country, region, sector, founded, ended,
            summary, website, attributes, sources
    }

    /// Reads an entity in the canonical JSON's snake_case keys; absent optionals stay nil.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try c.decode(ID.self, forKey: .id), kind: try c.decode(EntityKind.self, forKey: .kind),
            name: try c.decode(String.self, forKey: .name),
            acronym: try c.decodeIfPresent(String.self, forKey: .acronym),
            aliases: try c.decodeIfPresent([String].self, forKey: .aliases) ?? [],
            organisationType: try c.decodeIfPresent(OrganisationType.self, forKey: .organisationType),
            country: try c.decodeIfPresent(String.self, forKey: .country),
            region: try c.decodeIfPresent(String.self, forKey: .region),
            sector: try c.decodeIfPresent(String.self, forKey: .sector),
            founded: try c.decodeIfPresent(PartialDate.self, forKey: .founded),
            ended: try c.decodeIfPresent(PartialDate.self, forKey: .ended),
            summary: try c.decodeIfPresent(String.self, forKey: .summary),
            website: try c.decodeIfPresent(String.self, forKey: .website),
            attributes: try c.decodeIfPresent([String: String].self, forKey: .attributes) ?? [:],
            sources: try c.decodeIfPresent([SourceRef].self, forKey: .sources) ?? [])
    }

    /// Writes an entity, leaving absent optionals out.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(kind, forKey: .kind)
        try c.encode(name, forKey: .name)
        try c.encodeIfPresent(acronym, forKey: .acronym)
        if !aliases.isEmpty { try c.encode(aliases, forKey: .aliases) }
        try c.encodeIfPresent(organisationType, forKey: .organisationType)
        try c.encodeIfPresent(country, forKey: .country)
        try c.encodeIfPresent(region, forKey: .region)
        try c.encodeIfPresent(sector, forKey: .sector)
        try c.encodeIfPresent(founded, forKey: .founded)
        try c.encodeIfPresent(ended, forKey: .ended)
        try c.encodeIfPresent(summary, forKey: .summary)
        try c.encodeIfPresent(website, forKey: .website)
        if !attributes.isEmpty { try c.encode(attributes, forKey: .attributes) }
        try c.encode(sources, forKey: .sources)
    }
}

extension Relation: Codable {
    private enum CodingKeys: String, CodingKey { case from, to, type, title, label, start, end, periods, weight, note, sources }

    /// Reads a relation in the canonical JSON's keys; `periods`, when present, lists every period
    /// (EDTF intervals), the first of which `start` and `end` repeat.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let periods = try c.decodeIfPresent([Period].self, forKey: .periods) ?? []
        self.init(
            from: try c.decode(ID.self, forKey: .from), to: try c.decode(ID.self, forKey: .to),
            type: try c.decode(RelationType.self, forKey: .type),
            title: try c.decodeIfPresent(String.self, forKey: .title),
            label: try c.decodeIfPresent(String.self, forKey: .label),
            start: try c.decodeIfPresent(PartialDate.self, forKey: .start),
            end: try c.decodeIfPresent(PartialDate.self, forKey: .end),
            weight: try c.decodeIfPresent(Double.self, forKey: .weight),
            note: try c.decodeIfPresent(String.self, forKey: .note),
            sources: try c.decodeIfPresent([SourceRef].self, forKey: .sources) ?? [])
        if start == nil, end == nil, !periods.isEmpty {
            self.periods = periods
        } else if periods.count > 1 {
            laterPeriods = Array(periods.dropFirst())
        }
    }

    /// Writes a relation, leaving absent optionals out.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(from, forKey: .from)
        try c.encode(to, forKey: .to)
        try c.encode(type, forKey: .type)
        try c.encodeIfPresent(title, forKey: .title)
        try c.encodeIfPresent(label, forKey: .label)
        try c.encodeIfPresent(start, forKey: .start)
        try c.encodeIfPresent(end, forKey: .end)
        if !laterPeriods.isEmpty { try c.encode(periods, forKey: .periods) }
        try c.encodeIfPresent(weight, forKey: .weight)
        try c.encodeIfPresent(note, forKey: .note)
        try c.encode(sources, forKey: .sources)
    }
}

extension Record: Codable {
    private enum CodingKeys: String, CodingKey {
        case id, kind, title, summary, parties, attributes, sources, agreement, mission, project, event
    }

    /// Reads a record: its common fields and the body of its `kind`.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let kind = try c.decode(RecordKind.self, forKey: .kind)
        let body: Body =
            switch kind {
            case .agreement: .agreement(try c.decode(Agreement.self, forKey: .agreement))
            case .mission: .mission(try c.decode(Mission.self, forKey: .mission))
            case .project: .project(try c.decode(Project.self, forKey: .project))
            case .event: .event(try c.decode(Event.self, forKey: .event))
            }
        self.init(
            id: try c.decode(ID.self, forKey: .id), title: try c.decode(String.self, forKey: .title),
            summary: try c.decodeIfPresent(String.self, forKey: .summary),
            parties: try c.decodeIfPresent([Party].self, forKey: .parties) ?? [],
            attributes: try c.decodeIfPresent([String: String].self, forKey: .attributes) ?? [:],
            sources: try c.decodeIfPresent([SourceRef].self, forKey: .sources) ?? [], body: body)
    }

    /// Writes a record: its common fields, `kind` and its body's fields.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(kind, forKey: .kind)
        try c.encode(title, forKey: .title)
        try c.encodeIfPresent(summary, forKey: .summary)
        try c.encode(parties, forKey: .parties)
        if !attributes.isEmpty { try c.encode(attributes, forKey: .attributes) }
        try c.encode(sources, forKey: .sources)
        switch body {
        case .agreement(let value): try c.encode(value, forKey: .agreement)
        case .mission(let value): try c.encode(value, forKey: .mission)
        case .project(let value): try c.encode(value, forKey: .project)
        case .event(let value): try c.encode(value, forKey: .event)
        }
    }
}

extension DecodingError {
    /// A value refused by its own parser, which stays attached (`underlyingError`) so that a reader
    /// can word it in its language.
    static func refusal(_ error: any Error & CustomStringConvertible, at path: [any CodingKey]) -> DecodingError {
        .dataCorrupted(Context(codingPath: path, debugDescription: error.description, underlyingError: error))
    }
}

extension Period: Codable {
    /// Reads an EDTF interval (`2004/2006`, `2020/..`).
    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        switch Period.parse(try container.decode(String.self)) {
        case .success(let period): self = period
        case .failure(let error): throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    /// Writes the EDTF interval.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
