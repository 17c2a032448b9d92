import AlipayHelpKit
import ArgumentParser

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
            if !question.isEmpty && question.joined(separator: " ").trimmingWhitespace().isEmpty {
                throw ValidationError("the question is empty; type a question, or pipe questions in one per line")
            }
        }

        func run() throws {
            let responder = try knowledgeBase.responder()
            let output = StandardOutput()
            let format = ReplyPrinter(output: output, json: json)
            if !question.isEmpty {
                format.print(responder.reply(to: question.joined(separator: " "), language: language.language), showQuestion: false)
                output.flush()
                return
            }
            var reader = LineReader(maximumLength: Self.maximumLineLength)
            reader.beforeRead = { output.flush() }
            while let line = reader.next() {
                if isBlank(line.bytes) { continue }
                if line.truncated { LineReader.reportTruncation(line) }
                let match = line.bytes.withUnsafeBufferPointer { responder.matcher.match(bytes: $0) }
                let text = String(decoding: line.bytes, as: UTF8.self)
                format.print(responder.reply(to: text, match: match, language: language.language), showQuestion: true)
            }
            output.flush()
        }

        private func isBlank(_ bytes: [UInt8]) -> Bool {
            bytes.allSatisfy { $0 == 32 || $0 == 9 || $0 == 11 || $0 == 12 || $0 == 13 }
        }
    }
}

/// Prints replies to standard output, as plain text or JSON Lines.
struct ReplyPrinter {
    let output: StandardOutput
    let json: Bool

    func print(_ reply: Reply, showQuestion: Bool) {
        if json {
            output.write(JSONLineEncoder.encode(reply))
            output.write(byte: 10)
            return
        }
        if showQuestion { output.write("> " + reply.question + "\n") }
        output.write(reply.text)
        output.write(showQuestion ? "\n\n" : "\n")
    }
}
