import Testing

@testable import AlipayHelpKit

@Suite struct StringTrimmingTests {
    @Test(arguments: [
        ("  change my phone  ", "change my phone"), ("\t\n换手机号\u{3000}", "换手机号"), ("\u{A0}número\u{2003}", "número"),
        ("same", "same"), ("", ""), (" \u{3000}\n ", ""), ("谢谢", "谢谢"), ("a \u{200B}", "a \u{200B}"),
    ])
    func trimsWhiteSpaceOfAnyKindAtEitherEnd(text: String, trimmed: String) {
        #expect(text.trimmingWhitespace() == trimmed)
    }
}
