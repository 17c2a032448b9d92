import AlipayHelpKit
import Foundation

enum FixtureError: Error {
    case missingText(file: String, text: String)
}

/// The project's own knowledge base, loaded once for every test.
enum Fixtures {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let intents = packageRoot.appendingPathComponent("intents")
    static let knowledgeBase: KnowledgeBase = try! KnowledgeBase.load(from: intents)
    static let responder: Responder = try! Responder(knowledgeBase: knowledgeBase)
    static var matcher: IntentMatcher { responder.matcher }

    /// A fresh folder with the given files, for loader error tests.
    /// The project's messages file is added unless `files` has its own, or `withMessages` is off.
    static func folder(_ files: [String: String], withMessages: Bool = true) throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "alipay-help-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var files = files
        if withMessages && files["messages.yaml"] == nil {
            files["messages.yaml"] = try String(
                contentsOf: intents.appendingPathComponent("messages.yaml"), encoding: .utf8)
        }
        for (name, text) in files {
            try text.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return directory
    }

    /// A copy of the project's knowledge base (with its flows and tests), for edits.
    static func copyOfIntents() throws -> URL {
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("alipay-help-kb-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: intents, to: copy)
        return copy
    }

    /// Replaces text in a file of a copied knowledge base.
    static func edit(_ folder: URL, _ file: String, replacing old: String, with new: String) throws {
        let url = folder.appendingPathComponent(file)
        let text = try String(contentsOf: url, encoding: .utf8)
        guard text.contains(old) else { throw FixtureError.missingText(file: file, text: old) }
        try text.replacingOccurrences(of: old, with: new).write(to: url, atomically: true, encoding: .utf8)
    }

    /// A minimal valid topic file, with `extra` lines added at the top level.
    static func topicYAML(id: String = "limits", extra: String = "") -> String {
        """
        id: \(id)
        title: Limits
        require: [limit]
        examples:
          - what is the limit
        answer:
          summary: There are limits.
        \(extra)
        """
    }
}
