import Foundation
import GrappeModel

/// GEXF: attributes, nodes (and hierarchies), edges, values and spells.
extension XMLGraphReader {
    func gexf(_ element: String, _ attributes: [String: String]) {
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
            if graphDepth == 1 { directedByDefault = attributes["defaultedgetype"]?.lowercased() == "directed" }
        case "nodes" where item != nil:
            // A hierarchy: the node holding these nodes is their group.
            groups.append(openGroup())
            groupDepths.append(depth)
        case "node", "edge":
            guard graphDepth == 1, item == nil else { return }
            itemDomain = element
            itemDepth = depth
            var new = GraphItem(file: file, origin: origin)
            for name in element == "node" ? Self.nodeAttributes : Self.edgeAttributes {
                guard let value = attributes[name] else { continue }
                new.set(name, name == "label" || name == "weight" ? value : id(value), key: name)
            }
            if element == "node", let group = groups.last ?? nil { new.set("parent", group) }
            if element == "node", let original = attributes["id"], original != new["id"] { originalID = original }
            let place = origin
            if element == "edge", let text = attributes["label"] { label = (text, place.line, place.column) }
            if element == "edge", let kind = attributes["kind"] { new.set("kind", kind, key: "kind") }
            if element == "edge" {
                let type = attributes["type"]?.lowercased()
                new.set("directed", type.map { $0 == "directed" } ?? directedByDefault ? "true" : "false")
            }
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

    static let nodeAttributes = ["id", "label"], edgeAttributes = ["source", "target", "weight"]

    /// A GEXF time as a date: as written for `date`; the day of a `dateTime`; for `double` and
    /// `integer`, the year a whole number from 1 to 9999 is (Gephi's `2004.0`). Any other number is no
    /// calendar time: nil, said once.
    func time(_ text: String) -> String? {
        switch timeFormat {
        case "double", "integer":
            guard let year = GephiTimes.year(text.trimmingSpaces()) else {
                sayOnce(
                    "time",
                    "des temps GEXF ne sont pas des années (timeformat «\u{00A0}\(timeFormat)\u{00A0}», «\u{00A0}\(text)\u{00A0}»)\u{00A0}: ils ne sont pas placés",
                    "GEXF times that are not years (timeformat '\(timeFormat)', '\(text)') are not placed in time")
                return nil
            }
            return year
        case "datetime":
            return text.split(separator: "T").first.map(String.init)
        default:
            return text
        }
    }

    /// A GEXF spell (or the `start` and `end` of a node or edge itself); `startopen` and `endopen`
    /// bound it too, the open side a day Grappe cannot tell apart.
    func spell(_ attributes: [String: String]) {
        guard item != nil else { return }
        let start = (attributes["start"] ?? attributes["startopen"] ?? attributes["timestamp"]).flatMap(time)
        let end = (attributes["end"] ?? attributes["endopen"] ?? attributes["timestamp"]).flatMap(time)
        guard start != nil || end != nil else { return }
        let place = origin
        spells.append((start, end, place.line, place.column))
    }

    /// The spells give an entity its founding and end (several spells: from the first's start to
    /// the last's end, said once) and a relation its start and end, or its `periods` when it held
    /// more than once; an item's own fields come first. Records take their dates from their fields.
    func placeInTime(_ item: inout GraphItem) {
        guard let first = spells.first, let last = spells.last else { return }
        if itemDomain == "node" {
            if let start = first.start { item.set("founded", start, line: first.line, column: first.column) }
            if let end = last.end { item.set("ended", end, line: last.line, column: last.column) }
            if spells.count > 1 {
                sayOnce(
                    "node spells", "des nœuds ont plusieurs périodes\u{00A0}: chacun est lu du premier début à la dernière fin",
                    "nodes with several spells are read from the first start to the last end")
            }
        } else if spells.count == 1 {
            if let start = first.start { item.set("start", start, line: first.line, column: first.column) }
            if let end = first.end { item.set("end", end, line: first.line, column: first.column) }
        } else {
            let text = spells.map { "\($0.start ?? "..")/\($0.end ?? "..")" }.joined(separator: " | ")
            item.set("periods", text, line: first.line, column: first.column)
        }
    }
}
