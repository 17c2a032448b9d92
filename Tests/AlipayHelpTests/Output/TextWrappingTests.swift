import Testing

@testable import alipay_help

@Suite struct TextWrappingTests {
    @Test func wideCharactersCountAsTwoColumns() {
        #expect(TextWrapping.columns(of: "支付宝") == 6)
        #expect(TextWrapping.columns(of: "Alipay") == 6)
        #expect(TextWrapping.columns(of: "ｅ") == 2)
    }

    @Test func chineseWrapsWithinTheWidthWithoutBreakingCharacters() {
        let text = "支付宝对转账和支付金额有上限，具体额度取决于实名认证等级、绑定的银行卡类型和使用场景。"
        let lines = TextWrapping.wrap(text, width: 20)
        #expect(lines.count > 1)
        #expect(lines.allSatisfy { TextWrapping.columns(of: $0) <= 20 }, "\(lines)")
        #expect(lines.joined() == text, "nothing lost or split")
    }

    @Test func closingPunctuationStaysWithItsCharacter() {
        let lines = TextWrapping.wrap("一二三四五六七八九十，", width: 20)
        #expect(lines.allSatisfy { !$0.hasPrefix("，") }, "\(lines)")
    }

    @Test func englishBreaksBetweenWordsWithAHangingIndent() {
        let lines = TextWrapping.wrap(
            "Open Alipay, tap your profile icon at the bottom right, then Settings.", width: 24,
            firstPrefix: "  1. ", restPrefix: "     ")
        #expect(lines[0].hasPrefix("  1. Open"))
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix("     ") && !$0.hasPrefix("      ") })
        #expect(lines.allSatisfy { TextWrapping.columns(of: $0) <= 24 })
    }

    @Test func mixedTextWraps() {
        let lines = TextWrapping.wrap("在支付宝 App 中点右下角的头像，进入“设置”（部分版本叫“账户与安全”）", width: 16)
        #expect(lines.allSatisfy { TextWrapping.columns(of: $0) <= 16 }, "\(lines)")
    }
}
