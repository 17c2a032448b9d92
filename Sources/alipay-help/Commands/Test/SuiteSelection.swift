import AlipayHelpKit
import ArgumentParser
import Foundation

/// The suites `alipay-help test` runs: the files named on the command line, or every suite in
/// the knowledge base's tests folder; only the questions in one language, when one is asked for.
struct SuiteSelection {
    var files: [String]
    var language: Language?

    /// The labelled suites and the scripted conversations, or the error and exit status 2.
    func load(from knowledgeBase: KnowledgeBaseFolder) throws -> (
        labelled: [LabelledSuite], scripted: [ConversationSuite]
    ) {
        var (labelled, scripted) = try read(knowledgeBase)
        if let only = language {
            labelled = labelled.map { suite in
                var suite = suite
                suite.cases = suite.cases.filter { (Language.detect($0.question) ?? .en) == only }
                return suite
            }
        }
        return (labelled, scripted)
    }

    private func read(_ knowledgeBase: KnowledgeBaseFolder) throws -> ([LabelledSuite], [ConversationSuite]) {
        do {
            if files.isEmpty {
                return (try LabelledSuite.loadAll(in: knowledgeBase), try ConversationSuite.loadAll(in: knowledgeBase))
            }
            let isConversation = KnowledgeBaseFiles.isConversationSuite
            return (
                try files.filter { !isConversation($0) }.map { try LabelledSuite.load(path: $0) },
                try files.filter(isConversation).map { try ConversationSuite.load(path: $0) }
            )
        } catch {
            StandardError.print(KnowledgeBaseErrorText.line(for: error, otherwise: "\(error)"))
            throw ExitCode(2)
        }
    }
}
