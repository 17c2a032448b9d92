/// A phrasing pattern: one line that stands for a space of ways to ask the same question, as
/// Chatito's and Alexa's sample utterances do.
///
/// - `(a|b|c)`: exactly one of the alternatives;
/// - `[a|b]`: optional: nothing, or one of the alternatives;
/// - `{concept}`: a slot, each of the vocabulary's words for that concept in the pattern's
///   language (a language file's `words` for its own patterns).
///
/// Alternatives nest and may hold slots. Runs of spaces collapse, so optional parts need no
/// care with spacing; Chinese patterns are written without spaces. Training reads a
/// deterministic sample of each pattern's expansions beside the written examples.
public struct PhrasingPattern: Sendable {
    public var text: String
    /// The language the pattern is written in (`en`, `zh`, or a language file's code): its slots
    /// take that language's words.
    public var language: String
    public var location: SourceLocation
    let parts: [Part]

    indirect enum Part: Sendable, Equatable {
        case text(String)
        case choice([[Part]], optional: Bool)
        case slot(String)
    }

    /// Parses `text`; a malformed pattern is an error at `location` that says what is wrong.
    public init(_ text: String, language: String, location: SourceLocation) throws {
        self.text = text
        self.language = language
        self.location = location
        var parser = Parser(characters: Array(text), location: location)
        parts = try parser.parseAll()
    }

    /// The concepts the pattern's slots name, in order of first appearance.
    public var concepts: [String] {
        var found: [String] = []
        func visit(_ parts: [Part]) {
            for part in parts {
                switch part {
                case .text: break
                case .slot(let concept): if !found.contains(concept) { found.append(concept) }
                case .choice(let alternatives, _): alternatives.forEach(visit)
                }
            }
        }
        visit(parts)
        return found
    }

    /// How many phrasings the pattern stands for (saturating: a pattern's space can be huge).
    /// - Parameter words: a slot's words.
    public func count(words: (String) -> [String]) -> Double {
        func count(_ parts: [Part]) -> Double {
            parts.reduce(1) { total, part in
                switch part {
                case .text: return total
                case .slot(let concept): return total * Double(words(concept).count)
                case .choice(let alternatives, let optional):
                    return total * (alternatives.reduce(optional ? 1 : 0) { $0 + count($1) })
                }
            }
        }
        return count(parts)
    }

    /// Up to `limit` different phrasings, the same on every run: every phrasing when there are no
    /// more than `limit`, else random walks in which each alternative (and leaving an optional
    /// part out) and each slot word is equally likely, so every word gets its turn.
    public func sample(_ limit: Int, words: (String) -> [String]) -> [String] {
        var random = SplitMix64(seed: FNV1a.hash((language + "\u{1F}" + text).utf8))
        if count(words: words) <= Double(limit) { return enumerateAll(words: words) }
        var seen: Set<String> = []
        var phrasings: [String] = []
        var attempts = 0
        while phrasings.count < limit && attempts < limit * 20 {
            attempts += 1
            var out = ""
            walk(parts, words: words, random: &random, into: &out)
            let phrasing = Self.collapseSpaces(out)
            if !phrasing.isEmpty && seen.insert(phrasing).inserted { phrasings.append(phrasing) }
        }
        return phrasings
    }

    private func walk(_ parts: [Part], words: (String) -> [String], random: inout SplitMix64, into out: inout String) {
        for part in parts {
            switch part {
            case .text(let text): out += text
            case .slot(let concept):
                let choices = words(concept)
                if !choices.isEmpty { out += choices[Int(random.next() % UInt64(choices.count))] }
            case .choice(let alternatives, let optional):
                let pick = Int(random.next() % UInt64(alternatives.count + (optional ? 1 : 0)))
                if pick < alternatives.count { walk(alternatives[pick], words: words, random: &random, into: &out) }
            }
        }
    }

    private func enumerateAll(words: (String) -> [String]) -> [String] {
        func expand(_ parts: ArraySlice<Part>) -> [String] {
            guard let first = parts.first else { return [""] }
            let heads: [String]
            switch first {
            case .text(let text): heads = [text]
            case .slot(let concept): heads = words(concept)
            case .choice(let alternatives, let optional):
                heads = (optional ? [""] : []) + alternatives.flatMap { expand($0[...]) }
            }
            let tails = expand(parts.dropFirst())
            return heads.flatMap { head in tails.map { head + $0 } }
        }
        var seen: Set<String> = []
        return expand(parts[...]).map(Self.collapseSpaces).filter { !$0.isEmpty && seen.insert($0).inserted }
    }

    static func collapseSpaces(_ text: String) -> String {
        text.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
    }

    private struct Parser {
        let characters: [Character]
        let location: SourceLocation
        var position = 0

        mutating func parseAll() throws -> [Part] {
            let parts = try sequence(closing: nil)
            guard position == characters.count else {
                throw fail("'\(characters[position])' closes nothing; alternatives go inside ( ) or [ ]")
            }
            return parts
        }

        /// Parts up to `closing` or `|` (left for the caller), or the end.
        private mutating func sequence(closing: Character?) throws -> [Part] {
            var parts: [Part] = []
            var literal = ""
            func flush() {
                if !literal.isEmpty { parts.append(.text(literal)) }
                literal = ""
            }
            while position < characters.count {
                let character = characters[position]
                switch character {
                case "(", "[":
                    flush()
                    let close: Character = character == "(" ? ")" : "]"
                    let start = position
                    position += 1
                    var alternatives = [try sequence(closing: close)]
                    while position < characters.count && characters[position] == "|" {
                        position += 1
                        alternatives.append(try sequence(closing: close))
                    }
                    guard position < characters.count, characters[position] == close else {
                        throw fail("the '\(character)' at character \(start + 1) is never closed with '\(close)'")
                    }
                    position += 1
                    if alternatives.contains(where: { $0.isEmpty }) {
                        throw fail(
                            "an empty alternative in the '\(character)' at character \(start + 1); an optional part is written [a|b]"
                        )
                    }
                    parts.append(.choice(alternatives, optional: character == "["))
                case "{":
                    flush()
                    let start = position
                    guard let end = characters[position...].firstIndex(of: "}") else {
                        throw fail("the '{' at character \(start + 1) is never closed with '}'")
                    }
                    let name = String(characters[(position + 1)..<end]).trimmingWhitespace()
                    guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else {
                        throw fail("'{\(name)}' at character \(start + 1) is not a concept id")
                    }
                    parts.append(.slot(name))
                    position = end + 1
                case ")", "]", "|":
                    if closing == nil {
                        throw fail(
                            character == "|"
                                ? "a '|' outside ( ) or [ ] at character \(position + 1); put the alternatives in brackets"
                                : "'\(character)' at character \(position + 1) closes nothing")
                    }
                    if character != "|" && character != closing {
                        throw fail("'\(character)' at character \(position + 1) where '\(closing!)' was expected")
                    }
                    flush()
                    return parts
                case "}":
                    throw fail("'}' at character \(position + 1) closes nothing")
                default:
                    literal.append(character)
                    position += 1
                }
            }
            flush()
            return parts
        }

        private func fail(_ message: String) -> KnowledgeBaseError {
            .invalid(location, message: "pattern: " + message)
        }
    }
}
