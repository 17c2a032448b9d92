import AlipayHelpKit
import ArgumentParser
import CReadline

extension AlipayHelp {
    /// Answers one question, or every line of standard input.
    struct Ask: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Answer a question, or one question per line of standard input.",
            discussion: """
            With no question on the command line, reads standard input and answers each line \
            in order as it arrives (blank lines are skipped).
            """
        )

        @OptionGroup var knowledgeBase: KnowledgeBaseOptions
        @OptionGroup var language: LanguageOption

        /// Print one JSON object per question instead of plain text.
        @Flag(help: "Print JSON Lines: question, intent, kind, confidence, facet, candidates, answer.")
        var json = false

        @Argument(help: "The question (quote it, or give it as several words).")
        var question: [String] = []

        /// Lines longer than this are answered from their first bytes only.
        static let maximumLineLength = 4096

        func validate() throws {
            if !question.isEmpty && LineReader.isBlank(question.joined(separator: " ")) {
                throw ValidationError("the question is empty; type a question, or pipe questions in one per line")
            }
        }

        func run() throws {
            let responder = try knowledgeBase.responder()
            let output = StandardOutput()
            let format = ReplyPrinter(output: output, json: json, messages: responder.messages)
            if !question.isEmpty {
                let text = question.joined(separator: " ")
                format.print(responder.replyToEach(text, match: responder.matcher.match(text), language: language.language), showQuestion: false)
                output.flush()
                return
            }
            // SIGINT or SIGTERM in a batch: finish the reply being written, then stop.
            cr_install_stop_signals()
            var reader = LineReader(maximumLength: Self.maximumLineLength)
            reader.beforeRead = { output.flush() }
            reader.interrupted = { cr_stop_signal() != 0 }
            while cr_stop_signal() == 0, let line = reader.next() {
                if LineReader.isBlank(line.bytes) { continue }
                if line.truncated { LineReader.reportTruncation(line) }
                let match = line.bytes.withUnsafeBufferPointer { responder.matcher.match(bytes: $0) }
                let text = String(decoding: line.bytes, as: UTF8.self)
                format.print(responder.replyToEach(text, match: match, language: language.language), showQuestion: true)
            }
            output.flush()
            LineReader.stop(ifSignalled: cr_stop_signal())
            try reader.reportReadError()
        }
    }
}

/// Prints replies to standard output, as plain text or JSON Lines. A line holding a
/// verification code gets the warning alone (the same guard as the chat and `explain`). Plain
/// text shows control characters visibly; JSON escapes them.
struct ReplyPrinter {
    let output: StandardOutput
    let json: Bool
    let messages: Messages

    func print(_ reply: Reply, showQuestion: Bool) {
        let reply = SecretGuard.warningReply(replacing: reply, messages: messages) ?? reply
        if json {
            output.write(JSONLineEncoder.encode(reply))
            output.write(byte: 10)
            return
        }
        if showQuestion { output.write("> " + ControlCharacters.visible(reply.question) + "\n") }
        // A line that asks several questions: each answer in turn.
        output.write(ControlCharacters.visible(([reply] + reply.also).map(\.text).joined(separator: "\n\n")))
        output.write(showQuestion ? "\n\n" : "\n")
    }
}
