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

    static let commandNames = Set(AlipayHelp.configuration.subcommands.map { $0._commandName } + ["help"])

    /// With no command and no question, a terminal gets the chat and a pipe gets `ask`.
    static func commandLine(_ arguments: [String], stdinIsTerminal: Bool) -> [String] {
        guard stdinIsTerminal else { return arguments }
        let commands = commandNames
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if commands.contains(argument) || argument == "-h" || argument == "--help" || argument == "--version" {
                return arguments
            }
            if chatOptionsTakingAValue.contains(argument) { index += 2; continue }
            if !argument.hasPrefix("-") { return arguments }  // a question: answer it
            index += 1
        }
        return ["chat"] + arguments
    }

    /// The chat's options that take a value (`--kb FOLDER`): the word after one is its value,
    /// not a question. Read from the chat's definition, once, and only on a terminal.
    static let chatOptionsTakingAValue = optionsTakingAValue(in: AlipayHelp.Chat.self)

    /// A command's options that take a value, every name of each, as ArgumentParser describes
    /// the command (the JSON behind `--experimental-dump-help`).
    static func optionsTakingAValue(in command: ParsableCommand.Type) -> Set<String> {
        struct Description: Decodable {
            struct Command: Decodable { var arguments: [Argument]? }
            struct Argument: Decodable { var kind: String; var names: [Name]? }
            struct Name: Decodable { var kind: String; var name: String }
            var command: Command
        }
        guard let description = try? JSONDecoder().decode(Description.self, from: Data(command._dumpHelp().utf8)) else {
            return []
        }
        let options = (description.command.arguments ?? []).filter { $0.kind == "option" }
        return Set(options.flatMap { $0.names ?? [] }.map { ($0.kind == "long" ? "--" : "-") + $0.name })
    }
}
