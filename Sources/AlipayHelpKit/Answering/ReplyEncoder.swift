/// Turns an answer into the bytes a front end prints for it: plain text for a person reading a
/// pipe, or a line of JSON (`JSONLineEncoder`) for a program. Both are encodings of the same
/// reply; neither changes what it says. Plain text shows control characters visibly, so a
/// question's escape codes never drive a terminal; JSON escapes them.
public struct ReplyEncoder: Sendable {
    public enum Format: Sendable {
        case plainText
        case jsonLines
    }

    public var format: Format
    /// Plain text only: each answer after its question (`> question`), as a batch prints it.
    public var showsQuestion: Bool

    public init(format: Format, showsQuestion: Bool) {
        self.format = format
        self.showsQuestion = showsQuestion
    }

    public func bytes(for reply: Reply) -> [UInt8] {
        switch format {
        case .jsonLines:
            var line: [UInt8] = []
            line.reserveCapacity(1024)
            JSONLineEncoder.append(reply, to: &line)
            line.append(10)
            return line
        case .plainText:
            var text = showsQuestion ? "> " + ControlCharacters.visible(reply.question) + "\n" : ""
            // A line that asks several questions: each answer in turn.
            text += ControlCharacters.visible(([reply] + reply.also).map(\.text).joined(separator: "\n\n"))
            text += showsQuestion ? "\n\n" : "\n"
            return Array(text.utf8)
        }
    }
}
