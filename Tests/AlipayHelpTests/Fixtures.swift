import AlipayHelpKit
import Foundation

/// The project's own knowledge base, loaded once for every test of the command line.
enum Fixtures {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let intents = packageRoot.appendingPathComponent("intents")
    static let assistant = Assistant(
        responder: try! Responder(knowledgeBase: KnowledgeBase.load(from: intents)),
        folder: KnowledgeBaseFolder(disk: intents))

    /// A fresh folder holding the given files.
    static func folder(_ files: [String: String]) throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "alipay-help-cli-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for (name, text) in files {
            try text.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return directory
    }
}
