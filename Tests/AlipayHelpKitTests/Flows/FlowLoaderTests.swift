import Foundation
import Testing

@testable import AlipayHelpKit

@Suite struct FlowLoaderTests {
    func load(_ yaml: String) throws -> [FlowDefinition] {
        try FlowLoader.loadAll(in: KnowledgeBaseFolder(memory: [("flows/x.yaml", yaml)], label: "kb"))
    }

    func flow(steps: String) -> String {
        """
        id: f
        title: A flow
        command: /f
        topic: change_phone
        intro: Hi.
        summary: Bye.
        steps:
        \(steps)
        """
    }

    func message(_ yaml: String) -> String {
        do { _ = try load(yaml); return "no error" } catch {
            return (error as? LocalizedError)?.errorDescription ?? "\(error)"
        }
    }

    @Test func theProjectFlowsLoad() {
        let flows = Fixtures.knowledgeBase.flows
        #expect(Set(flows.map(\.id)) == ["change_number", "delete_account_checklist"])
        let change = flows.first { $0.id == "change_number" }!
        #expect(change.mainSteps.count == 6)
    }

    @Test func anUnknownStepIsNamedWithItsLine() {
        let text = message(
            flow(
                steps: """
                      - {id: a, title: A, prompt: P, input: acknowledge, next: b}
                      - {id: b, title: B, prompt: P, input: acknowledge, next: nowhere}
                    """))
        #expect(text.contains("x.yaml:9:5: step 'b' leads to unknown step 'nowhere'"), "\(text)")
    }

    @Test func anUnreachableStepIsAnError() {
        let text = message(
            flow(
                steps: """
                      - {id: a, title: A, prompt: P, input: acknowledge, next: end}
                      - {id: lonely, title: B, prompt: P, input: acknowledge, next: end}
                    """))
        #expect(text.contains("x.yaml:9:5: step 'lonely' can never be reached"), "\(text)")
    }

    @Test func aStepWithNoWayOutIsAnError() {
        let text = message(
            flow(
                steps: """
                      - {id: a, title: A, prompt: P, input: acknowledge, next: b}
                      - {id: b, title: B, prompt: P, input: yes_no, on_yes: a, on_no: b}
                    """))
        #expect(text.contains("step 'a' has no way out"), "\(text)")
    }

    @Test func schemaErrorsAreSpecific() {
        #expect(
            message(flow(steps: "  - {id: a, title: A, prompt: P, input: essay, next: end}")).contains(
                "unknown input 'essay'"))
        #expect(
            message(flow(steps: "  - {id: a, title: A, prompt: P, input: yes_no, on_yes: end}")).contains(
                "needs on_yes and on_no"))
        #expect(
            message(flow(steps: "  - {id: a, title: A, prompt: P, input: acknowledge, next: end, colour: red}"))
                .contains("unknown key 'colour'"))
    }

    @Test func aFlowForAnUnknownTopicIsRejected() throws {
        var files = try FileManager.default.contentsOfDirectory(atPath: Fixtures.intents.path)
        files = files.filter { $0.hasSuffix(".yaml") }
        var contents: [String: String] = [:]
        for file in files {
            contents[file] = try String(contentsOf: Fixtures.intents.appendingPathComponent(file), encoding: .utf8)
        }
        let folder = try Fixtures.folder(contents)
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("flows"), withIntermediateDirectories: true)
        try flow(steps: "  - {id: a, title: A, prompt: P, input: acknowledge, next: end}").replacingOccurrences(
            of: "change_phone", with: "passwords"
        )
        .write(to: folder.appendingPathComponent("flows/f.yaml"), atomically: true, encoding: .utf8)
        #expect {
            try KnowledgeBase.load(from: folder)
        } throws: { error in
            (error as? KnowledgeBaseError)?.errorDescription?.contains("names unknown topic 'passwords'") == true
        }
    }
}
