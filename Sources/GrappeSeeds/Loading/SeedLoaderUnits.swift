import Foundation

extension SeedLoader {
    /// One piece of parsing work: a whole YAML or JSON file, or one chunk of a CSV table.
    enum Unit {
        case yaml(Int32)
        case json(Int32)
        /// GraphML or GEXF, read whole.
        case xml(Int32)
        case csv(Int32, CSVChunks.Chunk, header: [String], first: Bool)

        var file: Int32 {
            switch self {
            case .yaml(let index), .json(let index), .xml(let index), .csv(let index, _, _, _): index
            }
        }

        /// A rough cost, in CSV bytes: a byte of YAML takes about twenty times as long to read as a byte
        /// of CSV (measured on the generated network), JSON and XML in between. Only the order of work
        /// depends on it.
        func cost(_ files: [SeedFile]) -> Int {
            switch self {
            case .yaml(let index): 20 * files[Int(index)].bytes.count
            case .json(let index), .xml(let index): 8 * files[Int(index)].bytes.count
            case .csv(_, let chunk, _, _): chunk.range.count
            }
        }
    }

    /// The cost of the units read so far, told to `progress` as a share of the whole.
    final class UnitsDone: @unchecked Sendable {
        private let lock = NSLock()
        private let total: Int
        private let progress: (@Sendable (Double) -> Void)?
        private var done = 0

        init(total: Int, progress: (@Sendable (Double) -> Void)?) {
            self.total = max(1, total)
            self.progress = progress
        }

        func add(_ cost: Int) {
            guard let progress else { return }
            let share = lock.withLock {
                done += cost
                return Double(done) / Double(total)
            }
            progress(share)
        }
    }
}
