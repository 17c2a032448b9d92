import Foundation
import Testing

/// The chat on a real pseudo-terminal: readline, history, Ctrl-C and Ctrl-D.
@Suite(.serialized) struct InteractiveChatTests {
    let state: URL

    init() throws {
        state = FileManager.default.temporaryDirectory.appendingPathComponent("alipay-help-state-\(UUID().uuidString)")
    }

    var historyFile: URL { state.appendingPathComponent("alipay-help/history") }

    func start(_ arguments: [String] = [], colour: Bool = false) throws -> PseudoTerminal {
        var environment = ["TERM": "xterm", "HOME": state.path, "XDG_STATE_HOME": state.path, "PATH": "/usr/bin:/bin"]
        if !colour { environment["NO_COLOR"] = "1" }
        let terminal = try PseudoTerminal(arguments: arguments + ["--kb", BinaryRunner.intents], environment: environment)
        #expect(terminal.read(until: "you ›"), "the prompt appears: \(terminal.transcript)")
        return terminal
    }

    @Test func answersWhatIsTyped() throws {
        let terminal = try start()
        #expect(terminal.transcript.contains("ask me about your Alipay account"), "a banner")
        let mark = terminal.transcript.endIndex
        terminal.type("how much can a red envelope hold?\r")
        #expect(terminal.read(until: "at most 200 yuan", since: mark), "\(terminal.transcript)")
        #expect(terminal.read(until: "you ›", since: mark))
    }

    @Test func ctrlCClearsTheLineAndKeepsRunning() throws {
        let terminal = try start()
        terminal.type("something half typed")
        #expect(terminal.read(until: "half typed"))
        terminal.type("\u{3}")
        #expect(terminal.read(until: "^C"))
        #expect(terminal.isRunning)
        let mark = terminal.transcript.endIndex
        terminal.type("huabei\r")
        #expect(terminal.read(until: "about 40 days", since: mark), "\(terminal.transcript)")
        #expect(!terminal.transcript[mark...].contains("half typed"), "the cleared text is gone")
    }

    @Test func ctrlDSaysGoodbyeAndExitsZero() throws {
        let terminal = try start()
        terminal.type("\u{4}")
        #expect(terminal.read(until: "Goodbye"))
        #expect(terminal.waitForExit() == 0)
    }

    @Test func historyIsWrittenAndReadBack() throws {
        do {
            let terminal = try start()
            terminal.type("delete my account\r")
            #expect(terminal.read(until: "95188"))
            terminal.type("\u{4}")
            #expect(terminal.waitForExit() == 0)
        }
        let saved = try String(contentsOf: historyFile, encoding: .utf8)
        #expect(saved.contains("delete my account"))
        let attributes = try FileManager.default.attributesOfItem(atPath: historyFile.path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600, "history is private")

        let again = try start()
        let mark = again.transcript.endIndex
        again.type("\u{1B}[A\r") // Up arrow recalls the last line; Enter sends it
        #expect(again.read(until: "95188", since: mark), "\(again.transcript)")
    }

    @Test func aNumberTypedInAFlowNeverReachesTheHistory() throws {
        let terminal = try start()
        for (line, marker) in [("walk me through changing my number", "Step 1 of 6"), ("yes", "Step 2 of 6"), ("done", "Step 3 of 6"),
                               ("1", "Step 4 of 6"), ("139 8765 4321", "139****4321"), ("yes", "Step 5 of 6"), ("cancel", "Guide cancelled"),
                               ("my number is 13987654321", "you ›")] {
            let mark = terminal.transcript.endIndex
            terminal.type(line + "\r")
            #expect(terminal.read(until: marker, since: mark), "\(line): \(terminal.transcript[mark...])")
        }
        terminal.type("\u{4}")
        #expect(terminal.waitForExit() == 0)
        let saved = try String(contentsOf: historyFile, encoding: .utf8)
        #expect(saved.contains("walk me through changing my number"), "questions outside the flow are kept")
        #expect(!saved.contains("8765"), "\(saved)")
        #expect(!saved.contains("4321"))
        #expect(!saved.contains("cancel"), "nothing typed inside the flow is kept")
    }

    @Test func noHistoryWritesNothing() throws {
        let terminal = try start(["chat", "--no-history"])
        terminal.type("huabei\r")
        #expect(terminal.read(until: "about 40 days"))
        terminal.type("\u{4}")
        #expect(terminal.waitForExit() == 0)
        #expect(!FileManager.default.fileExists(atPath: historyFile.path))
    }

    @Test func tabCompletesCommands() throws {
        let terminal = try start()
        let mark = terminal.transcript.endIndex
        terminal.type("/top\t\r")
        #expect(terminal.read(until: "foreigner_verification", since: mark), "\(terminal.transcript)")
    }

    @Test func aResizedWindowRewrapsReplies() throws {
        let terminal = try start()
        /// The widest line on screen since `mark`, in columns, escape sequences left out.
        func longestLine(since mark: String.Index) -> Int {
            var visible = ""
            var inEscape = false
            for character in terminal.transcript[mark...] {
                if character == "\u{1B}" { inEscape = true; continue }
                if inEscape { if character.isLetter { inEscape = false }; continue }
                visible.append(character)
            }
            return visible.split(whereSeparator: { $0 == "\r" || $0 == "\n" || $0 == "\r\n" }).map(\.count).max() ?? 0
        }
        var mark = terminal.transcript.endIndex
        terminal.type("delete my account\r")
        #expect(terminal.read(until: "95188", since: mark))
        #expect(terminal.read(until: "you ›", since: mark))
        #expect(longestLine(since: mark) > 60)

        terminal.resize(columns: 40)
        terminal.read(until: "never printed", timeout: 0.3) // a person does not type within a millisecond
        mark = terminal.transcript.endIndex
        terminal.type("delete my account\r")
        #expect(terminal.read(until: "95188", since: mark))
        #expect(terminal.read(until: "you ›", since: mark))
        #expect(longestLine(since: mark) <= 40, "\(terminal.transcript[mark...])")
    }

    @Test func colourOnlyWhenAllowed() throws {
        let coloured = try start(colour: true)
        coloured.type("huabei\r")
        #expect(coloured.read(until: "40 days"))
        #expect(coloured.transcript.contains("\u{1B}[1m"), "bold headings on a terminal")

        let plain = try start()
        plain.type("huabei\r")
        #expect(plain.read(until: "40 days"))
        #expect(!plain.transcript.contains("\u{1B}[1m"), "NO_COLOR turns colour off")
    }
}
