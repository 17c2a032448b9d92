import AlipayHelpKit

/// Renders reply blocks for a terminal: wrapped to its width, steps numbered with a hanging
/// indent, and light colour (bold headings, dim notes) only when colour is wanted.
struct TerminalRenderer {
    var width: Int
    var colour: Bool

    var style: TerminalStyle { TerminalStyle(colour: colour) }

    func render(_ blocks: [ReplyBlock]) -> String {
        var parts: [String] = []
        for block in blocks {
            switch block {
            case let .heading(text):
                parts.append(TextWrapping.wrap(text, width: width).map(style.bold).joined(separator: "\n"))
            case let .paragraph(text):
                parts.append(TextWrapping.wrap(text, width: width).joined(separator: "\n"))
            case let .steps(items), let .choices(items):
                let numberWidth = String(items.count).count
                parts.append(
                    items.enumerated().map { index, item in
                        let number = String(index + 1)
                        let label = String(repeating: " ", count: numberWidth - number.count) + number + ". "
                        let lines = TextWrapping.wrap(
                            item, width: width, firstPrefix: "  " + label,
                            restPrefix: String(repeating: " ", count: label.count + 2))
                        return
                            ([
                                style.accent(lines[0].prefix(label.count + 2).description)
                                    + lines[0].dropFirst(label.count + 2)
                            ] + lines.dropFirst()).joined(separator: "\n")
                    }.joined(separator: "\n"))
            case let .notes(items):
                parts.append(
                    items.map { item in
                        TextWrapping.wrap(item, width: width, firstPrefix: "  • ", restPrefix: "    ").map(style.dim)
                            .joined(separator: "\n")
                    }.joined(separator: "\n"))
            }
        }
        return parts.joined(separator: "\n\n")
    }
}
