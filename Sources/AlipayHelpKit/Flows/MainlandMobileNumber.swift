/// A mainland China mobile number: 11 digits, starting 1 then 3-9. Typed with spaces, dashes,
/// dots, slashes, brackets, full-width digits, Chinese numerals or a +86 / 0086 prefix, all of
/// which are accepted.
public struct MainlandMobileNumber: Sendable, Equatable {
    public let digits: String

    public init?(_ text: String) {
        guard case let .success(digits) = Self.parse(text) else { return nil }
        self.digits = digits
    }

    /// Shown back to the person: 138****5678. The full number is never printed or stored.
    public var masked: String { Self.mask(digits) }

    static func mask(_ digits: String) -> String {
        String(digits.prefix(3)) + "****" + String(digits.suffix(4))
    }

    /// What is wrong with a typed number, in a few words, or the digits when nothing is.
    public static func parse(_ text: String) -> Result<String, Problem> {
        var digits: [UInt8] = []
        var plus = false
        // Digits in any form (ASCII, full-width, Chinese numerals) and any separators, the
        // same way the secret guard reads them.
        for scalar in text.unicodeScalars {
            if scalar == "+" || scalar == "＋" { plus = true; continue }
            if let digit = SecretGuard.digit(scalar) { digits.append(0x30 + digit); continue }
            if SecretGuard.isSeparator(scalar) { continue }
            return .failure(.notANumber)
        }
        // An international prefix must be China's: +86 or 0086.
        let international = plus || digits.starts(with: Array("00".utf8))
        if digits.starts(with: Array("0086".utf8)) {
            digits.removeFirst(4)
        } else if plus, digits.starts(with: Array("86".utf8)) {
            digits.removeFirst(2)
        } else if international {
            return .failure(.notMainland)
        }
        if !international, digits.count == 13, digits.starts(with: Array("86".utf8)) { digits.removeFirst(2) }
        guard digits.count == 11 else { return .failure(.wrongLength(digits.count)) }
        guard digits[0] == UInt8(ascii: "1") else { return .failure(.wrongStart) }
        guard (UInt8(ascii: "3")...UInt8(ascii: "9")).contains(digits[1]) else { return .failure(.wrongStart) }
        return .success(String(decoding: digits, as: UTF8.self))
    }

    /// What is wrong with a typed number; the flow says it in the person's language
    /// (`messages.yaml`).
    public enum Problem: Error, Equatable {
        case notANumber
        case notMainland
        case wrongLength(Int)
        case wrongStart
    }
}
