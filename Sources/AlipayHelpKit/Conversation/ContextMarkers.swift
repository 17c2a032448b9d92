/// The words that make a line lean on the open topic, declared in `follow_ups.yaml`: an
/// elliptical question ("and per year?", "what about for foreigners?", 那一年呢？) is the last
/// question with a part changed; a conditional one ("and if I still owe Huabei money?", 如果...)
/// asks about the open task under a condition, even when the condition names another topic.
public struct ContextMarkers: Sendable {
    /// Words or phrases a line starts with, normalised ("and", "what about", 那).
    public var ellipticalStarts: [String] = []
    /// Endings of a Chinese line (呢).
    public var ellipticalEnds: [String] = []
    public var conditionalStarts: [String] = []

    public init() {}

    static let file = "follow_ups.yaml"

    static func parse(_ root: YAMLNode) throws -> ContextMarkers {
        let keys = try root.mapping(allowedKeys: ["elliptical", "elliptical_endings", "conditional"])
        func phrases(_ key: String) throws -> [String] {
            guard let node = keys[key] else { return [] }
            let languages = try node.mapping(allowedKeys: ["en", "zh"])
            let all = try (languages["en"]?.strings() ?? []) + (languages["zh"]?.strings() ?? [])
            return all.map { TextNormalizer.normalize($0).pieces.joined(separator: " ") }.filter { !$0.isEmpty }
        }
        var markers = ContextMarkers()
        markers.ellipticalStarts = try phrases("elliptical")
        markers.ellipticalEnds = try phrases("elliptical_endings")
        markers.conditionalStarts = try phrases("conditional")
        return markers
    }

    /// How a line, as normalised words, leans on the open topic.
    public enum Lean: Sendable, Equatable {
        case elliptical, conditional
    }

    public func lean(_ words: [String]) -> Lean? {
        guard !words.isEmpty else { return nil }
        if starts(words, with: conditionalStarts) { return .conditional }
        if starts(words, with: ellipticalStarts) { return .elliptical }
        if let last = words.last, ellipticalEnds.contains(where: { last.hasSuffix($0) }) { return .elliptical }
        return nil
    }

    /// Latin phrases match whole leading words; Chinese ones the start of the first run.
    private func starts(_ words: [String], with phrases: [String]) -> Bool {
        phrases.contains { phrase in
            guard phrase.unicodeScalars.first?.isASCII == true else { return words[0].hasPrefix(phrase) }
            let parts = phrase.split(separator: " ")
            return parts.count <= words.count && zip(parts, words).allSatisfy { $0 == $1 }
        }
    }
}
