import AlipayHelpKit
import ArgumentParser
import Foundation

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
        version: "alipay-help \(programVersion) (knowledge base \(BuiltInKnowledgeBase.version))",
        subcommands: [Ask.self, Chat.self, Test.self, Check.self, Explain.self, KnowledgeBaseCommand.self],
        defaultSubcommand: Ask.self
    )

    /// The program's version; the knowledge base's is the hash of its files.
    static let programVersion = "1.0.0"
}

@main
enum EntryPoint {
    static func main() {
        // Most runs answer from the built-in knowledge base: its matcher is read meanwhile.
        if !CommandLine.arguments.contains(where: { $0 == "--kb" || $0.hasPrefix("--kb=") }),
           ProcessInfo.processInfo.environment["ALIPAY_HELP_KB"].map({ $0.isEmpty }) ?? true {
            BuiltInKnowledgeBase.startReadingMatcher()
        }
        StandardOutput.reserveClosedDescriptors()
        let arguments = commandLine(Array(CommandLine.arguments.dropFirst()), stdinIsTerminal: isatty(0) == 1)
        do {
            var command = try AlipayHelp.parseAsRoot(arguments)
            try command.run()
        } catch {
            // As ArgumentParser's own main does, except that a usage error quoting what was
            // typed shows its control characters visibly, and help is written like any output.
            let code = AlipayHelp.exitCode(for: error)
            let message = AlipayHelp.fullMessage(for: error)
            if !message.isEmpty {
                if code == .success {
                    let output = StandardOutput()
                    output.write(message + "\n")
                    output.flush()
                } else {
                    StandardError.printSafely(message)
                }
            }
            exit(code.rawValue)
        }
    }

    /// With no command and no question, a terminal gets the chat and a pipe gets `ask`.
    static func commandLine(_ arguments: [String], stdinIsTerminal: Bool) -> [String] {
        guard stdinIsTerminal else { return arguments }
        let commands = Set(AlipayHelp.configuration.subcommands.map { $0._commandName } + ["help"])
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if commands.contains(argument) || argument == "-h" || argument == "--help" || argument == "--version" { return arguments }
            if argument == "--kb" || argument == "--lang" { index += 2; continue }
            if !argument.hasPrefix("-") { return arguments } // a question: answer it
            index += 1
        }
        return ["chat"] + arguments
    }
}
