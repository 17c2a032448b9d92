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

    public static func appendString(_ text: String, to out: inout String) {
        // Fast path: most text needs no escaping at all.
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0xE2 }) {
            out.append("\"")
            out.append(text)
            out.append("\"")
            return
        }
        out.append("\"")
        let hex: [Character] = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "a", "b", "c", "d", "e", "f"]
        var plainStart = text.unicodeScalars.startIndex
        var index = plainStart
        let scalars = text.unicodeScalars
        while index < scalars.endIndex {
            let value = scalars[index].value
            if value < 0x20 || value == 0x22 || value == 0x5C || value == 0x2028 || value == 0x2029 {
                out.unicodeScalars.append(contentsOf: scalars[plainStart..<index])
                switch value {
                case 0x22: out.append("\\\"")
                case 0x5C: out.append("\\\\")
                case 0x0A: out.append("\\n")
                case 0x0D: out.append("\\r")
                case 0x09: out.append("\\t")
                default:
                    out.append("\\u")
                    for shift in stride(from: 12, through: 0, by: -4) { out.append(hex[Int((value >> UInt32(shift)) & 0xF)]) }
                }
                plainStart = scalars.index(after: index)
            }
            index = scalars.index(after: index)
        }
        out.unicodeScalars.append(contentsOf: scalars[plainStart..<scalars.endIndex])
        out.append("\"")
    }
}
