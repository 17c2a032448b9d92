import CYaml
import Yams

/// A thin, position-aware view of a parsed YAML file, so every schema error can name the file,
/// line and column it is about. It holds its own tree (not Yams' nodes), so a parsed file can be
/// stored and read back without parsing it again (`YAMLNode.archive`).
struct YAMLNode {
    enum Content {
        case scalar(String)
        case mapping([(key: YAMLNode, value: YAMLNode)])
        case sequence([YAMLNode])
    }

    let content: Content
    let file: String
    let line: Int
    let column: Int

    init(_ content: Content, file: String, line: Int, column: Int) {
        self.content = content
        self.file = file
        self.line = line
        self.column = column
    }

    /// Yams' node as our own, recursively (aliases are refused before composing).
    init(node: Node, file: String) {
        let content: Content
        switch node {
        case let .scalar(scalar): content = .scalar(scalar.string)
        case let .mapping(mapping):
            content = .mapping(
                mapping.map { (YAMLNode(node: $0.key, file: file), YAMLNode(node: $0.value, file: file)) })
        case let .sequence(sequence): content = .sequence(sequence.map { YAMLNode(node: $0, file: file) })
        case .alias: content = .scalar("")
        }
        self.init(content, file: file, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1)
    }

    var location: SourceLocation { SourceLocation(file: file, line: line, column: column) }

    /// The scalar's text, or nil for a mapping or a list.
    var scalarText: String? {
        if case let .scalar(text) = content { return text }
        return nil
    }

    /// The largest knowledge-base file read, and the longest example: a file or an example
    /// far beyond any real one is a mistake (or an attack), refused with a clear error.
    public static let maximumFileSize = 1 << 20
    public static let maximumExampleLength = 500

    static func parse(_ text: String, file: String) throws -> YAMLNode {
        try rejectAnchorsAndAliases(text, file: file)
        try rejectNUL(text, file: file)
        do {
            // The basic resolver: every scalar is text to us, so no per-scalar regular expressions.
            guard let node = try Yams.compose(yaml: text, .basic) else {
                throw KnowledgeBaseError.invalid(
                    SourceLocation(file: file, line: 1, column: 1), message: "the file is empty")
            }
            return YAMLNode(node: node, file: file)
        } catch let error as YamlError {
            if case let .duplicatedKeysInMapping(duplicates, context) = error, let key = duplicates.first {
                // Yams points at the first of the two keys; the mistake is the second one.
                let first = SourceLocation(file: file, line: context.mark.line, column: context.mark.column)
                let second = Self.repeatedKey(key, after: first, in: text) ?? first
                throw KnowledgeBaseError.invalid(
                    second, message: "the key '\(key)' appears twice in this mapping (first at line \(first.line))")
            }
            throw KnowledgeBaseError.invalid(Self.location(of: error, file: file), message: Self.message(of: error))
        }
    }

    /// The knowledge base has no use for anchors and aliases, and aliases used as keys make
    /// composing a small file take minutes (each level multiplies the work). They are refused
    /// before composing, from libyaml's linear token scan, at the line they are written on.
    static func rejectAnchorsAndAliases(_ text: String, file: String) throws {
        guard mayHoldAnchorOrAlias(text) else { return }
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return }
        defer { yaml_parser_delete(&parser) }
        let bytes = Array(text.utf8)
        var found: (kind: String, line: Int, column: Int)?
        bytes.withUnsafeBufferPointer { buffer in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var token = yaml_token_t()
            while found == nil {
                // A scanning error is reported with its position when the file is composed.
                guard yaml_parser_scan(&parser, &token) == 1 else { return }
                let type = token.type
                let mark = token.start_mark
                yaml_token_delete(&token)
                if type == YAML_ANCHOR_TOKEN { found = ("an anchor (&)", Int(mark.line) + 1, Int(mark.column) + 1) }
                if type == YAML_ALIAS_TOKEN { found = ("an alias (*)", Int(mark.line) + 1, Int(mark.column) + 1) }
                if type == YAML_STREAM_END_TOKEN || type == YAML_NO_TOKEN { return }
            }
        }
        if let found {
            throw KnowledgeBaseError.invalid(
                SourceLocation(file: file, line: found.line, column: found.column),
                message:
                    "\(found.kind) is not allowed in the knowledge base; write the text out in full (quote it if it starts with & or *)"
            )
        }
    }

    /// Whether an `&` or `*` stands where YAML could read it as an anchor or alias: at the start
    /// of a line, after white space or a flow character (or `:`, as after a quoted key), and
    /// followed by a name character. "Q&A" or "5 * 3" cannot be one, and skip the token scan.
    static func mayHoldAnchorOrAlias(_ text: String) -> Bool {
        let bytes = text.utf8
        var previous: UInt8 = 10
        var index = bytes.startIndex
        while index != bytes.endIndex {
            let byte = bytes[index]
            bytes.formIndex(after: &index)
            defer { previous = byte }
            guard byte == UInt8(ascii: "&") || byte == UInt8(ascii: "*"), index != bytes.endIndex else { continue }
            let next = bytes[index]
            let mayStartNode = Self.isSpaceOrFlow(previous) || previous == UInt8(ascii: ":") || previous == 0xBF  // BOM
            if mayStartNode && !Self.isSpaceOrFlow(next) && next != UInt8(ascii: "]") && next != UInt8(ascii: "}") {
                return true
            }
        }
        return false
    }

    /// White space, and the flow characters a node may follow.
    private static func isSpaceOrFlow(_ byte: UInt8) -> Bool {
        byte == 32 || byte == 9 || byte == 10 || byte == 13 || byte == UInt8(ascii: "[") || byte == UInt8(ascii: "{")
            || byte == UInt8(ascii: ",")
    }

    /// A NUL byte, at the line and column it is on (the YAML reader only gives a byte offset).
    static func rejectNUL(_ text: String, file: String) throws {
        guard let offset = text.utf8.firstIndex(of: 0) else { return }
        let before = text.utf8[..<offset]
        let line = before.reduce(1) { $0 + ($1 == 10 ? 1 : 0) }
        let lineStart = before.lastIndex(of: 10).map { text.utf8.index(after: $0) } ?? text.utf8.startIndex
        let column = text[lineStart..<offset].unicodeScalars.count + 1
        throw KnowledgeBaseError.invalid(
            SourceLocation(file: file, line: line, column: column), message: "invalid YAML: a NUL character; remove it")
    }

    func fail(_ message: String) -> KnowledgeBaseError {
        .invalid(location, message: message)
    }

    /// The mapping's entries, refusing keys the schema does not know.
    func mapping(allowedKeys: Set<String>) throws -> [String: YAMLNode] {
        guard case let .mapping(mapping) = content else { throw fail("expected a mapping of keys to values") }
        var result: [String: YAMLNode] = [:]
        for (keyNode, value) in mapping {
            let name = keyNode.scalarText ?? ""
            guard allowedKeys.contains(name) else {
                throw keyNode.fail(
                    "unknown key '\(name)'; expected one of: \(allowedKeys.sorted().joined(separator: ", "))")
            }
            guard result[name] == nil else { throw keyNode.fail("the key '\(name)' appears twice") }
            result[name] = value
        }
        return result
    }

    /// A mapping's keys and values in the order they are written.
    func orderedMapping() throws -> [(key: YAMLNode, value: YAMLNode)] {
        guard case let .mapping(mapping) = content else { throw fail("expected a mapping of keys to values") }
        return mapping
    }

    func sequence() throws -> [YAMLNode] {
        guard case let .sequence(sequence) = content else { throw fail("expected a list") }
        return sequence
    }

    func string() throws -> String {
        guard case let .scalar(scalar) = content else { throw fail("expected text") }
        let text = scalar.trimmingWhitespace()
        guard !text.isEmpty else { throw fail("expected text, found an empty value") }
        // Knowledge-base text is shown to people: it must not be able to drive what shows it.
        if let control = ControlCharacters.first(in: text) {
            throw fail(
                "the text holds \(ControlCharacters.describe(control)), which would be read as a control code wherever the text is shown; remove it"
            )
        }
        return text
    }

    func strings() throws -> [String] {
        try sequence().map { try $0.string() }
    }

    /// A text in English, or a mapping with `en` and `zh`.
    func localized() throws -> LocalizedText {
        if case .scalar = content { return LocalizedText(en: try string()) }
        let keys = try mapping(allowedKeys: ["en", "zh"])
        return LocalizedText(en: try keys.required("en", in: self).string(), zh: try keys["zh"]?.string())
    }

    func localizedList() throws -> [LocalizedText] {
        try sequence().map { try $0.localized() }
    }

    /// Phrasing patterns written by language: `en:` and `zh:` lists.
    func patternsByLanguage() throws -> [PhrasingPattern] {
        var patterns: [PhrasingPattern] = []
        for (key, value) in try orderedMapping() {
            let language = try key.string()
            guard language == Language.en.rawValue || language == Language.zh.rawValue else {
                throw key.fail("patterns are listed by language, 'en' or 'zh'; '\(language)' is neither")
            }
            patterns += try value.patterns(language: language)
        }
        return patterns
    }

    /// A list of phrasing patterns in `language`.
    func patterns(language: String) throws -> [PhrasingPattern] {
        let located = try locatedStrings()
        return try zip(located.texts, located.locations).map {
            try PhrasingPattern($0, language: language, location: $1)
        }
    }

    /// A list of texts with where each one is written.
    func locatedStrings() throws -> (texts: [String], locations: [SourceLocation]) {
        let items = try sequence()
        let texts = try items.map { try $0.string() }
        guard !texts.isEmpty else { throw fail("expected at least one entry") }
        for (item, text) in zip(items, texts) where text.utf8.count > Self.maximumExampleLength {
            throw item.fail(
                "an entry of \(text.utf8.count) bytes is too long; keep each under \(Self.maximumExampleLength) bytes")
        }
        return (texts, items.map(\.location))
    }

    /// The next line after `first` that starts, at the same column, with the same key.
    private static func repeatedKey(_ key: String, after first: SourceLocation, in text: String) -> SourceLocation? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard first.line >= 1, first.line < lines.count else { return nil }
        let indent = String(repeating: " ", count: max(0, first.column - 1))
        for index in first.line..<lines.count {
            let line = lines[index]
            for form in [key, "\"\(key)\"", "'\(key)'"] {
                let start = indent + form
                guard line.hasPrefix(start) else { continue }
                let rest = line.dropFirst(start.count).drop { $0 == " " }
                if rest.hasPrefix(":") {
                    return SourceLocation(file: first.file, line: index + 1, column: first.column)
                }
            }
        }
        return nil
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
