import GrappeModel

extension SeedSet {
    /// The periods a text gives: EDTF intervals separated by `|` (`2004/2006 | 2020/..`, what Grappe
    /// writes), or Gephi's intervals (`<[2004.0, 2006.0]; [2020.0, Infinity]>`) and timestamps
    /// (`<[2004, 2006, 2009]>`, each a day or year of its own). Nil, with an error at `location`, when
    /// it does not parse.
    func periods(_ text: String, at location: SourceLocation) -> [Period]? {
        let trimmed = text.trimmingSpaces()
        let result = trimmed.hasPrefix("<") || trimmed.hasPrefix("[") ? GephiTimes.periods(trimmed) : Period.parseList(trimmed)
        switch result {
        case .success(let periods):
            if let wrong = periods.first(where: Self.endsBeforeItStarts) {
                error(location, "la période \(wrong) finit avant de commencer", "the period \(wrong) ends before it starts")
                return nil
            }
            return periods
        case .failure(let problem):
            error(location, "période invalide\u{00A0}: \(problem.french)", "invalid period: \(problem)")
            return nil
        }
    }

    private static func endsBeforeItStarts(_ period: Period) -> Bool {
        guard let start = period.start, let end = period.end else { return false }
        return end.isCertainlyBefore(start)
    }

    /// Puts `periods` (every period the relation held) on `relation`, whose `start` and `end` came
    /// from their own fields. Those fields may repeat the first period or be left out; when they say
    /// something else, the error is at `location` and the relation keeps its `start` and `end`.
    func apply(_ periods: [Period], to relation: inout Relation, at location: SourceLocation) {
        guard let first = periods.first else { return }
        let given = Period(start: relation.start, end: relation.end)
        if given.start != nil || given.end != nil, given != first {
            return error(
                location,
                "start et end (\(given)) ne sont pas la première des périodes (\(first))\u{00A0}: gardez-les égaux, ou laissez-les de côté",
                "start and end (\(given)) are not the first of the periods (\(first)): keep them equal, or leave them out")
        }
        relation.periods = periods
    }
}

/// Gephi's texts for time in spreadsheets and its dynamic columns: intervals `<[a, b]; [c, d]>` and
/// timestamp sets `<[a, b, c]>`, whose times are dates or numbers (`2004.0`: years), with `Infinity`
/// and `-Infinity` for open sides.
enum GephiTimes {
    static func periods(_ text: String) -> Result<[Period], DateError> {
        var body = Substring(text.trimmingSpaces())
        if body.hasPrefix("<") { body = body.dropFirst() }
        if body.hasSuffix(">") { body = body.dropLast() }
        let groups = body.split(separator: ";").map { $0.trimmingSpaces() }.filter { !$0.isEmpty }
        var periods: [Period] = []
        for group in groups {
            let inner = group.hasPrefix("[") || group.hasPrefix("(") ? String(group.dropFirst().dropLast()) : group
            let times = inner.split(separator: ",").map { $0.trimmingSpaces() }
            var dates: [PartialDate?] = []
            for time in times {
                switch self.time(time) {
                case .success(let date): dates.append(date)
                case .failure(let error): return .failure(error)
                }
            }
            if groups.count == 1, dates.count != 2 {
                // A timestamp set: each time a moment of its own.
                periods += dates.map { Period(start: $0, end: $0) }
            } else if dates.count == 2 {
                periods.append(Period(start: dates[0], end: dates[1]))
            } else {
                return .failure(
                    DateError(
                        "'\(group)' is not a Gephi interval: expected [start, end]",
                        french: "«\u{00A0}\(group)\u{00A0}» n'est pas un intervalle de Gephi\u{00A0}: on attend [début, fin]"))
            }
        }
        return .success(periods)
    }

    /// The year a number written for one is (`2004.0` → `2004`, `42` → `0042`): a whole number
    /// from 1 to 9999, else nil.
    static func year(_ text: String) -> String? {
        guard let number = Double(text), number == number.rounded(), (1...9999).contains(number) else { return nil }
        let year = String(Int(number))
        return String(repeating: "0", count: max(0, 4 - year.count)) + year
    }

    /// One time: a date as written, a whole number as its year, an infinity as an open side (nil).
    private static func time(_ text: String) -> Result<PartialDate?, DateError> {
        if ["infinity", "-infinity", "+infinity", ""].contains(text.lowercased()) { return .success(nil) }
        if let year = year(text) { return PartialDate.parse(year).map { $0 } }
        return PartialDate.parse(String(text.split(separator: "T").first ?? "")).map { $0 }
    }
}
