import GrappeModel
import GrappeSeeds
import GrappeWorkspace

/// The curated seeds, loaded once.
public let referenceNetwork: Network = {
    try! SeedLoader.load(path: Repository.seeds.path).network
}()

/// A valid mission to Lyon, as a planner would type it (names and ids mixed, accents dropped).
public func lyonDraft(title: String = "Mission numérique à Lyon") -> MissionDraft {
    var draft = MissionDraft(
        title: title, status: "planned", leader: "marc-demers", onBehalfOf: ["CQIC"], origin: "laval",
        destinations: ["Lyon"], start: "2027-03-10", end: "2027-03-14", objectives: ["rencontrer des partenaires"],
        budget: "25000 CAD")
    draft.delegates = [MissionDraft.Delegate(who: "alain-dumas", role: "delegate", attendance: "confirmed")]
    return draft
}
