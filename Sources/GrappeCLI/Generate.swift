import ArgumentParser

struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Write a synthetic network as seed files.")
    func run() throws {}
}
