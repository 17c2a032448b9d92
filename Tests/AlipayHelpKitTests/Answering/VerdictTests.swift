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

    /// A conversion, a price or a date is no question of whether a figure is allowed: no yes or no,
    /// whichever topic the words lean to.
    @Test(arguments: [
        "how much is 50000 yuan in dollars", "50000元是多少美元", "convert 30,000 rmb to usd",
        "what is 8000 yuan in euros", "5万人民币能换多少美元", "can you convert 60000 yuan into dollars for me",
        "how much does an iphone cost, is it 8000 yuan?", "price of a phone that costs 6000 yuan",
        "一部手机6000元贵不贵", "when did the 50000 yuan daily limit start", "50000元的转账限额是什么时候开始的",
        "what date was 200000 yuan set as the annual total", "transfer limit 50000 yuan a day",
        "daily transfer limit 50000 yuan", "每天转账限额5万元",
    ])
    func noVerdictForAConversionAPriceOrADate(question: String) {
        let reply = responder.reply(to: question)
        #expect(reply.verdict == nil, "\(question): \(reply.text.prefix(80))")
    }

    @Test func theQuestionsFormDecidesWhetherAFigureIsChecked() {
        let definitions = responder.entityReader.definitions
        func asks(_ question: String) -> Bool {
            Verdict.asksWhetherAllowed(
                question, entities: responder.entityReader.entities(in: question), definitions: definitions)
        }
        for question in [
            "can I send 90000 today", "is a 250-yuan red envelope ok?", "今天能转9万吗", "转账 4.5万 今天行不行",
            "一年交易25万元会超吗", "is 20 grand too much to transfer in a day", "and 300?", "那300呢？", "30000",
            "I've used 170,000 this year, how much is left?",
        ] {
            #expect(asks(question), "\(question)")
        }
        for question in [
            "how much is 50000 yuan in dollars", "can you convert 60000 yuan into dollars", "5万人民币能换多少美元",
            "what is the price of a 6000 yuan phone", "when did the 50000 limit start",
            "daily transfer limit 50000 yuan",
            "I transferred 50000 yuan to my bank",
        ] {
            #expect(!asks(question), "\(question)")
        }
    }

    /// Every question of the verdict suite that expects a verdict asks whether its figure is allowed.
    @Test func everyVerdictOfTheSuiteIsAskedFor() throws {
        let suite = try LabelledSuite.load(path: Fixtures.intents.appendingPathComponent("tests/verdicts.yaml").path)
        let definitions = responder.entityReader.definitions
        for labelled in suite.cases where labelled.verdict != nil && labelled.verdict != "none" {
            let entities = responder.entityReader.entities(in: labelled.question)
            #expect(
                Verdict.asksWhetherAllowed(labelled.question, entities: entities, definitions: definitions),
                "\(labelled.question)")
        }
    }
}
