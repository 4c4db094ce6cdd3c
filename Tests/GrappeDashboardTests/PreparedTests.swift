import Dispatch
import Foundation
import Testing

@testable import GrappeDashboard

/// A list of a million rows is built in the background; a key that opens it does not wait for it.
@Suite struct PreparedTests {
    final class Gate: @unchecked Sendable {
        let opened = DispatchSemaphore(value: 0)
        let lock = NSLock()
        var runs = 0
    }

    @Test func aValueLeftToTheBackgroundIsNotWaitedFor() {
        let gate = Gate()
        let prepared = Prepared<Int> {
            gate.lock.withLock { gate.runs += 1 }
            gate.opened.wait()
            return 42
        }
        prepared.leaveToBackground()
        #expect(prepared.whenReady == nil, "not there yet: nil at once, and it is started")
        #expect(prepared.whenReady == nil)
        gate.opened.signal()
        #expect(prepared.value == 42, "waits for the one under way")
        #expect(prepared.whenReady == 42)
        #expect(gate.lock.withLock { gate.runs } == 1, "made once")
    }

    @Test func aValueNobodyBuildsIsBuiltWhenAsked() {
        let prepared = Prepared<String> { "rows" }
        #expect(prepared.ready == nil)
        #expect(prepared.whenReady == "rows")
        #expect(prepared.ready == "rows")
    }
}
