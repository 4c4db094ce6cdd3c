import ArgumentParser

struct Summary: ParsableCommand {
    func run() throws {}
}
