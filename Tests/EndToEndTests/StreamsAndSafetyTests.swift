import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// What reaches the terminal, what happens when output cannot be written or input cannot be
/// read, and the code warning, as a user of the binary sees them.
@Suite struct StreamsAndSafetyTests {
    static let hostile: [String] = [
        "x \u{1B}]2;PWNED\u{1B}\\", "red \u{1B}[31menvelope\u{1B}[0m", "\u{9B}31mhuabei", "limits \u{202E}evil",
        "a\rb", "\u{2066}x\u{2069}", "bell \u{7}", "nul \u{0} in line", "\u{1B}[2J\u{1B}[H cleared?",
    ]

    /// The bytes a terminal would obey: C0 (except \n, \t), DEL, C1 and bidi overrides.
    static func unsafe(in text: String) -> [Unicode.Scalar] {
        text.unicodeScalars.filter { scalar in
            switch scalar.value {
            case 0x0A, 0x09: return false
            case 0x00...0x1F, 0x7F, 0x80...0x9F, 0x202A...0x202E, 0x2066...0x2069: return true
            default: return false
            }
        }
    }

    @Test(arguments: hostile) func askShowsControlCharactersVisibly(line: String) throws {
        let piped = try BinaryRunner.run(["ask"], stdin: Data((line + "\n").utf8))
        #expect(piped.status == 0)
        #expect(Self.unsafe(in: piped.text).isEmpty, "\(piped.text.debugDescription)")
        #expect(piped.text.hasPrefix("> "), "the question is still shown")
        let argument = try BinaryRunner.run(["ask", line])
        #expect(Self.unsafe(in: argument.text).isEmpty, "\(argument.text.debugDescription)")
    }

    @Test func aUsageErrorShowsTheTypedValueVisibly() throws {
        let result = try BinaryRunner.run(["ask", "--lang", "\u{1B}]2;PWNED\u{7}", "huabei"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("'^[]2;PWNED^G'"), "\(result.stderr)")
        #expect(Self.unsafe(in: result.stderr).isEmpty)
    }

    @Test func theTitleEscapeIsShownAsCaretNotation() throws {
        let result = try BinaryRunner.run(["ask"], stdin: Data("x \u{1B}]2;PWNED\u{1B}\\\n".utf8))
        #expect(result.text.hasPrefix("> x ^[]2;PWNED^[\\\n"), "\(result.text.debugDescription)")
    }

    @Test func jsonStaysEscapedAndKeepsTheQuestion() throws {
        let line = "x \u{1B}]2;PWNED\u{7} \u{202E}"
        let result = try BinaryRunner.run(["ask", "--json"], stdin: Data((line + "\n").utf8))
        #expect(!result.stdout.contains(0x1B) && !result.stdout.contains(0x07))
        #expect(result.text.contains("\\u001b]2;PWNED\\u0007"), "\(result.text)")
        let object = try #require(try BinaryRunner.jsonObjects(result).first)
        #expect(object["question"] as? String == line)
    }

    @Test(arguments: hostile) func explainShowsControlCharactersVisibly(line: String) throws {
        let result = try BinaryRunner.run(["explain", line])
        #expect(result.status == 0)
        #expect(Self.unsafe(in: result.text).isEmpty, "\(result.text.debugDescription)")
    }

    @Test func theChatDoesNotReplayPastedEscapes() throws {
        let script = "/foo\u{1B}]2;PWNED\u{7}\n\u{1B}[200~/bar\u{1B}[31m\u{1B}[201~\nhuabei \u{9B}2J\n"
        let result = try BinaryRunner.run(["chat"], stdin: Data(script.utf8))
        #expect(result.status == 0)
        #expect(Self.unsafe(in: result.text).isEmpty, "\(result.text.debugDescription)")
        #expect(
            result.text.lowercased().contains("/foo^[]2;pwned^g"),
            "the unknown command is shown visibly: \(result.text)")
    }

    @Test func checkReportsControlCharactersInTheKnowledgeBase() throws {
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("alipay-help-kb-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: URL(fileURLWithPath: BinaryRunner.intents), to: copy)
        let file = copy.appendingPathComponent("huabei.yaml")
        var text = try String(contentsOf: file, encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let titleLine = try #require(lines.firstIndex { $0.hasPrefix("  en: ") })
        text = lines.enumerated().map {
            $0.offset == titleLine ? "  en: \"Huabei \\e]2;PWNED\\a\"" : String($0.element)
        }.joined(separator: "\n")
        try text.write(to: file, atomically: true, encoding: .utf8)
        let result = try BinaryRunner.run(["check", "--no-leave-one-out", "--kb", copy.path], kb: false)
        #expect(result.status == 1)
        #expect(result.text.contains("huabei.yaml:\(titleLine + 1):"), "\(result.text)")
        #expect(result.text.contains("U+001B (escape)"))
        #expect(Self.unsafe(in: result.text).isEmpty)
        let ask = try BinaryRunner.run(["ask", "huabei", "--kb", copy.path], kb: false)
        #expect(ask.status == 2 && ask.stdout.isEmpty && Self.unsafe(in: ask.stderr).isEmpty)
    }

    // MARK: The code guard, the same in ask, explain and the chat

    @Test func askWarnsAboutACodeAndNotAboutAQRCodePayment() throws {
        let code = try BinaryRunner.run(["ask", "my code is 123456"])
        #expect(code.text.contains("Never share a verification code"), "\(code.text)")
        #expect(!code.text.contains("123456"))
        let payment = try BinaryRunner.run(["ask", "I want to pay 30000 by QR code, is that ok?"])
        #expect(!payment.text.contains("Never share"), "\(payment.text)")
        let json = try BinaryRunner.run(["ask", "--json"], stdin: Data("sms code 123-456\n验证码是一二三四五六\n5000元\n".utf8))
        let answers = try BinaryRunner.jsonObjects(json).map { $0["answer"] as? String ?? "" }
        #expect(answers.count == 3)
        #expect(
            answers[0].contains("Never share") && answers[1].contains("验证码") && !answers[2].contains("验证码"),
            "\(answers)")
    }

    @Test func askExplainAndTheChatAgree() throws {
        for line in [
            "my code is 12 34 56", "otp: 12 34 56", "I want to pay 30000 by QR code, is that ok?",
            "can I send 50000 yuan",
        ] {
            let ask = try BinaryRunner.run(["ask", line]).text.contains("Never share")
            let explain = try BinaryRunner.run(["explain", line]).text.contains("Never share")
            let chat = try BinaryRunner.run(["chat"], stdin: Data((line + "\n").utf8)).text.contains("Never share")
            #expect(ask == explain && explain == chat, "\(line): ask \(ask), explain \(explain), chat \(chat)")
            #expect(ask == line.contains("12 34 56"), "\(line)")
        }
    }

    // MARK: Write and read errors

    /// Runs the binary with standard output on /dev/full.
    func runIntoFullDisk(_ arguments: [String], stdin: String = "") throws -> (status: Int32, stderr: String) {
        let process = Process()
        process.executableURL = BinaryRunner.executable
        process.arguments = arguments + ["--kb", BinaryRunner.intents]
        process.standardOutput = FileHandle(forWritingAtPath: "/dev/full")
        let input = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardError = errors
        try process.run()
        input.fileHandleForWriting.write(Data(stdin.utf8))
        try input.fileHandleForWriting.close()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, message)
    }

    @Test(arguments: [
        ["ask", "--json", "huabei"], ["ask", "--json"], ["test"], ["check", "--no-leave-one-out"],
        ["explain", "huabei"], ["chat"],
    ])
    func aFullDiskIsAnError(arguments: [String]) throws {
        let result = try runIntoFullDisk(arguments, stdin: "huabei\n")
        #expect(result.status == 1, "\(arguments): \(result.status)")
        #expect(result.stderr.contains("cannot write the output: no space left on device"), "\(result.stderr)")
    }

    @Test func aClosedStandardOutputIsAnError() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = [
            "-c", "\"$0\" ask huabei --kb \"$1\" >&-", BinaryRunner.executable.path, BinaryRunner.intents,
        ]
        let error = Pipe()
        process.standardError = error
        try process.run()
        let message = String(decoding: error.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 1)
        #expect(message.contains("standard output is closed"), "\(message)")
    }

    @Test func aDirectoryOnStandardInputIsReported() throws {
        for command in ["ask", "chat"] {
            let process = Process()
            process.executableURL = BinaryRunner.executable
            process.arguments = [command, "--kb", BinaryRunner.intents]
            process.standardInput = FileHandle(forReadingAtPath: NSTemporaryDirectory())
            let output = Pipe(), errors = Pipe()
            process.standardOutput = output
            process.standardError = errors
            try process.run()
            _ = output.fileHandleForReading.readDataToEndOfFile()
            let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationStatus == 1, "\(command)")
            #expect(message.contains("cannot read standard input: it is a directory"), "\(command): \(message)")
        }
    }

    @Test func aLineOfUnicodeSpacesIsBlank() throws {
        let result = try BinaryRunner.run(
            ["ask"], stdin: Data("\u{3000}\u{3000}\n\u{A0}\n\u{200B}\u{200B}\n \u{FEFF}\nhuabei\n".utf8))
        #expect(result.text.components(separatedBy: "> ").count == 2, "only huabei is answered: \(result.text)")
        let argument = try BinaryRunner.run(["ask", "\u{200B}\u{3000}"])
        #expect(argument.status == 64 && argument.stdout.isEmpty, "\(argument.status) \(argument.text)")
    }

    @Test(arguments: [SIGTERM, SIGINT]) func aSignalDuringABatchLeavesTheLastLineWhole(signalNumber: Int32) throws {
        let (process, input, output) = try BinaryRunner.startBatch(quietErrors: true)
        // Far more answers than a pipe holds: the program blocks writing in the middle of a
        // line, which is where the signal finds it.
        let questions = Data(String(repeating: "how do I delete my account?\n", count: 3000).utf8)
        let writer = Thread {
            input.fileHandleForWriting.write(questions)
            try? input.fileHandleForWriting.close()
        }
        writer.start()
        // Once answers flow (however slow the start on a busy machine), give them a moment to
        // fill the pipe, then signal.
        var ready = pollfd(fd: output.fileHandleForReading.fileDescriptor, events: Int16(POLLIN), revents: 0)
        #expect(poll(&ready, 1, 60_000) == 1, "answers start")
        Thread.sleep(forTimeInterval: 0.5)
        let pid = process.processIdentifier
        try #require(pid > 0)
        kill(pid, signalNumber)
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while process.isRunning { usleep(10_000) }
        #expect(data.count > 65_536, "the output filled the pipe")
        #expect(data.last == 10, "the output ends with a whole line")
        let lines = data.split(separator: 10)
        #expect(
            lines.allSatisfy { (try? JSONSerialization.jsonObject(with: Data($0))) != nil }, "every line is whole JSON")
        #expect(
            process.terminationReason == .uncaughtSignal && process.terminationStatus == signalNumber,
            "\(process.terminationReason.rawValue) \(process.terminationStatus), \(data.count) bytes")
    }
}
