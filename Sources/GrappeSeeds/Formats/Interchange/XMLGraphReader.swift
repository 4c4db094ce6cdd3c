import Foundation
import GrappeModel
import GrappeWords

#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads a GraphML (graphml.graphdrawing.org) or GEXF (gexf.net, 1.1 to 1.3) file through Foundation's
/// XML parser (libxml2): its nodes and edges become graph items for `GraphItemReader`, each value at the
/// line and column of its element. Nested graphs, groups and hierarchies are read at every level
/// (`openGroup`). What a Grappe network cannot hold is said once per kind, never dropped in silence:
/// hyperedges and ports, GEXF's drawing (viz), values that change over time (the first is read), and
/// edge attributes a relation has no field for. GEXF's own elements: XMLGraphReaderGEXF.swift.
final class XMLGraphReader: NSObject, XMLParserDelegate {
    let file: SeedFile
    let fileIndex: Int32
    let set: SeedSet
    let reader: GraphItemReader

    enum Format { case graphml, gexf }
    var format: Format?
    var parser: XMLParser?

    /// Declared attributes: GraphML keys or GEXF attributes, by domain (`node`, `edge`) and id.
    struct Key {
        var name: String
        var defaultValue: String?
        /// yFiles' drawing of a node or an edge (`yfiles.type` nodegraphics, edgegraphics): only the
        /// text of its labels is read, as the item's label.
        var graphics = false
        /// The name in lower case, worked out once rather than for every value.
        var key: String

        init(name: String) {
            self.name = name
            key = name.lowercased()
        }
    }
    var keys: [String: [String: Key]] = ["node": [:], "edge": [:], "hyperedge": [:]] {
        didSet { defaultsByDomain = [:] }
    }
    /// The keys with a default value, by domain and in name order: worked out once, not per item.
    var defaultsByDomain: [String: [Key]] = [:]
    /// The nodes a GraphML hyperedge being read joins, with where each is named.
    var endpoints: [(node: String, line: Int32, column: Int32)] = []
    /// How many hyperedges were read, for the ids of those that have none.
    var hyperedges = 0
    var keyBeingRead: (domain: String, id: String)?

    var item: GraphItem?
    /// What a GEXF element's spell or label says, used when its fields do not say it themselves.
    var spells: [(start: String?, end: String?, line: Int32, column: Int32)] = []
    var label: (value: String, line: Int32, column: Int32)?
    /// A node's id as the file wrote it, when it had to be made into a slug: its name if it has no label.
    var originalID: String?
    var itemDomain = ""
    var dataKey: String?
    var text = ""
    var depth = 0
    var graphDepth = 0
    /// The depth of the node or edge being read, so that a nested one's end does not end it.
    var itemDepth = 0
    var said: Set<String> = []
    /// Whether the file's edges go one way unless an edge says otherwise (GraphML's `edgedefault`,
    /// GEXF's `defaultedgetype`): an edge without a Grappe type is then `linked_to`, not `partner_of`.
    var directedByDefault = false
    /// GEXF's `timeformat`: `date` (the default), `double` or `integer` (Gephi writes years as
    /// `2004.0`), `dateTime`.
    var timeFormat = "date"
    /// yFiles' `<y:NodeLabel>` or `<y:EdgeLabel>` being read inside a graphics value (its depth), its
    /// text so far, and the first label's text of the item's drawing.
    var labelDepth: Int?
    var labelText = ""
    var drawnLabel: String?
    /// Inside a GraphML `<port>`: its `<data>` describe the port, not its node.
    var portDepth = 0
    /// The groups being read: a GraphML node holding a nested `<graph>` (yEd's groups, Cytoscape's
    /// nested networks) or a GEXF node holding `<nodes>` (hierarchies). A group is a node like any
    /// other, read when its nested graph starts; what is inside it is read too, each node keeping its
    /// group as its attribute `parent`. Nil marks a nested graph that is not inside a node.
    var groups: [String?] = []

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
        let bytes: [UInt8]
        switch file.utf8XML() {
        case .success(let decoded): bytes = decoded
        case .failure(let refusal):
            return set.error(file.location(line: 1, column: 1)) { w in
                refusal.known
                    ? w.say(
                        "le fichier n'est pas écrit dans l'encodage que déclare son en-tête (\(refusal.name))",
                        "the file is not written in the encoding its declaration names (\(refusal.name))")
                    : w.say(
                        "encodage XML «\u{00A0}\(refusal.name)\u{00A0}» non lu\u{00A0}: enregistrez le fichier en UTF-8",
                        "XML encoding '\(refusal.name)' is not read: save the file as UTF-8")
            }
        }
        let parser = XMLParser(stream: InputStream(data: Data(bytes)))
        parser.shouldProcessNamespaces = true
        parser.shouldResolveExternalEntities = false
        parser.delegate = self
        self.parser = parser
        // Foundation's parser gives nothing for a reference to an entity the document declares
        // (`<!ENTITY ent "…">`): never in silence. (External entities are never read.)
        // Declarations only come in the document type, before the root element: only that is searched.
        if let at = Self.entityDeclaration(in: file.bytes) {
            let line = file.bytes[..<at.lowerBound].count(where: { $0 == 0x0A }) + 1
            set.warning(
                file.location(line: line, column: 1),
                "les entités que déclare le document ne sont pas développées\u{00A0}: le texte d'une référence à l'une d'elles (&nom;) est laissé de côté",
                "entities the document declares are not expanded: the text of a reference to one (&name;) is left out", .leftOut)
        }
        _ = parser.parse()
        if format == nil, set.diagnostics.allSatisfy({ $0.location.path != file.displayPath }) {
            set.error(
                file.location(line: 1, column: 1), "ni GraphML ni GEXF\u{00A0}: l'élément racine n'est ni <graphml> ni <gexf>",
                "not a GraphML or GEXF file: the root element is neither <graphml> nor <gexf>")
        }
    }

    var here: SourceLocation {
        file.location(line: max(1, parser?.lineNumber ?? 1), column: max(1, parser?.columnNumber ?? 1))
    }

    var origin: Origin {
        Origin(file: fileIndex, line: Int32(max(1, parser?.lineNumber ?? 1)), column: Int32(max(1, parser?.columnNumber ?? 1)))
    }

    /// The depths of the GEXF `<nodes>` elements that opened a group.
    var groupDepths: [Int] = []
    /// The depths of the group nodes being read (their elements not yet closed).
    var groupElements: [Int] = []

    /// A nested graph (or GEXF `<nodes>`) starts: the node being read, if any, is a group. It is read
    /// now, with what it said so far (what it says after its nested graph would be lost: said once),
    /// and its id names the group of what follows.
    func openGroup() -> String? {
        sayOnce(
            "nested",
            "graphes imbriqués et groupes\u{00A0}: leurs nœuds et leurs liens sont lus, chaque nœud gardant son groupe dans l'attribut «\u{00A0}parent\u{00A0}»",
            "nested graphs and groups: their nodes and edges are read, each node keeping its group as the attribute 'parent'", .mapped)
        guard let group = item, itemDomain == "node" else { return nil }
        groupElements.append(itemDepth)
        item = nil
        reader.node(completed(group))
        return group["id"]
    }

    /// The key a value names: declared for the item's domain; else declared for another domain (a
    /// file that declares `for="edge"` and uses it on nodes), or not declared at all (Gephi 0.8's
    /// `<attvalue for="weight">`), then read under the other domain's name or its own id, and said
    /// once per key.
    func undeclared(_ id: String, element: String) -> Key {
        if let declared = keys[itemDomain]?[id] { return declared }
        let elsewhere = keys.values.lazy.compactMap { $0[id] }.first
        sayOnce(
            "undeclared:" + itemDomain + ":" + id,
            "<\(element)=\"\(id)\"> ne nomme aucun attribut déclaré pour le domaine «\u{00A0}\(itemDomain)\u{00A0}»\u{00A0}: lu sous le nom «\u{00A0}\(elsewhere?.name ?? id)\u{00A0}»",
            "<\(element)=\"\(id)\"> names no attribute declared for \(itemDomain)s: read as '\(elsewhere?.name ?? id)'", .mapped)
        return elsewhere ?? Key(name: id)
    }

    /// Says something once per file and kind of thing.
    func sayOnce(_ what: String, _ french: String, _ english: String, _ category: Diagnostic.Category = .leftOut) {
        if said.insert(what).inserted { set.warning(here, french, english, category) }
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
        if dataKey != nil, element == "NodeLabel" || element == "EdgeLabel", labelDepth == nil {
            labelDepth = depth
            labelText = ""
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
        if labelDepth == depth { labelText += string }
    }

    /// A CDATA section is text like any other (`<![CDATA[x < y]]>`).
    func parser(_ parser: XMLParser, foundCDATA block: Data) {
        if dataKey != nil || keyBeingRead != nil { text += String(decoding: block, as: UTF8.self) }
    }

    func parser(_ parser: XMLParser, didEndElement element: String, namespaceURI: String?, qualifiedName: String?) {
        defer { depth -= 1 }
        switch element {
        case "data" where format == .graphml:
            if dataKey != nil, item == nil, groupElements.last == depth - 1 {
                sayOnce(
                    "late-group-data", "une valeur d'un groupe placée après son graphe imbriqué n'est pas lue",
                    "a group's value written after its nested graph is not read")
            }
            if let key = dataKey, item != nil, portDepth == 0 {
                let place = origin
                let declared = undeclared(key, element: "data key")
                if declared.graphics {
                    // yEd's label: the node's name or the edge's label, as yEd shows it.
                    if let label = drawnLabel { item?.set("label", label, line: place.line, column: place.column) }
                } else {
                    item?.set(declared.name, text, key: declared.key, line: place.line, column: place.column)
                }
            }
            dataKey = nil
            drawnLabel = nil
        case "NodeLabel", "EdgeLabel":
            if labelDepth == depth {
                let label = labelText.trimmingSpaces()
                if drawnLabel == nil, !label.isEmpty { drawnLabel = label }
                labelDepth = nil
            }
        case "port" where format == .graphml: portDepth -= 1
        case "default":
            if let (domain, id) = keyBeingRead { keys[domain]?[id]?.defaultValue = text.trimmingSpaces() }
        case "desc" where format == .graphml:
            // Grappe's exports keep an attribute's human name (with spaces) in its key's description.
            if let (domain, id) = keyBeingRead, !text.trimmingSpaces().isEmpty { keys[domain]?[id]?.name = text.trimmingSpaces() }
        case "key", "attribute": keyBeingRead = nil
        case "graph":
            if graphDepth > 1, format == .graphml, !groups.isEmpty { groups.removeLast() }
            graphDepth -= 1
        case "nodes" where format == .gexf && !groups.isEmpty && depth == groupDepths.last:
            groups.removeLast()
            groupDepths.removeLast()
        case "hyperedge" where format == .graphml: finishHyperedge()
        case "node", "edge":
            if groupElements.last == depth { groupElements.removeLast() }
            guard let finished = item, depth == itemDepth else { return }
            item = nil
            element == "node" ? reader.node(completed(finished)) : reader.edge(completed(finished))
        default: break
        }
        text = ""
    }

    /// An item with what its own values leave unsaid: declared defaults, then (GEXF) its spell's dates
    /// for an entity or a relation, and its label unless it only repeats the relation type in words.
    func completed(_ item: GraphItem) -> GraphItem {
        var item = item
        if defaultsByDomain[itemDomain] == nil {
            defaultsByDomain[itemDomain] = (keys[itemDomain] ?? [:]).values.filter { $0.defaultValue != nil }.sorted { $0.name < $1.name }
        }
        for key in defaultsByDomain[itemDomain]! { item.set(key.name, key.defaultValue!, key: key.key) }
        let isRecord = item["kind"].map { RecordKind(rawValue: $0.lowercased()) != nil } ?? false
        if !isRecord { placeInTime(&item) }
        if let label, !Self.sameWords(label.value, type: item["type"]) {
            item.set("label", label.value, line: label.line, column: label.column)
        }
        if let originalID, item["label"] == nil { item.set("label", originalID) }
        spells = []
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

    var failed = false

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
    func checkEdgeField(_ name: String) {
        guard !GraphItemReader.edgeFields.contains(name.lowercased()) else { return }
        sayOnce(
            "edge:" + name, "l'attribut de lien «\u{00A0}\(name)\u{00A0}» n'est pas lu\u{00A0}: une relation n'a pas de champ pour lui",
            "edge attribute '\(name)' is not read: a relation has no field for it")
    }

    /// Other tools' ids may be any text (networkx writes names as ids): one that is not a Grappe id is
    /// made into one (`Ville de Laval` → `ville-de-laval`), the same way wherever it appears, and the
    /// file says so once.
    func id(_ text: String?) -> String {
        guard let text, IDSyntax.problem(with: text) != nil, !text.trimmingSpaces().isEmpty else { return text ?? "" }
        let slug = IDSyntax.slug(text)
        sayOnce(
            "slug",
            "les id qui ne sont pas des id Grappe en deviennent («\u{00A0}\(text)\u{00A0}» → «\u{00A0}\(slug)\u{00A0}»), les noms gardés comme libellés",
            "ids that are not Grappe ids are made into ids ('\(text)' → '\(slug)'), names kept as labels", .mapped)
        return slug
    }

    // MARK: GraphML

    func graphml(_ element: String, _ attributes: [String: String]) {
        switch element {
        case "key":
            let domain = attributes["for"] ?? "all"
            guard let id = attributes["id"] else { return set.error(here, "<key> sans id", "<key> without an id") }
            let name = attributes["attr.name"] ?? id
            for target in domain == "all" ? ["node", "edge", "hyperedge"] : [domain] where keys[target] != nil {
                keys[target]![id] = Key(name: name)
                keys[target]![id]!.graphics = ["nodegraphics", "edgegraphics"].contains(attributes["yfiles.type"] ?? "")
                keyBeingRead = (target, id)
            }
            if domain == "edge" || domain == "all" { checkEdgeField(name) }
        case "graph":
            graphDepth += 1
            if graphDepth == 1 { directedByDefault = attributes["edgedefault"]?.lowercased() == "directed" }
            if graphDepth > 1 { groups.append(openGroup()) }
        case "node", "edge":
            guard item == nil else { return }
            itemDomain = element
            itemDepth = depth
            var new = GraphItem(file: file, origin: origin)
            if element == "node" {
                new.set("id", id(attributes["id"]))
                if attributes["id"] != new["id"] { originalID = attributes["id"] }
                if let group = groups.last ?? nil { new.set("parent", group) }
            } else {
                new.set("source", id(attributes["source"]))
                new.set("target", id(attributes["target"]))
                let directed = attributes["directed"].map { $0.lowercased() == "true" } ?? directedByDefault
                new.set("directed", directed ? "true" : "false")
            }
            item = new
        case "data": dataKey = attributes["key"]
        case "port":
            portDepth += 1
            sayOnce(element, "les éléments GraphML <\(element)> ne sont pas lus", "GraphML \(element)s are not read")
        case "hyperedge": hyperedge(attributes)
        case "endpoint" where itemDomain == "hyperedge" && item != nil:
            guard let node = attributes["node"] else { return set.error(here, "<endpoint> sans node", "<endpoint> without a node") }
            let place = origin
            endpoints.append((id(node), place.line, place.column))
        default: break
        }
    }
}
