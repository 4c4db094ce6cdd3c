import ArgumentParser
import Foundation
import GrappeModel
import GrappeWorkspace

/// The fields of a mission as options. On `add` they fill a new mission; on `edit` each option given
/// replaces that field (a repeated option replaces the whole list).
struct MissionFields: ParsableArguments {
    @Option(help: "The mission's title.") var title: String?
    @Option(help: "planned, confirmed, under_way, completed or cancelled.") var status: String?
    @Option(help: ArgumentHelp("Who leads the delegation (id or name).", valueName: "id")) var leader: String?
    @Option(
        name: .customLong("on-behalf-of"), help: ArgumentHelp("On whose behalf (organisation, cluster, pole or city); repeatable.", valueName: "id"))
    var onBehalfOf: [String] = []
    @Option(help: ArgumentHelp("The city the delegation leaves from.", valueName: "city")) var origin: String?
    @Option(help: ArgumentHelp("A destination city; repeatable.", valueName: "city")) var destination: [String] = []
    @Option(help: ArgumentHelp("Start date (EDTF: 2027-03-10, 2027-03, XXXX-10…).", valueName: "date")) var from: String?
    @Option(help: ArgumentHelp("End date.", valueName: "date")) var to: String?
    @Option(help: ArgumentHelp("An objective; repeatable.", valueName: "text")) var objective: [String] = []
    @Option(
        help: ArgumentHelp(
            "A member of the delegation: ID[:ROLE[:ATTENDANCE]], role leader, delegate, host or partner_met; attendance invited, confirmed, attended, declined; repeatable.",
            valueName: "id"))
    var delegate: [String] = []
    @Option(help: ArgumentHelp("An organisation to meet; repeatable.", valueName: "id")) var meet: [String] = []
    @Option(help: ArgumentHelp("The budget with its currency: \"25000 CAD\".", valueName: "amount")) var budget: String?
    @Option(help: ArgumentHelp("Who funds the mission; repeatable.", valueName: "id")) var funder: [String] = []
    @Option(help: ArgumentHelp("Outcome: an agreement in the network that was signed; repeatable.", valueName: "id")) var agreement: [String] = []
    @Option(
        name: .customLong("new-agreement"),
        help: ArgumentHelp(
            "Outcome: an agreement signed during the mission, recorded with it: \"Title | signed date | signatory, …\"; repeatable.",
            valueName: "text"))
    var newAgreement: [String] = []
    @Option(name: .customLong("partner-met"), help: ArgumentHelp("Outcome: a partner in the network that was met; repeatable.", valueName: "id"))
    var partnerMet: [String] = []
    @Option(
        name: .customLong("new-partner"),
        help: ArgumentHelp("Outcome: a new partner met, recorded with the mission: \"Name | type | city\"; repeatable.", valueName: "text"))
    var newPartner: [String] = []
    @Option(name: .customLong("follow-up"), help: ArgumentHelp("Outcome: a follow-up in words; repeatable.", valueName: "text")) var followUp:
        [String] = []
    @Option(help: "The planners' notes.") var notes: String?
    @Option(help: ArgumentHelp("A source document id; repeatable.", valueName: "doc")) var source: [String] = []

    var isEmpty: Bool {
        [title, status, leader, origin, from, to, budget, notes].allSatisfy { $0 == nil }
            && [onBehalfOf, destination, objective, delegate, meet, funder, agreement, newAgreement, partnerMet, newPartner, followUp, source]
                .allSatisfy(\.isEmpty)
    }

    /// Each option given replaces its field (through the one field↔draft mapping, `MissionField.slot`).
    func apply(to draft: inout MissionDraft) {
        let texts: [(MissionField, String?)] = [
            (.title, title), (.status, status), (.leader, leader), (.origin, origin), (.start, from),
            (.end, to), (.budget, budget), (.notes, notes),
        ]
        let lists: [(MissionField, [String])] = [
            (.onBehalfOf, onBehalfOf), (.destinations, destination), (.objectives, objective),
            (.toMeet, meet), (.funders, funder), (.agreements, agreement),
            (.newAgreements, newAgreement), (.partnersMet, partnerMet), (.newPartners, newPartner),
            (.followUps, followUp), (.sources, source),
        ]
        for (field, value) in texts {
            if let value, case .text(let path) = field.slot { draft[keyPath: path] = value }
        }
        for (field, values) in lists where !values.isEmpty {
            if case .list(let path) = field.slot { draft[keyPath: path] = values }
        }
        if !delegate.isEmpty { draft.delegates = delegate.map(MissionDraft.Delegate.parse) }
    }
}

/// `--author`, for commands that write.
struct AuthorOption: ParsableArguments {
    @Option(
        help:
            "Who makes the change, for the journal (default: the login name). On a team server, a role to write as, which the server must allow (the login is a member of it)."
    )
    var author: String?

    /// `--author` as given, when it was.
    var requested: String? {
        guard let author, !author.trimmingSpaces().isEmpty else { return nil }
        return author
    }

    var name: String { requested ?? Workbench.loginName() }
}
