import Foundation
import GrappeExport
import GrappeModel
import GrappeSeeds
import GrappeStore
import GrappeWords
import GrappeWorkspace

/// The missions list of `grappe mission list`, in text, CSV or JSON.
enum MissionListing {
    struct Row: Encodable {
        var id: String
        var status: String
        var start: String
        var end: String
        var destinations: String
        var title: String
        var leader: String
        var upcoming: Bool
        /// The store's version; 0 for a seed mission never edited.
        var version: Int
    }

    /// Upcoming first (soonest first), then past (latest first); a mission without dates goes by its status.
    static func rows(_ missions: [Record], network: Network, versions: [ID: Int], today: DayStamp) -> [Row] {
        MissionSchedule.ordered(missions, today: today, record: { $0 }, tie: { $0.id < $1.id }).map { record in
            let mission = record.mission
            let name = { (id: ID) in network.entity(id)?.name ?? id }
            return Row(
                id: record.id, status: mission?.status.rawValue ?? "", start: mission?.start?.description ?? "",
                end: mission?.end?.description ?? "", destinations: (mission?.destinations ?? []).map(name).joined(separator: ", "),
                title: record.title, leader: record.parties(withRole: .leader).first.map { name($0.entity) } ?? "",
                upcoming: MissionSchedule.isUpcoming(record, today: today), version: versions[record.id] ?? 0)
        }
    }

    /// The table for a person, in the report's language (CSV and JSON keep the stored values).
    static func text(_ rows: [Row], words: Words = Words(.en)) -> [String] {
        guard !rows.isEmpty else { return [words.say("aucune mission", "no missions")] }
        let header =
            words.language == .fr
            ? ["ID", "STATUT", "DÉBUT", "FIN", "VERS", "CHEF", "TITRE", "REGISTRE"]
            : ["ID", "STATUS", "START", "END", "TO", "LEADER", "TITLE", "STORE"]
        let cells = rows.map {
            [
                // Dates as people write them ("12 mars 2027", "oct., année inconnue"); CSV and JSON keep EDTF.
                $0.id, words.status($0.status), words.date(text: $0.start), words.date(text: $0.end), $0.destinations, $0.leader, $0.title,
                $0.version == 0 ? words.say("graines", "seed") : "v\($0.version)",
            ]
        }
        let widths = header.indices.map { column in min(36, ([header] + cells).map { TextWidth.of($0[column]) }.max() ?? 0) }
        func line(_ fields: [String]) -> String {
            fields.indices.map { TextWidth.padded(TextWidth.truncated(fields[$0], to: widths[$0]), to: widths[$0]) }
                .joined(separator: "  ").trimmingCharacters(in: .whitespaces)
        }
        var lines = [Style.bold(line(header))]
        var section: Bool?
        for (row, fields) in zip(rows, cells) {
            if section != row.upcoming {
                section = row.upcoming
                lines.append(Style.accent(row.upcoming ? words.say("À venir", "Upcoming") : words.say("Passées", "Past")))
            }
            lines.append(line(fields))
        }
        return lines
    }

    static func csv(_ rows: [Row]) -> String {
        let header = CSVText.row(["id", "status", "start", "end", "destinations", "leader", "title", "upcoming", "store_version"])
        return rows.reduce(header) { text, row in
            text
                + CSVText.row([
                    row.id, row.status, row.start, row.end, row.destinations, row.leader, row.title,
                    row.upcoming ? "true" : "false", String(row.version),
                ])
        }
    }

    static func json<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(value)
        data.append(0x0A)
        return data
    }
}

/// `grappe mission add --file`: a seed file's missions, agreements and entities, recorded in one change.
/// The file is checked together with the seeds and what the store holds, so its references resolve
/// and its errors point at its own lines.
enum MissionFile {
    static func record(_ path: String, bench: Workbench, author: AuthorOption) throws {
        guard let contents = try? String(contentsOfFile: path, encoding: .utf8) else {
            Output.error("grappe: " + Messages.words.say("impossible de lire \(path)", "cannot read \(path)"))
            throw Exit.noInput
        }
        let alone = SeedLoader.load(files: [(path, contents)])
        let seedFiles = bench.seedFiles.map { file in (path: file, contents: (try? String(contentsOfFile: file, encoding: .utf8)) ?? "") }
        let stored = Network(
            entities: bench.workspace.entities.map(\.entity),
            records: bench.workspace.records.map(\.record))
        let storeFile = (path: "\u{1}workspace-store.json", contents: String(decoding: try NetworkJSON.encode(stored), as: UTF8.self))
        let combined = SeedLoader.load(files: seedFiles + [storeFile, (path, contents)])
        var errors = combined.diagnostics.filter { $0.severity == .error && $0.location.path == path }
        for record in alone.network.records where bench.network.record(record.id) != nil {
            errors.append(
                Diagnostic(
                    .error, SourceLocation(path: path, line: 1, column: 1),
                    "'\(record.id)' is already in the network; use 'grappe mission edit \(record.id)'",
                    french:
                        "«\u{00A0}\(record.id)\u{00A0}» est déjà dans le réseau\u{00A0}; utilisez «\u{00A0}grappe mission edit \(record.id)\u{00A0}»")
            )
        }
        let missions = alone.network.records.filter { $0.kind == .mission }
        if missions.isEmpty, errors.isEmpty {
            errors.append(
                Diagnostic(
                    .error, SourceLocation(path: path, line: 1, column: 1), "no mission in this file (a 'missions:' list)",
                    french: "aucune mission dans ce fichier (une liste «\u{00A0}missions:\u{00A0}»)"))
        }
        let words = Messages.words
        guard errors.isEmpty else {
            for error in errors.sortedByLocation() { Output.error(error.description(in: words.language)) }
            Output.error(Messages.nothingSaved)
            throw Exit.dataError
        }
        // Each mission also passes the form's checks (a delegation, no one twice…).
        let network = combined.network
        var issues: [String] = []
        let validator = MissionValidator(network: network, language: words.language)
        for mission in missions {
            if case .failure(let invalid) = validator.validate(MissionDraft(editing: mission, version: 0)) {
                issues += invalid.issues.map {
                    "\(path)\(words.colon)mission \(words.quoted(mission.id))\(words.colon)\($0.description.dropFirst(2))"
                }
            }
        }
        guard issues.isEmpty else {
            issues.forEach(Output.error)
            Output.error(Messages.nothingSaved)
            throw Exit.dataError
        }
        let records = alone.network.records.compactMap { network.record($0.id) }
        let entities = alone.network.entities.compactMap { network.entity($0.id) }
        let change = Change(
            action: .add, records: records, entities: entities,
            expectedVersions: Dictionary(records.map { ($0.id, 0) }, uniquingKeysWith: { $1 }),
            summary: "add " + missions.map { "mission \($0.id)" }.joined(separator: ", ") + " from \((path as NSString).lastPathComponent)")
        try bench.save(change, author: author)
    }
}
