import Testing

@testable import AlipayHelpKit

/// One table of Chinese numerals: an amount (`NumberReader`) and a code or phone number
/// (`SecretGuard`) read each numeral as the same digit.
@Suite struct ChineseNumeralsTests {
    func values(_ text: String) -> [Double] { NumberReaderTests().values(text) }

    static let digits: [(numeral: Unicode.Scalar, value: UInt8)] = [
        ("〇", 0), ("零", 0), ("○", 0), ("一", 1), ("壹", 1), ("幺", 1), ("二", 2), ("两", 2), ("兩", 2), ("贰", 2),
        ("貳", 2), ("三", 3), ("叁", 3), ("參", 3), ("四", 4), ("肆", 4), ("五", 5), ("伍", 5), ("六", 6), ("陆", 6),
        ("陸", 6), ("七", 7), ("柒", 7), ("八", 8), ("捌", 8), ("九", 9), ("玖", 9),
    ]

    @Test func aDigitIsTheSameInAnAmountAndInACode() {
        for (numeral, value) in Self.digits {
            #expect(SecretGuard.digit(numeral) == value, "\(numeral)")
            #expect(NumberReader.chineseDigit(numeral) == Double(value), "\(numeral)")
            // Before a section every digit is an amount, the financial forms too; 幺 is said
            // only in codes and phone numbers, and 〇 or ○ before 万 is no amount anyone writes.
            if value > 0 && numeral != "幺" {
                #expect(values("\(numeral)万") == [Double(value) * 10_000], "\(numeral)万")
            }
        }
    }

    @Test(arguments: [
        ("壹万", 10_000.0), ("伍仟元", 5_000), ("壹佰", 100), ("叁拾", 30), ("壹万伍仟", 15_000), ("贰拾伍万", 250_000),
        ("兩千", 2_000), ("兩萬", 20_000), ("九萬", 90_000), ("壹億", 100_000_000), ("两千", 2_000),
    ])
    func amountsInEveryForm(text: String, value: Double) {
        #expect(values(text) == [value], "\(text)")
    }

    /// Numerals that ordinary words hold are no amount by themselves: 大陆 ("mainland"), 登陆,
    /// 收拾 ("tidy up"), 幺妹 ("youngest sister"), ○○银行 (a bank left unnamed), 伍 a surname.
    @Test(arguments: [
        ("没有大陆手机号可以注册吗", [Double]()), ("沒有大陸手機號", []), ("登陆不了", []), ("收拾一下", [1]), ("幺妹的账号", []),
        ("○○银行的卡", []), ("伍先生的账户", []), ("大陆十一位手机号", [11]), ("1万陆续到账", [10_000]), ("两个账号", [2]),
    ])
    func wordsHoldingNumeralsAreNoAmounts(text: String, expected: [Double]) {
        #expect(values(text) == expected, "\(text)")
    }

    @Test func codesAndPhoneNumbersInEveryForm() {
        #expect(SecretGuard.looksLikeVerificationCode("两三四五六七"))
        #expect(SecretGuard.looksLikeVerificationCode("验证码是两两三三"))
        #expect(SecretGuard.looksLikeVerificationCode("验证码幺二三四"))
        #expect(SecretGuard.looksLikeVerificationCode("验证码：壹贰叁肆伍陆"))
        #expect(SecretGuard.mustStayOutOfHistory("一三八两三四五六七八九"))
        #expect(MainlandMobileNumber.parse("幺三八 两三四五 六七八九") == .success("13823456789"))
    }

    /// 两 in ordinary Chinese is a single numeral, or two in a row ("一两千"): never the run
    /// of four or more digits a code is.
    @Test(arguments: [
        "两个账号", "两千元", "我有两个支付宝账号", "两千块要验证码吗", "一两千块钱的限额要验证码吗", "两三天收不到验证码", "兩個帳號的驗證碼",
        "验证码两分钟就过期了", "两万两千要短信验证吗",
    ])
    func twoInOrdinaryTextIsNoCode(text: String) {
        #expect(!SecretGuard.looksLikeVerificationCode(text), "\(text)")
        #expect(!SecretGuard.mustStayOutOfHistory(text), "\(text)")
    }
}
