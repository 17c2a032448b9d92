/// Writes a reply as one line of JSON, the contract other tools build on:
/// `question`, `intent`, `confidence`, `facet`, `candidates`, `answer`, plus `lang` and `kind`.
/// Hand-written, straight into bytes, so a batch of 100,000 questions is not slowed by a general
/// encoder or by strings built only to be copied out, and so any text, even with NUL bytes or
/// broken UTF-8, becomes valid JSON.
public enum JSONLineEncoder {
    public static func encode(_ reply: Reply) -> String {
        var out: [UInt8] = []
        append(reply, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the reply's JSON object (no line break) to `out`.
    public static func append(_ reply: Reply, to out: inout [UInt8]) {
        appendFields(of: reply, to: &out)
        // The other questions of a line that asks several, each with the same fields.
        out += ",\"also\":[".utf8
        for (index, other) in reply.also.enumerated() {
            if index > 0 { out.append(0x2C) }
            appendFields(of: other, to: &out)
            out.append(0x7D)
        }
        out += "]}".utf8
    }

    /// Every field but `also`, after the opening brace, and no closing brace.
    private static func appendFields(of reply: Reply, to out: inout [UInt8]) {
        out += "{\"question\":".utf8
        appendString(reply.question, to: &out)
        out += ",\"intent\":".utf8
        appendOptional(reply.match.intent, to: &out)
        out += ",\"lang\":\"".utf8
        out += reply.language.rawValue.utf8
        out += "\",\"question_lang\":".utf8
        appendString(reply.questionLanguage, to: &out)
        out += ",\"kind\":\"".utf8
        out += reply.match.outcome.kind.utf8
        out += "\",\"confidence\":".utf8
        appendConfidence(reply.match.confidence, to: &out)
        out += ",\"facet\":".utf8
        appendOptional(reply.match.facet, to: &out)
        out += ",\"candidates\":[".utf8
        for (index, candidate) in reply.match.candidates.enumerated() {
            if index > 0 { out.append(0x2C) }
            appendString(candidate, to: &out)
        }
        out += "],\"entities\":[".utf8
        for (index, entity) in reply.entities.enumerated() {
            if index > 0 { out.append(0x2C) }
            out += "{\"kind\":\"".utf8
            out += entity.kind.rawValue.utf8
            out += "\",\"value\":".utf8
            out += formatNumber(entity.value).utf8
            out += ",\"unit\":".utf8
            appendOptional(entity.unit, to: &out)
            out += ",\"period\":".utf8
            appendOptional(entity.period, to: &out)
            out += (entity.used ? ",\"used\":true,\"text\":" : ",\"used\":false,\"text\":").utf8
            appendString(entity.text, to: &out)
            out.append(0x7D)
        }
        out += "],\"verdict\":".utf8
        if let verdict = reply.verdict {
            out.append(0x22)
            out += verdict.outcome.rawValue.utf8
            out.append(0x22)
        } else {
            out += "null".utf8
        }
        out += ",\"answer\":".utf8
        appendString(reply.text, to: &out)
    }

    /// A figure as a JSON number: whole numbers without a point, never exponent notation.
    static func formatNumber(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String((value * 1000).rounded() / 1000)
    }

    /// Three decimals, never exponent notation, always within [0, 1].
    public static func formatConfidence(_ value: Double) -> String {
        var out: [UInt8] = []
        appendConfidence(value, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    private static func appendConfidence(_ value: Double, to out: inout [UInt8]) {
        let clamped = value.isFinite ? min(max(value, 0), 1) : 0
        let thousandths = Int((clamped * 1000).rounded())
        if thousandths == 1000 {
            out += "1.0".utf8
            return
        }
        out += [
            0x30, 0x2E, 0x30 + UInt8(thousandths / 100), 0x30 + UInt8(thousandths / 10 % 10),
            0x30 + UInt8(thousandths % 10),
        ]
    }

    private static func appendOptional(_ text: String?, to out: inout [UInt8]) {
        if let text { appendString(text, to: &out) } else { out += "null".utf8 }
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    public static func appendString(_ text: String, to out: inout String) {
        var escaped: [UInt8] = []
        appendString(text, to: &escaped)
        out += String(decoding: escaped, as: UTF8.self)
    }

    /// Whether any of the eight bytes at `pointer` is a control character, `"`, `\\` or 0xE2
    /// (the first byte of U+2028 and U+2029), tested on all eight at once: a byte is zero
    /// after an exclusive or with the one it equals, and below 0x20 only if it is.
    @inline(__always)
    private static func mayNeedEscaping(_ pointer: UnsafeRawPointer) -> Bool {
        let word = pointer.loadUnaligned(as: UInt64.self)
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        func hasZeroByte(_ value: UInt64) -> Bool { (value &- ones) & ~value & highs != 0 }
        func hasByteBelow(_ limit: UInt8, _ value: UInt64) -> Bool {
            (value &- ones &* UInt64(limit)) & ~value & highs != 0
        }
        return hasByteBelow(0x20, word) || hasZeroByte(word ^ (ones &* 0x22)) || hasZeroByte(word ^ (ones &* 0x5C))
            || hasZeroByte(word ^ (ones &* 0xE2))
    }

    /// `text` as a JSON string. U+2028 and U+2029 (E2 80 A8 and E2 80 A9, the only characters
    /// holding those bytes) are escaped too, for JavaScript readers.
    public static func appendString(_ text: String, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            out.reserveCapacity(out.count + bytes.count + 2)
            out.append(0x22)
            // Runs that need no escaping (most text, all of it usually) are copied whole.
            var runStart = 0
            var index = 0
            while index < bytes.count {
                // Eight bytes at a time while none of them can need escaping (long lines).
                while index + 8 <= bytes.count, !mayNeedEscaping(UnsafeRawPointer(bytes.baseAddress! + index)) {
                    index += 8
                }
                guard index < bytes.count else { break }
                let byte = bytes[index]
                guard byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0xE2 else {
                    index += 1
                    continue
                }
                if byte == 0xE2
                    && !(index + 2 < bytes.count && bytes[index + 1] == 0x80
                        && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9))
                {
                    index += 1
                    continue
                }
                out += UnsafeBufferPointer(rebasing: bytes[runStart..<index])
                switch byte {
                case 0xE2:
                    out += "\\u202".utf8
                    out.append(bytes[index + 2] == 0xA8 ? 0x38 : 0x39)
                    index += 2
                case 0x22: out += "\\\"".utf8
                case 0x5C: out += "\\\\".utf8
                case 0x0A: out += "\\n".utf8
                case 0x0D: out += "\\r".utf8
                case 0x09: out += "\\t".utf8
                default:
                    out += "\\u00".utf8
                    out.append(hexDigits[Int(byte >> 4)])
                    out.append(hexDigits[Int(byte & 0xF)])
                }
                index += 1
                runStart = index
            }
            out += UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count])
            out.append(0x22)
        }
    }
}
