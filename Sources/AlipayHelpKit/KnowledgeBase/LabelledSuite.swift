import Foundation

/// A file of labelled questions (`intents/tests/*.yaml`), used to measure understanding.
public struct LabelledSuite: Sendable {
    public var file: String
    public var cases: [LabelledQuestion]

    public static func load(path: String) throws -> LabelledSuite {
        let root = try YAMLNode.parse(try KnowledgeBase.readText(path), file: path)
        let keys = try root.mapping(allowedKeys: ["cases"])
        let cases = try keys.required("cases", in: root).sequence().map { node -> LabelledQuestion in
            let fields = try node.mapping(allowedKeys: ["q", "expect", "facet"])
            let label = try fields.required("expect", in: node).string()
            return LabelledQuestion(
                question: try fields.required("q", in: node).string(),
                expected: label == LabelledQuestion.outOfScopeLabel ? .outOfScope : .intent(label),
                facet: try fields["facet"]?.string(),
                location: node.location
            )
        }
        return LabelledSuite(file: path, cases: cases)
    }

    /// Every suite in a folder, in name order (conversation scripts, `conversations*.yaml`, are
    /// another kind of test and are left to `ConversationSuite`).
    public static func loadAll(in directory: URL) throws -> [LabelledSuite] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return try names.filter { $0.hasSuffix(".yaml") && !$0.hasPrefix("conversations") }.sorted().map {
            try load(path: directory.appendingPathComponent($0).path)
        }
    }
}
