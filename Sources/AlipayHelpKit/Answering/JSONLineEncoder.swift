/// Writes a reply as one line of JSON, the contract other tools build on:
/// `question`, `intent`, `confidence`, `facet`, `candidates`, `answer`, plus `lang` and `kind`.
/// Hand-written so a batch of 100,000 questions is not slowed by a general encoder, and so
/// any text, even with NUL bytes or broken UTF-8, becomes valid JSON.
public enum JSONLineEncoder {
    public static func encode(_ reply: Reply) -> String {
        var out = ""
        append(reply, to: &out)
        // The other questions of a line that asks several, each with the same fields.
        out.removeLast()
        out += ",\"also\":["
        for (index, other) in reply.also.enumerated() {
            if index > 0 { out += "," }
            append(other, to: &out)
        }
        out += "]}"
        return out
    }

    private static func append(_ reply: Reply, to out: inout String) {
        out += "{\"question\":"
        appendString(reply.question, to: &out)
        out += ",\"intent\":"
        if let intent = reply.match.intent { appendString(intent, to: &out) } else { out += "null" }
        out += ",\"lang\":\"" + reply.language.rawValue + "\""
        out += ",\"question_lang\":"
        appendString(reply.questionLanguage, to: &out)
        out += ",\"kind\":"
        appendString(kind(of: reply.match), to: &out)
        out += ",\"confidence\":"
        out += formatConfidence(reply.match.confidence)
        out += ",\"facet\":"
        if let facet = reply.match.facet { appendString(facet, to: &out) } else { out += "null" }
        out += ",\"candidates\":["
        for (index, candidate) in reply.match.candidates.enumerated() {
            if index > 0 { out += "," }
            appendString(candidate, to: &out)
        }
        out += "],\"entities\":["
        for (index, entity) in reply.entities.enumerated() {
            if index > 0 { out += "," }
            out += "{\"kind\":\"" + entity.kind.rawValue + "\",\"value\":" + formatNumber(entity.value) + ",\"unit\":"
            if let unit = entity.unit { appendString(unit, to: &out) } else { out += "null" }
            out += ",\"period\":"
            if let period = entity.period { appendString(period, to: &out) } else { out += "null" }
            out += ",\"used\":" + (entity.used ? "true" : "false") + ",\"text\":"
            appendString(entity.text, to: &out)
            out += "}"
        }
        out += "],\"verdict\":"
        if let verdict = reply.verdict { out += "\"" + verdict.outcome.rawValue + "\"" } else { out += "null" }
        out += ",\"answer\":"
        if let escaped = reply.escapedText { out += escaped } else { appendString(reply.text, to: &out) }
        out += "}"
    }

    public static func kind(of match: Match) -> String {
        switch match.outcome {
        case .topic: return "topic"
        case .smallTalk: return "small_talk"
        case .outOfScope: return "out_of_scope"
        case .ambiguous: return "ambiguous"
        }
    }

    /// A figure as a JSON number: whole numbers without a point, never exponent notation.
    static func formatNumber(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String((value * 1000).rounded() / 1000)
    }

    /// Three decimals, never exponent notation, always within [0, 1].
    public static func formatConfidence(_ value: Double) -> String {
        let clamped = value.isFinite ? min(max(value, 0), 1) : 0
        let thousandths = Int((clamped * 1000).rounded())
        if thousandths == 1000 { return "1.0" }
        let digits = String(thousandths)
        return "0." + String(repeating: "0", count: 3 - digits.count) + digits
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    public static func appendString(_ text: String, to out: inout String) {
        // Fast path: most text needs no escaping at all.
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0xE2 }) {
            out.append("\"")
            out.append(text)
            out.append("\"")
            return
        }
        // Escaped byte by byte into one buffer, made a string once. U+2028 and U+2029 are
        // E2 80 A8 and E2 80 A9, and no other character holds those bytes.
        var escaped: [UInt8] = []
        escaped.reserveCapacity(text.utf8.count + 16)
        escaped.append(0x22)
        var text = text
        text.withUTF8 { bytes in
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                index += 1
                if byte == 0xE2, index + 1 < bytes.count, bytes[index] == 0x80, bytes[index + 1] == 0xA8 || bytes[index + 1] == 0xA9 {
                    escaped.append(contentsOf: "\\u202".utf8)
                    escaped.append(bytes[index + 1] == 0xA8 ? 0x38 : 0x39)
                    index += 2
                    continue
                }
                switch byte {
                case 0x22: escaped.append(contentsOf: "\\\"".utf8)
                case 0x5C: escaped.append(contentsOf: "\\\\".utf8)
                case 0x0A: escaped.append(contentsOf: "\\n".utf8)
                case 0x0D: escaped.append(contentsOf: "\\r".utf8)
                case 0x09: escaped.append(contentsOf: "\\t".utf8)
                case ..<0x20:
                    escaped.append(contentsOf: "\\u00".utf8)
                    escaped.append(hexDigits[Int(byte >> 4)])
                    escaped.append(hexDigits[Int(byte & 0xF)])
                default: escaped.append(byte)
                }
            }
        }
        escaped.append(0x22)
        out.append(String(decoding: escaped, as: UTF8.self))
    }
}
