import Testing

@testable import AlipayHelpKit

@Suite struct VerdictTests {
    let responder = Fixtures.responder

    @Test func leadsWithTheVerdictAndTheFigures() {
        let over = responder.reply(to: "can I move 90,000 yuan to my savings today?")
        #expect(over.verdict?.outcome == .no)
        #expect(over.text.hasPrefix("No. 90,000 yuan is more than the 50,000 yuan you can transfer in a day."))
        #expect(over.text.contains("split it over several days"))
        let within = responder.reply(to: "is it ok to transfer 30,000 rmb today")
        #expect(within.text.hasPrefix("Yes. 30,000 yuan is within the 50,000 yuan"))
        let left = responder.reply(to: "I've used 170,000 this year, how much is left?")
        #expect(left.verdict?.outcome == .remaining)
        #expect(left.text.hasPrefix("You have about 30,000 yuan left: 200,000 yuan"))
        #expect(
            responder.reply(to: "can huabei be split into 6 instalments").text.hasPrefix(
                "Yes. 6 instalments is one of the choices: 3, 6 or 12 instalments."))
        #expect(responder.reply(to: "huabei in 9 installments possible?").verdict?.outcome == .no)
        // The text and its JSON form are put together from prepared pieces: they must match the blocks.
        for reply in [over, within, left] {
            #expect(reply.text == PlainTextRenderer.render(reply.blocks))
            var escaped = ""
            JSONLineEncoder.appendString(reply.text, to: &escaped)
            #expect(JSONLineEncoder.encode(reply).contains("\"answer\":" + escaped + ",\"also\":[]}"))
        }
    }

    @Test func chineseQuestionsGetChineseVerdicts() {
        let reply = responder.reply(to: "今天能转9万吗")
        #expect(reply.verdict?.outcome == .no)
        #expect(reply.text.hasPrefix("不行。90,000 元超过了每天转账的上限（50,000 元）。"))
        #expect(responder.reply(to: "花呗可以分9期吗").text.hasPrefix("不行。可选的只有 3、6 或 12 期，没有 9 期。"))
    }

    @Test func everyFigureInAVerdictComesFromTheKnowledgeBase() throws {
        // Change the figure in the knowledge base: the verdict follows it.
        let folder = try Fixtures.copyOfIntents()
        try Fixtures.edit(
            folder, "limits.yaml", replacing: "daily_transfer: {value: 50000,", with: "daily_transfer: {value: 80000,")
        let changed = try Responder(knowledgeBase: KnowledgeBase.load(from: folder), matcher: Fixtures.matcher)
        let reply = changed.reply(to: "can I send 70,000 yuan today")
        #expect(reply.verdict?.outcome == .yes)
        #expect(reply.text.contains("80,000 yuan"))
    }

    /// A question with a figure is never declined when the same question without it is answered.
    @Test func aFigureNeverMakesAQuestionDeclined() throws {
        let suite = try LabelledSuite.load(path: Fixtures.intents.appendingPathComponent("tests/verdicts.yaml").path)
        let definitions = responder.entityReader.definitions
        let numbers = NumberReader(multipliers: definitions.multipliers, numberWords: definitions.numberWords)
        for labelled in suite.cases {
            var stripped = Array(labelled.question.unicodeScalars)
            let text = NumberReader.fold(labelled.question)
            for mention in numbers.mentions(in: text).reversed() { stripped.removeSubrange(mention.range) }
            let without = String(String.UnicodeScalarView(stripped))
            guard responder.reply(to: without).match.outcome != .outOfScope else { continue }
            #expect(
                responder.reply(to: labelled.question).match.outcome != .outOfScope, "\(labelled.question) / \(without)"
            )
        }
    }
}
