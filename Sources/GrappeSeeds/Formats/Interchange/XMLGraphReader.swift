import Foundation
import GrappeModel
import GrappeWords

#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads a GraphML (graphml.graphdrawing.org) or GEXF (gexf.net, 1.1 to 1.3) file through Foundation's
/// XML parser (libxml2): its nodes and edges become graph items for `GraphItemReader`, each value at the
/// line and column of its element. What a Grappe network cannot hold is said once per kind, never
/// dropped in silence: nested graphs, hyperedges and ports, GEXF's drawing (viz), values that change
/// over time (the first is read), and edge attributes a relation has no field for.
final class XMLGraphReader: NSObject, XMLParserDelegate {
    private let file: SeedFile
    private let fileIndex: Int32
    private let set: SeedSet
    private let reader: GraphItemReader

    private enum Format { case graphml, gexf }
    private var format: Format?
    private var parser: XMLParser?

    /// Declared attributes: GraphML keys or GEXF attributes, by domain (`node`, `edge`) and id.
    private struct Key {
        var name: String
        var defaultValue: String?
        /// The name in lower case, worked out once rather than for every value.
        var key: String

        init(name: String) {
            self.name = name
            key = name.lowercased()
        }
    }
    private var keys: [String: [String: Key]] = ["node": [:], "edge": [:]]
    private var keyBeingRead: (domain: String, id: String)?

    private var item: GraphItem?
    /// What a GEXF element's spell or label says, used when its fields do not say it themselves.
    private var spellValues: [(name: String, value: String, line: Int32, column: Int32)] = []
    private var label: (value: String, line: Int32, column: Int32)?
    /// A node's id as the file wrote it, when it had to be made into a slug: its name if it has no label.
    private var originalID: String?
    private var itemDomain = ""
    private var dataKey: String?
    private var text = ""
    private var depth = 0
    private var graphDepth = 0
    /// The depth of the node or edge being read, so that a nested one's end does not end it.
    private var itemDepth = 0
    private var said: Set<String> = []
    /// GEXF's `timeformat`: `date` (the default), `double` or `integer` (Gephi writes years as
    /// `2004.0`), `dateTime`.
    private var timeFormat = "date"
    /// Inside a GraphML `<port>`: its `<data>` describe the port, not its node.
    private var portDepth = 0

    init(file: SeedFile, fileIndex: Int32, set: SeedSet) {
        self.file = file
        self.fileIndex = fileIndex
        self.set = set
        reader = GraphItemReader(set: set)
    }

    func read() {
        set.summarisedFiles.insert(fileIndex)
        // From a stream, parsed in pieces: given the whole of a large file at once, libxml2 stops near its
        // end with an internal error.
        let parser = XMLParser(stream: InputStream(data: Data(file.bytes)))
        parser.shouldProcessNamespaces = true
        parser.shouldResolveExternalEntities = false
        parser.delegate = self
        self.parser = parser
        _ = parser.parse()
        if format == nil, set.diagnostics.allSatisfy({ $0.location.path != file.displayPath }) {
            set.error(
                file.location(line: 1, column: 1), "ni GraphML ni GEXF\u{00A0}: l'élément racine n'est ni <graphml> ni <gexf>",
                "not a GraphML or GEXF file: the root element is neither <graphml> nor <gexf>")
        }
    }

    private var here: SourceLocation {
        file.location(line: max(1, parser?.lineNumber ?? 1), column: max(1, parser?.columnNumber ?? 1))
    }

    private var origin: Origin {
        Origin(file: fileIndex, line: Int32(max(1, parser?.lineNumber ?? 1)), column: Int32(max(1, parser?.columnNumber ?? 1)))
    }

    /// The key a value names: declared for the item's domain; else declared for another domain (a
    /// file that declares `for="edge"` and uses it on nodes), or not declared at all (Gephi 0.8's
    /// `<attvalue for="weight">`), then read under the other domain's name or its own id, and said
    /// once per key.
    private func undeclared(_ id: String, element: String) -> Key {
        if let declared = keys[itemDomain]?[id] { return declared }
        let elsewhere = keys.values.lazy.compactMap { $0[id] }.first
        sayOnce(
            "undeclared:" + itemDomain + ":" + id,
            "<\(element)=\"\(id)\"> ne nomme aucun attribut déclaré pour le domaine «\u{00A0}\(itemDomain)\u{00A0}»\u{00A0}: lu sous le nom «\u{00A0}\(elsewhere?.name ?? id)\u{00A0}»",
            "<\(element)=\"\(id)\"> names no attribute declared for \(itemDomain)s: read as '\(elsewhere?.name ?? id)'")
        return elsewhere ?? Key(name: id)
    }

    /// Says something once per file and kind of thing.
    private func sayOnce(_ what: String, _ french: String, _ english: String) {
        if said.insert(what).inserted { set.warning(here, french, english) }
    }

    // MARK: Parsing

    func parser(
        _ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        depth += 1
        text = ""
        if depth == 1 {
            switch element {
            case "graphml": format = .graphml
            case "gexf": format = .gexf
            default: parser.abortParsing()
            }
            return
        }
        if namespaceURI?.hasSuffix("/viz") == true {
            return sayOnce("viz", "le dessin GEXF (couleur, position, taille) n'est pas lu", "GEXF drawing (colour, position, size) is not read")
        }
        switch format {
        case .graphml: graphml(element, attributes)
        case .gexf: gexf(element, attributes)
        case nil: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if dataKey != nil || keyBeingRead != nil { text += string }
    }

    func parser(_ parser: XMLParser, didEndElement element: String, namespaceURI: String?, qualifiedName: String?) {
        defer { depth -= 1 }
        switch element {
        case "data" where format == .graphml:
            if let key = dataKey, item != nil, portDepth == 0 {
                let place = origin
                let declared = undeclared(key, element: "data key")
                item?.set(declared.name, text, key: declared.key, line: place.line, column: place.column)
            }
            dataKey = nil
        case "port" where format == .graphml: portDepth -= 1
        case "default":
            if let (domain, id) = keyBeingRead { keys[domain]?[id]?.defaultValue = text.trimmingSpaces() }
        case "desc" where format == .graphml:
            // Grappe's exports keep an attribute's human name (with spaces) in its key's description.
            if let (domain, id) = keyBeingRead, !text.trimmingSpaces().isEmpty { keys[domain]?[id]?.name = text.trimmingSpaces() }
        case "key", "attribute": keyBeingRead = nil
        case "graph": graphDepth -= 1
        case "node", "edge":
            guard let finished = item, depth == itemDepth else { return }
            item = nil
            element == "node" ? reader.node(completed(finished)) : reader.edge(completed(finished))
        default: break
        }
        text = ""
    }

    /// An item with what its own values leave unsaid: declared defaults, then (GEXF) its spell's dates
    /// for an entity or a relation, and its label unless it only repeats the relation type in words.
    private func completed(_ item: GraphItem) -> GraphItem {
        var item = item
        for key in (keys[itemDomain] ?? [:]).values.sorted(by: { $0.name < $1.name }) {
            if let value = key.defaultValue { item.set(key.name, value, key: key.key) }
        }
        let isRecord = item["kind"].map { RecordKind(rawValue: $0.lowercased()) != nil } ?? false
        if !isRecord { for spell in spellValues { item.set(spell.name, spell.value, line: spell.line, column: spell.column) } }
        if let label, label.value != item["type"]?.replacingOccurrences(of: "_", with: " ") {
            item.set("label", label.value, line: label.line, column: label.column)
        }
        if let originalID, item["label"] == nil { item.set("label", originalID) }
        spellValues = []
        label = nil
        originalID = nil
        return item
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
        // libxml2 stops at its first fatal error; what it reports after that only follows from it.
        guard !failed else { return }
        failed = true
        let reason = Self.syntaxError((parseError as NSError).code)
        set.error(here, "erreur de syntaxe XML\u{00A0}: " + reason.french, "XML syntax error: " + reason.english)
    }

    private var failed = false

    /// libxml2's error numbers (xmlParserErrors) in words; Foundation passes on only the number.
    static func syntaxError(_ code: Int) -> Wording {
        switch code {
        case 5:
            Wording(
                "le document s'arrête où il ne devrait pas (un élément resté ouvert, ou du texte après le dernier)",
                "the document ends where it should not (an element left open, or text after the last one)")
        case 9: Wording("un caractère que XML n'admet pas", "a character XML does not allow")
        case 23: Wording("une référence d'entité sans son «\u{00A0};\u{00A0}»", "an entity reference without its ';'")
        case 26:
            Wording(
                "une entité inconnue (XML ne définit que «\u{00A0}&amp;\u{00A0}», «\u{00A0}&lt;\u{00A0}», «\u{00A0}&gt;\u{00A0}», «\u{00A0}&quot;\u{00A0}» et «\u{00A0}&apos;\u{00A0}»)",
                "an unknown entity (XML defines only &amp; &lt; &gt; &quot; &apos;)")
        case 38: Wording("«\u{00A0}<\u{00A0}» dans la valeur d'un attribut", "'<' inside an attribute's value")
        case 39, 40: Wording("la valeur d'un attribut se met entre guillemets", "an attribute's value must be in quotes")
        case 41: Wording("un attribut sans valeur", "an attribute without a value")
        case 42: Wording("un attribut donné deux fois", "an attribute given twice")
        case 45: Wording("un commentaire jamais refermé", "a comment that is not closed")
        case 65: Wording("il faut une espace ici", "a space is needed here")
        case 68: Wording("il faut un nom ici", "a name is needed here")
        case 73: Wording("«\u{00A0}>\u{00A0}» attendu", "'>' expected")
        case 76: Wording("une balise fermante ne correspond pas à l'élément qu'elle ferme", "a closing tag does not match the element it closes")
        case 77: Wording("une balise inachevée", "a tag that is not finished")
        default: Wording("erreur libxml2 \(code)", "libxml2 error \(code)")
        }
    }

    /// Relations have no free attributes: an edge attribute that is none of their fields (nor a
    /// record tie's) is not read, and the file says so once.
    private func checkEdgeField(_ name: String) {
        guard !GraphItemReader.edgeFields.contains(name.lowercased()) else { return }
        sayOnce(
            "edge:" + name, "l'attribut de lien «\u{00A0}\(name)\u{00A0}» n'est pas lu\u{00A0}: une relation n'a pas de champ pour lui",
            "edge attribute '\(name)' is not read: a relation has no field for it")
    }

    /// Other tools' ids may be any text (networkx writes names as ids): one that is not a Grappe id is
    /// made into one (`Ville de Laval` → `ville-de-laval`), the same way wherever it appears, and the
    /// file says so once.
    private func id(_ text: String?) -> String {
        guard let text, IDSyntax.problem(with: text) != nil, !text.trimmingSpaces().isEmpty else { return text ?? "" }
        let slug = IDSyntax.slug(text)
        sayOnce(
            "slug",
            "les id qui ne sont pas des id Grappe en deviennent («\u{00A0}\(text)\u{00A0}» → «\u{00A0}\(slug)\u{00A0}»), les noms gardés comme libellés",
            "ids that are not Grappe ids are made into ids ('\(text)' → '\(slug)'), names kept as labels")
        return slug
    }

    // MARK: GraphML

    private func graphml(_ element: String, _ attributes: [String: String]) {
        switch element {
        case "key":
            let domain = attributes["for"] ?? "all"
            guard let id = attributes["id"] else { return set.error(here, "<key> sans id", "<key> without an id") }
            let name = attributes["attr.name"] ?? id
            for target in domain == "all" ? ["node", "edge"] : [domain] where keys[target] != nil {
                keys[target]![id] = Key(name: name)
                keyBeingRead = (target, id)
            }
            if domain == "edge" || domain == "all" { checkEdgeField(name) }
        case "graph":
            graphDepth += 1
            if graphDepth > 1 {
                sayOnce(
                    "nested", "les graphes imbriqués ne sont pas lus\u{00A0}: seuls les nœuds et les liens du graphe du haut le sont",
                    "nested graphs are not read: only the top graph's nodes and edges are")
            }
        case "node", "edge":
            guard graphDepth == 1 else { return }
            itemDomain = element
            itemDepth = depth
            var new = GraphItem(file: file, origin: origin)
            if element == "node" {
                new.set("id", id(attributes["id"]))
                if attributes["id"] != new["id"] { originalID = attributes["id"] }
            } else {
                new.set("source", id(attributes["source"]))
                new.set("target", id(attributes["target"]))
            }
            item = new
        case "data": dataKey = attributes["key"]
        case "port":
            portDepth += 1
            sayOnce(element, "les éléments GraphML <\(element)> ne sont pas lus", "GraphML \(element)s are not read")
        case "hyperedge", "endpoint":
            sayOnce(element, "les éléments GraphML <\(element)> ne sont pas lus", "GraphML \(element)s are not read")
        default: break
        }
    }

    // MARK: GEXF

    private func gexf(_ element: String, _ attributes: [String: String]) {
        switch element {
        case "attributes":
            itemDomain = attributes["class"] ?? "node"
            if attributes["mode"] == "dynamic" {
                sayOnce(
                    "dynamic", "attributs dont la valeur change avec le temps\u{00A0}: on lit la première valeur de chacun",
                    "attributes whose values change over time: the first value of each is read")
            }
        case "attribute":
            guard let id = attributes["id"] else { return set.error(here, "<attribute> sans id", "<attribute> without an id") }
            keys[itemDomain]?[id] = Key(name: attributes["title"] ?? id)
            keyBeingRead = (itemDomain, id)
            if itemDomain == "edge" { checkEdgeField(attributes["title"] ?? id) }
        case "graph":
            graphDepth += 1
            if graphDepth == 1, let format = attributes["timeformat"] { timeFormat = format.lowercased() }
        case "node", "edge":
            guard graphDepth == 1, item == nil else {
                return sayOnce(
                    "nested", "les nœuds imbriqués (hiérarchies GEXF) ne sont pas lus\u{00A0}: seul le niveau du haut l'est",
                    "nested nodes (GEXF hierarchies) are not read: only the top level is")
            }
            itemDomain = element
            itemDepth = depth
            var new = GraphItem(file: file, origin: origin)
            for name in element == "node" ? ["id", "label"] : ["source", "target", "weight"] {
                guard let value = attributes[name] else { continue }
                new.set(name, ["id", "source", "target"].contains(name) ? id(value) : value, key: name)
            }
            if element == "node", let original = attributes["id"], original != new["id"] { originalID = original }
            let place = origin
            if element == "edge", let text = attributes["label"] { label = (text, place.line, place.column) }
            if element == "edge", let kind = attributes["kind"] { new.set("kind", kind, key: "kind") }
            item = new
            spell(attributes)
        case "attvalue":
            guard let key = attributes["for"], let value = attributes["value"] else {
                return set.error(here, "<attvalue> demande «\u{00A0}for\u{00A0}» et «\u{00A0}value\u{00A0}»", "<attvalue> needs 'for' and 'value'")
            }
            let place = origin
            let declared = undeclared(key, element: "attvalue for")
            item?.set(declared.name, value, key: declared.key, line: place.line, column: place.column)
        case "spell": spell(attributes)
        default: break
        }
    }

    /// A GEXF time as a date: as written for `date`; the day of a `dateTime`; for `double` and
    /// `integer`, the year a whole number from 1 to 9999 is (Gephi's `2004.0`). Any other number is no
    /// calendar time: nil, said once.
    private func time(_ text: String) -> String? {
        switch timeFormat {
        case "double", "integer":
            guard let value = Double(text.trimmingSpaces()), value == value.rounded(), (1...9999).contains(value) else {
                sayOnce(
                    "time",
                    "des temps GEXF ne sont pas des années (timeformat «\u{00A0}\(timeFormat)\u{00A0}», «\u{00A0}\(text)\u{00A0}»)\u{00A0}: ils ne sont pas placés",
                    "GEXF times that are not years (timeformat '\(timeFormat)', '\(text)') are not placed in time")
                return nil
            }
            let year = String(Int(value))
            return String(repeating: "0", count: max(0, 4 - year.count)) + year
        case "datetime":
            return text.split(separator: "T").first.map(String.init)
        default:
            return text
        }
    }

    /// A GEXF spell gives an entity its founding and a relation its dates when they have no field of
    /// their own; records take theirs from their fields.
    private func spell(_ attributes: [String: String]) {
        guard item != nil else { return }
        let start = (attributes["start"] ?? attributes["timestamp"]).flatMap(time), place = origin
        if itemDomain == "node", let start {
            spellValues.append(("founded", start, place.line, place.column))
        } else if itemDomain == "edge" {
            if let start { spellValues.append(("start", start, place.line, place.column)) }
            if let end = attributes["end"].flatMap(time) { spellValues.append(("end", end, place.line, place.column)) }
        }
    }
}
