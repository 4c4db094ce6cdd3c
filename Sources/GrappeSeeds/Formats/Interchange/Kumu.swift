import GrappeModel

/// Kumu's vocabulary as Grappe reads it, from its spreadsheets (elements and connections sheets) and
/// its JSON (a project's backup, and the import format Grappe's `--format kumu` writes).
enum Kumu {
    /// The Grappe kind (and organisation type) a Kumu element type names, if any: Kumu's own
    /// templates use Person, Organization, Project, Event; Grappe's exports write its kinds capitalised.
    static func kind(_ type: String) -> (kind: String, type: String?)? {
        let word = type.trimmingSpaces().vocabularyWord
        if EntityKind(rawValue: word) != nil || RecordKind(rawValue: word) != nil { return (word, nil) }
        if OrganisationType(rawValue: word) != nil { return ("organisation", word) }
        switch word {
        case "organization", "org", "institution": return ("organisation", nil)
        case "people", "individual": return ("person", nil)
        case "town": return ("city", nil)
        case "competitiveness_pole", "pôle", "pole_de_competitivite": return ("pole", nil)
        case "program", "programme": return ("project", nil)
        default: return nil
        }
    }

    /// An element (`Label`, `Type`, `Description`, `Tags`, further fields). Kumu has no ids: the id is
    /// the `ID` field when there is one, else made from the label (`Ville de Laval` →
    /// `ville-de-laval`), as connections find it again. Kumu's types become Grappe's kinds where they
    /// name one; any other type is read as an organisation, the type kept as the attribute `kumu type`,
    /// said once per type (`unmapped`). A `category` that is an organisation type (Grappe's export
    /// writes it) is the organisation's type.
    static func element(_ item: GraphItem, file: SeedFile, set: SeedSet, unmapped: inout Set<String>) {
        guard let label = item["label"] else { return set.error(item.location, "l'élément n'a pas de Label", "element has no Label") }
        var mapped = GraphItem(file: file, origin: item.origin)
        mapped.set("id", item["id"] ?? IDSyntax.slug(label), placeOf: item["id"] == nil ? "label" : "id", in: item)
        if let type = item["type"] {
            if let kind = kind(type) {
                mapped.set("kind", kind.kind, placeOf: "type", in: item)
                if let organisationType = kind.type { mapped.set("type", organisationType) }
            } else {
                mapped.set("kind", "organisation")
                mapped.set("kumu type", type)
                if unmapped.insert(type.lowercased()).inserted {
                    set.warning(
                        item.at("type"),
                        "le type Kumu «\u{00A0}\(type)\u{00A0}» n'a pas d'équivalent chez Grappe\u{00A0}: lu comme une organisation, le type gardé dans l'attribut «\u{00A0}kumu type\u{00A0}»",
                        "Kumu type '\(type)' has no Grappe kind: read as an organisation, the type kept as the attribute 'kumu type'", .mapped)
                }
            }
        }
        // Grappe's export writes an organisation's type, or an event's, as the element's category.
        if let category = item["category"], mapped["type"] == nil,
            OrganisationType(rawValue: category.lowercased()) != nil || mapped["kind"] == RecordKind.event.rawValue
        {
            mapped.set("type", category.lowercased(), placeOf: "category", in: item)
        }
        for name in item.names
        where !["id", "type", "category"].contains(name.lowercased()) || (name.lowercased() == "category" && mapped["type"] == nil) {
            mapped.set(name.lowercased() == "provenance" ? "sources" : name, item[name.lowercased()]!, placeOf: name.lowercased(), in: item)
        }
        GraphItemReader(set: set).node(mapped)
    }

    /// A connection (`From`, `To`, `Type`, `Direction`, further fields). `From` and `To` name elements
    /// by id or by label (made into the id as for elements). A type that is not one of Grappe's
    /// relation types (nor a record's tie) is read as a partnership, the Kumu type kept as its label,
    /// said once per type (`unmapped`).
    static func connection(_ item: GraphItem, file: SeedFile, set: SeedSet, unmapped: inout Set<String>) {
        guard let from = item["from"], let to = item["to"] else {
            let end = item["from"] == nil ? "From" : "To"
            return set.error(item.location, "la connexion n'a pas de \(end)", "connection has no \(end)")
        }
        // Kumu's `A|B` names several elements: one connection from each to each.
        let ends = { (text: String) in text.split(separator: "|").map { $0.trimmingSpaces() }.filter { !$0.isEmpty } }
        for source in ends(from) {
            for target in ends(to) {
                connection(item, from: source, to: target, file: file, set: set, unmapped: &unmapped)
            }
        }
    }

    /// One connection between two named elements, with the row's other fields.
    private static func connection(
        _ item: GraphItem, from: String, to: String, file: SeedFile, set: SeedSet, unmapped: inout Set<String>
    ) {
        var mapped = GraphItem(file: file, origin: item.origin)
        for (end, name, text) in [("from", "source", from), ("to", "target", to)] {
            mapped.set(name, IDSyntax.problem(with: text) == nil ? text : IDSyntax.slug(text), placeOf: end, in: item)
        }
        // Kumu's connections are directed unless they say otherwise (undirected, mutual).
        let directed = !["undirected", "mutual"].contains(item["direction"]?.lowercased() ?? "directed")
        mapped.set("directed", directed ? "true" : "false")
        var foreign: String?
        if let type = item["type"] {
            let word = type.vocabularyWord
            if RelationType(rawValue: word) != nil || RecordTie(rawValue: word) != nil {
                mapped.set("type", word, placeOf: "type", in: item)
            } else {
                mapped.set("label", type, placeOf: "type", in: item)
                foreign = type
                let neutral = directed ? RelationType.linkedTo.rawValue : RelationType.partnerOf.rawValue
                if PlaceTies.synonym(word) == nil, unmapped.insert(word).inserted {
                    set.warning(
                        item.at("type"),
                        "le type de connexion Kumu «\u{00A0}\(type)\u{00A0}» n'est pas un type de relation de Grappe\u{00A0}: lu comme \(neutral), «\u{00A0}\(type)\u{00A0}» gardé comme libellé",
                        "Kumu connection type '\(type)' is not a Grappe relation type: read as \(neutral), '\(type)' kept as its label", .mapped)
                }
            }
        }
        for name in ["label", "weight", "start", "end", "periods", "title", "note"] where item[name] != nil {
            mapped.set(name, item[name]!, placeOf: name, in: item)
        }
        for name in CSVSeedReader.tieColumns where item[name] != nil { mapped.set(name, item[name]!, placeOf: name, in: item) }
        if let note = item["description"] { mapped.set("note", note, placeOf: "description", in: item) }
        if let sources = item["provenance"] ?? item["sources"] {
            mapped.set("sources", sources, placeOf: item["provenance"] == nil ? "sources" : "provenance", in: item)
        }
        GraphItemReader(set: set).edge(mapped, word: foreign)
    }
}
