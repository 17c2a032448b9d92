import Testing

@testable import AlipayHelpKit

@Suite struct TextNormalizerTests {
    func pieces(_ text: String) -> [String] { TextNormalizer.normalize(text).pieces }

    @Test func foldsCasePunctuationAndApostrophes() {
        #expect(pieces("How DO I change   my number?!") == ["how", "do", "i", "change", "my", "number"])
        #expect(pieces("Don't… Yu'e Bao — it’s") == ["dont", "yu", "e", "bao", "its"])
    }

    @Test func joinsEnglishContractionsAndSplitsOtherApostrophes() {
        #expect(
            pieces("I'm sure you'll say what's Alipay's limit, I'd've") == [
                "im", "sure", "youll", "say", "whats", "alipays", "limit", "idve",
            ])
        #expect(pieces("Aliexpress'deki hesap, Alipay’ı") == ["aliexpress", "deki", "hesap", "alipay", "i"])
        #expect(
            pieces("supprimer le compte d'Alipay nell'app") == [
                "supprimer", "le", "compte", "d", "alipay", "nell", "app",
            ])
        #expect(pieces("it's'") == ["its"])
    }

    @Test func foldsFullWidthFormsToASCII() {
        #expect(pieces("ＡＬＩＰＡＹ　ｌｉｍｉｔ？") == ["alipay", "limit"])
    }

    @Test func keepsChineseRunsAndFoldsTraditional() {
        #expect(pieces("支付寶轉賬有上限嗎？") == ["支付宝转账有上限吗"])
        #expect(pieces("Alipay的花唄limit") == ["alipay", "的花呗", "limit"])
    }

    @Test func survivesInvalidUTF8AndControlBytes() {
        let bytes: [UInt8] = [0x68, 0x69, 0xFF, 0xC3, 0x00, 0x74, 0x68, 0x65, 0x72, 0x65, 0xE4, 0xB8]
        let text = bytes.withUnsafeBufferPointer { TextNormalizer.normalize(bytes: $0) }
        #expect(text.pieces == ["hi", "there"])
    }

    @Test func capsVeryLongWords() {
        let text = TextNormalizer.normalize(String(repeating: "a", count: 10_000))
        #expect(text.pieces == [String(repeating: "a", count: TextNormalizer.maximumWordLength)])
    }

    @Test func devanagariSignsStayInTheirWordAndTheNuktaFolds() {
        // Vowel signs and the virama are inside the word; फ़ (with nukta) reads as फ.
        #expect(TextNormalizer.normalize("नम्बर बदलें").pieces == ["नम्बर", "बदलें"])
        #expect(TextNormalizer.normalize("फ़ोन").pieces == TextNormalizer.normalize("फोन").pieces)
        #expect(TextNormalizer.normalize("फ़ोन").scripts.contains(.devanagari))
    }

    @Test func arabicMarksAndTatweelFoldAway() {
        #expect(TextNormalizer.normalize("حِسَابِي").pieces == ["حسابي"])
        #expect(TextNormalizer.normalize("حســـاب").pieces == ["حساب"])
        #expect(TextNormalizer.normalize("أجنبي إلى").pieces == ["اجنبي", "الي"])
        #expect(TextNormalizer.normalize("حساب").scripts.contains(.arabic))
    }

    @Test func otherDigitsReadAsDigits() {
        #expect(TextNormalizer.normalize("٥٠٠٠٠ ۵۰ ५००").pieces == ["50000", "50", "500"])
    }

    @Test func turkishLettersFoldAsTypedWithoutATurkishKeyboard() {
        #expect(
            TextNormalizer.normalize("NASIL İPTAL şifre değiştirmek hesabım").pieces == [
                "nasil", "iptal", "sifre", "degistirmek", "hesabim",
            ])
        #expect(TextNormalizer.normalize("ı").scripts.contains(.accentedLatin))
    }
}
