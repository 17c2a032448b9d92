import Foundation

/// How people ask in one more language (`intents/languages/<code>.yaml`): the function words
/// that show a question is written in it, its words for the vocabulary's concepts, and example
/// questions for the topics and out of scope. Questions in these languages are understood and
/// answered in English, with a line saying so.
public struct LanguagePack: Sendable {
    /// The language's code, e.g. `ja`, as reported in JSON.
    public var code: String
    public var name: String
    /// The script that identifies the language; `latin` languages are told apart by markers.
    public var script: Script
    public enum Script: String, Sendable, CaseIterable {
        case latin, vietnamese, cyrillic, kana, hangul, thai, devanagari, arabic
    }
    /// Function words of the language: they tell the language of a question written in the
    /// Latin alphabet, and carry no evidence for matching.
    public var markers: [String]
    /// More function words ("en", "si", "de"): they carry no evidence either, but are shared
    /// with other languages too widely to tell which language a question is in.
    public var functionWords: [String] = []
    /// Words of the language for the vocabulary's concepts, by concept id.
    public var words: [(concept: String, surfaces: [String], location: SourceLocation)]
    /// Example questions, each with its label (a topic id or `out_of_scope`).
    public var examples: [KnowledgeBase.Example]
    /// Phrasing patterns by label, their slots filled with `words`.
    public var patterns: [(label: String, pattern: PhrasingPattern)] = []
    public var location: SourceLocation

    static let folder = "languages"

    static func loadAll(in knowledgeBase: KnowledgeBaseFolder, labels: Set<String>, concepts: Set<String>) throws
        -> [LanguagePack]
    {
        switch knowledgeBase.entry(at: folder) {
        case .nothing: return []
        case .file:
            throw KnowledgeBaseError.invalid(
                SourceLocation(file: knowledgeBase.location(of: folder), line: 1, column: 1),
                message: "expected a folder of language files")
        case .folder: break
        }
        let names = (knowledgeBase.names(in: folder) ?? []).filter(KnowledgeBaseFiles.isYAML)
        var packs: [LanguagePack] = []
        for name in names {
            let path = folder + "/" + name
            let pack = try parse(
                YAMLNode.parse(try knowledgeBase.text(of: path), file: knowledgeBase.location(of: path)),
                labels: labels, concepts: concepts)
            if let other = packs.first(where: { $0.code == pack.code }) {
                throw KnowledgeBaseError.invalid(
                    pack.location, message: "language '\(pack.code)' is also defined at \(other.location)")
            }
            packs.append(pack)
        }
        return packs
    }

    static func parse(_ root: YAMLNode, labels: Set<String>, concepts: Set<String>) throws -> LanguagePack {
        let keys = try root.mapping(allowedKeys: [
            "language", "name", "script", "markers", "function_words", "words", "examples", "patterns",
        ])
        let codeNode = try keys.required("language", in: root)
        let code = try codeNode.string()
        if ["en", "zh", "zh-Hant"].contains(code) {
            throw codeNode.fail(
                "'\(code)' is a language the answers are written in; its examples belong in the topic files")
        }
        var words: [(String, [String], SourceLocation)] = []
        if let node = keys["words"] {
            for (key, value) in try node.orderedMapping() {
                let concept = try key.string()
                guard concepts.contains(concept) else {
                    throw key.fail(
                        "unknown concept '\(concept)'; concepts are declared in \(KnowledgeBase.vocabularyFile)")
                }
                words.append((concept, try value.strings(), key.location))
            }
        }
        var examples: [KnowledgeBase.Example] = []
        for (key, value) in try keys.required("examples", in: root).orderedMapping() {
            let label = try key.string()
            guard labels.contains(label) else {
                throw key.fail("unknown label '\(label)'; expected a topic id or \(Match.outOfScopeLabel)")
            }
            let located = try value.locatedStrings()
            examples += zip(located.texts, located.locations).map {
                .init(text: $0, label: label, facet: nil, location: $1)
            }
        }
        let scriptNode = try keys.required("script", in: root)
        guard let script = Script(rawValue: try scriptNode.string()) else {
            throw scriptNode.fail(
                "unknown script; expected one of: \(Script.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        var pack = LanguagePack(
            code: code, name: try keys.required("name", in: root).string(), script: script,
            markers: try keys["markers"]?.strings() ?? [], words: words, examples: examples,
            location: root.location)
        pack.functionWords = try keys["function_words"]?.strings() ?? []
        for (key, value) in try keys["patterns"]?.orderedMapping() ?? [] {
            let label = try key.string()
            guard labels.contains(label) else {
                throw key.fail("unknown label '\(label)'; expected a topic id or \(Match.outOfScopeLabel)")
            }
            pack.patterns += try value.patterns(language: code).map { (label, $0) }
        }
        return pack
    }
}
