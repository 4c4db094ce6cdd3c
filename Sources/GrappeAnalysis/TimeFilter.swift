import GrappeModel

extension Network {
    /// The network as it stood at the end of `date` (the last day `date` can mean):
    /// - an entity founded later is left out, with its relations;
    /// - a relation is kept if it had started by then (or has no start) and had not ended before;
    /// - a record is kept if it had happened or begun by then (or has no date).
    /// Dates whose year is unknown (`XXXX-10`) cannot be placed in time: what carries them is kept.
    public func asOf(_ date: PartialDate) -> Network {
        guard let point = date.bounds?.last else { return self }
        func started(_ start: PartialDate?) -> Bool { start?.bounds.map { $0.first <= point } ?? true }
        func notEnded(_ end: PartialDate?) -> Bool { end?.bounds.map { $0.last >= point } ?? true }
        let kept = entities.filter { started($0.founded) }
        let keptIDs = Set(kept.map(\.id))
        return Network(
            name: name, id: id, documents: documents, entities: kept,
            relations: relations.filter {
                keptIDs.contains($0.from) && keptIDs.contains($0.to) && started($0.start) && notEnded($0.end)
            },
            records: records.filter { started($0.date) })
    }
}
