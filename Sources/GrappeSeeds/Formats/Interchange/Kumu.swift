import GrappeModel

/// Kumu's vocabulary as Grappe reads it.
enum Kumu {
    /// The Grappe kind (and organisation type) a Kumu element type names, if any: Kumu's own
    /// templates use Person, Organization, Project, Event; Grappe's exports write its kinds capitalised.
    static func kind(_ type: String) -> (kind: String, type: String?)? {
        let word = type.trimmingSpaces().lowercased().replacingOccurrences(of: " ", with: "_")
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
}
