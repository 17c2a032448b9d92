import AlipayHelpKit
import ArgumentParser

/// Answers questions about your Alipay account from a knowledge base kept in plain files.
@main
struct AlipayHelp: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "alipay-help",
        abstract: "Answers questions about your Alipay account.",
        discussion: """
        Topics: changing the linked phone number, deleting an account, transaction limits, \
        Huabei, and verifying an account as a foreigner.
        """,
        subcommands: [Ask.self, Test.self, Explain.self],
        defaultSubcommand: Ask.self
    )
}
