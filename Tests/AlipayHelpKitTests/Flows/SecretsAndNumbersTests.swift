import Testing

@testable import AlipayHelpKit

@Suite struct MainlandMobileNumberTests {
    @Test(arguments: [
        "13812345678", "138 1234 5678", "138-1234-5678", "+86 138 1234 5678", "0086 13812345678", "(138) 1234.5678",
        "１３８１２３４５６７８",
        "138/1234/5678", "138_1234_5678", "１３８－１２３４－５６７８", "一三八一二三四五六七八", "幺三八 幺二三四 五六七八", "138–1234–5678",
    ])
    func acceptsTheWaysPeopleTypeNumbers(text: String) {
        #expect(MainlandMobileNumber(text)?.digits == "13812345678")
    }

    @Test func masksAllButTheEnds() {
        #expect(MainlandMobileNumber("13812345678")?.masked == "138****5678")
    }

    @Test func explainsWhatIsWrong() {
        #expect(MainlandMobileNumber.parse("1381234567") == .failure(.wrongLength(10)))
        #expect(MainlandMobileNumber.parse("12812345678") == .failure(.wrongStart))
        #expect(MainlandMobileNumber.parse("23812345678") == .failure(.wrongStart))
        #expect(MainlandMobileNumber.parse("138abc45678") == .failure(.notANumber))
        #expect(MainlandMobileNumber.parse("+1 415 555 0100") == .failure(.notMainland))
        #expect(MainlandMobileNumber.parse("+86 138 1234 567") == .failure(.wrongLength(10)))
    }
}

/// The one guard for secrets, shared by `ask`, `explain`, the chat and the history file.
@Suite struct SecretGuardTests {
    /// Lines that must never be written to the history file: phone numbers and codes, with
    /// digits written any way and any separators between them.
    static let keptOut: [String] = [
        // The cases from issue 12.
        "138/1234/5678", "138,1234,5678", "138_1234_5678", "１３８－１２３４－５６７８", "一三八一二三四五六七八",
        "sms code 123-456", "my code is 12 34 56", "otp: 12 34 56",
        // Phone numbers.
        "13812345678", "138 1234 5678", "138-1234-5678", "+86 138 1234 5678", "0086 13812345678", "(138) 1234.5678",
        "my new number is 138 1234 5678", "change my number to 139.8765.4321", "我的新号码是13987654321",
        "我的手机号是一三九八七六五四三二一", "幺三八幺二三四五六七八", "壹叁捌壹贰叁肆伍陆柒捌", "１３８　１２３４　５６７８",
        "138 / 1234 / 5678", "138\u{200B}1234\u{200B}5678", "138\u{00A0}1234\u{00A0}5678", "138–1234–5678",
        "call me on 021-6288-1234", "my card is 6222 0200 1234 5678", "id 11010519491231002X", "一三八 一二三四 五六七八",
        "١٣٨١٢٣٤٥٦٧٨", "new number: 139 8765 4321 please",
        // Codes.
        "482913", "4829", "12 34 56", "１２３４５６", "一二三四五六", "my code is 123456", "the verification code: 1234",
        "验证码是123456", "验证码 552211", "验证码：一二三四五六", "短信验证码 4829", "otp 998877", "the SMS says 7731",
        "code 8841-22", "my pin is 8842", "支付密码是889900", "here is the code 4471, is it ok",
        "I got code 0042 from Alipay",
        "passcode 123456", "123456 is my code", "482913 是验证码", "verification code １２３４５６", "code: 4 8 2 9 1 3",
        "my OTP is 99 88 77", "the code they texted me is 445566",
    ]

    /// Ordinary lines that stay in the history: amounts, counts, small numbers, no digits.
    static let keptIn: [String] = [
        "how do I change my phone number", "what is the 50000 limit", "can I send 50000 yuan", "red envelope 200",
        "huabei 12 month", "2", "1", "I want to pay 30000 by QR code, is that ok?", "transfer limit per day",
        "支付宝怎么注销", "转账限额是多少", "那一年呢？", "一天能转多少", "can I transfer 200,000 yuan in a year",
        "is the limit 1,000,000 yuan", "¥500 red envelope", "5000元可以吗", "I paid 3000 by QR code",
        "what happens after 30 days", "huabei bill on the 9th", "is 95188 the right number", "一个月能借多少",
        "统一的限额", "my account from 2019", "delete my account", "how do I verify as a foreigner",
        "passport verification takes 3 days", "我想转一万元", "两千块可以吗", "scan the payment code for 200 yuan",
        "more", "/topics", "yes", "can I get a verification code by email", "验证码收不到怎么办", "and 300?",
    ]

    /// Lines that hold a verification code: the warning, in `ask`, `explain` and the chat.
    static let codes: [String] = [
        "my code is 123456", "482913", "4829", "the verification code: 1234", "验证码是123456", "验证码 552211",
        "sms code 123-456", "my code is 12 34 56", "otp: 12 34 56", "一二三四五六", "１２３４５６", "验证码：一二三四五六",
        "code 4471", "my OTP is 99 88 77", "the sms said 7731", "I got the code 0042", "passcode 123456",
        "123456 is my code", "482913 是验证码", "verification code １２３４５６", "code: 4 8 2 9 1 3", "短信里的码是 482913",
        "is 482913 the right code?", "他们让我把验证码 6688 告诉他", "短信验证码4829", "code＝123456", "12-34-56",
        "  998877  ", "482913.", "#482913", "my pin is 8842", "支付密码是889900", "the code they texted me is 445566",
        "ＣＯＤＥ ４８２９", "验证码是 一 二 三 四 五 六", "动态码 552211", "口令是 482913", "Ｏｔｐ：７７３１",
    ]

    /// Lines with figures that are not codes: amounts with a unit or a sign, "QR code" and
    /// its kind, limits, years, phone numbers (kept out of history, but no code warning).
    static let notCodes: [String] = [
        "I want to pay 30000 by QR code, is that ok?", "30000 yuan", "¥500", "5000元", "¥123456",
        "can I send 50000 yuan",
        "13812345678", "red envelope 200", "huabei 12 month", "2", "transfer 50000 yuan with a code",
        "my zip code is 200030", "country code 0086", "area code 0571", "the QR code says 8888", "付款码付了5000",
        "the limit is 5000 per day", "can I send 2000 a day", "what is the code for 5000 yuan transfers",
        "in 2024 I got an sms", "I got an SMS from 95188", "I got 3 SMS about 5000 yuan", "verification takes 3 days",
        "I sent 2000 with the payment code", "send 8000 to my friend, he sent me a code", "红包200元", "验证码收不到怎么办",
        "转账5000需要验证码吗", "需要验证码吗，我要付3000", "二〇二四年的限额", "限额50000，要验证码吗", "is $2000 ok with sms verification",
        "5000 RMB by QR code", "how do I get a verification code", "can I pay 1,000 yuan with the sms code",
        "quick question 12345: how do I change my phone number", "问题 12345：怎么改手机号", "passport 12345678 expired",
    ]

    @Test func theTablesAreBigEnough() {
        #expect(Self.keptOut.count >= 50 && Self.keptIn.count >= 30)
        #expect(Self.codes.count >= 30 && Self.notCodes.count >= 30)
    }

    @Test(arguments: keptOut) func staysOutOfHistory(text: String) {
        #expect(SecretGuard.mustStayOutOfHistory(text))
    }

    @Test func whatTheGuideTakesForANumberStaysOutHoweverItIsSpaced() {
        // Found by fuzzing: the guide's parser skips any separators, the guard joined digits
        // across three at most, so this number was taken at the prompt and kept in the history.
        let text = "134_5" + String(repeating: "/", count: 18) + "8_1234_5" + String(repeating: "/", count: 19) + " 4"
        #expect(MainlandMobileNumber.parse(text) == .success("13458123454"))
        #expect(SecretGuard.mustStayOutOfHistory(text))
    }

    @Test(arguments: keptIn) func ordinaryLinesStayInHistory(text: String) {
        #expect(!SecretGuard.mustStayOutOfHistory(text))
    }

    @Test(arguments: codes) func spotsVerificationCodes(text: String) {
        #expect(SecretGuard.looksLikeVerificationCode(text))
    }

    @Test(arguments: notCodes) func leavesOtherNumbersAlone(text: String) {
        #expect(!SecretGuard.looksLikeVerificationCode(text))
    }

    @Test func aBareNumberIsAFigureWhenOneIsExpected() {
        #expect(SecretGuard.looksLikeVerificationCode("5000"))
        #expect(!SecretGuard.looksLikeVerificationCode("5000", expectingFigure: true))
        #expect(SecretGuard.looksLikeVerificationCode("my code is 5000", expectingFigure: true))
    }

    @Test func aReplyToACodeIsTheWarningAlone() throws {
        let kb = Fixtures.knowledgeBase
        let responder = Fixtures.responder
        let warned = try #require(
            SecretGuard.warningReply(replacing: responder.reply(to: "my code is 123456"), messages: kb.messages))
        #expect(warned.text.contains("Never share"))
        #expect(!warned.text.contains("123456"))
        #expect(
            SecretGuard.warningReply(
                replacing: responder.reply(to: "I want to pay 30000 by QR code, is that ok?"), messages: kb.messages)
                == nil)
    }

    /// `digit` skips the property look-up in these blocks: none of their characters may be a
    /// decimal digit, and any digit elsewhere is still read.
    @Test func theBlocksSkippedHoldNoDigit() {
        for range in SecretGuard.rangesWithoutDigits {
            for value in range {
                guard let scalar = Unicode.Scalar(value) else { continue }
                #expect(scalar.properties.numericType != .decimal, "U+\(String(value, radix: 16))")
            }
        }
        #expect(SecretGuard.digit("٣") == 3 && SecretGuard.digit("७") == 7 && SecretGuard.digit("𝟗") == 9)
        #expect(SecretGuard.digit("5") == 5 && SecretGuard.digit("５") == 5 && SecretGuard.digit("€") == nil)
    }
}
