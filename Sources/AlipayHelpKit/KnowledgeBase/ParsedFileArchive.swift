import Foundation

/// The parsed YAML of the files answering reads besides the topics (messages, small talk, out of
/// scope, entities, flows...), stored beside the topics (TopicArchive) so a start with a stored
/// matcher reads them back instead of parsing YAML: parsing is a third of a start's work (measured).
/// Each file is keyed by its path inside the knowledge-base folder; node positions are kept, so
/// errors and `check` still name the file, line and column.
enum ParsedFileArchive {
    /// Deeper trees than any knowledge-base file are refused as damaged (the reader recurses).
    static let maximumDepth = 64

    static func archive(_ files: [String: YAMLNode], into out: inout MatcherArchive.Writer) {
        out.int(files.count)
        for (name, root) in files.sorted(by: { $0.key < $1.key }) {
            out.string(name)
            write(root, &out)
        }
    }

    static func files(from reader: inout MatcherArchive.Reader, directory: KnowledgeBaseFolder) throws -> [String:
        YAMLNode]
    {
        var files: [String: YAMLNode] = [:]
        for _ in 0..<(try reader.count()) {
            let name = try reader.string()
            files[name] = try read(&reader, file: directory.location(of: name), depth: 0)
        }
        return files
    }

    private static func write(_ node: YAMLNode, _ out: inout MatcherArchive.Writer) {
        out.u32(UInt32(clamping: node.line))
        out.u32(UInt32(clamping: node.column))
        switch node.content {
        case let .scalar(text):
            out.u32(0)
            out.string(text)
        case let .mapping(pairs):
            out.u32(1)
            out.int(pairs.count)
            for pair in pairs {
                write(pair.key, &out)
                write(pair.value, &out)
            }
        case let .sequence(items):
            out.u32(2)
            out.int(items.count)
            for item in items { write(item, &out) }
        }
    }

    private static func read(_ reader: inout MatcherArchive.Reader, file: String, depth: Int) throws -> YAMLNode {
        guard depth < maximumDepth else { throw MatcherArchive.Damaged() }
        let line = Int(try reader.u32()), column = Int(try reader.u32())
        let content: YAMLNode.Content
        switch try reader.u32() {
        case 0: content = .scalar(try reader.string())
        case 1:
            content = .mapping(
                try (0..<(try reader.count())).map { _ in
                    (try read(&reader, file: file, depth: depth + 1), try read(&reader, file: file, depth: depth + 1))
                })
        case 2:
            content = .sequence(
                try (0..<(try reader.count())).map { _ in try read(&reader, file: file, depth: depth + 1) })
        default: throw MatcherArchive.Damaged()
        }
        return YAMLNode(content, file: file, line: line, column: column)
    }
}
