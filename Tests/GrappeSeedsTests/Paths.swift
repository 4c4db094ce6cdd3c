import Foundation
import GrappeTestSupport

/// Paths in the repository, found from this file's location so tests run from any directory.
enum Paths {
    static let testsDirectory = Repository.tests("GrappeSeedsTests")
    static let fixtures = testsDirectory.appendingPathComponent("Fixtures").path
    static let repository = Repository.root
    static let seeds = Repository.seeds.path
}
