import Foundation
import Testing

@testable import AlipayHelpKit

/// Runs every scripted conversation in `intents/tests/conversations*.yaml`.
@Suite struct ConversationSuiteTests {
    static let suites = (try? ConversationSuite.loadAll(in: KnowledgeBaseFolder(disk: Fixtures.intents))) ?? []

    @Test func thereAreScriptedConversations() {
        #expect(Self.suites.flatMap(\.scripts).count >= 10)
    }

    @Test(arguments: suites.flatMap(\.scripts).map(\.name))
    func conversationPasses(name: String) throws {
        let suite = try #require(Self.suites.first { $0.scripts.contains { $0.name == name } })
        let script = suite.scripts.first { $0.name == name }!
        let outcome = ConversationSuite(file: suite.file, scripts: [script]).run(with: Fixtures.responder)[0]
        #expect(outcome.failure == nil)
    }

    @Test func aBrokenExpectationIsReported() throws {
        let script = ConversationSuite.Script(
            name: "x",
            turns: [
                .init(
                    say: "huabei", contains: ["not in any answer"], notContains: [], step: nil, intent: nil,
                    location: SourceLocation(file: "f.yaml", line: 3, column: 5))
            ], location: SourceLocation(file: "f.yaml", line: 2, column: 3))
        let outcome = ConversationSuite(file: "f.yaml", scripts: [script]).run(with: Fixtures.responder)[0]
        #expect(outcome.failure?.hasPrefix("f.yaml:3:5: turn 1") == true)
    }
}
