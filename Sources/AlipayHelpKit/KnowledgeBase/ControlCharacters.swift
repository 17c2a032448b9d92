/// Characters that must never be shown as they are, because a display obeys them: they move
/// the cursor, set the window title, switch character sets or reverse the text's direction.
/// C0 controls (except newline and tab), DEL, C1 controls, and the bidirectional overrides and
/// isolates.
public enum ControlCharacters {
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A, 0x09: return false
        case 0x00...0x1F, 0x7F, 0x80...0x9F, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }

    /// Whether the UTF-8 text could hold an unsafe character: the quick test for most text.
    @inline(__always)
    static func mayHoldUnsafe(_ text: String) -> Bool {
        text.utf8.contains { ($0 < 0x20 && $0 != 0x0A && $0 != 0x09) || $0 == 0x7F || $0 == 0xC2 || $0 == 0xE2 }
    }

    /// The first unsafe character in the text, if any.
    public static func first(in text: String) -> Unicode.Scalar? {
        guard mayHoldUnsafe(text) else { return nil }
        return text.unicodeScalars.first(where: isUnsafe)
    }

    /// How an unsafe character is shown: `^[` for ESC, `^M` for carriage return and the other
    /// C0 controls in caret notation, `^?` for DEL, `\u{9B}` or `\u{202E}` for the rest.
    public static func visible(_ scalar: Unicode.Scalar) -> String {
        switch scalar.value {
        case 0x00...0x1F: return "^" + String(Unicode.Scalar(UInt8(scalar.value + 0x40)))
        case 0x7F: return "^?"
        default: return "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
        }
    }

    /// The text with every unsafe character shown visibly, so a display prints it and does not
    /// obey it. Newlines and tabs are kept.
    public static func visible(_ text: String) -> String {
        guard mayHoldUnsafe(text), text.unicodeScalars.contains(where: isUnsafe) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars {
            if isUnsafe(scalar) { out += visible(scalar) } else { out.unicodeScalars.append(scalar) }
        }
        return out
    }

    /// Names a character for an error message: "U+001B (escape)".
    public static func describe(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        switch scalar.value {
        case 0x1B: return code + " (escape)"
        case 0x0D: return code + " (carriage return)"
        case 0x00: return code + " (NUL)"
        case 0x202A...0x202E, 0x2066...0x2069: return code + " (a bidirectional override)"
        case 0x80...0x9F: return code + " (a C1 control)"
        default: return code + " (a control character)"
        }
    }
}
