/// The words the conversation reads outside the topics, declared in `dialogue.yaml` in each
/// language it answers in: yes and no, the numbered choices, asking for more, corrections.
/// Each phrase is kept as a line's words read the way a question is (normalised), so a line
/// is compared word for word.
public struct DialogueWords: Sendable {
    public var yes: Set<String> = []
    public var no: Set<String> = []
    /// Words that answer on their own at the start of a longer reply.
    public var leadingYes: Set<String> = []
    public var leadingNo: Set<String> = []
    /// Ways of naming each numbered choice, first to last.
    public var ordinals: [Set<String>] = []
    public var choiceFiller: Set<String> = []
    public var more: Set<String> = []
    /// Phrases a correction starts with ("no", "i meant", 我是说).
    public var correctionStarters: Set<String> = []
    public var correctionFiller: Set<String> = []
    /// Saying a guide's step is done, where the step only asks to be told.
    public var done: Set<String> = []

    public init() {}

    static let file = "dialogue.yaml"

    static func parse(_ root: YAMLNode) throws -> DialogueWords {
        let keys = try root.mapping(allowedKeys: [
            "saying_yes", "saying_no", "leading_yes", "leading_no", "ordinals", "choice_filler", "more",
            "correction_starters",
            "correction_filler", "done",
        ])
        func phrases(_ node: YAMLNode?) throws -> Set<String> {
            guard let node else { return [] }
            let languages = try node.mapping(allowedKeys: Set(Language.allCases.map(\.rawValue)))
            var all: Set<String> = []
            for language in Language.allCases {
                for phrase in try languages[language.rawValue]?.strings() ?? [] {
                    let words = TextNormalizer.normalize(phrase).pieces.joined(separator: " ")
                    if words.isEmpty { throw node.fail("'\(phrase)' has no words once read as a question") }
                    all.insert(words)
                }
            }
            return all
        }
        var words = DialogueWords()
        words.yes = try phrases(keys["saying_yes"])
        words.no = try phrases(keys["saying_no"])
        words.leadingYes = try phrases(keys["leading_yes"])
        words.leadingNo = try phrases(keys["leading_no"])
        words.ordinals = try keys["ordinals"]?.sequence().map { try phrases($0) } ?? []
        words.choiceFiller = try phrases(keys["choice_filler"])
        words.more = try phrases(keys["more"])
        words.correctionStarters = try phrases(keys["correction_starters"])
        words.correctionFiller = try phrases(keys["correction_filler"])
        words.done = try phrases(keys["done"])
        return words
    }

    /// True for yes, false for no, nil when the line's words are neither.
    func yesOrNo(_ words: [String]) -> Bool? {
        let phrase = words.joined(separator: " ")
        if yes.contains(phrase) { return true }
        if no.contains(phrase) { return false }
        guard let first = words.first, words.count > 1 else { return nil }
        if leadingYes.contains(first) { return true }
        if leadingNo.contains(first) { return false }
        return nil
    }

    /// The position (from 0) a line that is nothing but a choice names ("2", "#2", "the second
    /// one", "option 1", 第二个), or nil.
    func choicePosition(_ words: [String]) -> Int? {
        let named = words.filter { !choiceFiller.contains($0) }
        guard named.count == 1 else { return nil }
        if let number = Int(named[0]), (1...99).contains(number), words.count <= 2 { return number - 1 }
        return ordinals.firstIndex { $0.contains(named[0]) }
    }

    func asksForMore(_ words: [String]) -> Bool { more.contains(words.joined(separator: " ")) }

    /// "no, I meant Huabei" → "huabei": the words after a correction, if the line starts with one.
    func correctionRemainder(_ words: [String]) -> String? {
        guard let first = words.first,
            correctionStarters.contains(first)
                || (words.count > 1 && correctionStarters.contains(words[0] + " " + words[1]))
        else { return nil }
        let rest = words.drop { correctionFiller.contains($0) }
        return rest.isEmpty ? nil : rest.joined(separator: " ")
    }
}
