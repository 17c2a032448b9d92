import ArgumentParser
import Testing

@testable import alipay_help

/// Argument handling in-process, as swift-argument-parser tests its examples: which command a
/// command line reaches, with what, and the errors it gives.
@Suite struct CommandLineTests {
    @Test func aTerminalWithNoQuestionGetsTheChat() {
        #expect(EntryPoint.commandLine([], stdinIsTerminal: true) == ["chat"])
        #expect(EntryPoint.commandLine(["--kb", "intents"], stdinIsTerminal: true) == ["chat", "--kb", "intents"])
        #expect(
            EntryPoint.commandLine(["--lang", "zh", "--no-history"], stdinIsTerminal: true) == [
                "chat", "--lang", "zh", "--no-history",
            ])
        #expect(EntryPoint.commandLine(["--kb=intents"], stdinIsTerminal: true) == ["chat", "--kb=intents"])
    }

    @Test func aQuestionACommandOrHelpIsLeftAlone() {
        for arguments in [
            ["--kb", "intents", "how", "do", "I", "pay"], ["test"], ["help"], ["--help"], ["-h"], ["--version"],
            ["check", "--kb", "x"], ["--lang", "zh", "what", "is", "huabei"], ["--no-such-option"],
        ] {
            #expect(EntryPoint.commandLine(arguments, stdinIsTerminal: true) == arguments)
        }
    }

    @Test func aPipeGetsAskWhateverItHolds() {
        #expect(EntryPoint.commandLine([], stdinIsTerminal: false) == [])
        #expect(EntryPoint.commandLine(["--kb", "intents"], stdinIsTerminal: false) == ["--kb", "intents"])
    }

    @Test func aQuestionOnTheCommandLineIsAsked() throws {
        let command = try AlipayHelp.parseAsRoot(["how", "do", "I", "pay", "--lang", "zh", "--json"])
        let ask = try #require(command as? AlipayHelp.Ask)
        #expect(ask.question == ["how", "do", "I", "pay"])
        #expect(ask.language.language == .zh)
        #expect(ask.json)
    }

    @Test func testTakesItsBarsAsAGroup() throws {
        let command = try AlipayHelp.parseAsRoot([
            "test", "--min-accuracy", "0.9", "--max-false-rejections", "0.05", "suite.yaml",
        ])
        let test = try #require(command as? AlipayHelp.Test)
        #expect(
            test.bars.minAccuracy == 0.9 && test.bars.maxFalseRejections == 0.05 && test.bars.minFacetAccuracy == nil)
        #expect(test.files == ["suite.yaml"])
    }

    @Test(arguments: [
        (["test", "--min-accuracy", "95"], "--min-accuracy takes a share between 0 and 1, e.g. 0.95"),
        (["test", "--cross-validate", "1"], "--cross-validate needs at least 2 folds"),
        (["ask", "--jobs", "0", "hello"], "--jobs must be between 1 and 256"),
        (["ask", " \u{3000}"], "the question is empty; type a question, or pipe questions in one per line"),
    ])
    func wrongValuesAreRefusedInPlainWords(arguments: [String], message: String) {
        do {
            _ = try AlipayHelp.parseAsRoot(arguments)
            Issue.record("\(arguments) must be refused")
        } catch {
            #expect(AlipayHelp.message(for: error) == message)
            #expect(AlipayHelp.exitCode(for: error) == .validationFailure)
        }
    }

    /// A command line read without ArgumentParser must be one the parser reads as `ask`, with
    /// the same words and every option at its default; every other line goes to the parser.
    @Test func aQuestionAloneIsReadAsTheParserReadsIt() throws {
        let alone: [[String]] = [
            ["ask", "how", "do", "I", "change", "my", "phone", "number"], ["how do I pay"], ["ask", "花呗怎么还款"],
            ["limits"], ["what", "is", "huabei?"], ["ask", "ask"], ["ask", "a=b", "c"],
        ]
        for arguments in alone {
            let words = try #require(EntryPoint.questionAlone(in: arguments), "\(arguments)")
            let ask = try #require(try AlipayHelp.parseAsRoot(arguments) as? AlipayHelp.Ask, "\(arguments)")
            #expect(ask.question == words && !ask.json && ask.jobs == nil, "\(arguments)")
            #expect(ask.knowledgeBase.kb == nil && ask.language.language == nil, "\(arguments)")
        }
        let parsed: [[String]] = [
            [], ["ask"], ["ask", " "], ["ask", "--json", "hi"], ["hi", "--json"], ["hi", "--kb", "x"], ["--version"],
            ["help"], ["ask", "help"], ["chat"], ["test"], ["check"], ["explain", "hi"], ["kb", "export", "x"],
            ["ask", "-5", "yuan"], ["ask", "--", "hi"], ["hi", "-h"],
        ]
        for arguments in parsed {
            #expect(EntryPoint.questionAlone(in: arguments) == nil, "\(arguments)")
        }
    }
}
