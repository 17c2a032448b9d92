import Testing

@testable import AlipayHelpKit

@Suite struct LanguageTests {
    let detector = LanguageDetector(knowledgeBase: Fixtures.knowledgeBase)

    @Test(arguments: [
        ("how do I change my phone number", "en"),
        ("支付宝怎么注销", "zh"),
        ("支付寶怎麼註銷帳號", "zh-Hant"),
        ("アリペイの電話番号を変更したい", "ja"),
        ("알리페이 전화번호 변경 방법", "ko"),
        ("Как удалить аккаунт Alipay", "ru"),
        ("¿Cómo puedo cambiar mi número de teléfono en Alipay?", "es"),
        ("Como faço para excluir minha conta do Alipay?", "pt"),
        ("Comment supprimer mon compte Alipay ?", "fr"),
        ("Wie kann ich mein Alipay Konto löschen?", "de"),
        ("Làm sao để đổi số điện thoại trên Alipay?", "vi"),
        ("วิธีเปลี่ยนเบอร์โทรศัพท์ใน Alipay", "th"),
        ("Bagaimana cara menghapus akun Alipay saya?", "id"),
    ])
    func tellsTheLanguageOfAQuestion(question: String, code: String) {
        #expect(detector.detect(TextNormalizer.normalize(question)) == code)
    }

    @Test func replyLanguageFollowsTheScript() {
        #expect(Language.detect("支付宝怎么注销") == .zh)
        #expect(Language.detect("支付寶怎麼註銷") == .zhHant)
        #expect(Language.detect("Alipayのパスポート認証") == .en)
        #expect(Language.detect("12345") == nil)
    }

    @Test func simplifiedTextIsWrittenInTraditionalCharacters() {
        #expect(TraditionalChinese.convert("注销支付宝账户，联系客服") == "註銷支付寶賬戶，聯繫客服")
        #expect(LocalizedText(en: "x", zh: "每天最多可以转账 50,000 元。").text(.zhHant) == "每天最多可以轉賬 50,000 元。")
    }

    @Test func accentsAreFoldedAndKanjiMatchChinese() {
        #expect(TextNormalizer.normalize("NÚMERO teléfono").pieces == ["numero", "telefono"])
        #expect(TextNormalizer.normalize("電話番号を変更").pieces == ["电话番号を变更"])
    }
}
