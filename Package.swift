// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "alipay-help",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "alipay-help", targets: ["alipay-help"]),
        .library(name: "AlipayHelpKit", targets: ["AlipayHelpKit"]),
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
        // GNU readline, for line editing, history and completion in the chat. Its module map links
        // it; no pkgConfig, because Debian's readline.pc pulls in ncurses' -D_DEFAULT_SOURCE and
        // -D_XOPEN_SOURCE=600, which SwiftPM drops with a warning on every build.
        .systemLibrary(
            name: "CReadline",
            providers: [.apt(["libreadline-dev"])]
        ),
        // The thin command-line front end, with the knowledge base built in.
        .executableTarget(
            name: "alipay-help",
            dependencies: [
                "AlipayHelpKit",
                "CReadline",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            plugins: ["EmbedKnowledgeBase"]
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
            dependencies: ["AlipayHelpKit"]
        ),
        .testTarget(
            name: "AlipayHelpKitTests",
            dependencies: ["AlipayHelpKit"]
        ),
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["AlipayHelpKit"]
        ),
        // The command line in-process: arguments, the chat session, the line reader, the output.
        .testTarget(
            name: "AlipayHelpTests",
            dependencies: ["alipay-help", "AlipayHelpKit"]
        ),
    ]
)
