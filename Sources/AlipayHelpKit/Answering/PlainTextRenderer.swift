/// Renders reply blocks as plain text: unstyled and unwrapped (whoever shows it decides that).
public enum PlainTextRenderer {
    public static func render(_ blocks: [ReplyBlock]) -> String {
        var parts: [String] = []
        for block in blocks {
            switch block {
            case let .heading(text), let .paragraph(text):
                parts.append(text)
            case let .steps(items), let .choices(items):
                parts.append(items.enumerated().map { "\($0.offset + 1). \($0.element)" }.joined(separator: "\n"))
            case let .notes(items):
                parts.append(items.map { "- \($0)" }.joined(separator: "\n"))
            }
        }
        return parts.joined(separator: "\n\n")
    }
}
