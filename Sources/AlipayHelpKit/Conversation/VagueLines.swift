import Foundation

/// Lines about the account that say too little to answer ("it doesn't work", 我的账户有问题),
/// declared in `clarify.yaml`: the chat asks back which topic they are about, as a choice,
/// instead of declining them. A line is vague when it holds a phrase saying something is wrong
/// or help is wanted, and every other word in it is a general one ("my", "account", 支付宝).
public struct VagueLines: Sendable {
    /// "doesnt work", "help me with", 有问题: normalised, longest first.
    public var trouble: [String] = []
    /// "it", "my", "account", 我的, 账户: normalised, longest first.
    public var general: [String] = []

    public init() {}

    static let file = "clarify.yaml"

    static func parse(_ root: YAMLNode) throws -> VagueLines {
        let keys = try root.mapping(allowedKeys: ["trouble", "general"])
        func phrases(_ key: String) throws -> [String] {
            let node = try keys.required(key, in: root)
            let languages = try node.mapping(allowedKeys: ["en", "zh"])
            let all = try (languages["en"]?.strings() ?? []) + (languages["zh"]?.strings() ?? [])
            return all.map { TextNormalizer.normalize($0).pieces.joined(separator: " ") }.filter { !$0.isEmpty }
                .sorted { $0.count > $1.count }
        }
        var lines = VagueLines()
        lines.trouble = try phrases("trouble")
        lines.general = try phrases("general")
        return lines
    }

    /// Whether a line, as normalised words, is only trouble and general words. Read only for
    /// lines the matcher declined, so it costs nothing on the questions it answers.
    public func isVague(_ words: [String]) -> Bool {
        guard !trouble.isEmpty, !words.isEmpty else { return false }
        // Latin phrases match whole words; Chinese ones anywhere in a run.
        var rest = " " + words.joined(separator: " ") + " "
        var found = false
        for phrase in trouble {
            let key = phrase.unicodeScalars.first.map { $0.isASCII } == true ? " " + phrase + " " : phrase
            while let range = rest.range(of: key) {
                rest.replaceSubrange(range, with: " ")
                found = true
            }
        }
        guard found else { return false }
        return rest.split(separator: " ").allSatisfy { piece in
            var piece = String(piece)
            if general.contains(piece) { return true }
            guard piece.unicodeScalars.contains(where: { !$0.isASCII }) else { return false }
            for word in general where !(word.unicodeScalars.first?.isASCII ?? true) {
                piece = piece.replacingOccurrences(of: word, with: "")
            }
            return piece.isEmpty
        }
    }
}
