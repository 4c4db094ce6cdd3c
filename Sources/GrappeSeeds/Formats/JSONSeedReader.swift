import Foundation
import GrappeModel
import GrappeWords

/// Reads a canonical JSON export back. Its items carry no positions, so problems are reported at the
/// top of the file with the JSON path of the item (`relations[12].to`).
struct JSONSeedReader {
    let file: SeedFile
    let fileIndex: Int32
    let set: SeedSet

    func read() {
        guard let envelope = decodeEnvelope() else { return }
        let top = Origin(file: fileIndex, line: 1, column: 1)
        let at = file.location(line: 1, column: 1)
        set.documents += envelope.documents
        set.documentOrigins += Array(repeating: top, count: envelope.documents.count)
        for (index, entity) in envelope.entities.enumerated() {
            if let problem = IDSyntax.problem(with: entity.id) {
                set.error(at, "entities[\(index)]\u{00A0}: \(problem.french)", "entities[\(index)]: \(problem.english)")
            }
            cite(entity.sources, "entities[\(index)]")
        }
        set.entities += envelope.entities
        set.entityOrigins += Array(repeating: top, count: envelope.entities.count)
        for (index, relation) in envelope.relations.enumerated() {
            let ends = relation.type.allowedEnds
            refer(relation.from, .entity(ends.from), "relations[\(index)].from")
            refer(relation.to, .entity(ends.to), "relations[\(index)].to")
            cite(relation.sources, "relations[\(index)]")
            set.relationOrigins[set.relations.count] = top
            set.relations.append(relation)
        }
        for (index, record) in envelope.records.enumerated() { referencesOf(record, path: "records[\(index)]") }
        set.records += envelope.records
        set.recordOrigins += Array(repeating: top, count: envelope.records.count)
    }

    /// The file's envelope when it is valid JSON of a format and version this Grappe reads; else one
    /// error says why.
    private func decodeEnvelope() -> NetworkJSON.Envelope? {
        let envelope: NetworkJSON.Envelope
        do {
            envelope = try NetworkJSON.decode(Data(file.bytes[file.contentStart...]))
        } catch let error as DecodingError {
            // Not Grappe's export: Kumu's JSON (a project's backup, or its import format) has elements and
            // connections. Only then is the file read a second time, as a plain JSON object.
            if let object = try? JSONSerialization.jsonObject(with: Data(file.bytes[file.contentStart...])), KumuJSONReader.isKumu(object) {
                KumuJSONReader(file: file, fileIndex: fileIndex, set: set).read(object)
                return nil
            }
            if let (location, message) = syntaxError() {
                set.error(location) { w in w.say("JSON invalide\(w.colon)", "invalid JSON\(w.colon)") + message(w) }
            } else {
                set.error(file.location(line: 1, column: 1)) { w in
                    w.say("ce n'est pas un export de réseau Grappe\(w.colon)", "not a Grappe network export\(w.colon)") + error.seedMessage(w)
                }
            }
            return nil
        } catch {
            set.error(
                file.location(line: 1, column: 1), "JSON illisible\u{00A0}: \(error.localizedDescription)",
                "cannot read JSON: \(error.localizedDescription)")
            return nil
        }
        guard envelope.format == NetworkJSON.format else {
            set.error(
                file.location(line: 1, column: 1),
                "le format est «\u{00A0}\(envelope.format)\u{00A0}», on attend «\u{00A0}\(NetworkJSON.format)\u{00A0}»",
                "format is '\(envelope.format)', expected '\(NetworkJSON.format)'")
            return nil
        }
        guard envelope.version <= NetworkJSON.version else {
            set.error(
                file.location(line: 1, column: 1),
                "écrit par un Grappe plus récent (version de format \(envelope.version)\u{00A0}; celui-ci lit jusqu'à la \(NetworkJSON.version))",
                "written by a newer Grappe (format version \(envelope.version); this one reads up to \(NetworkJSON.version))")
            return nil
        }
        return envelope
    }

    /// A reference for the validator, placed at the top of the file with its JSON path.
    private func refer(_ id: ID, _ target: PendingReference.Target, _ path: String) {
        set.references.append(PendingReference(id: id, target: target, location: file.location(line: 1, column: 1), role: .same(path)))
    }

    private func cite(_ sources: [SourceRef], _ path: String) {
        for (index, source) in sources.enumerated() { refer(source.document, .document, "\(path).sources[\(index)]") }
    }

    /// What a record refers to: parties, places, funders, a parent project, outcomes; and its amounts.
    private func referencesOf(_ record: Record, path: String) {
        for (number, party) in record.parties.enumerated() { refer(party.entity, .entity(nil), "\(path).parties[\(number)]") }
        for place in record.places { refer(place, .entity([.city]), "\(path) place") }
        if case .project(let project) = record.body {
            for line in project.funding { if let funder = line.funder { refer(funder, .entity(nil), "\(path).funding") } }
            if let parent = project.partOf { refer(parent, .record(.project), "\(path).part_of") }
            checkAmounts(budget: project.budget, funding: project.funding, path: path)
        }
        if case .mission(let mission) = record.body {
            checkAmounts(budget: mission.budget, funding: [], path: path)
            for outcome in mission.outcomes {
                if let agreement = outcome.agreement { refer(agreement, .record(.agreement), "\(path).outcomes") }
                if let partner = outcome.partner { refer(partner, .entity(nil), "\(path).outcomes") }
            }
        }
        cite(record.sources, path)
    }

    /// The same rules as for YAML seeds: no negative amount, shares at most 100% in all.
    private func checkAmounts(budget: Money?, funding: [FundingLine], path: String) {
        let at = file.location(line: 1, column: 1)
        if let budget, budget.minorUnits < 0 {
            set.error(at, "\(path).budget ne doit pas être négatif (\(budget))", "\(path).budget must not be negative (\(budget))")
        }
        for (index, line) in funding.enumerated() {
            if let amount = line.amount, amount.minorUnits < 0 {
                set.error(
                    at, "\(path).funding[\(index)].amount ne doit pas être négatif (\(amount))",
                    "\(path).funding[\(index)].amount must not be negative (\(amount))")
            }
        }
        let total = funding.reduce(0) { $0 + ($1.share?.basisPoints ?? 0) }
        if total > 10_000 {
            set.error(at) { w in
                w.say(
                    "\(path).funding\(w.colon)les parts font plus de 100\u{00A0}% (\(w.share(Percentage(basisPoints: total))))",
                    "\(path).funding\(w.colon)shares add up to more than 100% (\(Percentage(basisPoints: total)))")
            }
        }
    }

    /// Where a syntax error is, and what it is, or nil when the bytes are valid JSON. JSONDecoder only
    /// says the data is not valid JSON; Foundation's JSONSerialization, on the same bytes, says "around
    /// character N", a byte offset, which becomes `line:column` (a truncated document: its end). Errors
    /// in the shape of valid JSON (a missing key, a wrong type) name their JSON path instead.
    private func syntaxError() -> (SourceLocation, (Words) -> String)? {
        do {
            _ = try JSONSerialization.jsonObject(with: Data(file.bytes[file.contentStart...]), options: [.fragmentsAllowed])
            return nil
        } catch {
            let description = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "\(error.localizedDescription)"
            if description.lowercased().contains("end of file") {
                return (
                    file.location(ofOffset: file.bytes.count),
                    { w in
                        w.say(
                            "le document s'arrête trop tôt (un «\u{00A0}{\u{00A0}», un «\u{00A0}[\u{00A0}» ou un texte n'est pas refermé)",
                            "the document ends too early (an unclosed '{', '[' or string)")
                    }
                )
            }
            guard let range = description.range(of: " around character "),
                let offset = Int(description[range.upperBound...].prefix { $0.isNumber })
            else {
                return (file.location(line: 1, column: 1), { w in w.say(ParserWords.json(description), description) })
            }
            let what = description[..<range.lowerBound].lowercased()
            return (file.location(ofOffset: file.contentStart + offset), { w in w.say(ParserWords.json(String(what)), String(what)) })
        }
    }
}
