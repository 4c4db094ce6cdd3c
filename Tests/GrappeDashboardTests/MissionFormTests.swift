import Foundation
import GrappeDashboard
import GrappeModel
import GrappeTestSupport
import GrappeWords
import GrappeWorkspace
import Testing

/// The mission form as values: keys in, effects and screen text out. The store is outside: tests see
/// the effects the dashboard would hand it.
@Suite struct MissionFormTests {
    static func typed(_ text: String) -> [Key] { text.map { Key.character($0) } }

    /// Sends keys; returns the effects, in order.
    @discardableResult
    static func send(_ keys: [Key], to state: inout DashboardState) -> [Effect] {
        keys.compactMap { state.handle($0) }
    }

    @Test func recordsANewMissionWithCompletionAndADelegation() throws {
        var state = DashboardTests.state(.fr)
        Self.send([.character("m")], to: &state)
        #expect(state.form != nil && state.context == .form)
        // Every printable key is typed, even those that are commands elsewhere (q, m, u…).
        var effects = Self.send(Self.typed("Mission numérique à Québec"), to: &state)
        #expect(state.form?.texts[.title] == "Mission numérique à Québec")
        #expect(effects.last == .keepDraft(key: "new", state.form!.draft), "each change is kept as a draft")
        Self.send([.tab, .tab] + Self.typed("demers"), to: &state)
        #expect(state.form?.completions.map(\.value) == ["marc-demers"])
        Self.send([.enter, .tab] + Self.typed("centre qu"), to: &state)
        #expect(state.form?.texts[.leader] == "marc-demers")
        #expect(state.form?.completions.first?.value == "cqic", "accent-insensitive: 'qu' finds québécois")
        // "laval" is exactly a city id: nothing to complete, so Enter stays in the field and says how
        // to move (what is typed next must not land in the next field); Tab moves.
        Self.send([.enter, .tab] + Self.typed("laval") + [.enter], to: &state)
        #expect(state.form?.texts[.origin] == "laval" && state.form?.focused == .text(.origin))
        #expect(state.message == "Entrée prend une suggestion\u{00A0}; Tab passe au champ suivant")
        Self.send([.tab] + Self.typed("lille, mont"), to: &state)
        #expect(state.form?.completions.first?.value == "montreal")
        Self.send([.enter, .tab] + Self.typed("2027-05-04") + [.tab] + Self.typed("2027-05-09") + [.tab, .tab], to: &state)
        #expect(state.form?.texts[.destinations] == "lille, montreal")
        // The delegation: type a name and pick it, which opens the next row, so the next name is the
        // next delegate's (never glued on); set attendance; the second one as host (the mission has
        // its leader: ^R skips leader).
        Self.send(Self.typed("alain") + [.enter], to: &state)
        #expect(state.form?.focused == .delegate(1))
        Self.send(Self.typed("guy r") + [.enter, .up, .up, .control("t"), .control("t"), .down, .control("r")], to: &state)
        var form = try #require(state.form)
        #expect(
            form.delegates == [
                MissionDraft.Delegate(who: "alain-dumas", role: "delegate", attendance: "confirmed"),
                MissionDraft.Delegate(who: "guy-rochon", role: "host", attendance: ""),
            ])
        // Tab leaves the delegation whole, Shift-Tab comes back to its first row.
        Self.send([.tab], to: &state)
        #expect(state.form?.focused == .text(.toMeet))
        Self.send([.backTab], to: &state)
        #expect(state.form?.focused == .delegate(0))
        Self.send([.backTab], to: &state)
        #expect(state.form?.focused == .text(.objectives))
        Self.send([.tab, .tab], to: &state)
        form = try #require(state.form)
        #expect(form.focused == .text(.toMeet))
        effects = Self.send([.control("s")], to: &state)
        guard case .saveMission(let change, let key)? = effects.last else {
            Issue.record("no save: \(state.form?.issues ?? [])")
            return
        }
        #expect(key == "new")
        let mission = change.records[0]
        #expect(mission.id == "mission-numerique-a-quebec" && mission.title == "Mission numérique à Québec")
        #expect(mission.mission?.destinations == ["lille", "montreal"])
        #expect(mission.parties.map(\.role) == [.leader, .onBehalfOf, .delegate, .host])
        // The store said yes: the form closes on the new mission's card.
        state.missionSaved(mission.id, summary: "#1 add mission \(mission.id)")
        #expect(state.form == nil && state.place.screen == .card(.record(mission.id)))
    }

    /// A delegate taken out takes its error with it; the next row keeps its own. A row too wide for
    /// the screen ends with "…".
    @Test func errorsFollowTheirRowsAndCutRowsSaySo() throws {
        var state = DashboardTests.state(.en, width: 80, height: 24)
        var draft = lyonDraft()
        draft.delegates = [
            MissionDraft.Delegate(who: "picom"), MissionDraft.Delegate(who: "alain-dumas"), MissionDraft.Delegate(who: "nobody-at-all"),
        ]
        state.form = MissionForm(draft: draft, language: .en)
        Self.send([.control("s")], to: &state)
        var form = try #require(state.form)
        #expect(form.issues(for: .delegate(0)).first?.message.contains("'picom' is a pole") == true)
        #expect(form.issues(for: .delegate(2)).first?.message.contains("unknown id 'nobody-at-all'") == true)
        form.focus = try #require(form.fields.firstIndex(of: .delegate(0)))
        state.form = form
        Self.send([.control("d")], to: &state)
        form = try #require(state.form)
        #expect(form.issues(for: .delegate(0)).isEmpty, "Alain Dumas has no error")
        #expect(form.issues(for: .delegate(1)).first?.message.contains("unknown id 'nobody-at-all'") == true)
        #expect(form.issues.count == 1)
        // At 80 columns the delegate row (id, name, role, attendance) is cut with "…".
        form.delegates[0].who = "alain-dumas-et-toute-son-equipe-de-laval-qui-voyage-beaucoup"
        state.form = form
        let row = try #require(Views.render(state).text.split(separator: "\n").first { $0.contains("alain-dumas-et") })
        #expect(row.hasSuffix("…"), "\(row)")
    }

    /// Statuses are shown, completed and read in the interface's language; the draft keeps the stored value.
    @Test func statusesSpeakTheInterfacesLanguage() throws {
        var state = DashboardTests.state(.fr)
        Self.send([.character("m")], to: &state)
        #expect(state.form?.texts[.status] == "prévue")
        #expect(state.form?.isDirty == false, "the French word is the same status")
        Self.send([.tab, .control("u")] + Self.typed("conf"), to: &state)
        #expect(state.form?.completions.map(\.value) == ["confirmée"])
        Self.send([.control("u")] + Self.typed("Confirmé"), to: &state)
        #expect(state.form?.draft.status == "confirmed")
        Self.send([.control("u")] + Self.typed("en cours"), to: &state)
        #expect(state.form?.draft.status == "under_way")
        Self.send([.control("u")] + Self.typed("peut-être") + [.control("s")], to: &state)
        #expect(
            state.form?.issues.first { $0.field == .status }?.message
                == "statut inconnu «\u{00A0}peut-être\u{00A0}»\u{00A0}; l'un de prévue, confirmée, en cours, terminée, annulée")
        for (typed, status) in [
            ("under way", MissionStatus.underWay), ("CANCELLED", .cancelled), ("prevu", .planned), ("terminé", .completed),
            ("annulée", .cancelled), ("under_way", .underWay),
        ] {
            #expect(Words.missionStatus(typed) == status, "\(typed)")
        }
        #expect(Words.missionStatus("") == nil && Words.missionStatus("plan") == nil)
    }

    /// A status shown whole is typed over, not added to ("prévueconfirmé" was what Tab then typing gave);
    /// once the text is not a whole status, typing adds to it as anywhere else.
    @Test func typingOverAWholeStatusStartsAnew() {
        var state = DashboardTests.state(.fr)
        Self.send([.character("m"), .tab] + Self.typed("conf"), to: &state)
        #expect(state.form?.texts[.status] == "conf")
        #expect(state.form?.completions.map(\.value) == ["confirmée"])
        Self.send([.enter] + Self.typed("e"), to: &state)
        #expect(state.form?.texts[.status] == "e", "a whole status again: typing starts anew")
        Self.send(Self.typed("n cours"), to: &state)
        #expect(state.form?.draft.status == "under_way")
        Self.send([.backspace] + Self.typed("rs"), to: &state)
        #expect(state.form?.texts[.status] == "en courrs", "not a whole status: typing adds")
        // Other fields keep adding: a title is edited, not replaced.
        Self.send([.backTab] + Self.typed("Mission") + [.tab, .backTab] + Self.typed(" à Lyon"), to: &state)
        #expect(state.form?.texts[.title] == "Mission à Lyon")
    }

    /// A date the parser refuses is explained in the interface's language.
    @Test func dateProblemsSpeakTheInterfacesLanguage() throws {
        for (language, message) in [
            (Language.fr, "le 2027-02-30 n'existe pas\u{00A0}: le mois 2 a 28 jours"),
            (.en, "2027-02-30 does not exist: month 2 has 28 days"),
        ] {
            var state = DashboardTests.state(language)
            let row = try #require(MissionForm(draft: MissionDraft()).fields.firstIndex(of: .text(.start)))
            Self.send(
                [.character("m")] + Self.typed("Mission à Lyon") + Array(repeating: .tab, count: row) + Self.typed("2027-02-30") + [.control("s")],
                to: &state)
            #expect(state.form?.issues.first { $0.field == .start }?.message == message)
        }
    }

    /// The budget takes what people type, and says in the interface's language how to write the rest.
    @Test func budgetsAsPeopleTypeThem() throws {
        for (language, message) in [
            (Language.fr, "«\u{00A0}25 000 $\u{00A0}»\u{00A0}: «\u{00A0}$\u{00A0}» peut être CAD ou USD\u{00A0}; écrivez 25000 CAD ou 25000 USD"),
            (.en, "'25 000 $': '$' may be CAD or USD; write 25000 CAD or 25000 USD"),
        ] {
            var state = DashboardTests.state(language)
            let row = try #require(MissionForm(draft: MissionDraft()).fields.firstIndex(of: .text(.budget)))
            Self.send(
                [.character("m")] + Self.typed("Mission à Lyon") + Array(repeating: .tab, count: row) + Self.typed("25 000 $") + [.control("s")],
                to: &state)
            #expect(state.form?.issues.first { $0.field == .budget }?.message == message)
            state.form?.focus = row
            Self.send([.control("u")] + Self.typed("12 000 €") + [.control("s")], to: &state)
            #expect(state.form?.issues.contains { $0.field == .budget } == false)
        }
    }

    /// The cursor moves inside a field: ←/→, Home/End (and ^A/^E), ^←/^→ by words, Del and ⌫ at the
    /// cursor, ^W the word before it; a character typed in the middle lands there.
    @Test func theCursorMovesInsideAField() throws {
        var state = DashboardTests.state(.en)
        Self.send([.character("m")] + Self.typed("Mission à Lyon"), to: &state)
        Self.send([.home] + Self.typed("Grande ") + [.end] + Self.typed(" 2027"), to: &state)
        #expect(state.form?.texts[.title] == "Grande Mission à Lyon 2027")
        #expect(state.form?.cursor == nil, "End is the end")
        Self.send([.wordLeft, .wordLeft, .left, .backspace] + Self.typed("au"), to: &state)
        #expect(state.form?.texts[.title] == "Grande Mission au Lyon 2027")
        #expect(state.form?.cursorOffset == 17)
        Self.send([.control("a"), .wordRight, .control("w")] + Self.typed("Petite"), to: &state)
        #expect(state.form?.texts[.title] == "Petite Mission au Lyon 2027")
        Self.send([.left, .left, .left], to: &state)
        #expect(state.form?.cursorOffset == 3)
        Self.send(
            [.left, .left, .left, .left, .backspace, .right, .right, .right, .right, .right] + Array(repeating: Key.right, count: 40), to: &state)
        #expect(state.form?.cursor == nil && state.form?.texts[.title] == "Petite Mission au Lyon 2027", "the ends hold")
        Self.send([.control("a"), .delete] + Self.typed("P"), to: &state)
        #expect(state.form?.texts[.title] == "Petite Mission au Lyon 2027" && state.form?.cursorOffset == 1)
        // The cursor is drawn where it is.
        Self.send([.control("a"), .right, .right], to: &state)
        let screen = Views.render(state).text
        #expect(screen.contains("Pe▏tite Mission au Lyon 2027"), "\(screen)")
        // A completion finishes the text's end: none while the cursor is inside it; a new field starts at its end.
        Self.send([.tab, .tab] + Self.typed("demrs") + [.home, .right, .right, .right] + Self.typed("e"), to: &state)
        #expect(state.form?.texts[.leader] == "demers" && state.form?.completions.isEmpty == true)
        Self.send([.end], to: &state)
        #expect(state.form?.completions.map(\.value) == ["marc-demers"])
        Self.send([.tab], to: &state)
        #expect(state.form?.cursor == nil)
    }

    @Test func errorsShowAtTheirFieldsAndNothingIsSaved() throws {
        var state = DashboardTests.state(.en)
        let effects = Self.send([.character("m"), .control("s")], to: &state)
        #expect(!effects.contains { if case .saveMission = $0 { true } else { false } })
        let form = try #require(state.form)
        #expect(form.issues.map(\.field).contains(.title) && form.issues.map(\.field).contains(.leader))
        #expect(form.focused == .text(.title), "the focus goes to the first field in error")
        let screen = Views.render(state).text
        #expect(screen.contains("↳ a mission needs a title"))
        #expect(screen.contains("Nothing saved: fix the fields in red"))

        var french = DashboardTests.state(.fr)
        Self.send([.character("m")] + Self.typed("Lyon") + Array(repeating: .tab, count: 5) + Self.typed("lion") + [.control("s")], to: &french)
        let texte = Views.render(french).text
        #expect(
            texte.contains("↳ #1 identifiant inconnu «\u{00A0}lion\u{00A0}»\u{00A0}; vouliez-vous dire «\u{00A0}lyon\u{00A0}»\u{00A0}?"), "\(texte)")
        // Long errors wrap under their field instead of being cut at the edge.
        #expect(texte.contains("↳ la délégation est vide\u{00A0}: indiquez un chef de mission ou au moins un\n"), "\(texte)")
        #expect(texte.contains("    délégué\n"))
    }

    @Test func escapeAsksBeforeDiscardingAndForgetsTheDraft() {
        var state = DashboardTests.state(.en)
        Self.send([.character("m"), .escape], to: &state)
        #expect(state.form == nil, "an untouched form closes at once")
        Self.send([.character("m")] + Self.typed("Lyon") + [.escape], to: &state)
        #expect(state.form?.confirmingDiscard == true)
        #expect(Views.render(state).text.contains("Discard your changes? y: yes · n: no"))
        Self.send([.character("n")], to: &state)
        #expect(state.form?.texts[.title] == "Lyon" && state.form?.confirmingDiscard == false)
        let effects = Self.send([.escape, .character("y")], to: &state)
        #expect(state.form == nil && effects == [.forgetDraft(key: "new")])
    }

    @Test func editingASeedMissionKeepsWhatTheFormDoesNotShow() throws {
        var state = DashboardTests.state(.en)
        Self.send([.character(":")] + Self.typed("show mission-laval-lille") + [.enter, .character("e")], to: &state)
        let form = try #require(state.form)
        #expect(form.missionID == "mission-laval-lille" && form.baseVersion == 0)
        // Saving without a change writes the seed mission as it was.
        let effects = Self.send([.control("s")], to: &state)
        guard case .saveMission(let change, let key)? = effects.last else {
            Issue.record("no save: \(state.form?.issues ?? [])")
            return
        }
        #expect(key == "edit:mission-laval-lille")
        #expect(change.records == [state.network.record("mission-laval-lille")!])
        #expect(change.expectedVersions == ["mission-laval-lille": 0])
    }

    /// A form on a recorded mission, and what Léo saved of it meanwhile (its status), followed as the
    /// runtime follows the journal.
    static func formWithLeosChange(_ state: inout DashboardState) throws -> Record {
        let request = try #require(
            CatalogueRequestTests.request(
                state.update(
                    .seedsLoaded(
                        CatalogueUpdateTests.seeds, warnings: 0, errors: [],
                        reload: false))))
        _ = state.update(.catalogueBuilt(request.build()))
        func follow(_ entries: [JournalEntry]) {
            for effect in state.update(.journalCaughtUp(entries)) {
                if case .buildCatalogue(let request) = effect { _ = state.update(.catalogueBuilt(request.build())) }
            }
        }
        let mission = Record(
            id: "mission-a-lyon", title: "Mission à Lyon", parties: [Party(entity: "marc-demers", role: .leader)],
            body: .mission(Mission(status: .planned)))
        follow([try CatalogueRequestTests.entry(1, mission)])
        state.navigate(to: .card(.record("mission-a-lyon")))
        send([.character("e")], to: &state)
        #expect(state.form?.baseVersion == 1)
        let confirmed = Record(
            id: "mission-a-lyon", title: "Mission à Lyon", parties: [Party(entity: "marc-demers", role: .leader)],
            body: .mission(Mission(status: .confirmed)))
        let json = { (record: Record) in String(decoding: try JSONEncoder().encode(record), as: UTF8.self) }
        let edit = JournalEntry(
            sequence: 2, at: "2026-12-03T10:05:00Z", author: "léo", action: .edit, summary: "edit mission mission-a-lyon", undoes: nil,
            items: [
                JournalEntry.Item(
                    kind: .record, id: "mission-a-lyon", before: try json(mission), after: try json(confirmed),
                    versionBefore: 1, versionAfter: 2)
            ])
        follow([edit])
        _ = state.update(.storeChanged([edit]))
        return confirmed
    }

    /// Léo confirmed the mission while the form was open on it: the form says which field he changed
    /// at once; at ^S his status and my title are both kept, saved over his version.
    @Test func anEditSavedMeanwhileIsMergedByField() throws {
        var state = DashboardTests.state(.en)
        _ = try Self.formWithLeosChange(&state)
        #expect(
            state.message?.hasPrefix("léo changed Status (") == true && state.message?.hasSuffix("; ^S will merge them with yours") == true,
            "\(state.message ?? "")")
        let effects = Self.send(Self.typed(", printemps") + [.control("s")], to: &state)
        guard case .saveMission(let change, _)? = effects.last else { Issue.record("no save: \(state.message ?? "")"); return }
        #expect(change.records[0].title == "Mission à Lyon, printemps" && change.records[0].mission?.status == .confirmed)
        #expect(change.expectedVersions["mission-a-lyon"] == 2, "saved over Léo's version, not his overwritten")
        #expect(state.message?.hasPrefix("Merged with the version saved meanwhile (léo): Status") == true, "\(state.message ?? "")")
    }

    /// Both changed the status: the form shows theirs and mine side by side, and saves only once I
    /// chose; Esc goes back to the form with nothing saved.
    @Test(arguments: [Language.en, .fr]) func aFieldBothChangedIsChosenNotOverwritten(_ language: Language) throws {
        var state = DashboardTests.state(language)
        _ = try Self.formWithLeosChange(&state)
        let conflict = language == .en ? "in conflict" : "en conflit"
        #expect(state.message?.contains(conflict) == false)
        Self.send([.tab, .control("u")] + Self.typed(language == .en ? "completed" : "terminée"), to: &state)
        let waiting = Self.send([.control("s")], to: &state)
        #expect(waiting.allSatisfy { if case .saveMission = $0 { false } else { true } }, "nothing saved before a choice")
        let screen = Views.render(state).text
        if language == .en {
            #expect(screen.contains("Status — 1: theirs · 2: yours · Esc: back — theirs (léo): 'confirmed' · yours: 'completed'"), "\(screen)")
            #expect(screen.contains("≠ theirs (léo): confirmed · yours: completed"), "\(screen)")
        } else {
            #expect(
                screen.contains(
                    "Statut — 1\u{00A0}: le leur · 2\u{00A0}: le vôtre · Échap\u{00A0}: revenir — le leur (léo)\u{00A0}: «\u{00A0}confirmée\u{00A0}»"),
                "\(screen)")
        }
        Self.send([.escape], to: &state)
        #expect(state.form?.merge == nil && state.form != nil, "back to the form, nothing saved")
        Self.send([.control("s")], to: &state)
        let chosen = Self.send([.character("1")], to: &state)
        guard case .saveMission(let change, _)? = chosen.last else { Issue.record("no save after the choice"); return }
        #expect(change.records[0].mission?.status == .confirmed && change.expectedVersions["mission-a-lyon"] == 2)
    }

    @Test(arguments: [Language.en, .fr]) func aReadOnlyStoreKeepsTheFormClosed(_ language: Language) {
        var state = DashboardTests.state(language)
        state.store.notice = Wording(
            "le fichier est en lecture seule (mode 400)\u{00A0}: /x/w.sqlite", "the file is read-only (mode 400): /x/w.sqlite")
        let effects = Self.send([.character("m"), .character("u")], to: &state)
        #expect(state.form == nil && effects.isEmpty)
        #expect(
            state.message
                == (language == .en
                    ? "Read-only store: the file is read-only (mode 400): /x/w.sqlite"
                    : "Registre en lecture seule\u{00A0}: le fichier est en lecture seule (mode 400)\u{00A0}: /x/w.sqlite"))
    }

    @Test func undoIsAnEffectForTheStore() {
        var state = DashboardTests.state(.en)
        #expect(Self.send([.character("u")], to: &state) == [.planTakeBack(.undo)])
        #expect(Self.send([.character("u")], to: &state).isEmpty, "a second u while the first is on its way is refused")
        #expect(state.message == "An undo is already under way; wait for its answer")
    }

    @Test func aRestoredDraftReopensTheForm() throws {
        var state = DashboardTests.state(.fr)
        var draft = MissionDraft(title: "Brouillon à Montréal")
        draft.delegates = [MissionDraft.Delegate(who: "cqic")]
        #expect(state.restore(draft: draft, savedAt: "2026-11-22 10:00") == nil)
        let form = try #require(state.form)
        #expect(form.texts[.title] == "Brouillon à Montréal" && form.isDirty)
        #expect(Views.render(state).text.contains("Brouillon non enregistré retrouvé (2026-11-22 10:00)"))
    }
}

@Suite struct MissionListTests {
    @Test func upcomingMissionsComeFirstThenPastOnesLatestFirst() {
        let base = DashboardTests.catalogue.network
        func mission(_ id: String, start: String?, status: MissionStatus) -> StoredRecord {
            let date = start.flatMap { try? PartialDate.parse($0).get() }
            let record = Record(
                id: id, title: id, parties: [Party(entity: "marc-demers", role: .leader)],
                body: .mission(Mission(status: status, destinations: ["lyon"], start: date)))
            return StoredRecord(record: record, version: 1, updatedAt: "", updatedBy: "")
        }
        let workspace = Workspace(records: [
            mission("m-2027", start: "2027-03", status: .planned),
            mission("m-2026-12", start: "2026-12-01", status: .confirmed),
            mission("m-2019", start: "2019", status: .completed),
            mission("m-2024", start: "2024-05", status: .completed),
        ])
        let network = Overlay.apply(workspace, to: base).network
        let state = DashboardState(catalogue: Catalogue(network: network), language: .en, width: 100, height: 30, today: DayStamp(2026, 11, 22))
        #expect(state.visibleRows(.missions).map(\.item.id) == ["m-2026-12", "m-2027", "m-2024", "m-2019", "mission-laval-lille"])
    }

    @Test func aPasteIsTypedNeverRunAsKeys() throws {
        var state = DashboardTests.state(.en)
        MissionFormTests.send([.character("m")], to: &state)
        // An ESC, a CR and a tab inside pasted text would close the form, move on or save as keys.
        MissionFormTests.send([.paste("Lyon\u{1B}\r\ntrip\tq\u{3}")], to: &state)
        let form = try #require(state.form, "the paste did not close the form")
        #expect(form.texts[.title] == "Lyon\\e trip q\\u{3}")
        #expect(Key.typedText(ofPaste: "a\r\nb\u{9B}c") == "a b\\u{9B}c")
    }
}
