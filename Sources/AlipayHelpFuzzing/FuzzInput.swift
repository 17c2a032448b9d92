import AlipayHelpKit

/// One fuzzing input, run through everything that reads untrusted text: the normaliser, the
/// matcher and the reply (with its JSON line, figures and verdict), the secret guard and the phone parser, the
/// control-character filter, and the YAML loader. The first byte picks the path; the rest is
/// the input. Used by the libFuzzer target (`fuzz/run.sh`) and by the seeded pass in the tests,
/// so both exercise the same code. Properties that must always hold are checked with
/// `precondition`, so a violation is a crash the fuzzer reports.
public enum FuzzInput {
    public static func run(_ data: UnsafeRawBufferPointer, responder: Responder) {
        guard let selector = data.first else { return }
        let body = UnsafeRawBufferPointer(rebasing: data.dropFirst())
        let bytes = body.bindMemory(to: UInt8.self)
        let text = String(decoding: body, as: UTF8.self)
        switch selector % 4 {
        case 0:
            // The path of `ask`: match the raw bytes, reply, encode.
            let match = responder.matcher.match(bytes: bytes)
            let reply = responder.reply(to: text, match: match)
            let line = JSONLineEncoder.encode(reply)
            precondition(!line.utf8.contains { $0 < 0x20 }, "a JSON line holds a raw control byte")
            precondition(ControlCharacters.first(in: ControlCharacters.visible(reply.text)) == nil)
            precondition(ControlCharacters.first(in: ControlCharacters.visible(text)) == nil)
        case 1:
            // The guard, the phone parser and the normaliser.
            _ = TextNormalizer.normalize(text)
            _ = TextNormalizer.normalize(bytes: bytes)
            let code = SecretGuard.looksLikeVerificationCode(text)
            let keptOut = SecretGuard.mustStayOutOfHistory(text)
            precondition(!code || keptOut, "a code must also stay out of the history")
            if case let .success(digits) = MainlandMobileNumber.parse(text) {
                precondition(digits.count == 11 && digits.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 })
                precondition(keptOut, "a phone number must stay out of the history")
                precondition(MainlandMobileNumber(text)?.masked.count == 11)
            }
        case 2:
            // The chat's conversation, a few lines at once.
            var conversation = Conversation(responder: responder)
            for line in text.split(separator: "\n", maxSplits: 4, omittingEmptySubsequences: true) {
                _ = conversation.respond(to: String(line))
            }
        default:
            // The YAML loader, as each kind of knowledge-base file.
            let names = [
                "topic.yaml", KnowledgeBase.vocabularyFile, KnowledgeBase.smallTalkFile, KnowledgeBase.outOfScopeFile,
                KnowledgeBase.messagesFile, "flow.yaml", EntityDefinitions.file,
            ]
            let name = names[Int(selector / 4) % names.count]
            _ = try? KnowledgeBase.parseFile(text, name: name)
        }
    }
}

/// A seeded generator of hostile inputs, for fuzzing without libFuzzer (the test suite's short
/// pass and the fuzz program's seeded mode): it mutates seeds with the bytes and fragments that
/// broke things before (escapes, invalid UTF-8, NUL, digits in every form, YAML anchors).
public struct SeededMutator {
    private var state: UInt64

    public init(seed: UInt64) { state = seed == 0 ? 0x9E37_79B9_7F4A_7C15 : seed }

    public mutating func next() -> UInt64 {
        state ^= state << 13
        state ^= state >> 7
        state ^= state << 17
        return state
    }

    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(max(bound, 1))) }

    static let fragments: [[UInt8]] =
        [
            "\u{1B}]2;PWNED\u{1B}\\", "\u{1B}[31m", "\u{9B}", "\u{202E}", "\u{2066}", "\u{0}", "\r", "\n", "\t",
            "138/1234/5678", "１３８－１２３４－５６７８", "一三八一二三四五六七八", "sms code 123-456", "my code is 12 34 56",
            "otp: 12 34 56", "验证码", "QR code", "30000 yuan", "¥500", "5000元", "+86 ", "0086", "\u{3000}", "\u{A0}",
            "\u{200B}",
            "&a ", "*a ", "? *a : 1", "- ", ": ", "{", "}", "[", "]", "'", "\"", "|\n  ", ">-\n  ", "id: limits\n",
            "examples:\n  - ",
            "huabei", "delete my account", "转账限额是多少", "那一年呢？", "more", "yes", "cancel", "/change-number",
        ].map { Array($0.utf8) } + [
            [0xFF], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82],
        ]

    /// A mutated copy of `seed`, at most `limit` bytes.
    public mutating func mutate(_ seed: [UInt8], limit: Int = 4096) -> [UInt8] {
        var bytes = seed
        for _ in 0..<(1 + below(6)) {
            switch below(6) {
            case 0 where !bytes.isEmpty: bytes[below(bytes.count)] ^= UInt8(truncatingIfNeeded: 1 << below(8))
            case 1: bytes.insert(UInt8(truncatingIfNeeded: next()), at: below(bytes.count + 1))
            case 2: bytes.insert(contentsOf: Self.fragments[below(Self.fragments.count)], at: below(bytes.count + 1))
            case 3 where bytes.count > 1: bytes.removeSubrange(below(bytes.count)..<bytes.count)
            case 4 where !bytes.isEmpty:
                let start = below(bytes.count)
                bytes.insert(
                    contentsOf: bytes[start..<min(bytes.count, start + 1 + below(32))], at: below(bytes.count + 1))
            default: bytes.append(contentsOf: Self.fragments[below(Self.fragments.count)])
            }
        }
        return Array(bytes.prefix(limit))
    }
}
