import AlipayHelpKit
import AlipayHelpKnowledgeBase
import Foundation
import Testing

/// A front end is a few lines over `Assistant`: load, answer, encode. Everything a person must
/// be protected from is already done by then, whichever front end asks.
@Suite struct SecondFrontEndTests {
    /// The whole of a minimal front end: a line in, the bytes to send back out.
    struct MinimalFrontEnd {
        let assistant = try! Assistant.load(.builtIn(.alipayHelp), cache: nil)
        let encoder = ReplyEncoder(format: .jsonLines, showsQuestion: false)

        func respond(to line: String) -> [String: Any] {
            let bytes = encoder.bytes(for: assistant.answer(line))
            return try! JSONSerialization.jsonObject(with: Data(bytes)) as! [String: Any]
        }
    }

    @Test func aVerificationCodeGetsOnlyTheWarning() {
        let answer = MinimalFrontEnd().respond(to: "my code is 123456")
        let text = answer["answer"] as! String
        #expect(text.contains("verification code"))
        #expect(!text.contains("123456"))
        #expect(answer["intent"] is NSNull)
    }

    @Test func aQuestionGetsItsAnswer() {
        let answer = MinimalFrontEnd().respond(to: "how do I change my phone number")
        #expect(answer["intent"] as? String == "change_phone")
        #expect((answer["answer"] as! String).contains("10 minutes"))
    }

    @Test func aLineTooLongIsAskedToBeOneQuestion() {
        let answer = MinimalFrontEnd().respond(to: String(repeating: "how do I change my phone number? ", count: 60))
        #expect(answer["kind"] as? String == "too_long")
    }

    /// The built-in knowledge base answers from memory: nothing is written, so a read-only file
    /// system or a cache nobody may write costs nothing.
    @Test func theBuiltInKnowledgeBaseNeedsNoDisk() throws {
        let assistant = try Assistant.load(
            .builtIn(.alipayHelp), cache: MatcherCache(folder: URL(fileURLWithPath: "/proc/none")))
        #expect(assistant.folder.isInMemory)
        #expect(assistant.answer("what is huabei").match.intent == "huabei")
    }
}
