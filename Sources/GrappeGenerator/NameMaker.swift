/// Plausible French and Québécois organisation, person and city names, drawn from small word lists.
struct NameMaker {
    static let cities: [(name: String, country: String, region: String)] = [
        ("Montréal", "CA", "Québec"), ("Laval", "CA", "Québec"), ("Québec", "CA", "Québec"), ("Sherbrooke", "CA", "Québec"),
        ("Gatineau", "CA", "Québec"), ("Trois-Rivières", "CA", "Québec"), ("Longueuil", "CA", "Québec"),
        ("Saguenay", "CA", "Québec"), ("Lévis", "CA", "Québec"), ("Toronto", "CA", "Ontario"), ("Ottawa", "CA", "Ontario"),
        ("Lille", "FR", "Hauts-de-France"), ("Lyon", "FR", "Auvergne-Rhône-Alpes"), ("Paris", "FR", "Île-de-France"),
        ("Bordeaux", "FR", "Nouvelle-Aquitaine"), ("Nantes", "FR", "Pays de la Loire"), ("Toulouse", "FR", "Occitanie"),
        ("Rennes", "FR", "Bretagne"), ("Marseille", "FR", "Provence-Alpes-Côte d'Azur"), ("Strasbourg", "FR", "Grand Est"),
        ("Bruxelles", "BE", "Bruxelles-Capitale"), ("Liège", "BE", "Wallonie"), ("Genève", "CH", "Genève"),
        ("Lausanne", "CH", "Vaud"), ("Boston", "US", "Massachusetts"), ("Casablanca", "MA", "Casablanca-Settat"),
        ("Dakar", "SN", "Dakar"), ("Tunis", "TN", "Tunis"),
    ]

    static let stems = [
        "Numéri", "Commer", "Logi", "Data", "Nova", "Bleuet", "Érable", "Fleuve", "Boréal", "Vista",
        "Pixel", "Panier", "Marché", "Réseau", "Cap", "Horizon", "Agile", "Clic", "Vente", "Flux",
        "Atelier", "Cité", "Lien", "Mosaïque", "Phare", "Source", "Trame", "Vertex", "Zénith", "Étoile",
    ]
    static let endings = ["x", "on", "ia", "is", "eo", "a", "um", "o", "ix", "ance", "ys", "el"]
    static let companyForms = ["inc.", "SAS", "ltée", "SARL", "Solutions", "Technologies", "Groupe", "Conseil", "Labs"]
    static let associationForms = ["Association", "Regroupement", "Fédération", "Alliance", "Réseau"]
    static let sectors = [
        "commerce de détail", "commerce électronique", "logistique", "TIC", "relation client",
        "paiement", "distribution", "intelligence artificielle", "mode", "agroalimentaire",
    ]
    static let givenNames = [
        "Marie", "Jean", "Sophie", "Louis", "Camille", "Étienne", "Léa", "Mathieu", "Chloé", "François",
        "Isabelle", "Hugo", "Nathalie", "Olivier", "Amélie", "Gabriel", "Julie", "Benoît", "Zoé", "René",
    ]
    static let familyNames = [
        "Tremblay", "Gagnon", "Roy", "Côté", "Bouchard", "Gauthier", "Morin", "Lavoie", "Fortin",
        "Gagné", "Ouellet", "Pelletier", "Bélanger", "Lévesque", "Bergeron", "Leblanc", "Martin",
        "Bernard", "Dubois", "Lefèvre", "Moreau", "Girard", "Mercier", "Fournier",
    ]

    static func word(_ random: inout SeededRandom) -> String {
        random.pick(stems) + random.pick(endings)
    }
}
