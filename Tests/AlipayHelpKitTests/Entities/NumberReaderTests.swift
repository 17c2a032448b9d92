import Testing

@testable import AlipayHelpKit

@Suite struct NumberReaderTests {
    let reader = NumberReader(
        multipliers: Fixtures.knowledgeBase.entities.multipliers,
        numberWords: Fixtures.knowledgeBase.entities.numberWords)

    func values(_ text: String) -> [Double] { reader.mentions(in: NumberReader.fold(text)).map(\.value) }

    @Test(arguments: [
        ("90000", 90_000.0), ("90,000", 90_000), ("90k", 90_000), ("9万", 90_000), ("九万", 90_000), ("1.5万", 15_000),
        ("一千", 1_000), ("2 million", 2_000_000), ("一万五", 15_000), ("1.5w", 15_000), ("5,0000", 50_000), ("两千三百", 2_300),
        ("十五", 15), ("三千五", 3_500), ("一万零五", 10_005), ("１２３４", 1_234), ("1万5", 15_000), ("eighteen", 18), ("0.5", 0.5),
    ])
    func readsNumbersWrittenAnyWay(text: String, value: Double) {
        #expect(values(text) == [value], "\(text)")
    }

    @Test func nonsenseNeitherCrashesNorOverflows() {
        #expect(values("99999999999999999999").isEmpty)
        #expect(values("99999999999999999999999999999999999999999999万").isEmpty)
        #expect(values("九九九九九九九九九九九九九九九九九九九九亿亿亿亿").allSatisfy { $0 <= NumberReader.largest })
        #expect(values(String(repeating: "9", count: 100_000)).isEmpty)
        #expect(values(",,,...万万k") == [])
    }

    @Test func lettersGluedToDigitsAreNoFigure() {
        #expect(values("my iphone 15 and A380").count == 1)
    }
}

@Suite struct EntityReaderTests {
    let reader = Fixtures.responder.entityReader

    func entities(_ text: String) -> [Entity] { reader.entities(in: text) }

    @Test func amountsCountsAndPeriods() {
        let transfer = entities("can I move ¥90,000 to my savings today?")
        #expect(transfer.map(\.kind) == [.amount])
        #expect(transfer.first?.value == 90_000)
        #expect(transfer.first?.period == "day")
        #expect(transfer.first?.text == "¥90,000")
        #expect(entities("RMB 90,000").first?.kind == .amount)
        #expect(entities("90000元").first?.kind == .amount)
        #expect(entities("18 instalments").first?.kind == .count)
        #expect(entities("18 instalments").first?.unit == "instalments")
        #expect(entities("18期").first?.unit == "instalments")
        #expect(
            entities("130个红包") == [
                Entity(kind: .count, value: 130, unit: "red_envelopes", period: nil, used: false, text: "130")
            ])
        let envelopes = entities("three envelopes of 180 each")
        #expect(envelopes.map(\.kind) == [.count, .number])
        #expect(
            entities("今年已经用了17万") == [
                Entity(kind: .number, value: 170_000, unit: nil, period: "year", used: true, text: "17万")
            ])
        #expect(entities("I've used 170,000 this year").first?.used == true)
    }

    @Test func durationsDatesAndPeriodWordsAreNoFigures() {
        #expect(entities("it takes 3 days").isEmpty)
        #expect(entities("一天能转多少").isEmpty)
        #expect(entities("in 2024年").isEmpty)
        #expect(entities("how do I change my phone number").isEmpty)
        #expect(entities("one more question").isEmpty)
    }
}
