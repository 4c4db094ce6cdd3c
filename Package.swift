// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Grappe",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "grappe", targets: ["GrappeCLI"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
    ],
    targets: [
        // Pure values: entities, relations, records, dates, money. No I/O, no C.
        .target(name: "GrappeModel"),
        // Debian's libcsv (libcsv-dev): a small, strict CSV parser that reports byte offsets.
        .systemLibrary(name: "CLibCSV", path: "Sources/CLibCSV"),
        // Seed files in, network and diagnostics out.
        // Its release build leaves out the run-time checks of exclusive access: the parser's tables and
        // the edge checks touch class-held arrays for each of millions of rows, and the checks cost 8-10%
        // of loading the generated network (check --timings, A/B). Debug builds, and so the tests and the
        // fuzzer, keep them; the compile-time checks stay everywhere.
        .target(
            name: "GrappeSeeds",
            dependencies: [
                "GrappeModel", "GrappeWords", "CLibCSV",
                .product(name: "Yams", package: "Yams"),
            ], swiftSettings: [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]),
        // Recorded missions: drafts, validation, the store's interface and the overlay on the seeds. Pure.
        .target(name: "GrappeWorkspace", dependencies: ["GrappeModel", "GrappeAnalysis", "GrappeWords"]),
        // Debian's libpq (libpq-dev): the PostgreSQL client library psql and every PostgreSQL tool use.
        .systemLibrary(name: "CLibPQ", path: "Sources/CLibPQ"),
        // OpenSSL's libcrypto (libssl-dev, which libpq-dev brings): SHA-256 for the journal's hash chain.
        .systemLibrary(name: "COpenSSL", path: "Sources/COpenSSL"),
        // The store driver for a file on this machine: SQLite through GRDB (libsqlite3-dev).
        .target(
            name: "GrappeStoreSQLite",
            dependencies: [
                "GrappeModel", "GrappeWorkspace", "GrappeWords", "COpenSSL",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]),
        // The store driver for the team's server: PostgreSQL through libpq.
        .target(name: "GrappeStorePostgres", dependencies: ["GrappeModel", "GrappeWorkspace", "GrappeWords", "CLibPQ"]),
        // Opens the workspace store at a location: the one place that knows every driver; local drafts.
        .target(name: "GrappeStore", dependencies: ["GrappeWorkspace", "GrappeWords", "GrappeStoreSQLite", "GrappeStorePostgres"]),
        // Metrics, paths, summaries: pure, on the metrics graph.
        .target(name: "GrappeAnalysis", dependencies: ["GrappeModel"]),
        // The network's vocabulary in French and English (kinds, relation types, roles, dates, numbers),
        // for the dashboard and the command line's reports.
        .target(name: "GrappeWords", dependencies: ["GrappeModel"]),
        // The dashboard's pure core: state, keys, update, views rendered into a cell canvas.
        .target(name: "GrappeDashboard", dependencies: ["GrappeModel", "GrappeAnalysis", "GrappeWorkspace", "GrappeWords"]),
        // Debian's ncursesw (libncursesw5-dev), with accessors for the macros Swift cannot import.
        .systemLibrary(name: "CNcursesw", path: "Sources/CNcursesw"),
        // Saves the terminal's modes and restores them from signal handlers and at exit (C, so that the
        // handlers are plain C functions).
        .target(name: "CTerminalRestore", linkerSettings: [.linkedLibrary("ncursesw")]),
        // The dashboard's event loop and effect runner: terminal events in, messages to the core, effects
        // carried out on the store and the seeds. Talks to a terminal protocol, so tests use a fake one.
        .target(name: "GrappeRuntime", dependencies: ["GrappeDashboard", "GrappeWorkspace", "GrappeSeeds", "GrappeModel", "GrappeWords"]),
        // The only module that talks to the terminal: keys in, canvas out (implements TerminalIO).
        .target(name: "GrappeTerminal", dependencies: ["CNcursesw", "CTerminalRestore", "GrappeDashboard", "GrappeRuntime"]),
        // File formats other tools read: CSV tables, GraphML, GEXF, DOT, Kumu.
        .target(name: "GrappeExport", dependencies: ["GrappeModel", "GrappeAnalysis", "GrappeWords", "CLibCSV"]),
        // Synthetic networks for benchmarks and tests.
        .target(name: "GrappeGenerator", dependencies: ["GrappeModel", "GrappeExport"]),
        .executableTarget(
            name: "GrappeCLI",
            dependencies: [
                "GrappeModel", "GrappeSeeds", "GrappeGenerator", "GrappeAnalysis", "GrappeExport", "GrappeDashboard", "GrappeTerminal",
                "GrappeWorkspace", "GrappeStore", "GrappeRuntime", "GrappeWords",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        // Times the algorithms for Benchmarks/analysis.py (release build).
        .executableTarget(
            name: "grappe-bench",
            dependencies: [
                "GrappeAnalysis", "GrappeSeeds", "GrappeModel", "GrappeDashboard",
                "GrappeWorkspace", "GrappeStore", "GrappeRuntime", "GrappeTestSupport", "GrappeWords",
            ],
            path: "Benchmarks/GrappeBench"),
        // The seed loader under libFuzzer (Fuzz/run builds it with -sanitize=fuzzer); else a replayer of saved inputs.
        .executableTarget(name: "grappe-fuzz", dependencies: ["GrappeSeeds", "GrappeModel"], path: "Fuzz/SeedLoaderFuzz"),
        .testTarget(name: "GrappeModelTests", dependencies: ["GrappeModel"]),
        .testTarget(
            name: "GrappeSeedsTests", dependencies: ["GrappeSeeds", "GrappeModel", "GrappeWords", "GrappeAnalysis", "GrappeTestSupport"],
            exclude: ["Fixtures"]),
        .testTarget(
            name: "GrappeAnalysisTests", dependencies: ["GrappeAnalysis", "GrappeModel", "GrappeSeeds", "GrappeTestSupport"],
            exclude: ["Fixtures"]),
        .testTarget(name: "GrappeWordsTests", dependencies: ["GrappeWords", "GrappeModel", "GrappeTestSupport"]),
        .testTarget(
            name: "GrappeDashboardTests",
            dependencies: ["GrappeDashboard", "GrappeModel", "GrappeSeeds", "GrappeWorkspace", "GrappeWords", "GrappeTestSupport"],
            exclude: ["Snapshots"]),
        .testTarget(name: "GrappeGeneratorTests", dependencies: ["GrappeGenerator", "GrappeSeeds", "GrappeModel"]),
        .testTarget(name: "GrappeCLITests", dependencies: ["GrappeCLI", "GrappeTestSupport"], exclude: ["Golden"]),
        .testTarget(
            name: "GrappeRuntimeTests",
            dependencies: [
                "GrappeRuntime", "GrappeDashboard", "GrappeWorkspace", "GrappeSeeds", "GrappeModel",
                "GrappeWords", "GrappeStore", "GrappeTestSupport",
            ]),
        // What tests share: the repository's places, the PostgreSQL server the store and team tests use
        // (started once per test run), the reference network and a valid draft.
        .target(name: "GrappeTestSupport", dependencies: ["GrappeModel", "GrappeSeeds", "GrappeWorkspace"], path: "Tests/Support"),
        .testTarget(name: "GrappeWorkspaceTests", dependencies: ["GrappeWorkspace", "GrappeModel", "GrappeWords", "GrappeTestSupport"]),
        // The store contract every driver passes (SQLite, PostgreSQL, in memory), and each driver's own cases.
        .testTarget(
            name: "GrappeStoreTests",
            dependencies: [
                "GrappeStore", "GrappeStoreSQLite", "GrappeStorePostgres", "GrappeWorkspace",
                "GrappeModel", "GrappeSeeds", "GrappeTestSupport", "GrappeWords",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]),
        .testTarget(name: "GrappeExportTests", dependencies: ["GrappeExport", "GrappeAnalysis", "GrappeModel", "GrappeSeeds", "GrappeTestSupport"]),
        .testTarget(name: "GrappeTerminalTests", dependencies: ["GrappeTerminal", "GrappeDashboard"]),
    ]
)
