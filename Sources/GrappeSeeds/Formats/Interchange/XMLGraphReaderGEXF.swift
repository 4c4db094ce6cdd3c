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
            for name in element == "node" ? ["id", "label"] : ["source", "target", "weight"] {
                guard let value = attributes[name] else { continue }
                new.set(name, ["id", "source", "target"].contains(name) ? id(value) : value, key: name)
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

    /// A GEXF time as a date: as written for `date`; the day of a `dateTime`; for `double` and
    /// `integer`, the year a whole number from 1 to 9999 is (Gephi's `2004.0`). Any other number is no
    /// calendar time: nil, said once.
    func time(_ text: String) -> String? {
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
    func spell(_ attributes: [String: String]) {
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
