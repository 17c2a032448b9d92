import AlipayHelpKit
import AlipayHelpKnowledgeBase
import ArgumentParser
import Foundation

/// Starts the program: reads the built-in matcher early, picks the chat or `ask` when no
/// command is named, and reports errors the way ArgumentParser would.
@main
enum EntryPoint {
    static func main() {
        // Most runs answer from the built-in knowledge base: its matcher is read meanwhile.
        if !CommandLine.arguments.contains(where: { $0 == "--kb" || $0.hasPrefix("--kb=") }),
            ProcessInfo.processInfo.environment["ALIPAY_HELP_KB"].map({ $0.isEmpty }) ?? true
        {
            _ = BuiltInKnowledgeBase.alipayHelp
        }
        StandardOutput.reserveClosedDescriptors()
        let arguments = commandLine(Array(CommandLine.arguments.dropFirst()), stdinIsTerminal: isatty(0) == 1)
        do {
            if let question = questionAlone(in: arguments) {
                try AlipayHelp.Ask.answer(question, json: false, jobs: nil, kb: nil, language: nil)
                return
            }
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

    /// The words of a command line that only asks a question ("ask how do I…", or the words
    /// alone): no option, no command, no `help`, not blank. ArgumentParser would read it as `ask`
    /// with every option at its default (a test holds them to that); reading it here skips the
    /// parser's reflection, a fifth of a start's work in a statically linked program.
    static func questionAlone(in arguments: [String]) -> [String]? {
        var words = arguments[...]
        if words.first == "ask" {
            words = words.dropFirst()
        } else if let first = words.first, commandNames.contains(first) {
            return nil
        }
        guard !words.isEmpty, words.allSatisfy({ !$0.hasPrefix("-") && $0 != "help" }),
            !LineReader.isBlank(words.joined(separator: " "))
        else { return nil }
        return Array(words)
    }

    static let commandNames = Set(
        AlipayHelp.configuration.subcommands.compactMap { $0.configuration.commandName } + ["help"])

    /// With no command and no question, a terminal gets the chat and a pipe gets `ask`: on a
    /// terminal, a command line that starts with an option and is nothing but the chat's options
    /// (`--kb FOLDER --no-history`) is the chat's, as its own parser reads them.
    static func commandLine(_ arguments: [String], stdinIsTerminal: Bool) -> [String] {
        guard stdinIsTerminal else { return arguments }
        if let first = arguments.first, !first.hasPrefix("-") || ["-h", "--help", "--version"].contains(first) {
            return arguments
        }
        return (try? AlipayHelp.Chat.parse(arguments)) != nil ? ["chat"] + arguments : arguments
    }
}
