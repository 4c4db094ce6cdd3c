import GrappeModel
import GrappeWords
import Yams

/// A YAML mapping read against a list of known keys. Unknown keys, wrong types and bad values are
/// reported at their own `line:column`; getters return nil for anything absent or wrong, so reading
/// goes on and every problem of a file is reported in one pass.
struct YAMLFields {
    let what: Wording
    let file: SeedFile
    let set: SeedSet
    let mark: Mark?
    private var values: [String: Node] = [:]

    /// Reports a node that is not a mapping, and every key that is not in `known`.
    init?(_ node: Node, what: Wording, known: [String], file: SeedFile, set: SeedSet) {
        self.what = what
        self.file = file
        self.set = set
        mark = node.mark
        guard case .mapping(let mapping) = node else {
            set.error(YAMLFields.location(node.mark, file)) { w in
                w.say(
                    "\(what(w)) doit être un dictionnaire de clés et de valeurs\u{00A0}; trouvé\u{00A0}: \(YAMLFields.describe(node, w))",
                    "\(what(w)) must be a mapping of keys and values, found \(YAMLFields.describe(node, w))")
            }
            return nil
        }
        for (keyNode, value) in mapping {
            guard let key = keyNode.scalar?.string else {
                set.error(YAMLFields.location(keyNode.mark, file)) { w in
                    w.say(
                        "une clé doit être un simple mot\u{00A0}; trouvé\u{00A0}: \(YAMLFields.describe(keyNode, w))",
                        "keys must be plain words, found \(YAMLFields.describe(keyNode, w))")
                }
                continue
            }
            if known.contains(key) {
                values[key] = value
            } else {
                let near = Suggestion.nearest(to: key, in: known)
                set.error(YAMLFields.location(keyNode.mark, file)) { w in
                    w.say("clé inconnue \(w.quoted(key)) dans \(what(w))", "unknown key \(w.quoted(key)) in \(what(w))")
                        + (near == nil
                            ? w.say(
                                " (clés connues\(w.colon)\(known.joined(separator: ", ")))", " (known keys\(w.colon)\(known.joined(separator: ", ")))"
                            )
                            : w.didYouMean(near))
                }
            }
        }
    }

    static func location(_ mark: Mark?, _ file: SeedFile) -> SourceLocation {
        file.location(line: mark?.line ?? 1, column: mark?.column ?? 1)
    }

    static func describe(_ node: Node, _ w: Words) -> String {
        switch node {
        case .mapping: w.say("un dictionnaire", "a mapping")
        case .sequence: w.say("une liste", "a list")
        case .scalar(let scalar): w.quoted(scalar.string)
        case .alias: w.say("un alias", "an alias")
        }
    }

    static func isNull(_ node: Node) -> Bool {
        guard case .scalar(let scalar) = node, scalar.style == .plain else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    var location: SourceLocation { Self.location(mark, file) }

    func location(of key: String) -> SourceLocation { Self.location(values[key]?.mark ?? mark, file) }

    func has(_ key: String) -> Bool { values[key].map { !Self.isNull($0) } ?? false }

    func node(_ key: String) -> Node? {
        guard let node = values[key], !Self.isNull(node) else { return nil }
        return node
    }

    /// Text; a list or mapping where text is expected is an error.
    func string(_ key: String, required: Bool = false) -> String? {
        guard let node = node(key) else {
            if required {
                set.error(location) { [what] w in
                    w.say("\(what(w))\u{00A0}: il manque la clé obligatoire \(w.quoted(key))", "\(what(w)) is missing required key \(w.quoted(key))")
                }
            }
            return nil
        }
        guard case .scalar(let scalar) = node else {
            set.error(location(of: key)) { w in
                w.say(
                    "\(w.quoted(key)) doit être un texte\u{00A0}; trouvé\u{00A0}: \(Self.describe(node, w))",
                    "\(w.quoted(key)) must be text, found \(Self.describe(node, w))")
            }
            return nil
        }
        let text = scalar.string.trimmingSpaces()
        if text.isEmpty {
            if required { set.error(location(of: key), "«\u{00A0}\(key)\u{00A0}» ne doit pas être vide", "'\(key)' must not be empty") }
            return nil
        }
        return text
    }

    /// An id in slug form.
    func id(_ key: String, required: Bool = false) -> ID? {
        guard let text = string(key, required: required) else { return nil }
        if let problem = IDSyntax.problem(with: text) {
            set.error(location(of: key), problem.french, problem.english)
            return nil
        }
        return text
    }

    /// A reference to another item, checked after every file is loaded.
    func reference(_ key: String, to target: PendingReference.Target, role: Wording, required: Bool = false) -> ID? {
        guard let id = id(key, required: required) else { return nil }
        set.references.append(PendingReference(id: id, target: target, location: location(of: key), role: role))
        return id
    }

    /// The text of a typed value (a date, an amount, a number): written but empty (`date: ""`) is an
    /// error, where leaving the key out, or `~`, says the value is unknown.
    private func typedText(_ key: String) -> String? {
        if let node = node(key), case .scalar(let scalar) = node, scalar.string.trimmingSpaces().isEmpty {
            set.error(
                location(of: key), "«\u{00A0}\(key)\u{00A0}» est vide\u{00A0}: écrivez une valeur, ou laissez la clé de côté quand on ne la sait pas",
                "'\(key)' is empty: write a value, or leave the key out when it is unknown")
            return nil
        }
        return string(key)
    }

    func date(_ key: String) -> PartialDate? {
        guard let text = typedText(key) else { return nil }
        switch PartialDate.parse(text) {
        case .success(let date): return date
        case .failure(let error):
            set.error(
                location(of: key), "date invalide pour «\u{00A0}\(key)\u{00A0}»\u{00A0}: \(error.french)", "invalid date for '\(key)': \(error)")
            return nil
        }
    }

    func span(_ key: String) -> Span? {
        guard let text = typedText(key) else { return nil }
        switch Span.parse(text) {
        case .success(let span): return span
        case .failure(let error):
            set.error(location(of: key), "«\u{00A0}\(key)\u{00A0}» invalide\u{00A0}: \(error.french)", "invalid '\(key)': \(error)")
            return nil
        }
    }

    func percentage(_ key: String) -> Percentage? {
        guard let text = typedText(key) else { return nil }
        switch Percentage.parse(text) {
        case .success(let share): return share
        case .failure(let error):
            set.error(location(of: key)) { w in
                w.say("\(w.quoted(key)) invalide\(w.colon)", "invalid \(w.quoted(key))\(w.colon)") + w.moneyProblem(error)
            }
            return nil
        }
    }

    func number(_ key: String) -> Double? {
        guard let text = typedText(key) else { return nil }
        guard let value = Double(text), value.isFinite else {
            let hint = Words.decimalPointHint(text)
            set.error(
                location(of: key), "«\u{00A0}\(key)\u{00A0}» doit être un nombre\u{00A0}; trouvé\u{00A0}: «\u{00A0}\(text)\u{00A0}»\(hint.french)",
                "'\(key)' must be a number, found '\(text)'\(hint.english)")
            return nil
        }
        return value
    }

    /// Money as `2100000 CAD` or as a mapping `{amount: 2100000, currency: CAD}`.
    func money(_ key: String) -> Money? {
        guard let node = node(key) else { return nil }
        if case .mapping = node {
            guard
                let fields = YAMLFields(
                    node, what: Wording("«\u{00A0}\(key)\u{00A0}»", "'\(key)'"), known: ["amount", "currency"], file: file, set: set),
                let amount = fields.string("amount", required: true),
                let code = fields.string("currency", required: true)
            else { return nil }
            switch Currency.parse(code) {
            case .failure(let error):
                set.error(fields.location(of: "currency")) { w in
                    w.say("\(w.quoted(key)) invalide\(w.colon)", "invalid \(w.quoted(key))\(w.colon)") + w.moneyProblem(error)
                }
                return nil
            case .success(let currency):
                switch Money.parseAmount(amount, original: amount, in: currency) {
                case .success(let cents) where cents < 0:
                    set.error(
                        fields.location(of: "amount"), "«\u{00A0}\(key)\u{00A0}» ne doit pas être négatif (\(amount))",
                        "'\(key)' must not be negative (\(amount))")
                    return nil
                case .success(let cents): return Money(minorUnits: cents, currency: currency)
                case .failure(let error):
                    set.error(fields.location(of: "amount")) { w in
                        w.say("\(w.quoted(key)) invalide\(w.colon)", "invalid \(w.quoted(key))\(w.colon)") + w.moneyProblem(error)
                    }
                    return nil
                }
            }
        }
        guard let text = typedText(key) else { return nil }
        switch Money.parse(text) {
        case .success(let money) where money.minorUnits < 0:
            set.error(location(of: key), "«\u{00A0}\(key)\u{00A0}» ne doit pas être négatif (\(text))", "'\(key)' must not be negative (\(text))")
            return nil
        case .success(let money): return money
        case .failure(let error):
            set.error(location(of: key)) { w in
                w.say("\(w.quoted(key)) invalide\(w.colon)", "invalid \(w.quoted(key))\(w.colon)") + w.moneyProblem(error)
            }
            return nil
        }
    }

    /// One word of a closed vocabulary, with a suggestion when it is misspelt.
    func choice<T: RawRepresentable & CaseIterable>(_ key: String, _ type: T.Type, required: Bool = false) -> T?
    where T.RawValue == String {
        guard let text = string(key, required: required) else { return nil }
        return Self.choice(text, type, key: key, at: location(of: key), set: set)
    }

    static func choice<T: RawRepresentable & CaseIterable>(
        _ text: String, _ type: T.Type, key: String,
        at location: @autoclosure () -> SourceLocation, set: SeedSet
    ) -> T?
    where T.RawValue == String {
        if let value = T(rawValue: text) { return value }
        let allowed = T.allCases.map(\.rawValue)
        let near = Suggestion.nearest(to: text, in: allowed)
        set.error(location()) { w in
            w.say("valeur inconnue pour «\u{00A0}\(key)\u{00A0}»\u{00A0}: «\u{00A0}\(text)\u{00A0}»", "unknown \(key) '\(text)'")
                + (near == nil
                    ? w.say(" (l'un de\(w.colon)\(allowed.joined(separator: ", ")))", " (one of\(w.colon)\(allowed.joined(separator: ", ")))")
                    : w.didYouMean(near))
        }
        return nil
    }

    /// The elements of a list; a single value where a list is expected is accepted as a list of one.
    func list(_ key: String) -> [Node] {
        guard let node = node(key) else { return [] }
        switch node {
        case .sequence(let sequence): return Array(sequence)
        case .scalar: return [node]
        default:
            set.error(location(of: key)) { w in
                w.say(
                    "\(w.quoted(key)) doit être une liste\u{00A0}; trouvé\u{00A0}: \(Self.describe(node, w))",
                    "\(w.quoted(key)) must be a list, found \(Self.describe(node, w))")
            }
            return []
        }
    }

    func strings(_ key: String) -> [String] {
        list(key).compactMap { element in
            guard case .scalar(let scalar) = element else {
                set.error(Self.location(element.mark, file)) { w in
                    w.say(
                        "chaque entrée de \(w.quoted(key)) doit être un texte\u{00A0}; trouvé\u{00A0}: \(Self.describe(element, w))",
                        "each entry of \(w.quoted(key)) must be text, found \(Self.describe(element, w))")
                }
                return nil
            }
            let text = scalar.string.trimmingSpaces()
            return text.isEmpty ? nil : text
        }
    }

    /// A mapping of free attributes whose values are text.
    func attributes(_ key: String) -> [String: String] {
        guard let node = node(key) else { return [:] }
        guard case .mapping(let mapping) = node else {
            set.error(location(of: key)) { w in
                w.say(
                    "\(w.quoted(key)) doit être un dictionnaire de noms et de valeurs\u{00A0}; trouvé\u{00A0}: \(Self.describe(node, w))",
                    "\(w.quoted(key)) must be a mapping of names to values, found \(Self.describe(node, w))")
            }
            return [:]
        }
        var result: [String: String] = [:]
        for (keyNode, value) in mapping {
            guard let name = keyNode.scalar?.string, case .scalar(let scalar) = value else {
                set.error(
                    Self.location(value.mark, file), "chaque attribut doit être un nom et une valeur de texte",
                    "each attribute must be a name and a text value")
                continue
            }
            result[name] = scalar.string
        }
        return result
    }

    /// `sources:` entries, each a document id or `{doc: ID, note: …}`.
    func sources() -> [SourceRef] {
        list("sources").compactMap { element in
            if case .scalar(let scalar) = element {
                let id = scalar.string.trimmingSpaces()
                set.references.append(PendingReference(id: id, target: .document, location: Self.location(element.mark, file), role: .source))
                return SourceRef(document: id)
            }
            guard let fields = YAMLFields(element, what: Wording("une source", "a source"), known: ["doc", "note"], file: file, set: set),
                let id = fields.string("doc", required: true)
            else { return nil }
            set.references.append(PendingReference(id: id, target: .document, location: fields.location(of: "doc"), role: .source))
            return SourceRef(document: id, note: fields.string("note"))
        }
    }
}

/// The shape of ids: lower-case letters, digits, and `-`, `_` or `.` between them.
public enum IDSyntax {
    /// Why `id` is not an id, in French and in English; nil when it is one.
    public static func problem(with id: String) -> (french: String, english: String)? {
        let allowed = id.utf8.allSatisfy { byte in
            (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte) || byte == 0x2D || byte == 0x5F || byte == 0x2E
        }
        if allowed, !id.isEmpty { return nil }
        return (
            "l'id «\u{00A0}\(id)\u{00A0}» n'est pas un identifiant court\u{00A0}: minuscules, chiffres et traits d'union, "
                + "comme «\u{00A0}\(slug(id))\u{00A0}»",
            "id '\(id)' is not a slug: use lower-case letters, digits and hyphens, such as '\(slug(id))'"
        )
    }

    /// A slug made from a name: `Ville de Laval` → `ville-de-laval`.
    public static func slug(_ text: String) -> String { TextFolding.slug(text) }
}
