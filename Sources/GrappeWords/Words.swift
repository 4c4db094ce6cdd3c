import Foundation
import GrappeModel

/// The vocabulary in a language, for the command line's reports.
public struct Words: Speaking {
    /// An English noun with its indefinite article: "a mission", "an event", "an organisation".
    public static func withIndefiniteArticle(_ noun: String) -> String { ("aeiou".contains(noun.first ?? "x") ? "an " : "a ") + noun }

    /// The language the words are in.
    public let language: Language

    /// The vocabulary in `language`.
    public init(_ language: Language) { self.language = language }
}

extension Speaking {
    /// Picks the French or the English text.
    public func say(_ french: String, _ english: String) -> String { language == .fr ? french : english }

    /// Text quoted as the language does: «\u{00A0}lyon\u{00A0}», 'lyon'.
    public func quoted(_ text: String) -> String { language == .fr ? "«\u{00A0}\(text)\u{00A0}»" : "'\(text)'" }

    /// "; vouliez-vous dire «\u{00A0}x\u{00A0}»\u{00A0}?", "; did you mean 'x'?", or nothing.
    public func didYouMean(_ id: String?) -> String {
        guard let id else { return "" }
        return say("\u{00A0}; vouliez-vous dire \(quoted(id))\u{00A0}?", "; did you mean \(quoted(id))?")
    }

    /// Whether a count takes the singular: French says "0 erreur, 1 erreur", English "0 errors, 1 error".
    public func isSingular(_ count: Int) -> Bool { language == .fr ? abs(count) < 2 : count == 1 }

    /// "3 fichiers", "1 file": a count, formatted for the language, with its noun agreeing.
    public func count(_ count: Int, _ french: (String, String), _ english: (String, String)) -> String {
        let (singular, plural) = language == .fr ? french : english
        return "\(number(count)) \(isSingular(count) ? singular : plural)"
    }

    /// A decimal number as the language writes it ("0,0435", "0.0435"), through Foundation's formatter.
    public func decimal(_ value: Double, digits: Int) -> String {
        let formatter = NumberFormatter()
        formatter.locale = locale
        formatter.numberStyle = .decimal
        formatter.minimumFractionDigits = value == value.rounded() ? 0 : digits
        formatter.maximumFractionDigits = digits
        return formatter.string(from: NSNumber(value: value)) ?? String(value)
    }

    /// An amount of money as the language writes it, with the currency's own minor units (ISO 4217:
    /// none for JPY, three for TND): "200 000 000,00 $CA", "CA$200,000,000.00".
    public func money(_ amount: Decimal, currency: String) -> String {
        let formatter = NumberFormatter()
        formatter.locale = locale
        formatter.numberStyle = .currency
        formatter.currencyCode = currency
        return formatter.string(from: NSDecimalNumber(decimal: amount)) ?? "\(amount) \(currency)"
    }

    /// A stored amount as the language writes it: "25 000,00 $CA", "CA$25,000.00".
    public func money(_ money: Money) -> String { self.money(money.decimal, currency: money.currency.code) }

    /// An amount in few characters, as the language writes it ("200 M $CA", "CA$200M"), through
    /// Foundation's compact currency format.
    public func shortMoney(_ money: Money) -> String {
        money.decimal.formatted(.currency(code: money.currency.code).notation(.compactName).precision(.significantDigits(1...3)).locale(locale))
    }

    /// A share as the language writes it: "12,5 %", "12.5%".
    public func share(_ share: Percentage) -> String {
        guard language == .fr else { return share.description }
        let formatter = NumberFormatter()
        formatter.locale = locale
        formatter.numberStyle = .decimal
        formatter.maximumFractionDigits = 2
        return (formatter.string(from: NSNumber(value: Double(share.basisPoints) / 100)) ?? share.description) + "\u{00A0}%"
    }

    /// A duration in words: "1 an et 6 mois", "3 years".
    public func span(_ span: Span) -> String {
        let years = span.years == 0 ? nil : count(span.years, ("an", "ans"), ("year", "years"))
        let months = span.months == 0 && span.years != 0 ? nil : count(span.months, ("mois", "mois"), ("month", "months"))
        return [years, months].compactMap { $0 }.joined(separator: say(" et ", " and "))
    }

    /// The locale whose conventions numbers and money follow.
    public var locale: Locale { Locale(identifier: language == .fr ? "fr_FR" : "en_US") }

    /// An entity kind, as a word.
    public func kind(_ kind: EntityKind) -> String {
        let pair: (String, String) =
            switch kind {
            case .city: ("ville", "city")
            case .cluster: ("grappe", "cluster")
            case .pole: ("pôle", "pole")
            case .organisation: ("organisation", "organisation")
            case .person: ("personne", "person")
            }
        return language == .fr ? pair.0 : pair.1
    }

    /// Between a label and its value: "Statut : prévue" (a no-break space before the colon, as French
    /// typography wants), "Status: planned".
    public var colon: String { language == .fr ? "\u{00A0}: " : ": " }

    /// A whole number as the language writes it ("21 048", "21,048"), through Foundation's formatter.
    public func number(_ value: Int) -> String {
        let formatter = NumberFormatter()
        formatter.locale = Locale(identifier: language == .fr ? "fr_FR" : "en_US")
        formatter.numberStyle = .decimal
        return formatter.string(from: NSNumber(value: value)) ?? String(value)
    }

    /// "4 villes", "1 pôle": the kind's name agreeing with a count.
    public func count(_ count: Int, _ kind: EntityKind) -> String {
        guard !isSingular(count) else { return "\(count) \(self.kind(kind))" }
        let plural: (String, String) =
            switch kind {
            case .city: ("villes", "cities")
            case .cluster: ("grappes", "clusters")
            case .pole: ("pôles", "poles")
            case .organisation: ("organisations", "organisations")
            case .person: ("personnes", "people")
            }
        return "\(number(count)) \(language == .fr ? plural.0 : plural.1)"
    }

    /// A count of records, singular or plural.
    public func count(_ count: Int, _ kind: RecordKind) -> String {
        guard !isSingular(count) else { return "\(count) \(self.kind(kind))" }
        let plural: (String, String) =
            switch kind {
            case .agreement: ("ententes", "agreements")
            case .mission: ("missions", "missions")
            case .project: ("projets", "projects")
            case .event: ("événements", "events")
            }
        return "\(number(count)) \(language == .fr ? plural.0 : plural.1)"
    }

    /// A record kind, as a word.
    public func kind(_ kind: RecordKind) -> String {
        let pair: (String, String) =
            switch kind {
            case .agreement: ("entente", "agreement")
            case .mission: ("mission", "mission")
            case .project: ("projet", "project")
            case .event: ("événement", "event")
            }
        return language == .fr ? pair.0 : pair.1
    }

    /// An organisation type, as words.
    public func organisationType(_ type: OrganisationType) -> String {
        let pair: (String, String) =
            switch type {
            case .association: ("association", "association")
            case .company: ("entreprise", "company")
            case .publicBody: ("organisme public", "public body")
            case .municipality: ("municipalité", "municipality")
            case .government: ("gouvernement", "government")
            case .financialInstitution: ("institution financière", "financial institution")
            case .media: ("média", "media")
            case .club: ("club", "club")
            case .chamberOfCommerce: ("chambre de commerce", "chamber of commerce")
            case .researchCentre: ("centre de recherche", "research centre")
            case .innovationCentre: ("centre d'innovation", "innovation centre")
            case .economicDevelopment: ("développement économique", "economic development")
            case .platform: ("plateforme", "platform")
            case .federation: ("fédération", "federation")
            case .other: ("autre", "other")
            }
        return language == .fr ? pair.0 : pair.1
    }

    /// A relation read from `from`'s side (`outgoing`) or from `to`'s side.
    public func relation(_ type: RelationType, outgoing: Bool = true) -> String {
        let (fr, frBack, en, enBack): (String, String, String, String) =
            switch type {
            case .basedIn: ("basé à", "accueille", "based in", "home of")
            case .memberOf: ("membre de", "a pour membre", "member of", "has member")
            case .partnerOf: ("partenaire de", "partenaire de", "partner of", "partner of")
            case .holdsTitle: ("fonction à", "a pour titulaire", "holds a title at", "has officer")
            case .worksFor: ("travaille pour", "emploie", "works for", "employs")
            case .funds: ("finance", "financé par", "funds", "funded by")
            case .founded: ("a fondé", "fondé par", "founded", "founded by")
            case .contributedTo: ("a contribué à", "a reçu l'apport de", "contributed to", "had help from")
            case .supports: ("soutient", "soutenu par", "supports", "supported by")
            case .hosts: ("accueille", "accueilli par", "hosts", "hosted by")
            case .publishes: ("publie", "publié par", "publishes", "published by")
            case .covers: ("couvre", "couvert par", "covers", "covered by")
            case .partOf: ("fait partie de", "comprend", "part of", "includes")
            case .competesWith: ("concurrent de", "concurrent de", "competes with", "competes with")
            case .collaboratesWith: ("collabore avec", "collabore avec", "collaborates with", "collaborates with")
            case .mentions: ("mentionne", "mentionné par", "mentions", "mentioned by")
            case .linkedTo: ("lié à", "lien depuis", "linked to", "linked from")
            }
        return language == .fr ? (outgoing ? fr : frBack) : (outgoing ? en : enBack)
    }

    /// An attendance value, as a word (empty: not said).
    public func attendance(_ raw: String) -> String {
        guard language == .fr else { return raw }
        return ["invited": "invité", "confirmed": "confirmé", "attended": "présent", "declined": "a décliné", "unknown": "inconnue"][raw] ?? raw
    }

    /// A party role, as words.
    public func role(_ role: PartyRole) -> String {
        let pair: (String, String) =
            switch role {
            case .signatory: ("signataire", "signatory")
            case .witness: ("témoin", "witness")
            case .leader: ("chef de mission", "leader")
            case .delegate: ("délégué", "delegate")
            case .onBehalfOf: ("au nom de", "on behalf of")
            case .host: ("hôte", "host")
            case .partnerMet: ("partenaire rencontré", "partner met")
            case .toMeet: ("à rencontrer", "to meet")
            case .lead: ("porteur", "lead")
            case .partner: ("partenaire", "partner")
            case .funder: ("bailleur", "funder")
            case .operator: ("opérateur", "operator")
            case .beneficiary: ("bénéficiaire", "beneficiary")
            case .organiser: ("organisateur", "organiser")
            case .speaker: ("conférencier", "speaker")
            case .participant: ("participant", "participant")
            case .announcer: ("annonceur", "announcer")
            }
        return language == .fr ? pair.0 : pair.1
    }

    /// A partial date as people write it: "12 mars 2013", "oct., année inconnue", "printemps 2013 ~".
    public func date(_ date: PartialDate) -> String {
        let months = language == .fr ? DateWords.frenchMonths : DateWords.englishMonths
        var parts: [String] = []
        // French writes the first of the month "1er".
        if let day = date.day { parts.append(language == .fr && day == 1 ? "1er" : String(day)) }
        if let month = date.month { parts.append(months[month - 1]) }
        if let season = date.season { parts.append(language == .fr ? DateWords.seasons[season]!.0 : DateWords.seasons[season]!.1) }
        // A missing year is said in words, never guessed: "oct., année inconnue", "Oct, year unknown".
        let year = date.year.map(String.init) ?? ""
        let mark =
            switch date.qualifier {
            case .exact: ""
            case .approximate: " ~"
            case .uncertain: " ?"
            case .approximateAndUncertain: " ~?"
            }
        if date.year == nil {
            return parts.joined(separator: " ") + (language == .fr ? ", année inconnue" : ", year unknown") + mark
        }
        return (parts + [year]).joined(separator: " ") + mark
    }

    /// A date cell's raw EDTF text, shown as `date(_:)` writes it (other text unchanged).
    public func date(text raw: String) -> String {
        guard !raw.isEmpty, case .success(let parsed) = PartialDate.parse(raw) else { return raw }
        return date(parsed)
    }

    /// What kind of event it is, as words.
    public func eventType(_ type: EventType) -> String {
        let pair: (String, String) =
            switch type {
            case .assembly: ("assemblée", "assembly")
            case .conference: ("conférence", "conference")
            case .meeting: ("réunion", "meeting")
            case .talk: ("causerie", "talk")
            case .tradeShow: ("salon", "trade show")
            case .announcement: ("annonce", "announcement")
            case .other: ("autre", "other")
            }
        return language == .fr ? pair.0 : pair.1
    }

    /// A status value, as a word.
    public func status(_ raw: String) -> String {
        guard language == .fr else { return raw.replacingOccurrences(of: "_", with: " ") }
        let french = [
            "draft": "projet", "signed": "signée", "in_force": "en vigueur", "expired": "échue", "terminated": "résiliée",
            "unknown": "inconnu", "planned": "prévue", "confirmed": "confirmée", "under_way": "en cours",
            "completed": "terminée", "cancelled": "annulée", "announced": "annoncé", "active": "actif", "held": "tenu",
        ]
        return french[raw] ?? raw.replacingOccurrences(of: "_", with: " ")
    }
}

extension Words {
    /// A mission status as a person types it in either language: the stored value (`under_way`), with
    /// spaces (`under way`), or the word in English or French, any case, with or without accents, in
    /// either gender (`confirmé`, `Confirmée`, `prevue`). Nil for anything else.
    public static func missionStatus(_ text: String) -> MissionStatus? {
        let typed = TextFolding.fold(text.trimmingSpaces()).replacingOccurrences(of: "_", with: " ")
        guard !typed.isEmpty else { return nil }
        return MissionStatus.allCases.first { status in
            let names = [status.rawValue, Words(.en).status(status.rawValue), Words(.fr).status(status.rawValue)]
                .map { TextFolding.fold($0).replacingOccurrences(of: "_", with: " ") }
            return names.contains(typed) || names.contains(typed + "e")
        }
    }
}

extension Words {
    /// An entity kind as a person types it in either language (`pôle`, `grappe`, `personne`, `pole`),
    /// any case, with or without accents. Nil for anything else.
    public static func entityKind(_ text: String) -> EntityKind? {
        typed(text, among: EntityKind.allCases) { [$0.rawValue, Words(.en).kind($0), Words(.fr).kind($0)] }
    }

    /// A party role as a person types it in either language (`partner_met`, `partner met`,
    /// `partenaire rencontré`, `hôte`), any case, with or without accents. Nil for anything else.
    public static func partyRole(_ text: String) -> PartyRole? {
        typed(text, among: PartyRole.allCases) { [$0.rawValue, Words(.en).role($0), Words(.fr).role($0)] }
    }

    /// An organisation type as a person types it in either language (`entreprise`, `public body`,
    /// `organisme public`, `public_body`), any case, with or without accents. Nil for anything else.
    public static func organisationType(_ text: String) -> OrganisationType? {
        typed(text, among: OrganisationType.allCases) {
            [$0.rawValue, Words(.en).organisationType($0), Words(.fr).organisationType($0)]
        }
    }

    /// The value among `values` one of whose `names` is `text`, folded (case, accents, `_` as a space).
    private static func typed<T>(_ text: String, among values: [T], names: (T) -> [String]) -> T? {
        let folded = { (name: String) in TextFolding.fold(name.trimmingSpaces()).replacingOccurrences(of: "_", with: " ") }
        let wanted = folded(text)
        return values.first { names($0).map(folded).contains(wanted) }
    }
}

extension Words {
    /// For a number written with a decimal comma ("1,5", "-0,25": one or two digits after it), how the file must write it, to
    /// add to the error: " ; avec un point décimal : 1.5" / "; with a decimal point: 1.5". Empty for
    /// anything else.
    public static func decimalPointHint(_ text: String) -> Wording {
        let parts = text.trimmingSpaces().split(separator: ",", omittingEmptySubsequences: false)
        let digits = { (part: Substring) in !part.isEmpty && part.allSatisfy { $0.isASCII && $0.isNumber } }
        // Three digits after the comma may be a thousands separator ("1,500"): no guess then.
        guard parts.count == 2, digits(parts[0].hasPrefix("-") ? parts[0].dropFirst() : parts[0]), digits(parts[1]), parts[1].count <= 2
        else { return .same("") }
        let written = parts.joined(separator: ".")
        return Wording("\u{00A0}; avec un point décimal\u{00A0}: \(written)", "; with a decimal point: \(written)")
    }
}

extension Speaking {
    /// Why an amount, a currency or a share was refused, in the interface's language.
    public func moneyProblem(_ error: MoneyError) -> String {
        guard language == .fr else { return error.description }
        let quoted = "«\u{00A0}\(error.text)\u{00A0}»"
        func either(_ items: [String]) -> String { items.joined(separator: " ou ") }
        return switch error.reason {
        case .notAnAmount: "\(quoted) n'est pas un montant\u{00A0}: des chiffres sont attendus, comme 2100000 ou 2100000.50"
        case .noDigitsAfterPoint: "\(quoted) n'est pas un montant\u{00A0}: des chiffres sont attendus après le point"
        case .comma:
            error.decimalComma.map { "\(quoted)\u{00A0}: un montant s'écrit avec un point décimal\u{00A0}: \($0)" }
                ?? "\(quoted)\u{00A0}: la virgule est ambiguë dans un montant\u{00A0}; écrivez 1500.50 ou 1_500.50"
        case .tooLarge: "\(quoted)\u{00A0}: montant trop grand"
        case .noCurrency: "\(quoted) n'a pas de devise\u{00A0}: écrivez-le comme «\u{00A0}2100000 CAD\u{00A0}»"
        case .currencyTwice: "\(quoted) nomme deux fois une devise\u{00A0}: écrivez-la une seule fois, après le montant, comme dans 2100000 CAD"
        case .millionSymbol: "\(quoted) est un symbole, pas un code de devise\u{00A0}: écrivez CAD (et le montant en entier)"
        case .notAShare: "\(quoted) n'est pas une part\u{00A0}: écrivez-la avec le signe pour cent, comme 50\u{00A0}%"
        case .shareOutOfRange: "\(quoted) n'est pas une part entre 0\u{00A0}% et 100\u{00A0}%"
        case .shareDecimals: "\(quoted)\u{00A0}: une part prend au plus deux décimales"
        case .strayCharacter(let stray):
            "\(quoted) n'est pas un montant\u{00A0}: «\u{00A0}\(stray)\u{00A0}» parmi les chiffres\u{00A0}; écrivez-le comme 2100000 CAD"
        case .ambiguousSymbol(let symbol, let currencies, let amount):
            "\(quoted)\u{00A0}: «\u{00A0}\(symbol)\u{00A0}» peut être \(either(currencies))\u{00A0}; écrivez \(either(currencies.map { "\(amount) \($0)" }))"
        case .tooManyDecimals(let currency, 0): "\(quoted)\u{00A0}: le \(currency) n'a pas de subdivision\u{00A0}; écrivez un montant entier"
        case .tooManyDecimals(let currency, let allowed):
            "\(quoted)\u{00A0}: le \(currency) prend au plus \(allowed) décimale\(allowed > 1 ? "s" : "")"
        case .symbolOfSeveral(let currencies): "\(quoted) est le symbole de plusieurs devises\u{00A0}: écrivez \(either(currencies))"
        case .unknownCurrency(let suggestion?): "devise inconnue \(quoted)\u{00A0}; vouliez-vous dire «\u{00A0}\(suggestion)\u{00A0}»\u{00A0}?"
        case .unknownCurrency(nil): "devise inconnue \(quoted)\u{00A0}: un code ISO 4217 est attendu, comme EUR, CAD ou USD"
        }
    }
}

/// The words of dates, made once: a timeline writes a thousand dates in one frame.
private enum DateWords {
    static let frenchMonths = ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."]
    static let englishMonths = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    static let seasons: [PartialDate.Season: (String, String)] = [
        .spring: ("printemps", "spring"), .summer: ("été", "summer"),
        .autumn: ("automne", "autumn"), .winter: ("hiver", "winter"),
    ]
}
