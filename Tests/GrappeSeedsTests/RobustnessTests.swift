import Foundation
import GrappeModel
import GrappeSeeds
import Testing

/// No input of any kind may crash the loader: the reference seeds, damaged at random (bytes deleted,
/// inserted, replaced), must always load into a consistent network with diagnostics.
@Suite struct RobustnessTests {
    struct Mutator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state
        }
    }

    @Test func damagedSeedsNeverCrashTheLoader() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Paths.seeds).filter { $0.hasSuffix(".yaml") }.sorted()
        let originals = try files.map { [UInt8](try Data(contentsOf: URL(fileURLWithPath: Paths.seeds + "/" + $0))) }
        let csv = Array("Id,Label,Kind\nacme,\"ACME, inc.\",organisation\nx,y,city\n".utf8)
        let alphabet = Array("\"',:;-[]{}#&*!|>%@`\n\t \u{1B}éX0".utf8) + [0xFF, 0xC3, 0x00]
        var random = Mutator(state: 42)
        for round in 0..<300 {
            var inputs: [(String, String)] = []
            for (index, original) in (originals + [csv]).enumerated() {
                var bytes = original
                for _ in 0..<(1 + Int.random(in: 0..<4, using: &random)) where !bytes.isEmpty {
                    let at = Int.random(in: 0..<bytes.count, using: &random)
                    switch Int.random(in: 0..<3, using: &random) {
                    case 0: bytes.remove(at: at)
                    case 1: bytes.insert(alphabet.randomElement(using: &random)!, at: at)
                    default: bytes[at] = alphabet.randomElement(using: &random)!
                    }
                }
                let name = index < files.count ? files[index] : "nodes.csv"
                inputs.append((name, String(decoding: bytes, as: UTF8.self)))
            }
            let result = SeedLoader.load(files: inputs.map { (path: $0.0, contents: $0.1) })
            let network = result.network
            #expect(
                network.relations.allSatisfy { network.entity($0.from) != nil && network.entity($0.to) != nil },
                "round \(round): a relation with an unknown end reached the network")
            #expect(result.diagnostics.allSatisfy { $0.location.line >= 1 && $0.location.column >= 1 })
        }
    }
}
