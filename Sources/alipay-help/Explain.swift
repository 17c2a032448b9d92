import AlipayHelpKit
import ArgumentParser

extension AlipayHelp {
    /// Shows how a question was understood.
    struct Explain: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show how a question is understood: normalised text, terms, scores and the decision."
        )

        @OptionGroup var knowledgeBase: KnowledgeBaseOptions
        @OptionGroup var language: LanguageOption

        @Argument(help: "The question.")
        var question: [String]

        func run() throws {
            let responder = try knowledgeBase.responder()
            let text = question.joined(separator: " ")
            let output = StandardOutput()
            output.write(QuestionExplanation(matcher: responder.matcher, question: text).render())
            let reply = responder.reply(to: text, language: language.language)
            output.write("language:   \(reply.language.rawValue)\nreply:\n" + reply.text.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }.joined(separator: "\n") + "\n")
            output.flush()
        }
    }
}
