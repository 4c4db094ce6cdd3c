import Foundation
import GrappeModel
import GrappeWords
import GrappeWorkspace

/// Every piece of interface text, in both languages.
public enum UI: CaseIterable, Sendable {
    case home, partners, clustersAndPoles, cities, people, agreements, missions, projects
    case name, type, kind, city, country, region, sector, links, title, titles, date, dates, place, status, parties
    case destinations, leader, budget, founded, ended, records, relations, sources, summary, attributes
    case filter, noMatch, buildingList, computingFigures, back, forward, open, quit, help, palette, reload, neighbourhood, pathFinder, sort,
        sortReverse
    case nextPane, move, top, bottom, pageUp, pageDown, clear, follow, newMission, language, hops, moreHops, fewerHops
    case tooSmall, loading, mostConnected, linkedToSeveralGroups, recentMissions, upcomingMissions, agreementsPerYear
    case fundingPerProgramme, noData, yearUnknown, entities, helpTitle, keysOf, paletteHint, commandUnknown
    case pathFrom, pathTo, pathNone, hop, reloadFailed, reloaded, diagnostics, count, item, distance, linkedClusters
    case selectPartner, close, mouseHint
    case editMission, undo, nextField, previousField, save, completionMove, acceptCompletion, cycleRole, cycleAttendance
    case removeDelegate, deleteWord, clearField, moveInField, deleteForward, copyID, copyCard, nothingToCopy, cardOf, copied, cannotCopy,
        newMissionTitle, editMissionTitle, discardConfirm, saved, saving, undone
    case readOnlyStore, staleEdit, draftRestored, draftUnreadable, draftsUnreadable, attendanceNotSaid, history, addDelegate, fixErrors, notAMission
    case missingEntity, storeFailed, delegates, readOnlyBadge, changedByOthers, storeBack, enterStays, pathUsage, searchTitle, searchHint
    case map, timeline, moveOnMap, nextMark, backToCentre, relationTypes, recentre, timelineKinds, allPartners, layingOut
    case mapNone, more, allKinds, funding, undated, notPlaced, selectPartnerFirst, sharedRecords
    case website, openLink, nothingToOpen, notAWebAddress, opened, cannotOpen, noOpener
    case redo, redone, offlineBadge, offline, backOnline, takeBackUnderWay, nothingDone, offerRedo, yesNo
    case selectionGone, mergedTheirs, theirs, yours, settleKeys, mergeLeft, changedFields, savingGoesOn, escLeavesSaving, isEditing, areEditing,
        savedAfterAll, draftAlreadySaved
    case asOfUsage, countsAsOf, countsToday
}

/// Every text the interface shows, in French or English.
public struct Strings: Speaking {
    /// The language the words are in.
    public let language: Language

    /// The interface's words in `language`.
    public init(_ language: Language) { self.language = language }

    /// The text of an interface word.
    public subscript(_ key: UI) -> String {
        let pair: (fr: String, en: String) =
            switch key {
            case .home: ("Accueil", "Home")
            case .partners: ("Partenaires", "Partners")
            case .clustersAndPoles: ("Grappes et pôles", "Clusters & poles")
            case .cities: ("Villes", "Cities")
            case .people: ("Personnes", "People")
            case .agreements: ("Ententes", "Agreements")
            case .missions: ("Missions", "Missions")
            case .projects: ("Projets", "Projects")
            case .name: ("Nom", "Name")
            case .type: ("Type", "Type")
            case .kind: ("Nature", "Kind")
            case .city: ("Ville", "City")
            case .country: ("Pays", "Country")
            case .region: ("Région", "Region")
            case .sector: ("Secteur", "Sector")
            case .links: ("Liens", "Links")
            case .title: ("Titre", "Title")
            case .titles: ("Fonctions", "Titles")
            case .date: ("Date", "Date")
            case .dates: ("Dates", "Dates")
            case .place: ("Lieu", "Place")
            case .status: ("Statut", "Status")
            case .parties: ("Parties", "Parties")
            case .destinations: ("Destinations", "Destinations")
            case .leader: ("Chef", "Leader")
            case .budget: ("Budget", "Budget")
            case .founded: ("Fondé", "Founded")
            case .ended: ("Fin", "Ended")
            case .records: ("Dossiers", "Records")
            case .relations: ("Relations", "Relations")
            case .sources: ("Sources", "Sources")
            case .summary: ("Résumé", "Summary")
            case .attributes: ("Attributs", "Attributes")
            case .filter: ("filtrer", "filter")
            case .noMatch: ("Aucun résultat", "No match")
            case .buildingList: ("Liste en préparation…", "Building the list…")
            case .computingFigures: ("Calcul en cours…", "Computing…")
            case .back: ("retour", "back")
            case .forward: ("suivant", "forward")
            case .open: ("ouvrir", "open")
            case .quit: ("quitter", "quit")
            case .help: ("aide", "help")
            case .palette: ("commandes", "commands")
            case .reload: ("recharger", "reload")
            case .neighbourhood: ("voisinage", "neighbourhood")
            case .pathFinder: ("chemin", "path")
            case .sort: ("trier", "sort")
            case .sortReverse: ("inverser le tri", "reverse sort")
            case .nextPane: ("panneau", "pane")
            case .move: ("déplacer", "move")
            case .top: ("début", "top")
            case .bottom: ("fin", "bottom")
            case .pageUp: ("page préc.", "page up")
            case .pageDown: ("page suiv.", "page down")
            case .clear: ("effacer", "clear")
            case .follow: ("suivre le lien", "follow link")
            case .newMission: ("nouvelle mission", "new mission")
            case .language: ("langue", "language")
            case .hops: ("sauts", "hops")
            case .moreHops: ("plus loin", "more hops")
            case .fewerHops: ("moins loin", "fewer hops")
            case .tooSmall: ("Terminal trop petit\u{00A0}: 40×12 au minimum", "Terminal too small: 40×12 at least")
            case .loading: ("Chargement…", "Loading…")
            case .mostConnected: ("Partenaires les plus connectés", "Most connected partners")
            case .linkedToSeveralGroups: ("Liés à plusieurs grappes ou pôles", "Linked to several clusters or poles")
            case .recentMissions: ("Missions récentes", "Recent missions")
            case .upcomingMissions: ("Missions à venir", "Upcoming missions")
            case .agreementsPerYear: ("Ententes par année", "Agreements per year")
            case .fundingPerProgramme: ("Financement par programme", "Funding per programme")
            case .noData: ("aucune donnée", "no data")
            case .yearUnknown: ("année inconnue", "year unknown")
            case .entities: ("entités", "entities")
            case .helpTitle: ("Aide", "Help")
            case .keysOf: ("Touches de cette vue", "Keys of this view")
            case .paletteHint:
                (
                    "partenaires, missions, voir ID, chemin A B, carte, chronologie, langue fr|en, quitter",
                    "partners, missions, show ID, path A B, map, timeline, lang fr|en, quit"
                )
            case .commandUnknown: ("Commande inconnue", "Unknown command")
            case .pathFrom: ("De", "From")
            case .pathTo: ("À", "To")
            case .pathNone: ("Aucun lien entre eux", "Not connected")
            case .hop: ("saut", "hop")
            case .reloadFailed:
                (
                    "Rechargement refusé\u{00A0}: les graines ont des erreurs\u{00A0}; le réseau précédent reste affiché",
                    "Reload refused: the seeds have errors; the last good network stays"
                )
            case .reloaded: ("Graines rechargées", "Seeds reloaded")
            case .diagnostics: ("Diagnostics", "Diagnostics")
            case .count: ("Nombre", "Count")
            case .item: ("Élément", "Item")
            case .distance: ("distance", "distance")
            case .linkedClusters: ("relie", "links")
            case .selectPartner: ("Tapez un nom, Tab pour compléter, Entrée pour valider", "Type a name, Tab to complete, Enter to confirm")
            case .close: ("fermer", "close")
            case .mouseHint: ("clic\u{00A0}: choisir · molette\u{00A0}: défiler", "click: select · wheel: scroll")
            case .editMission: ("modifier la mission", "edit mission")
            case .undo: ("annuler votre dernière modification", "undo your last change")
            case .nextField: ("champ suivant", "next field")
            case .previousField: ("champ précédent", "previous field")
            case .save: ("enregistrer", "save")
            case .completionMove: ("choisir une suggestion", "pick a suggestion")
            case .acceptCompletion: ("prendre la suggestion", "take the suggestion")
            case .cycleRole: ("rôle", "role")
            case .cycleAttendance: ("présence", "attendance")
            case .removeDelegate: ("retirer le délégué", "remove delegate")
            case .deleteWord: ("effacer un mot", "delete a word")
            case .clearField: ("vider le champ", "clear the field")
            case .moveInField: ("se déplacer dans le champ (caractère, début et fin, mot)", "move in the field (character, start and end, word)")
            case .deleteForward: ("effacer le caractère suivant", "delete the next character")
            case .copyID: ("copier l'id", "copy the id")
            case .copyCard: ("copier la fiche en texte", "copy the card as text")
            case .nothingToCopy: ("Rien à copier ici", "Nothing to copy here")
            case .cardOf: ("la fiche de", "the card of")
            case .copied: ("Copié", "Copied")
            case .cannotCopy:
                (
                    "Copie impossible\u{00A0}: le terminal n'annonce pas le presse-papiers (OSC 52)\u{00A0}; GRAPPE_CLIPBOARD=osc52 le force",
                    "Cannot copy: the terminal does not announce clipboard access (OSC 52); GRAPPE_CLIPBOARD=osc52 forces it"
                )
            case .newMissionTitle: ("Nouvelle mission", "New mission")
            case .editMissionTitle: ("Modifier la mission", "Edit mission")
            case .discardConfirm: ("Abandonner les modifications\u{00A0}? o\u{00A0}: oui · n\u{00A0}: non", "Discard your changes? y: yes · n: no")
            case .saved: ("Enregistré", "Saved")
            case .saving: ("Enregistrement en cours… le formulaire attend la réponse du registre", "Saving… the form waits for the store's answer")
            case .undone: ("Annulé", "Undone")
            case .readOnlyStore: ("Registre en lecture seule", "Read-only store")
            case .staleEdit:
                (
                    "Modifiée entre-temps par quelqu'un d'autre\u{00A0}; ^S fusionnera vos changements avec les siens",
                    "Changed meanwhile by someone else; ^S merges your changes with theirs"
                )
            case .draftRestored: ("Brouillon non enregistré retrouvé", "Unsaved draft restored")
            case .draftUnreadable: ("Brouillon illisible, laissé en place", "Unreadable draft, left in place")
            case .draftsUnreadable: ("Brouillons illisibles, laissés en place", "Unreadable drafts, left in place")
            case .attendanceNotSaid: ("présence à préciser", "attendance unknown")
            case .history: ("Historique", "History")
            case .addDelegate: ("+ ajouter (tapez un nom)", "+ add (type a name)")
            case .fixErrors: ("Rien n'est enregistré\u{00A0}: corrigez les champs en rouge", "Nothing saved: fix the fields in red")
            case .notAMission: ("Choisissez d'abord une mission", "Select a mission first")
            case .missingEntity: ("n'est plus dans les graines", "no longer in the seeds")
            case .storeFailed: ("Échec du registre", "Store failed")
            case .changedByOthers: ("Modifié par", "Changed by")
            case .storeBack: ("Registre de nouveau joignable", "Store reachable again")
            case .pathUsage:
                (
                    "path A B\u{00A0}: deux partenaires, chacun désigné sans ambiguïté (guillemets pour un nom avec espaces)",
                    "path A B: two partners, each named unambiguously (quotes for a name with spaces)"
                )
            case .searchTitle: ("Rechercher", "Search")
            case .searchHint:
                (
                    "noms, sigles, titres, résumés · Entrée\u{00A0}: résultats · Échap\u{00A0}: fermer",
                    "names, acronyms, titles, summaries · Enter: results · Esc: close"
                )
            case .enterStays:
                ("Entrée prend une suggestion\u{00A0}; Tab passe au champ suivant", "Enter takes a suggestion; Tab moves to the next field")
            case .readOnlyBadge: ("lecture seule", "read-only")
            case .delegates: ("Délégation", "Delegation")
            case .map: ("carte", "map")
            case .timeline: ("chronologie", "timeline")
            case .moveOnMap: ("aller à la marque voisine", "move to the next mark that way")
            case .nextMark: ("marque suivante", "next mark")
            case .backToCentre: ("revenir au centre", "back to the centre")
            case .relationTypes: ("types de liens", "relation types")
            case .recentre: ("recentrer sur la marque", "centre on the mark")
            case .timelineKinds: ("nature", "kind")
            case .allPartners: ("tous les partenaires", "all partners")
            case .layingOut: ("Placement des partenaires…", "Laying out the partners…")
            case .mapNone: ("Aucun lien à dessiner", "No links to draw")
            case .more: ("hors de la carte", "not drawn")
            case .allKinds: ("tout", "everything")
            case .funding: ("financement", "funding")
            case .undated: ("Sans date", "Undated")
            case .notPlaced: ("Année inconnue\u{00A0}: hors de l'axe", "Year unknown: not placed on the axis")
            case .selectPartnerFirst: ("Choisissez d'abord un partenaire", "Select a partner first")
            case .sharedRecords: ("dossiers communs", "shared records")
            case .website: ("Site web", "Website")
            case .openLink: ("ouvrir le site web", "open the website")
            case .nothingToOpen:
                ("Rien à ouvrir ici\u{00A0}: aucun site web n'est connu pour cet élément", "Nothing to open here: no website is known for this item")
            case .notAWebAddress: ("Pas une adresse web (http ou https)", "Not a web address (http or https)")
            case .opened: ("Ouvert dans le navigateur", "Opened in the browser")
            case .cannotOpen: ("Ouverture impossible", "Cannot open")
            case .noOpener:
                (
                    "aucun programme pour ouvrir un lien ($BROWSER ou xdg-open) sur cette machine",
                    "no program to open a link ($BROWSER or xdg-open) on this machine"
                )
            case .redo: ("rétablir ce qui a été annulé", "redo what was undone")
            case .redone: ("Rétabli", "Redone")
            case .offlineBadge: ("hors ligne — reconnexion…", "offline — reconnecting…")
            case .offline:
                (
                    "Serveur hors ligne, reconnexion en cours\u{00A0}; rien ne peut être enregistré pour l'instant",
                    "Server offline, reconnecting; nothing can be recorded for now"
                )
            case .backOnline: ("Serveur de nouveau en ligne", "Server back online")
            case .takeBackUnderWay:
                ("Une annulation est déjà en cours\u{00A0}; attendez sa réponse", "An undo is already under way; wait for its answer")
            case .nothingDone: ("Rien n'a été fait", "Nothing was done")
            case .offerRedo: ("U pour rétablir", "U to redo")
            case .yesNo: ("o\u{00A0}: oui · N\u{00A0}: non", "y: yes · N: no")
            case .selectionGone: ("L'élément sélectionné n'est plus là", "The selected item is gone")
            case .mergedTheirs: ("Fusionné avec la version enregistrée entre-temps", "Merged with the version saved meanwhile")
            case .theirs: ("le leur", "theirs")
            case .yours: ("le vôtre", "yours")
            case .settleKeys: ("1\u{00A0}: le leur · 2\u{00A0}: le vôtre · Échap\u{00A0}: revenir", "1: theirs · 2: yours · Esc: back")
            case .mergeLeft: ("Rien n'est enregistré\u{00A0}; ^S fusionne de nouveau", "Nothing saved; ^S merges again")
            case .savingGoesOn:
                (
                    "Formulaire fermé, l'enregistrement continue\u{00A0}; s'il échoue, le formulaire revient",
                    "Form closed, the save goes on; if it fails, the form comes back"
                )
            case .escLeavesSaving: ("Échap ferme le formulaire, le brouillon est gardé", "Esc closes the form, the draft is kept")
            case .savedAfterAll: ("Enregistrée malgré tout (le serveur l'avait reçue)", "Saved after all (the server had it)")
            case .draftAlreadySaved: ("Brouillon déjà enregistré, oublié", "Draft already saved, forgotten")
            case .asOfUsage:
                (
                    "asof DATE\u{00A0}: une année, un mois ou un jour (2014, 2014-06, 2014-06-30)\u{00A0}; aujourdhui pour revenir",
                    "asof DATE: a year, a month or a day (2014, 2014-06, 2014-06-30); today to come back"
                )
            case .countsAsOf: ("Liens et chiffres comptés", "Links and figures counted")
            case .countsToday: ("Liens et chiffres comptés aujourd'hui", "Links and figures counted today")
            case .isEditing: ("modifie cette mission en ce moment", "is editing this mission right now")
            case .areEditing: ("modifient cette mission en ce moment", "are editing this mission right now")
            case .changedFields: ("^S fusionnera avec vos changements", "^S will merge them with yours")
            }
        return language == .fr ? pair.fr : pair.en
    }

    /// Where the selection is in a list ("12/30"), or, while filtering, how many rows match ("3 of 30").
    public func position(_ selected: Int, of shown: Int, total: Int, filtering: Bool) -> String {
        if filtering { return "\(number(shown)) \(language == .fr ? "sur" : "of") \(number(total))" }
        return shown == 0 ? "0/\(number(total))" : "\(number(selected + 1))/\(number(shown))"
    }

    /// A form field's label.
    public func field(_ field: MissionField) -> String {
        let pair: (String, String) =
            switch field {
            case .title: ("Titre", "Title")
            case .status: ("Statut", "Status")
            case .leader: ("Chef de mission", "Leader")
            case .onBehalfOf: ("Au nom de", "On behalf of")
            case .origin: ("Départ", "Origin")
            case .destinations: ("Destinations", "Destinations")
            case .start: ("Début", "Start")
            case .end: ("Fin", "End")
            case .objectives: ("Objectifs", "Objectives")
            case .delegates: ("Délégation", "Delegation")
            case .toMeet: ("À rencontrer", "To meet")
            case .budget: ("Budget", "Budget")
            case .funders: ("Financeurs", "Funders")
            case .agreements: ("Ententes signées", "Agreements signed")
            case .newAgreements: ("Nouvelles ententes", "New agreements")
            case .partnersMet: ("Partenaires rencontrés", "Partners met")
            case .newPartners: ("Nouveaux partenaires", "New partners")
            case .followUps: ("Suites", "Follow-ups")
            case .notes: ("Notes", "Notes")
            case .sources: ("Sources", "Sources")
            }
        return language == .fr ? pair.0 : pair.1
    }

    /// What a field expects, shown dimmed while it is empty.
    public func placeholder(_ field: MissionField) -> String {
        let pair: (String, String) =
            switch field {
            case .status: ("prévue, confirmée, en cours, terminée, annulée", "planned, confirmed, under way, completed, cancelled")
            case .start, .end: ("AAAA-MM-JJ, AAAA-MM, XXXX-10…", "YYYY-MM-DD, YYYY-MM, XXXX-10…")
            case .onBehalfOf, .destinations, .toMeet, .funders, .agreements, .partnersMet, .sources:
                ("noms ou ids, séparés par des virgules", "names or ids, separated by commas")
            case .objectives, .followUps: ("séparés par des points-virgules", "separated by semicolons")
            case .newAgreements: ("Titre | date | signataire, …\u{00A0}; …", "Title | date | signatory, … ; …")
            case .newPartners: ("Nom | type | ville\u{00A0}; …", "Name | type | city ; …")
            case .budget: ("montant et devise\u{00A0}: 25000 CAD", "amount and currency: 25000 CAD")
            default: ("", "")
            }
        return language == .fr ? pair.0 : pair.1
    }

}

extension Strings {
    /// The day counts are taken at, as the header and notices say it: the end of a year or a month
    /// ("à fin 2014", "as of the end of Jun 2027"), or a day ("au 30 juin 2027", "as of 30 Jun 2027").
    public func asOf(_ date: PartialDate) -> String {
        let words = Words(language).date(date)
        return date.day != nil ? say("au \(words)", "as of \(words)") : say("à fin \(words)", "as of the end of \(words)")
    }
}
