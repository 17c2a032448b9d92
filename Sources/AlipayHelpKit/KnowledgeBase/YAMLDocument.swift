import Yams

/// A thin, position-aware view of a parsed YAML file, so every schema error can name the file,
/// line and column it is about.
struct YAMLNode {
    let node: Node
    let file: String

    var location: SourceLocation {
        SourceLocation(file: file, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1)
    }

    static func parse(_ text: String, file: String) throws -> YAMLNode {
        do {
            // The basic resolver: every scalar is text to us, so no per-scalar regular expressions.
            guard let node = try Yams.compose(yaml: text, .basic) else {
                throw KnowledgeBaseError.invalid(SourceLocation(file: file, line: 1, column: 1), message: "the file is empty")
            }
            return YAMLNode(node: node, file: file)
        } catch let error as YamlError {
            throw KnowledgeBaseError.invalid(Self.location(of: error, file: file), message: Self.message(of: error))
        }
    }

    func fail(_ message: String) -> KnowledgeBaseError {
        .invalid(location, message: message)
    }

    /// The mapping's entries, refusing keys the schema does not know.
    func mapping(allowedKeys: Set<String>) throws -> [String: YAMLNode] {
        guard case let .mapping(mapping) = node else { throw fail("expected a mapping of keys to values") }
        var result: [String: YAMLNode] = [:]
        for (key, value) in mapping {
            let name = key.string ?? ""
            let keyNode = YAMLNode(node: key, file: file)
            guard allowedKeys.contains(name) else {
                throw keyNode.fail("unknown key '\(name)'; expected one of: \(allowedKeys.sorted().joined(separator: ", "))")
            }
            guard result[name] == nil else { throw keyNode.fail("the key '\(name)' appears twice") }
            result[name] = YAMLNode(node: value, file: file)
        }
        return result
    }

    /// A mapping's keys and values in the order they are written.
    func orderedMapping() throws -> [(key: YAMLNode, value: YAMLNode)] {
        guard case let .mapping(mapping) = node else { throw fail("expected a mapping of keys to values") }
        return mapping.map { (YAMLNode(node: $0.key, file: file), YAMLNode(node: $0.value, file: file)) }
    }

    func sequence() throws -> [YAMLNode] {
        guard case let .sequence(sequence) = node else { throw fail("expected a list") }
        return sequence.map { YAMLNode(node: $0, file: file) }
    }

    func string() throws -> String {
        guard case let .scalar(scalar) = node else { throw fail("expected text") }
        let text = scalar.string.trimmingWhitespace()
        guard !text.isEmpty else { throw fail("expected text, found an empty value") }
        return text
    }

    func strings() throws -> [String] {
        try sequence().map { try $0.string() }
    }

    /// A text in English, or a mapping with `en` and `zh`.
    func localized() throws -> LocalizedText {
        if case .scalar = node { return LocalizedText(en: try string()) }
        let keys = try mapping(allowedKeys: ["en", "zh"])
        return LocalizedText(en: try keys.required("en", in: self).string(), zh: try keys["zh"]?.string())
    }

    func localizedList() throws -> [LocalizedText] {
        try sequence().map { try $0.localized() }
    }

    /// A list of texts with where each one is written.
    func locatedStrings() throws -> (texts: [String], locations: [SourceLocation]) {
        let items = try sequence()
        let texts = try items.map { try $0.string() }
        guard !texts.isEmpty else { throw fail("expected at least one entry") }
        return (texts, items.map(\.location))
    }

    private static func location(of error: YamlError, file: String) -> SourceLocation {
        switch error {
        case let .scanner(_, _, mark, _), let .parser(_, _, mark, _), let .composer(_, _, mark, _):
            return SourceLocation(file: file, line: mark.line, column: mark.column)
        case let .duplicatedKeysInMapping(_, context):
            return SourceLocation(file: file, line: context.mark.line, column: context.mark.column)
        default:
            return SourceLocation(file: file, line: 1, column: 1)
        }
    }

    private static func message(of error: YamlError) -> String {
        switch error {
        case let .scanner(context, problem, _, _), let .parser(context, problem, _, _),
             let .composer(context, problem, _, _):
            let detail = context.map { " \($0.text)" } ?? ""
            return "invalid YAML: \(problem)\(detail)"
        case let .duplicatedKeysInMapping(duplicates, _):
            return "invalid YAML: duplicated keys \(duplicates.joined(separator: ", "))"
        case let .reader(problem, _, _, _):
            return "invalid YAML: \(problem)"
        default:
            return "invalid YAML"
        }
    }
}

/// Extra keys of a mapping that must be present.
extension Dictionary where Key == String, Value == YAMLNode {
    func required(_ key: String, in parent: YAMLNode) throws -> YAMLNode {
        guard let value = self[key] else { throw parent.fail("missing required key '\(key)'") }
        return value
    }
}

extension String {
    /// The text without leading and trailing white space (Unicode-aware, no Foundation).
    public func trimmingWhitespace() -> String {
        // Fast path: nothing to trim at either end (most knowledge-base text).
        if let first = utf8.first, let last = utf8.last, first > 0x20, first < 0x80, last > 0x20, last < 0x80 { return self }
        var scalars = Substring(self).unicodeScalars[...]
        while let first = scalars.first, first.properties.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.properties.isWhitespace { scalars.removeLast() }
        return String(String.UnicodeScalarView(scalars))
    }
}
