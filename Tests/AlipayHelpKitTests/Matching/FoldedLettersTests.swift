import Testing

@testable import AlipayHelpKit

/// The normaliser's table of letters says of every character it covers what the Unicode
/// properties say: so a question reads the same with the table as without it.
@Suite struct FoldedLettersTests {
    @Test func theTableAgreesWithTheProperties() {
        for value in FoldedLetters.covered {
            #expect(
                FoldedLetters.reading(value) == FoldedLetters.readingFromProperties(value),
                "U+\(String(value, radix: 16))")
        }
    }

    @Test func lettersOfOtherScriptsAreFoldedAndLowerCased() {
        #expect(TextNormalizer.normalize("НОМЕР Телефона").pieces == ["номер", "телефона"])
        #expect(TextNormalizer.normalize("Número ÉTÉ").pieces == ["numero", "ete"])
        #expect(TextNormalizer.normalize("Số điện thoại").pieces == ["so", "dien", "thoai"])
        #expect(TextNormalizer.normalize("€ ¥ § ×").pieces.isEmpty)
    }
}
