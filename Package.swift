// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "alipay-help",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "alipay-help", targets: ["alipay-help"]),
        .library(name: "AlipayHelpKit", targets: ["AlipayHelpKit"]),
        .library(name: "AlipayHelpKnowledgeBase", targets: ["AlipayHelpKnowledgeBase"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        // The domain: knowledge base, normalisation, matching, answers. Knows nothing of terminals.
        .target(
            name: "AlipayHelpKit",
            dependencies: [.product(name: "Yams", package: "Yams")]
        ),
        // GNU readline, for line editing, history and completion in the chat (libreadline-dev on
        // Debian): a C file holding its state and the terminal's, once.
        .target(
            name: "CReadline",
            linkerSettings: [.linkedLibrary("readline")]
        ),
        // Stopping a batch cleanly on SIGINT or SIGTERM.
        .target(name: "CStopSignals"),
        // The knowledge base of intents/, built in: its files, and the matcher trained on them,
        // for any front end (the command line, a server) to answer from without a folder.
        .target(
            name: "AlipayHelpKnowledgeBase",
            dependencies: ["AlipayHelpKit"],
            plugins: ["EmbedKnowledgeBase"]
        ),
        // The thin command-line front end.
        .executableTarget(
            name: "alipay-help",
            dependencies: [
                "AlipayHelpKit",
                "AlipayHelpKnowledgeBase",
                "CReadline",
                "CStopSignals",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Turns intents/ into Swift source at build time (the only copy stays intents/), with
        // the matcher trained on it.
        .executableTarget(name: "embed-knowledge-base", dependencies: ["AlipayHelpKit"]),
        .plugin(
            name: "EmbedKnowledgeBase",
            capability: .buildTool(),
            dependencies: ["embed-knowledge-base"]
        ),
        // Release-build benchmark: throughput, start-up and peak memory.
        .executableTarget(
            name: "alipay-help-benchmark",
            dependencies: ["AlipayHelpKit"]
        ),
        // The fuzz target: libFuzzer with address sanitizer through fuzz/run.sh; built plainly, it
        // replays fuzz/corpus and a seeded random pass.
        .executableTarget(
            name: "alipay-help-fuzz",
            dependencies: ["AlipayHelpKit", "AlipayHelpFuzzing"]
        ),
        // What a fuzzing input runs through, shared by the fuzz target and the seeded pass in the
        // tests; kept out of the domain library.
        .target(
            name: "AlipayHelpFuzzing",
            dependencies: ["AlipayHelpKit"]
        ),
        .testTarget(
            name: "AlipayHelpKitTests",
            dependencies: ["AlipayHelpKit", "AlipayHelpFuzzing"]
        ),
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["AlipayHelpKit"]
        ),
        // The command line in-process: arguments, the chat session, the line reader, the output.
        .testTarget(
            name: "AlipayHelpTests",
            dependencies: ["alipay-help", "AlipayHelpKit", "AlipayHelpKnowledgeBase"]
        ),
    ]
)
