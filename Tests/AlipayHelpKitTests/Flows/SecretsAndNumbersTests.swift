@testable import AlipayHelpKit
import Testing

@Suite struct MainlandMobileNumberTests {
    @Test(arguments: ["13812345678", "138 1234 5678", "138-1234-5678", "+86 138 1234 5678", "0086 13812345678", "(138) 1234.5678", "１３８１２３４５６７８"])
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

@Suite struct SecretGuardTests {
    @Test(arguments: ["482913", "4829", "my code is 482913", "the verification code: 1234", "验证码是123456", "验证码 552211"])
    func spotsVerificationCodes(text: String) {
        #expect(SecretGuard.looksLikeVerificationCode(text))
    }

    @Test(arguments: ["can I send 50000 yuan", "13812345678", "red envelope 200", "huabei 12 month", "2"])
    func leavesOtherNumbersAlone(text: String) {
        #expect(!SecretGuard.looksLikeVerificationCode(text))
    }

    @Test func phoneNumbersStayOutOfHistory() {
        #expect(SecretGuard.mustStayOutOfHistory("my new number is 138 1234 5678"))
        #expect(SecretGuard.mustStayOutOfHistory("482913"))
        #expect(!SecretGuard.mustStayOutOfHistory("what is the 50000 limit"))
    }
}
