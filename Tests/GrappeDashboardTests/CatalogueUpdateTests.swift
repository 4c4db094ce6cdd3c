import Foundation
import GrappeAnalysis
import GrappeDashboard
import GrappeModel
import GrappeSeeds
import GrappeWorkspace
import Testing

/// A catalogue made from the one before for the records that changed is the catalogue built anew
/// from the same seeds and workspace: same records in the same order, same graph, same rows in every
/// list, same home figures, same search answers.
@Suite struct CatalogueUpdateTests {
    static let seeds = try! SeedLoader.load(path: DashboardTests.seeds).network

    /// A small generator with a seed, so that a failure can be replayed.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static func build(_ workspace: Workspace, base: CatalogueRequest.Base? = nil, at moment: Moment? = nil) -> BuiltCatalogue {
        CatalogueRequest(generation: 1, seeds: seeds, workspace: workspace, seedWarnings: 0, location: "test", base: base, moment: moment)
            .build()
    }

    /// Everything a screen reads from a catalogue, as text to compare.
    static func described(_ catalogue: Catalogue, built: BuiltCatalogue, entities: [ID], queries: [String]) -> [String] {
        var lines = ["records " + catalogue.network.records.map { "\($0.id):\($0.title):\($0.memberIDs)" }.joined(separator: " ")]
        lines.append("graph \(catalogue.graph.offsets) \(catalogue.graph.neighbours)")
        for section in Section.allCases {
            lines.append("\(section) " + catalogue.rows(section).map { "\($0.item)|\($0.cells)|\($0.keys)|\($0.folded)" }.joined(separator: " / "))
        }
        let home = catalogue.home
        lines.append("home \(home.mostConnected.map { "\($0.id)=\($0.links)" }) \(home.linkedToSeveralGroups.map { "\($0.id)=\($0.groups)" })")
        lines.append("home \(home.missions.map(\.id)) \(home.agreementsPerYear.map { "\($0.year)=\($0.count)" })")
        lines.append("home \(home.fundingPerProgramme.map { "\($0.title)=\($0.amount)" })")
        lines.append("counts \(catalogue.counts.byEntityKind.sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0)" })")
        lines.append("counts \(catalogue.counts.byRecordKind.sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0)" })")
        lines.append("warnings \(catalogue.warnings) \(built.warnings)")
        for id in entities {
            lines.append("\(id) relations \(catalogue.relations(of: id).count) records \(catalogue.records(of: id).map(\.id))")
        }
        for query in queries {
            lines.append("search \(query) \(catalogue.lookup.search(query, limit: 40).map { "\($0.item)|\($0.matched)|\($0.score)" })")
            lines.append("find \(query) \(catalogue.lookup.find(query))")
        }
        return lines
    }

    /// Seeds 5 to 8 count at a moment, with missions dated before and after it: a mission that had
    /// not begun links nobody yet, in the catalogue made from the one before as in the one built anew.
    @Test(arguments: [1, 2, 3, 4, 5, 6, 7, 8] as [UInt64])
    func aCatalogueMadeFromTheOneBeforeIsTheOneBuiltAnew(seed: UInt64) throws {
        var random = SplitMix(state: seed)
        let entities = Self.seeds.entities.map(\.id)
        let seedRecords = Self.seeds.records
        var workspace = Workspace()
        let moment: Moment? = seed > 4 ? Moment(day: DayStamp(2026, 11, 22)) : nil
        func start() -> PartialDate? { moment == nil ? nil : PartialDate(year: Int.random(in: 2010...2030, using: &random)) }
        var built = Self.build(workspace, at: moment)
        var version = 0
        // Lists built before the change are mended; on odd seeds they are left to be built later.
        let buildListsFirst = seed % 2 == 0
        let titles = ["Mission à Lille", "Délégation de Laval", "mission a lille", "Zèbre", "Accord"]
        for step in 0..<24 {
            if buildListsFirst { for section in Section.allCases { _ = built.catalogue.rows(section) } }
            var changed = Set<ID>()
            // One to three changes at once, as when the dashboard follows several journal entries.
            for _ in 0..<Int.random(in: 1...3, using: &random) {
                version += 1
                let choice = Int.random(in: 0..<10, using: &random)
                if choice < 4 || workspace.records.isEmpty {
                    // A new mission, with parties and a destination among the seeds' entities.
                    let parties = (0..<Int.random(in: 0...4, using: &random)).map { _ in
                        Party(entity: entities.randomElement(using: &random)!, role: Bool.random(using: &random) ? .leader : .participant)
                    }
                    let record = Record(
                        id: "mission-t\(seed)-\(step)-\(version)", title: titles.randomElement(using: &random)!, parties: parties,
                        body: .mission(Mission(status: .planned, destinations: [entities.randomElement(using: &random)!], start: start())))
                    workspace.records.append(StoredRecord(record: record, version: 1, updatedAt: "", updatedBy: "t"))
                    changed.insert(record.id)
                } else if choice < 7 {
                    // An edit: other parties, another title, or cancelled.
                    let index = Int.random(in: 0..<workspace.records.count, using: &random)
                    var record = workspace.records[index].record
                    record = Record(
                        id: record.id, title: titles.randomElement(using: &random)!,
                        parties: Array(record.parties.dropFirst()) + [Party(entity: entities.randomElement(using: &random)!, role: .participant)],
                        body: .mission(Mission(status: Bool.random(using: &random) ? .cancelled : .confirmed, start: start())))
                    workspace.records[index].record = record
                    changed.insert(record.id)
                } else if choice < 8 {
                    // A seed record edited in the store (put in its place).
                    let seedRecord = seedRecords.randomElement(using: &random)!
                    let record = Record(
                        id: seedRecord.id, title: seedRecord.title + " (révisé)", summary: seedRecord.summary,
                        parties: seedRecord.parties + [Party(entity: entities.randomElement(using: &random)!, role: .participant)],
                        body: seedRecord.body)
                    workspace.records.removeAll { $0.record.id == record.id }
                    workspace.records.append(StoredRecord(record: record, version: 1, updatedAt: "", updatedBy: "t"))
                    changed.insert(record.id)
                } else {
                    // An undo: the record leaves the store (a seed record goes back to the seeds' version).
                    let index = Int.random(in: 0..<workspace.records.count, using: &random)
                    changed.insert(workspace.records.remove(at: index).record.id)
                }
            }
            let updated = Self.build(workspace, base: CatalogueRequest.Base(catalogue: built.catalogue, changed: changed), at: moment)
            let anew = Self.build(workspace, at: moment)
            #expect(updated.catalogue !== anew.catalogue)
            let touched = changed.flatMap { id in
                [built.catalogue.network.record(id), anew.catalogue.network.record(id)].compactMap { $0 }.flatMap(\.memberIDs)
            }
            let watched = Array(Set(touched)).sorted() + ["laval", "technomontreal", "picom"]
            let queries = ["lille", "mission", "revise", "zebre", "laval"]
            let expected = Self.described(anew.catalogue, built: anew, entities: watched, queries: queries)
            let got = Self.described(updated.catalogue, built: updated, entities: watched, queries: queries)
            for (line, (want, have)) in zip(expected, got).enumerated() where want != have {
                Issue.record("seed \(seed), step \(step), line \(line): made from the one before\n\(have)\nbuilt anew\n\(want)")
            }
            #expect(expected.count == got.count)
            built = updated
        }
    }

    /// A change that brings a new partner needs the catalogue built anew: the update says so.
    @Test func newPartnersAreNotPatchedIn() throws {
        let built = Self.build(Workspace())
        var seeds = Self.seeds
        seeds = Network(
            name: seeds.name, id: seeds.id, documents: seeds.documents,
            entities: seeds.entities + [Entity(id: "org-new", kind: .organisation, name: "Nouvelle")],
            relations: seeds.relations, records: seeds.records)
        #expect(built.catalogue.updating(to: seeds, changed: [], warnings: 0) == nil)
        #expect(built.catalogue.updating(to: Self.seeds, changed: [], warnings: 0) === built.catalogue)
    }
}

/// Which catalogue the dashboard asks for after a change: made from the one shown when only records
/// changed since it, built anew otherwise.
@Suite struct CatalogueRequestTests {
    static func entry(_ sequence: Int, _ record: Record, partner: Entity? = nil) throws -> JournalEntry {
        let encoder = JSONEncoder()
        var items = [
            JournalEntry.Item(
                kind: .record, id: record.id, before: nil, after: String(decoding: try encoder.encode(record), as: UTF8.self),
                versionBefore: 0, versionAfter: 1)
        ]
        if let partner {
            items.append(
                JournalEntry.Item(
                    kind: .entity, id: partner.id, before: nil, after: String(decoding: try encoder.encode(partner), as: UTF8.self),
                    versionBefore: 0, versionAfter: 1))
        }
        return JournalEntry(
            sequence: sequence, at: "2026-12-03T10:00:00Z", author: "léa", action: .add, summary: "add mission \(record.id)", undoes: nil,
            items: items)
    }

    static func request(_ effects: [Effect]) -> CatalogueRequest? {
        for case .buildCatalogue(let request) in effects { return request }
        return nil
    }

    @Test func onlyChangedRecordsAreFollowedFromTheCatalogueShown() throws {
        var state = DashboardTests.state()
        let first = try #require(Self.request(state.update(.seedsLoaded(CatalogueUpdateTests.seeds, warnings: 0, errors: [], reload: false))))
        #expect(first.base == nil, "the first catalogue is built")
        let mission = Record(
            id: "mission-r1", title: "Mission à Lyon", parties: [Party(entity: "ville-de-laval", role: .leader)],
            body: .mission(Mission(status: .planned)))
        // While the first is being built, a change cannot be made from the catalogue shown (it is not
        // the seeds' yet): built anew too.
        let early = try #require(Self.request(state.update(.journalCaughtUp([Self.entry(1, mission)]))))
        #expect(early.base == nil)
        _ = state.update(.catalogueBuilt(first.build()))
        _ = state.update(.catalogueBuilt(early.build()))
        #expect(state.catalogue.network.record("mission-r1") != nil)

        let second = Record(
            id: "mission-r2", title: "Mission à Lille", parties: [Party(entity: "picom", role: .leader)], body: .mission(Mission(status: .planned)))
        let followed = try #require(Self.request(state.update(.journalCaughtUp([Self.entry(2, second)]))))
        #expect(followed.base?.changed == ["mission-r2"])
        #expect(followed.base?.catalogue === state.catalogue)
        // Another change before that one came back: made from the same catalogue, with both records.
        let third = Record(id: "mission-r3", title: "Mission à Montréal", body: .mission(Mission(status: .planned)))
        let both = try #require(Self.request(state.update(.journalCaughtUp([Self.entry(3, third)]))))
        #expect(both.base?.changed == ["mission-r2", "mission-r3"])
        _ = state.update(.catalogueBuilt(followed.build()))
        #expect(state.catalogue.network.record("mission-r2") == nil, "an answer to an older request is not kept")
        _ = state.update(.catalogueBuilt(both.build()))
        #expect(state.catalogue.network.record("mission-r2") != nil && state.catalogue.network.record("mission-r3") != nil)

        // A new partner recorded with a mission: built anew.
        let partner = Entity(id: "org-nouvelle", kind: .organisation, name: "Nouvelle")
        let fourth = Record(
            id: "mission-r4", title: "Mission", parties: [Party(entity: partner.id, role: .participant)], body: .mission(Mission(status: .planned)))
        let anew = try #require(Self.request(state.update(.journalCaughtUp([Self.entry(4, fourth, partner: partner)]))))
        #expect(anew.base == nil)
        _ = state.update(.catalogueBuilt(anew.build()))
        #expect(state.catalogue.network.entityName("org-nouvelle") == "Nouvelle")
    }
}

/// The journal in the interface's language: the store keeps its summaries in English; the French
/// interface words each entry from what it did, and a card follows a change of language.
@Suite struct JournalWordingTests {
    @Test func journalEntriesSpeakTheInterfacesLanguage() throws {
        var state = DashboardTests.state(.fr)
        let request = try #require(
            CatalogueRequestTests.request(state.update(.seedsLoaded(CatalogueUpdateTests.seeds, warnings: 0, errors: [], reload: false))))
        _ = state.update(.catalogueBuilt(request.build()))
        let mission = Record(
            id: "mission-a-lyon", title: "Mission à Lyon", parties: [Party(entity: "ville-de-laval", role: .leader)],
            body: .mission(Mission(status: .planned)))
        let added = try CatalogueRequestTests.entry(1, mission)
        for effect in state.update(.journalCaughtUp([added])) {
            if case .buildCatalogue(let request) = effect { _ = state.update(.catalogueBuilt(request.build())) }
        }
        _ = state.update(.storeChanged([added]))
        #expect(state.message?.hasPrefix("léa a ajouté «\u{00A0}Mission à Lyon\u{00A0}» (") == true, "\(state.message ?? "")")
        let undo = JournalEntry(
            sequence: 2, at: "2026-12-03T10:05:00Z", author: "léa", action: .undo, summary: "undo #1: add mission mission-a-lyon",
            undoes: 1, items: [JournalEntry.Item(kind: .record, id: "mission-a-lyon", before: nil, after: nil, versionBefore: 1, versionAfter: 2)])
        _ = state.update(.undone(undo, TakeBackPlan(target: added, origin: added, direction: .undo, mine: false, title: "Mission à Lyon")))
        #expect(
            state.message?.hasPrefix("Annulé\u{00A0}: l'ajout de «\u{00A0}Mission à Lyon\u{00A0}» par léa (#1, ") == true, "\(state.message ?? "")")
        #expect(state.message?.hasSuffix(" · U pour rétablir") == true, "the undo offers the redo: \(state.message ?? "")")

        // Undoing someone else's addition asks first, in French, with whose and what.
        var asking = state
        let plan = TakeBackPlan(target: added, origin: added, direction: .undo, mine: false)
        _ = asking.update(.key(.character("u")))
        #expect(asking.update(.takeBackPlanned(.undo, mine: nil, theirs: plan)).isEmpty, "nothing is done before the answer")
        let question = Views.render(asking).text
        #expect(
            question.contains("Annuler l'ajout de «\u{00A0}Mission à Lyon\u{00A0}» par léa (#1, ")
                && question.contains("o\u{00A0}: oui · N\u{00A0}: non"),
            "\(question)")
        #expect(
            asking.update(.key(.character("o"))) == [
                .takeBack(
                    TakeBackPlan(
                        target: added, origin: added, direction: .undo, mine: false,
                        title: "Mission à Lyon"))
            ])

        // The card's history, in French, then in English once the language changes.
        state.store.journal = ["mission-a-lyon": [JournalLine(added)]]
        state.navigate(to: .card(.record("mission-a-lyon")))
        let french = Views.render(state).text
        #expect(french.contains("#1 · 2026-12-03 10:00 · léa · ajout\u{00A0}: mission-a-lyon"), "\(french)")
        #expect(!french.contains("add mission"))
        state.strings = Strings(.en)
        let english = Views.render(state).text
        #expect(english.contains("#1 · 2026-12-03 10:00 · léa · add mission"), "\(english)")
    }
}
