/// Spots secrets the assistant must never ask for nor keep: SMS verification codes, and
/// phone numbers (kept out of the history file).
public enum SecretGuard {
    static let codeWords: Set<String> = ["code", "codes", "otp", "pin", "sms", "verification", "验证码", "校验码", "动态码", "短信"]

    /// A bare 4-8 digit string, or such a number next to a word like "code" or 验证码.
    public static func looksLikeVerificationCode(_ text: String) -> Bool {
        let pieces = TextNormalizer.normalize(text).pieces
        let numbers = pieces.filter { (4...8).contains($0.count) && $0.allSatisfy(\.isASCIIDigit) }
        guard !numbers.isEmpty, MainlandMobileNumber(text) == nil else { return false }
        if pieces.count == 1 { return true }
        let mentionsCode = pieces.contains { piece in codeWords.contains(piece) || codeWords.contains { $0.count > 1 && !$0.allSatisfy(\.isASCII) && piece.contains($0) } }
        return mentionsCode
    }

    /// Whether a line holds something that must not be written to the history file: a code, or
    /// a run of seven or more digits (a phone number, typed any way).
    public static func mustStayOutOfHistory(_ text: String) -> Bool {
        if looksLikeVerificationCode(text) { return true }
        var run = 0
        for scalar in text.unicodeScalars {
            if ("0"..."9").contains(scalar) || (0xFF10...0xFF19).contains(scalar.value) {
                run += 1
                if run >= 7 { return true }
            } else if scalar != " " && scalar != "-" && scalar != "." {
                run = 0
            }
        }
        return false
    }

    public static let warning = """
    Never share a verification code with anyone, not even me or someone who says they work for \
    Alipay. I don't need it and I haven't kept it: type codes only into the Alipay app.
    """
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
