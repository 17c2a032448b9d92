import Foundation
import Testing

/// The chat on a real pseudo-terminal: readline, history, Ctrl-C and Ctrl-D.
@Suite(.serialized) struct InteractiveChatTests {
    let state: URL

    init() throws {
        state = FileManager.default.temporaryDirectory.appendingPathComponent("alipay-help-state-\(UUID().uuidString)")
    }

    var historyFile: URL { state.appendingPathComponent("alipay-help/history") }

    func start(_ arguments: [String] = [], colour: Bool = false, locale: String? = nil) throws -> PseudoTerminal {
        var environment = ["TERM": "xterm", "HOME": state.path, "XDG_STATE_HOME": state.path, "PATH": "/usr/bin:/bin"]
        if let locale { environment["LC_ALL"] = locale }
        if !colour { environment["NO_COLOR"] = "1" }
        let terminal = try PseudoTerminal(
            arguments: arguments + ["--kb", BinaryRunner.intents], environment: environment)
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

    /// The same lines, piped and typed on a terminal, get the same replies: only the wrapping
    /// differs, so replies are compared without their white space (a terminal breaks a Chinese
    /// line between two characters, where the piped reply has no space at all).
    @Test func pipedAndTerminalChatsGiveTheSameReplies() throws {
        let lines = [
            "how do I delete my account?", "more", "2", "and if I still owe Huabei money?", "it doesn't work", "3",
            "and 300?", "转账限额是多少", "那一年呢？", "1",
        ]
        let piped = try BinaryRunner.run(["chat"], stdin: Data((lines.joined(separator: "\n") + "\n").utf8))
        let replies = piped.text.components(separatedBy: "\n\n").map(Self.collapsed).filter { !$0.isEmpty }
        // A UTF-8 locale, or readline cannot take the Chinese lines as typed.
        let terminal = try start(locale: "C.UTF-8")
        for line in lines {
            let mark = terminal.transcript.endIndex
            terminal.type(line + "\r")
            #expect(terminal.read(until: "you ›", since: mark), "\(terminal.transcript)")
        }
        let shown = Self.collapsed(terminal.transcript)
        #expect(replies.count > lines.count)
        for reply in replies { #expect(shown.contains(reply), "not on the terminal: \(reply)") }
    }

    static func collapsed(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined()
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
        again.type("\u{1B}[A\r")  // Up arrow recalls the last line; Enter sends it
        #expect(again.read(until: "95188", since: mark), "\(again.transcript)")
    }

    @Test func aNumberTypedInAFlowNeverReachesTheHistory() throws {
        let terminal = try start()
        for (line, marker) in [
            ("walk me through changing my number", "Step 1 of 6"), ("yes", "Step 2 of 6"), ("done", "Step 3 of 6"),
            ("1", "Step 4 of 6"), ("139 8765 4321", "139****4321"), ("yes", "Step 5 of 6"),
            ("cancel", "Guide cancelled"),
            ("my number is 13987654321", "you ›"),
        ] {
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
        terminal.read(until: "never printed", timeout: 0.3)  // a person does not type within a millisecond
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

/// The terminal after the chat is killed, hung up, quit with Ctrl-\, stopped with Ctrl-Z and
/// brought back with `fg`, or ended normally. A job-control shell (`sh` with `set -m`) runs
/// the chat as a job, the way a person's shell does, and prints `stty -a` once it is back.
@Suite(.serialized) struct TerminalRestoreTests {
    let state = FileManager.default.temporaryDirectory.appendingPathComponent("alipay-help-state-\(UUID().uuidString)")

    func start(_ script: String, environment extra: [String: String] = [:]) throws -> PseudoTerminal {
        var environment = [
            "TERM": "xterm", "HOME": state.path, "XDG_STATE_HOME": state.path, "PATH": "/usr/bin:/bin", "NO_COLOR": "1",
        ]
        environment.merge(extra) { $1 }
        let terminal = try PseudoTerminal(
            arguments: ["chat", "--kb", BinaryRunner.intents], environment: environment, shell: "set -m; " + script)
        #expect(terminal.read(until: "you ›"), "the prompt appears: \(terminal.transcript)")
        return terminal
    }

    static let afterExit = "\"$0\" \"$@\"; echo \"[exit $?]\"; stty -a; echo '[shell done]'"

    /// Echo and canonical mode as `stty -a` printed them after `marker`.
    func terminalModes(_ terminal: PseudoTerminal, after marker: String) -> (echo: Bool, canonical: Bool)? {
        guard terminal.read(until: "[shell done]"), let range = terminal.transcript.range(of: marker) else {
            return nil
        }
        let words = terminal.transcript[range.upperBound...].split(whereSeparator: {
            $0 == " " || $0 == "\r" || $0 == "\n" || $0 == ";"
        })
        guard words.contains("echo") || words.contains("-echo") else { return nil }
        return (words.contains("echo"), words.contains("icanon"))
    }

    @Test(arguments: [(SIGTERM, 143), (SIGHUP, 129)])
    func aKillRestoresTheTerminal(signalNumber: Int32, status: Int) throws {
        let terminal = try start(Self.afterExit)
        terminal.type("something half typed")
        #expect(terminal.read(until: "half typed"))
        let chat = try #require(terminal.child)
        kill(chat, signalNumber)
        #expect(terminal.read(until: "[exit \(status)]"), "\(terminal.transcript)")
        let restored = try #require(terminalModes(terminal, after: "[exit"), "\(terminal.transcript)")
        #expect(restored.echo && restored.canonical, "echo \(restored.echo), icanon \(restored.canonical)")
    }

    /// A crash (here a fatal signal from outside) still leaves a working terminal: the handler
    /// restores it before the runtime's own handler runs.
    @Test(arguments: [SIGSEGV, SIGABRT])
    func aCrashRestoresTheTerminal(signalNumber: Int32) throws {
        // The Swift runtime's crash report (interactive on a terminal, slow to symbolicate) is
        // not what is tested here.
        let terminal = try start(Self.afterExit, environment: ["SWIFT_BACKTRACE": "enable=no"])
        terminal.type("something half typed")
        #expect(terminal.read(until: "half typed"))
        let chat = try #require(terminal.child)
        kill(chat, signalNumber)
        #expect(terminal.read(until: "[exit "), "\(terminal.transcript.suffix(1500))")
        #expect(!terminal.transcript.contains("[exit 0]"), "a crash is no clean exit")
        let restored = try #require(terminalModes(terminal, after: "[exit"), "\(terminal.transcript)")
        #expect(restored.echo && restored.canonical, "echo \(restored.echo), icanon \(restored.canonical)")
    }

    @Test func ctrlBackslashEndsTheChatWithoutABacktrace() throws {
        let terminal = try start(Self.afterExit)
        terminal.type("\u{1C}")
        #expect(terminal.read(until: "[exit"), "\(terminal.transcript)")
        let restored = try #require(terminalModes(terminal, after: "[exit"), "\(terminal.transcript)")
        #expect(restored.echo && restored.canonical)
        for crashWord in ["Backtrace", "backtrace", "Crash", "Fatal", ".swift:", "Thread 0"] {
            #expect(!terminal.transcript.contains(crashWord), "\(crashWord): \(terminal.transcript)")
        }
    }

    @Test func aNormalEndRestoresTheTerminal() throws {
        let terminal = try start(Self.afterExit)
        terminal.type("huabei\r")
        #expect(terminal.read(until: "about 40 days"))
        terminal.type("\u{4}")
        #expect(terminal.read(until: "[exit 0]"), "\(terminal.transcript)")
        let restored = try #require(terminalModes(terminal, after: "[exit"))
        #expect(restored.echo && restored.canonical)
    }

    @Test func ctrlZGivesTheShellAWorkingTerminalAndFgComesBack() throws {
        let terminal = try start(
            "\"$0\" \"$@\"; echo \"[stopped $?]\"; stty -a; echo '[in the shell]'; fg; "
                + Self.afterExit.replacingOccurrences(of: "\"$0\" \"$@\"; ", with: ""))
        terminal.type("\u{1A}")
        #expect(terminal.read(until: "[in the shell]"), "\(terminal.transcript)")
        let stopped = try #require(terminal.transcript.range(of: "[stopped"))
        let words = terminal.transcript[stopped.upperBound...].split(whereSeparator: {
            $0 == " " || $0 == "\r" || $0 == "\n" || $0 == ";"
        })
        #expect(
            words.contains("echo") && words.contains("icanon"),
            "stopped, the shell gets echo and line mode: \(terminal.transcript)")

        // After fg: the prompt is back, and line editing works (arrows move, Ctrl-K cuts).
        let mark = try #require(terminal.transcript.range(of: "[in the shell]")).upperBound
        #expect(terminal.read(until: "you ›", since: mark), "the prompt is redrawn: \(terminal.transcript[mark...])")
        terminal.type("huabeiXX\u{1B}[D\u{1B}[D\u{B}\r")
        #expect(terminal.read(until: "about 40 days", since: mark), "\(terminal.transcript[mark...])")
        #expect(!terminal.transcript[mark...].contains("^[[D"), "arrows are not printed as escapes")
        let tab = terminal.transcript.endIndex
        terminal.type("/top\t\r")
        #expect(terminal.read(until: "foreigner_verification", since: tab), "Tab completes again")
        terminal.type("\u{4}")
        #expect(terminal.read(until: "[exit 0]"), "\(terminal.transcript)")
        let restored = try #require(terminalModes(terminal, after: "[exit"))
        #expect(restored.echo && restored.canonical)
    }
}

/// The history file shared by chats that run at the same time, and paths it cannot use.
@Suite(.serialized) struct ChatHistoryFileTests {
    let state = FileManager.default.temporaryDirectory.appendingPathComponent("alipay-help-state-\(UUID().uuidString)")
    var historyFile: URL { state.appendingPathComponent("alipay-help/history") }

    func start(stateHome: String? = nil) throws -> PseudoTerminal {
        let home = stateHome ?? state.path
        let environment = [
            "TERM": "xterm", "HOME": state.path, "XDG_STATE_HOME": home, "PATH": "/usr/bin:/bin", "NO_COLOR": "1",
        ]
        // The built-in knowledge base: two chats starting at once do not each train a matcher.
        let terminal = try PseudoTerminal(arguments: ["chat"], environment: environment)
        #expect(terminal.read(until: "you ›", timeout: 20), "the prompt appears: \(terminal.transcript)")
        return terminal
    }

    @Test func twoChatsAtOnceKeepEveryLine() throws {
        let first = try start(), second = try start()
        for index in 1...12 {
            for (terminal, name) in [(first, "first"), (second, "second")] {
                let mark = terminal.transcript.endIndex
                terminal.type("huabei question from the \(name) chat number \(index)\r")
                #expect(terminal.read(until: "you ›", since: mark))
            }
        }
        first.type("\u{4}")
        second.type("\u{4}")
        #expect(first.waitForExit() == 0 && second.waitForExit() == 0)
        let lines = try String(contentsOf: historyFile, encoding: .utf8).split(separator: "\n").map(String.init)
        for index in 1...12 {
            for name in ["first", "second"] {
                #expect(
                    lines.contains("huabei question from the \(name) chat number \(index)"),
                    "\(name) \(index): \(lines)")
            }
        }
    }

    @Test func theFileIsCappedAndKeepsTheNewestLines() throws {
        try FileManager.default.createDirectory(
            at: historyFile.deletingLastPathComponent(), withIntermediateDirectories: true)
        try (1...1_200).map { "old question \($0)" }.joined(separator: "\n").appending("\n").write(
            to: historyFile, atomically: true, encoding: .utf8)
        let terminal = try start()
        terminal.type("the newest question about huabei\r")
        #expect(terminal.read(until: "40 days"))
        terminal.type("\u{4}")
        #expect(terminal.waitForExit() == 0)
        let lines = try String(contentsOf: historyFile, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 1_000)
        #expect(lines.last == "the newest question about huabei")
    }

    @Test func aFIFOAtTheHistoryPathIsRefusedNotWaitedOn() throws {
        try FileManager.default.createDirectory(
            at: historyFile.deletingLastPathComponent(), withIntermediateDirectories: true)
        #expect(mkfifo(historyFile.path, 0o600) == 0)
        let terminal = try start()
        #expect(
            terminal.transcript.contains("is not a regular file (a FIFO); the chat goes on without history"),
            "\(terminal.transcript)")
        terminal.type("huabei\r")
        #expect(terminal.read(until: "about 40 days"))
        terminal.type("\u{4}")
        #expect(terminal.waitForExit() == 0)
        #expect(terminal.transcript.components(separatedBy: "warning").count == 2, "one warning")
    }

    @Test func anUnusableStateFolderIsExplainedInPlainWords() throws {
        try FileManager.default.createDirectory(at: state, withIntermediateDirectories: true)
        let file = state.appendingPathComponent("a-file")
        try "not a folder".write(to: file, atomically: true, encoding: .utf8)
        let terminal = try start(stateHome: file.path)
        let mark = terminal.transcript.endIndex
        terminal.type("huabei\r")
        #expect(terminal.read(until: "about 40 days", since: mark))
        #expect(
            terminal.transcript.contains(
                "\(file.path)/alipay-help/history: part of the path is a file, not a folder; the chat goes on without history"
            ),
            "\(terminal.transcript)")
        #expect(!terminal.transcript.contains("NSCocoaErrorDomain") && !terminal.transcript.contains("error 512"))
        terminal.type("\u{4}")
        #expect(terminal.waitForExit() == 0)
    }
}
