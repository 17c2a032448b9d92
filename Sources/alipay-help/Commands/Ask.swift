import AlipayHelpKit
import ArgumentParser
import CStopSignals
import Foundation

extension AlipayHelp {
    /// Answers one question, or every line of standard input.
    struct Ask: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "ask",
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

        /// How many threads answer a batch from standard input; answers still come out in
        /// input order. 1 answers on one thread.
        @Option(help: ArgumentHelp("Threads answering a batch (default: the number of cores).", valueName: "n"))
        var jobs: Int?

        func validate() throws {
            if !question.isEmpty && LineReader.isBlank(question.joined(separator: " ")) {
                throw ValidationError("the question is empty; type a question, or pipe questions in one per line")
            }
            if let jobs, !(1...Self.maximumJobs).contains(jobs) {
                throw ValidationError("--jobs must be between 1 and \(Self.maximumJobs)")
            }
        }

        static let maximumJobs = 256

        func run() throws {
            try Self.answer(question, json: json, jobs: jobs, kb: knowledgeBase.kb, language: language.language)
        }

        /// What `run` does, with the options as values: a command line that only asks a
        /// question (`EntryPoint.questionAlone`) comes here without ArgumentParser.
        static func answer(_ question: [String], json: Bool, jobs: Int?, kb: String?, language: Language?) throws {
            let assistant = try KnowledgeBaseOptions.assistant(kb: kb)
            let output = StandardOutput()
            if !question.isEmpty {
                let reply = assistant.answer(question.joined(separator: " "), language: language)
                output.write(
                    ReplyEncoder(format: json ? .jsonLines : .plainText, showsQuestion: false).bytes(for: reply))
                output.flush()
                return
            }
            let encoder = ReplyEncoder(format: json ? .jsonLines : .plainText, showsQuestion: true)
            let answers = ParallelAnswers(jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount) { line in
                encoder.bytes(
                    for: line.bytes.withUnsafeBufferPointer { assistant.answer(line: $0, language: language) })
            }
            var pending: [LineReader.Line] = []
            func answerPending() {
                for bytes in answers.outputs(for: pending) { output.write(bytes) }
                pending.removeAll(keepingCapacity: true)
            }
            // SIGINT or SIGTERM in a batch: finish the replies being written, then stop.
            stop_signals_install()
            var reader = LineReader(maximumLength: Self.maximumLineLength)
            // Before waiting for more input, answer what has come: a trickle is answered line by
            // line, a file or a fast pipe a group at a time.
            reader.beforeRead = {
                if !pending.isEmpty && (pending.count >= answers.groupLimit || !LineReader.inputIsReady()) {
                    answerPending()
                }
                output.flush()
            }
            reader.interrupted = { stop_signal_received() != 0 }
            while stop_signal_received() == 0, let line = reader.next() {
                if LineReader.isBlank(line.bytes) { continue }
                if line.truncated { LineReader.reportTruncation(line) }
                pending.append(line)
                if pending.count >= answers.groupLimit { answerPending() }
            }
            if stop_signal_received() == 0 { answerPending() }
            output.flush()
            LineReader.stop(ifSignalled: stop_signal_received())
            try reader.reportReadError()
        }
    }
}
