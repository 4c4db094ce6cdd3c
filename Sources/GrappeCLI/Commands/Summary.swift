import ArgumentParser
import Foundation
import GrappeAnalysis
import GrappeExport
import GrappeModel

/// `grappe summary`: the analyst's report on the whole network.
struct Summary: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Network summary: counts, structure, communities, top partners, brokers, introductions, funding.",
        discussion: """
            Metrics are computed on the metrics graph (docs/metrics.md), as of today or --as-of: a mission planned for next year does not change today's figures. Betweenness, closeness and distances are exact up to --exact-limit nodes and sampled above (the report says so, with pivots and seed).

            --compare D1 D2 adds what changed between two dates. Text and markdown follow --lang; JSON and CSV are for programs and documented in docs/summary-format.md.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, markdown, json, csv

        /// `md` is taken for `markdown`, as the file extension says it.
        init?(argument: String) {
            self.init(rawValue: argument == "md" ? "markdown" : argument)
        }
    }

    @OptionGroup var seedOptions: SeedOptions
    @OptionGroup var analysis: AnalysisOptions
    @OptionGroup var sampling: SamplingOptions
    @OptionGroup var language: LanguageOption

    @Option(name: .long, help: "Output format.")
    var format: Format = .text

    @Option(name: .long, help: "How many partners in each ranking.")
    var top = 10

    @Option(name: .long, parsing: .upToNextOption, help: ArgumentHelp("Two dates: what changed between them.", valueName: "date"))
    var compare: [String] = []

    @Option(name: [.short, .long], help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?

    @Flag(name: .long, help: "Print each part's time and memory (resident and peak) on standard error at the end.")
    var timings = false

    /// Each part's usual share of the summary after the metrics, from `--timings` at 100,000 and
    /// 1,000,000 organisations: for the time left on the progress line.
    static let partWeights = [
        "distances": 0.8, "counts": 0.03, "two-step reach": 0.02, "brokers": 0.005, "introductions": 0.07, "funding": 0.07, "per year": 0.005,
    ]

    func validate() throws {
        guard (1...1000).contains(top) else {
            throw ValidationError(Messages.words.say("--top doit être entre 1 et 1000", "--top must be between 1 and 1000"))
        }
        guard compare.isEmpty || compare.count == 2 else {
            throw ValidationError(Messages.words.say("--compare prend deux dates", "--compare takes two dates"))
        }
        for text in compare {
            switch PartialDate.parse(text) {
            case .failure(let error):
                throw ValidationError(
                    Messages.words.say("--compare\(Messages.words.colon)\(error.french)", "--compare\(Messages.words.colon)\(error)"))
            case .success(let date) where date.year == nil:
                throw ValidationError(Messages.words.say("--compare demande des dates avec une année", "--compare needs dates with a year"))
            case .success: break
            }
        }
    }

    func run() throws {
        let profile = timings ? Profile() : nil
        Profile.active = profile
        defer { profile?.write() }
        let phases = profile?.phases ?? .none
        // The whole network is kept only to compare two dates.
        let (network, whole): (Network, Network?) =
            compare.count == 2 ? try analysis.networkForAnalysis(from: seedOptions) : (try analysis.networkAtDate(from: seedOptions), nil)
        let asOf = analysis.analysisDate
        let graph = profile?.measure("metrics graph") { MetricsGraph(network: network) } ?? MetricsGraph(network: network)
        let metrics = Progress.run(
            Progress.computingMetrics(graph.nodeCount, graph.edgeCount),
            phased: { report, shown in
                NodeMetrics(graph, options: sampling.options, progress: report, phases: phases.and(shown))
            })
        let summary = Progress.run(Messages.words.say("synthèse", "summarising"), weights: Self.partWeights) { _, shown in
            NetworkSummary(
                network, options: .init(top: top, metrics: sampling.options, asOf: asOf), metrics: metrics, phases: phases.and(shown))
        }
        var changes: NetworkChanges?
        if compare.count == 2, let whole {
            let dates = compare.map { try! PartialDate.parse($0).get() }
            changes = Progress.run(Messages.words.say("comparaison du \(dates[0]) et du \(dates[1])", "comparing \(dates[0]) and \(dates[1])")) {
                NetworkChanges(whole, from: dates[0], to: dates[1], top: top)
            }
        }
        try (profile?.measure("report") { try write(summary, changes: changes) } ?? write(summary, changes: changes))
    }

    private func write(_ summary: NetworkSummary, changes: NetworkChanges?) throws {
        switch format {
        case .json: try Output.write(try SummaryReport.json(summary, changes: changes), as: .json, to: output)
        case .csv: try Output.write(Data(SummaryReport.csv(summary, changes: changes).utf8), as: .csv, to: output)
        case .markdown:
            try Output.write(
                Data(Sanitizer.visible(SummaryReport.markdown(summary, changes: changes, words: language.words), keepingLineBreaks: true).utf8),
                as: .text, to: output)
        case .text:
            let width = output == nil ? TerminalSize.width : 80
            let text = SummaryReport.text(summary, changes: changes, width: max(60, width), words: language.words)
            if output == nil {
                for line in text.split(separator: "\n", omittingEmptySubsequences: false).dropLast() { Output.line(String(line)) }
            } else {
                try Output.write(Data(Sanitizer.visible(text, keepingLineBreaks: true).utf8), as: .text, to: output)
            }
        }
    }
}

enum TerminalSize {
    /// The terminal's width when standard output is one, else 80.
    static var width: Int {
        var size = winsize()
        if isatty(STDOUT_FILENO) == 1, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return min(Int(size.ws_col), 120) }
        return 80
    }
}
