import GrappeModel
import GrappeSeeds

#if canImport(Glibc)
import Glibc
#endif

/// A coverage-guided fuzz target for the seed loader (libFuzzer). Each input is read as a YAML, a CSV,
/// a JSON and a GraphML seed file in turn (the XML reader takes GEXF too); loading must never crash, and every diagnostic must point inside the
/// file. Built with `-sanitize=fuzzer -DFUZZING` by `Fuzz/run`, its `main` hands over to libFuzzer's
/// driver; in an ordinary build it is a replayer: `grappe-fuzz FILE…` runs saved inputs.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSeedLoader(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    let lines = bytes.reduce(1) { $0 + ($1 == 0x0A || $1 == 0x0D ? 1 : 0) }
    for name in ["input.yaml", "input.csv", "input.json", "input.graphml"] {
        let result = SeedLoader.load(rawFiles: [(path: name, bytes: bytes)])
        for diagnostic in result.diagnostics where diagnostic.location.path == name {
            let location = diagnostic.location
            // A position outside the file is a bug in the position arithmetic: stop the fuzzer on it.
            if location.line < 1 || location.column < 1 || location.line > lines + 1 {
                fatalError("\(name): diagnostic outside the file: \(diagnostic)")
            }
        }
    }
    return 0
}

#if FUZZING
/// libFuzzer's driver, called from our own `main` (SwiftPM names the entry point itself).
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt
#endif

@main
struct FuzzMain {
    static func main() {
        #if FUZZING
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(runFuzzerDriver(&argc, &argv) { data, size in fuzzSeedLoader(data, size) })
        #else
        for path in CommandLine.arguments.dropFirst() {
            guard let file = fopen(path, "rb") else {
                print("cannot open \(path)")
                exit(66)
            }
            var bytes: [UInt8] = []
            var buffer = [UInt8](repeating: 0, count: 65536)
            while true {
                let count = fread(&buffer, 1, buffer.count, file)
                if count <= 0 { break }
                bytes += buffer[..<count]
            }
            fclose(file)
            _ = bytes.withUnsafeBufferPointer { fuzzSeedLoader($0.baseAddress, $0.count) }
            print("\(path): ok")
        }
        #endif
    }
}
