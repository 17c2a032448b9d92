import Testing

@testable import AlipayHelpKit

/// How figures are written in verdicts: thousands grouped, at most two decimals, and a unit's
/// text with the number in its place.
@Suite struct FigureWordingTests {
    @Test(arguments: [
        (0.0, "0"), (7, "7"), (999, "999"), (1_000, "1,000"), (90_000, "90,000"), (123_456, "123,456"),
        (1_234_567, "1,234,567"), (1.5, "1.5"), (1.25, "1.25"), (2_000.05, "2,000.05"), (0.5, "0.5"),
    ])
    func groupsThousands(value: Double, written: String) {
        #expect(EntityDefinitions.format(value) == written)
    }

    @Test func fillsTheNumberOrItsDigits() {
        #expect(EntityDefinitions.fill("{n} yuan", "90,000") == "90,000 yuan")
        #expect(EntityDefinitions.fill("¥{n}，共{n}", "5") == "¥5，共{n}")
        #expect(EntityDefinitions.fill("call {digits}", "95,188") == "call 95188")
        #expect(EntityDefinitions.fill("{n} and {digits}", "1,000") == "1,000 and {digits}")
        #expect(EntityDefinitions.fill("no placeholder", "12") == "12")
        #expect(EntityDefinitions.fill("", "12") == "12")
    }
}
