import Foundation

/// A file of labelled questions, used to measure understanding: a YAML suite written here
/// (`intents/tests/*.yaml`), or a TSV file of real questions with the columns `intent`, `lang`
/// and `question` (`intents/tests/*.tsv`, or a development set named by path).
public struct LabelledSuite: Sendable {
    public var file: String
    public var cases: [LabelledQuestion]

    /// Questions as real people wrote them (a TSV file), reported apart from the suites written
    /// alongside the examples.
    public var isRealQuestions: Bool { KnowledgeBaseFiles.isRealQuestions(file) }

    public static func load(path: String) throws -> LabelledSuite {
        try parse(KnowledgeBase.readText(path), file: path)
    }

    /// A suite's text, named `file` in diagnostics: TSV when the name ends in `.tsv`, else YAML.
    static func parse(_ text: String, file path: String) throws -> LabelledSuite {
        if KnowledgeBaseFiles.isRealQuestions(path) { return try parseTSV(text, path: path) }
        let root = try YAMLNode.parse(text, file: path)
        let keys = try root.mapping(allowedKeys: ["cases"])
        let cases = try keys.required("cases", in: root).sequence().map { node -> LabelledQuestion in
            let fields = try node.mapping(allowedKeys: ["q", "expect", "facet", "verdict"])
            let label = try fields.required("expect", in: node).string()
            return LabelledQuestion(
                question: try fields.required("q", in: node).string(),
                expected: label == Match.outOfScopeLabel ? .outOfScope : .intent(label),
                facet: try fields["facet"]?.string(),
                location: node.location,
                language: nil,
                verdict: try fields["verdict"].map { node in
                    let verdict = try node.string()
                    guard ["yes", "no", "remaining", "maybe", "none"].contains(verdict) else {
                        throw node.fail("a verdict is yes, no, remaining, maybe or none")
                    }
                    return verdict
                }
            )
        }
        return LabelledSuite(file: path, cases: cases)
    }

    /// Every suite in a knowledge base's tests folder, in name order (conversation scripts are
    /// another kind of test and are left to `ConversationSuite`).
    public static func loadAll(in knowledgeBase: KnowledgeBaseFolder) throws -> [LabelledSuite] {
        let folder = KnowledgeBaseFiles.testsFolder
        return try (knowledgeBase.names(in: folder) ?? []).filter(KnowledgeBaseFiles.isLabelledSuite).map {
            try parse(knowledgeBase.text(of: folder + "/" + $0), file: knowledgeBase.location(of: folder + "/" + $0))
        }
    }

    static func parseTSV(_ text: String, path: String) throws -> LabelledSuite {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        func fail(_ line: Int, _ message: String) -> KnowledgeBaseError {
            .invalid(SourceLocation(file: path, line: line, column: 1), message: message)
        }
        guard let header = lines.first?.split(separator: "\t").map({ String($0).trimmingWhitespace() }),
            let intent = header.firstIndex(of: "intent"), let question = header.firstIndex(of: "question")
        else {
            throw fail(1, "expected a header line with the columns intent, lang and question, separated by tabs")
        }
        let language = header.firstIndex(of: "lang")
        var cases: [LabelledQuestion] = []
        for (offset, line) in lines.enumerated().dropFirst() where !String(line).trimmingWhitespace().isEmpty {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count > max(intent, question, language ?? 0) else {
                throw fail(offset + 1, "expected \(header.count) tab-separated columns")
            }
            let label = fields[intent].trimmingWhitespace()
            cases.append(
                LabelledQuestion(
                    question: fields[question].trimmingWhitespace(),
                    expected: label == Match.outOfScopeLabel ? .outOfScope : .intent(label),
                    facet: nil,
                    location: SourceLocation(file: path, line: offset + 1, column: 1),
                    language: language.map { fields[$0].trimmingWhitespace() }))
        }
        return LabelledSuite(file: path, cases: cases)
    }
}
