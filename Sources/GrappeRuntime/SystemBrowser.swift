import Foundation
import GrappeDashboard

/// The system's way of opening a web address: `$BROWSER`, else `xdg-open`, found on the PATH and
/// started without a shell (the address is one argument), its output sent nowhere.
public enum SystemBrowser {
    /// Opens `address` with `$BROWSER`, else `xdg-open`; why not, when it cannot.
    public static func open(_ address: String) -> LinkProblem? {
        let environment = ProcessInfo.processInfo.environment
        let candidates = [environment["BROWSER"], "xdg-open"].compactMap { $0 }.filter { !$0.isEmpty }
        let folders = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map(String.init)
        let found = candidates.lazy.compactMap { name -> String? in
            if name.contains("/") { return FileManager.default.isExecutableFile(atPath: name) ? name : nil }
            return folders.map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
        }.first
        guard let found else { return .noOpener }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: found)
        process.arguments = [address]
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
            return nil
        } catch {
            return .failed("\(found): \(error.localizedDescription)")
        }
    }
}
