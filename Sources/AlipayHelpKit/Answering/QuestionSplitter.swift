/// Finds the questions in a line that asks several ("change my phone number and also raise my
/// transfer limit", 我想换手机号。另外转账限额是多少？), at the separators declared in
/// `several_questions.yaml`. It works on bytes: every line of a batch goes through it, and the
/// few that hold a separator with words on both sides are the only ones that cost more.
public struct QuestionSplitter: Sendable {
    /// Lower-case UTF-8 separators, longest first.
    private var separators: [[UInt8]] = []
    /// For each lower-case first byte, the separators starting with it, longest first: a byte
    /// that starts none (most) is passed at once, and one that does is compared with its own.
    private var byFirstByte = [[[UInt8]]](repeating: [], count: 256)

    public init() {}

    static let file = "several_questions.yaml"

    init(separators: [String]) {
        self.separators = separators.map { Array($0.lowercased().utf8) }.filter { !$0.isEmpty }.sorted {
            $0.count > $1.count
        }
        for separator in self.separators { byFirstByte[Int(separator[0])].append(separator) }
    }

    static func parse(_ root: YAMLNode) throws -> QuestionSplitter {
        let keys = try root.mapping(allowedKeys: ["separators"])
        let node = try keys.required("separators", in: root)
        let languages = try node.mapping(allowedKeys: ["en", "zh", "punctuation"])
        let all = try ["en", "zh", "punctuation"].flatMap { try languages[$0]?.strings() ?? [] }
        return QuestionSplitter(separators: all)
    }

    /// The questions in the line, in order, when it holds more than one with words; else nil.
    public func parts(of text: String) -> [String]? {
        guard !separators.isEmpty else { return nil }
        var text = text
        return text.withUTF8 { bytes in
            // First, with nothing allocated: are there two stretches with letters (or non-ASCII
            // text) between separators? Most lines have no separator, or only end with a "?".
            var stretchesWithText = 0
            var stretchHasText = false
            forEachStretch(of: bytes) { byte in
                if let byte {
                    stretchHasText = stretchHasText || ((byte | 0x20) >= 97 && (byte | 0x20) <= 122) || byte >= 0xC0
                    return
                }
                if stretchHasText { stretchesWithText += 1 }
                stretchHasText = false
            }
            guard stretchesWithText > 1 else { return nil }
            var parts: [String] = []
            var part: [UInt8] = []
            forEachStretch(of: bytes) { byte in
                if let byte { part.append(byte); return }
                defer { part.removeAll(keepingCapacity: true) }
                // A letter is looked for among ASCII bytes before any character's properties.
                let question = String(decoding: part, as: UTF8.self)
                let hasLetter =
                    part.contains { ($0 | 0x20) >= 97 && ($0 | 0x20) <= 122 }
                    || (part.contains { $0 >= 0x80 } && question.unicodeScalars.contains { $0.properties.isAlphabetic })
                if hasLetter { parts.append(question.trimmingWhitespace()) }
            }
            return parts.count > 1 ? parts : nil
        }
    }

    /// Calls `body` with each byte outside the separators, and with nil at the end of each
    /// stretch between them (and at the end of the line).
    private func forEachStretch(of bytes: UnsafeBufferPointer<UInt8>, _ body: (UInt8?) -> Void) {
        var index = 0
        while index < bytes.count {
            if !byFirstByte[Int(Self.lower(bytes[index]))].isEmpty, let length = separator(in: bytes, at: index) {
                body(nil)
                index += length
                continue
            }
            body(bytes[index])
            index += 1
        }
        body(nil)
    }

    /// The length of the separator at `index`: Latin words only as whole words.
    private func separator(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
        for separator in byFirstByte[Int(Self.lower(bytes[index]))] where separator.count <= bytes.count - index {
            var same = true
            for offset in separator.indices where Self.lower(bytes[index + offset]) != separator[offset] {
                same = false; break
            }
            guard same else { continue }
            if Self.isWordByte(separator[0]) {
                if index > 0, Self.isWordByte(Self.lower(bytes[index - 1])) { continue }
                let end = index + separator.count
                if end < bytes.count, Self.isWordByte(Self.lower(bytes[end])) { continue }
            }
            return separator.count
        }
        return nil
    }

    private static func lower(_ byte: UInt8) -> UInt8 { byte >= 65 && byte <= 90 ? byte + 32 : byte }
    private static func isWordByte(_ byte: UInt8) -> Bool { (byte >= 97 && byte <= 122) || (byte >= 48 && byte <= 57) }
}
