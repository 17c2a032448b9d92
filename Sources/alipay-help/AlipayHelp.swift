import AlipayHelpKit
import AlipayHelpKnowledgeBase
import ArgumentParser

/// Answers questions about your Alipay account from a knowledge base kept in plain files.
struct AlipayHelp: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "alipay-help",
        abstract: "Answers questions about your Alipay account.",
        discussion: """
            It answers from a knowledge base of topics kept in YAML files: the one built into the \
            program, or another folder (--kb). Ask it "what can you do?" for its topics. With no \
            command: a chat on a terminal, or `ask` for every line of a pipe.
            """,
        version: "alipay-help \(programVersion) (knowledge base \(BuiltInKnowledgeBase.alipayHelpVersion))",
        subcommands: [Ask.self, Chat.self, Test.self, Check.self, Explain.self, KnowledgeBaseCommand.self],
        defaultSubcommand: Ask.self
    )

    /// The program's version; the knowledge base's is the hash of its files.
    static let programVersion = "1.0.0"
}
