import Foundation
import Testing

@testable import AlipayHelpKit

@Suite struct KnowledgeBaseLoadingTests {
    @Test func loadsEveryFixedTopicWithItsFacets() throws {
        let kb = Fixtures.knowledgeBase
        #expect(
            kb.topics.map(\.id) == ["change_phone", "delete_account", "limits", "huabei", "foreigner_verification"],
            "in their files' order")
        for topic in kb.topics {
            #expect(topic.examples.count >= 30, "\(topic.id) needs at least 30 examples")
            let chinese = topic.examples.filter {
                $0.unicodeScalars.contains { $0.value >= 0x4E00 && $0.value <= 0x9FFF }
            }
            #expect(chinese.count >= 30, "\(topic.id) needs at least 30 Chinese examples")
            #expect(!topic.facets.isEmpty)
        }
        #expect(Set(kb.smallTalk.map(\.id)) == ["greeting", "thanks", "goodbye", "capabilities"])
        #expect(kb.outOfScope.examples.count >= 40)
    }

    @Test func keepsTheSourceFiguresExact() throws {
        let kb = Fixtures.knowledgeBase
        func text(_ id: String) -> String {
            let topic = kb.topic(id)!
            return ([topic.answer.summary] + topic.answer.steps + topic.answer.notes + topic.facets.map(\.answer)).map(
                \.en
            ).joined(separator: " ")
        }
        for figure in ["50,000 yuan", "200 yuan", "100 red envelopes a day", "200,000 yuan"] {
            #expect(text("limits").contains(figure), "limits should state \(figure)")
        }
        #expect(text("delete_account").contains("95188"))
        #expect(text("huabei").contains("about 40 days"))
        #expect(text("huabei").contains("3, 6 or 12"))
        #expect(
            text("change_phone").contains("no more than 10 minutes")
                || text("change_phone").contains("No more than 10 minutes"))
    }

    @Test func reportsBrokenYAMLWithFileLineAndColumn() throws {
        let folder = try Fixtures.folder(["limits.yaml": "id: limits\ntitle: [unclosed\n"])
        #expect {
            try KnowledgeBase.load(from: folder)
        } throws: { error in
            guard case let KnowledgeBaseError.invalid(location, message) = error else { return false }
            return location.file.hasSuffix("limits.yaml") && location.line == 3 && message.hasPrefix("invalid YAML")
        }
    }

    @Test func rejectsMissingKeysAndBadTopicIDs() throws {
        let missing = try Fixtures.folder([
            "limits.yaml": "id: limits\ntitle: Limits\nrequire: [limit]\nexamples: [a]\n"
        ])
        #expect(throws: KnowledgeBaseError.self) { try KnowledgeBase.load(from: missing) }

        // Any id names a topic (topics are data), but not one that cannot be written in JSON and
        // rules, or one that small talk or out of scope already uses.
        for (id, message) in [
            ("Pass words", "must be lowercase letters, digits and _"),
            ("out_of_scope", "is taken by small talk or out of scope"),
        ] {
            let folder = try Fixtures.folder(["x.yaml": Fixtures.topicYAML(id: id)])
            do {
                _ = try KnowledgeBase.load(from: folder)
                Issue.record("topic id '\(id)' must be rejected")
            } catch let error as KnowledgeBaseError {
                #expect(error.errorDescription?.contains(message) == true, "\(error)")
            }
        }
    }

    @Test func rejectsAWordDeclaredInTwoConcepts() throws {
        let vocabulary = """
            concepts:
              phone:
                en: [mobile]
              limit:
                en: [mobile]
            """
        let kb = try KnowledgeBase.load(
            from: try Fixtures.folder(["limits.yaml": Fixtures.topicYAML(), "vocabulary.yaml": vocabulary]))
        #expect {
            _ = try IntentMatcher(knowledgeBase: kb)
        } throws: { error in
            (error as? KnowledgeBaseError)?.errorDescription?.contains(
                "'mobile' is declared in both 'phone' and 'limit'") == true
        }
    }

    @Test func labelledSuitesLoadWithLocations() throws {
        let suites = try LabelledSuite.loadAll(in: KnowledgeBaseFolder(disk: Fixtures.intents))
        let cases = suites.flatMap(\.cases)
        #expect(cases.count >= 140)
        #expect(cases.allSatisfy { $0.location.line > 1 })
    }
}

/// FACTS.md, in the repository, lists every figure the knowledge base names, with its value.
@Suite struct FactsFileTests {
    @Test func everyNamedFigureIsListedWithItsValue() throws {
        let facts = try String(contentsOf: Fixtures.packageRoot.appendingPathComponent("FACTS.md"), encoding: .utf8)
        let rows = facts.split(separator: "\n").filter { $0.hasPrefix("| `") }
        let figures = Fixtures.knowledgeBase.topics.flatMap(\.figures)
        #expect(!figures.isEmpty)
        for figure in figures {
            let row = try #require(
                rows.first { $0.hasPrefix("| `\(figure.id)` |") }, "FACTS.md does not list \(figure.id)")
            let value = row.split(separator: "|")[1]
            let written = Fixtures.knowledgeBase.entities.describe(figure, .en)
            #expect(value.contains(written), "FACTS.md gives \(figure.id) as \(value), the knowledge base \(written)")
        }
    }
}
