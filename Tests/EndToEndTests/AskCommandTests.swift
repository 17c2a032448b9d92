import Foundation
import Testing

@Suite struct AskCommandTests {
    @Test func answersOneQuestionFromTheCommandLine() throws {
        let result = try BinaryRunner.run(["ask", "how", "much", "can", "a", "red", "envelope", "hold?"])
        #expect(result.status == 0)
        #expect(result.text.contains("200 yuan"))
        #expect(!result.text.contains("\u{1B}["), "no colour codes in a pipe")
    }

    @Test func theDefaultCommandIsAsk() throws {
        let result = try BinaryRunner.run([], stdin: Data("delete my account\n".utf8))
        #expect(result.status == 0)
        #expect(result.text.contains("95188"))
    }

    @Test func severalQuestionsInALineGetAnAnswerEach() throws {
        let line = "change my phone number and also raise my transfer limit"
        let plain = try BinaryRunner.run(["ask", line])
        let phone = try #require(plain.text.range(of: "Change Phone Number"))
        let limit = try #require(plain.text.range(of: "Transaction limits: Raising a limit"))
        #expect(phone.lowerBound < limit.lowerBound)
        let result = try BinaryRunner.run(
            ["ask", "--json"], stdin: Data((line + "\nhow do I delete my account?\n").utf8))
        let objects = try BinaryRunner.jsonObjects(result)
        #expect(objects.count == 2)
        #expect(objects[0]["question"] as? String == line)
        #expect(objects[0]["intent"] as? String == "change_phone")
        let also = try #require(objects[0]["also"] as? [[String: Any]])
        #expect(also.map { $0["intent"] as? String } == ["limits"])
        #expect(also.first?["facet"] as? String == "raise_limit")
        #expect((objects[1]["also"] as? [Any])?.isEmpty == true)
    }

    @Test func jsonLinesFollowTheContract() throws {
        let input = "How do I change my phone number?\n\n   \nwhat's the weather\nhello\n"
        let result = try BinaryRunner.run(["ask", "--json"], stdin: Data(input.utf8))
        #expect(result.status == 0)
        let objects = try BinaryRunner.jsonObjects(result)
        #expect(objects.count == 3, "blank lines are skipped")
        #expect(objects[0]["question"] as? String == "How do I change my phone number?")
        #expect(objects[0]["intent"] as? String == "change_phone")
        #expect(objects[0]["facet"] is NSNull)
        #expect((objects[0]["candidates"] as? [Any])?.isEmpty == true)
        #expect((objects[0]["answer"] as? String)?.contains("Change Phone Number") == true)
        #expect(objects[1]["intent"] is NSNull)
        #expect(objects[1]["kind"] as? String == "out_of_scope")
        #expect(objects[2]["intent"] as? String == "greeting")
        for object in objects {
            let confidence = try #require(object["confidence"] as? Double)
            #expect(confidence >= 0 && confidence <= 1)
        }
    }

    @Test func answersInInputOrder() throws {
        let questions = (0..<300).map { ["huabei", "close my account", "limits", "hello"][$0 % 4] }
        let result = try BinaryRunner.run(
            ["ask", "--json"], stdin: Data((questions.joined(separator: "\n") + "\n").utf8))
        let intents = try BinaryRunner.jsonObjects(result).map { $0["intent"] as? String }
        let expected = questions.map {
            ["huabei": "huabei", "close my account": "delete_account", "limits": "limits", "hello": "greeting"][$0]
        }
        #expect(intents == expected)
    }

    @Test func severalThreadsAnswerInInputOrder() throws {
        // More lines than one group holds, with long and garbled lines among them, so threads
        // finish out of order; the output must not show it.
        let kinds = [
            "huabei", "close my account", "can I send 90,000 yuan today?", "hello", "wat is teh wether",
            String(repeating: "my phone number changed ", count: 40), "转账限额是多少", "\u{1B}]2;x\u{7}limits",
        ]
        let questions = (0..<2000).map { kinds[($0 * 7 + $0 / 3) % kinds.count] + " \($0)" }
        let input = Data((questions.joined(separator: "\n") + "\n").utf8)
        let one = try BinaryRunner.run(["ask", "--json", "--jobs", "1"], stdin: input)
        for jobs in ["3", "8"] {
            let several = try BinaryRunner.run(["ask", "--json", "--jobs", jobs], stdin: input)
            #expect(several.status == 0)
            #expect(several.stdout == one.stdout, "--jobs \(jobs) prints what --jobs 1 prints")
        }
        let asked = try BinaryRunner.jsonObjects(one).map { $0["question"] as? String }
        #expect(asked == questions.map { Optional($0) })
        let plain = try BinaryRunner.run(["ask", "--jobs", "1"], stdin: input)
        #expect(try BinaryRunner.run(["ask", "--jobs", "4"], stdin: input).stdout == plain.stdout)
    }

    @Test func refusesANumberOfJobsOutOfRange() throws {
        for jobs in ["0", "-2", "100000"] {
            let result = try BinaryRunner.run(["ask", "--jobs", jobs], stdin: Data("huabei\n".utf8))
            #expect(result.status == 64)
            #expect(
                result.stderr.contains("--jobs must be between 1 and 256") || result.stderr.contains("--jobs"),
                "\(result.stderr)")
        }
    }

    @Test(arguments: [["--jobs", "1"], ["--jobs", "4"]])
    func answersStreamWhileInputIsStillOpen(arguments: [String]) throws {
        let (process, input, output) = try BinaryRunner.startBatch(arguments: arguments)
        // Each answer arrives before the next question is written and before standard input is
        // closed (read on another thread, so a program that waited for more input, or for the
        // end of it, fails here instead of hanging).
        for (question, intent) in [("huabei", "huabei"), ("close my account", "delete_account")] {
            input.fileHandleForWriting.write(Data((question + "\n").utf8))
            let answer = BinaryRunner.Collected()
            let reader = Thread {
                answer.data = output.fileHandleForReading.availableData
                answer.done.signal()
            }
            reader.start()
            let arrived = answer.done.wait(timeout: .now() + 20) == .success
            #expect(arrived, "no answer while input was still open")
            if arrived { #expect(String(decoding: answer.data, as: UTF8.self).contains("\"intent\":\"\(intent)\"")) }
        }
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }

    @Test func plainBatchOutputShowsEachQuestion() throws {
        let result = try BinaryRunner.run(["ask"], stdin: Data("huabei\r\nclose my account".utf8))
        #expect(result.text.contains("> huabei\n"))
        #expect(
            result.text.contains("> close my account\n"), "a last line without a newline still counts; \\r is dropped")
    }

    @Test func badInputNeverStopsTheBatch() throws {
        var input = Data("first: change my number\n".utf8)
        input.append(contentsOf: [0xFF, 0xFE, 0xC3, 0x28, 0x0A])  // invalid UTF-8
        input.append(contentsOf: Array("nul\u{0}inside huabei\n".utf8))  // NUL byte
        input.append(Data(repeating: UInt8(ascii: "x"), count: 2 * 1024 * 1024))  // a 2 MB line
        input.append(0x0A)
        input.append(Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 131) }))  // binary garbage
        input.append(contentsOf: Array("\nlast: red envelope limit\n".utf8))
        let result = try BinaryRunner.run(["ask", "--json"], stdin: input)
        #expect(result.status == 0)
        let objects = try BinaryRunner.jsonObjects(result)
        #expect(objects.first?["intent"] as? String == "change_phone")
        #expect(objects.last?["intent"] as? String == "limits")
        #expect(
            objects.contains {
                ($0["question"] as? String)?.contains("inside huabei") == true && $0["intent"] as? String == "huabei"
            })
        #expect(
            result.stderr.contains("line 4: 2097152 bytes is too long for a question; keeping only the first 4096"),
            "a cut line is reported on stderr: \(result.stderr)")
        #expect(result.stdout.count < 200_000, "a huge line is not echoed back whole")
    }

    @Test func aLineTooLongForOneQuestionAsksForOneAtATime() throws {
        let pasted = String(repeating: "my phone was stolen and the old number is gone, what now? ", count: 20)
        let chinese = String(repeating: "我想注销账户但是花呗还没还清，", count: 30)
        let input = "close my account\n\(pasted)\n\(chinese)\nhow much can I transfer a day\n"
        let result = try BinaryRunner.run(["ask", "--json"], stdin: Data(input.utf8))
        #expect(result.status == 0)
        let objects = try BinaryRunner.jsonObjects(result)
        #expect(objects.map { $0["kind"] as? String } == ["topic", "too_long", "too_long", "topic"])
        #expect(objects[1]["question"] as? String == pasted, "the line is echoed as read")
        #expect((objects[1]["answer"] as? String)?.contains("one thing at a time") == true)
        #expect(objects[2]["lang"] as? String == "zh")
        #expect((objects[2]["answer"] as? String)?.contains("一次只问一件事") == true)
        #expect(objects[3]["intent"] as? String == "limits", "the batch goes on")
        #expect(result.stderr.isEmpty, "a long line is no error: \(result.stderr)")
    }

    @Test func endsQuietlyWhenThePipeCloses() throws {
        let script =
            "yes 'how do I change my number' | head -n 50000 | \"\(BinaryRunner.executable.path)\" ask --kb \"\(BinaryRunner.intents)\" | head -n 3; echo \"status ${PIPESTATUS[2]}\""
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", script]
        let output = Pipe(), error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let errors = String(decoding: error.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(text.hasSuffix("status 0\n"), "got: \(text)")
        #expect(errors.isEmpty, "nothing on stderr: \(errors)")
    }

    @Test func aBrokenKnowledgeBaseNamesFileAndLine() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kb-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try "id: limits\nexamples: [unclosed\n".write(
            to: folder.appendingPathComponent("limits.yaml"), atomically: true, encoding: .utf8)
        let result = try BinaryRunner.run(["ask", "hello", "--kb", folder.path], kb: false)
        #expect(result.status == 2)
        #expect(result.stderr.contains("limits.yaml:3:1: error: invalid YAML"), "got: \(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test func anEmptyQuestionIsAUsageError() throws {
        let result = try BinaryRunner.run(["ask", "  "])
        #expect(result.status == 64)
        #expect(result.stderr.contains("the question is empty"))
    }

    @Test func badUsageIsExplained() throws {
        let result = try BinaryRunner.run(["ask", "--no-such-flag"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("Unknown option"))
    }

    @Test func otherLanguagesAreAnsweredInEnglishWithANote() throws {
        let result = try BinaryRunner.run(
            ["ask", "--json"], stdin: Data("Как удалить аккаунт Alipay\nアリペイの送金限度額はいくら？\n".utf8))
        let objects = try BinaryRunner.jsonObjects(result)
        #expect(objects.map { $0["question_lang"] as? String } == ["ru", "ja"])
        #expect(objects.map { $0["lang"] as? String } == ["en", "en"])
        #expect(objects.map { $0["intent"] as? String } == ["delete_account", "limits"])
        #expect((objects[0]["answer"] as? String)?.hasPrefix("(Answers are available in English and Chinese") == true)
    }

    @Test func theStoredMatcherIsUsedAndADamagedOneIsReplaced() throws {
        let cache = FileManager.default.temporaryDirectory.appendingPathComponent("cache-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: cache) }
        let environment = ["XDG_CACHE_HOME": cache.path, "ALIPAY_HELP_NO_CACHE": ""]
        // Questions in several languages: a start with a stored matcher reads no language file,
        // so the stored matcher must still tell the languages apart.
        let questions = Data(
            "how do I change my phone number\n¿Cómo cambio mi número de teléfono?\n如何註銷帳戶\n電話番号を変えたい\n".utf8)
        let first = try BinaryRunner.run(["ask", "--json"], stdin: questions, environment: environment)
        let folder = cache.appendingPathComponent("alipay-help")
        let stored = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter {
            $0.hasPrefix("matcher-")
        }
        try #require(stored.count == 1)
        let file = folder.appendingPathComponent(stored[0])
        let again = try BinaryRunner.run(["ask", "--json"], stdin: questions, environment: environment)
        #expect(again.stdout == first.stdout)
        let untrained = try BinaryRunner.run(
            ["ask", "--json"], stdin: questions, environment: ["ALIPAY_HELP_NO_CACHE": "1"])
        #expect(again.stdout == untrained.stdout)
        #expect(
            again.text.contains("\"question_lang\":\"es\"") && again.text.contains("\"question_lang\":\"zh-Hant\"")
                && again.text.contains("\"question_lang\":\"ja\""))
        try Data("not a matcher".utf8).write(to: file)
        let repaired = try BinaryRunner.run(["ask", "--json"], stdin: questions, environment: environment)
        #expect(repaired.status == 0)
        #expect(repaired.stdout == first.stdout)
        #expect((try Data(contentsOf: file)).count > 1000, "the damaged file is replaced")
    }

    @Test func aBrokenLanguageFileIsReportedEvenWithAStoredMatcher() throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("stored-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let folder = scratch.appendingPathComponent("intents")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: BinaryRunner.intents, toPath: folder.path)
        let environment = ["XDG_CACHE_HOME": scratch.appendingPathComponent("cache").path, "ALIPAY_HELP_NO_CACHE": ""]
        #expect(
            try BinaryRunner.run(["ask", "hello", "--kb", folder.path], environment: environment, kb: false).status == 0
        )
        let file = folder.appendingPathComponent("languages/es.yaml")
        let text = try String(contentsOf: file, encoding: .utf8)
        try text.replacingOccurrences(of: "language: es", with: "language: [es").write(
            to: file, atomically: true, encoding: .utf8)
        let broken = try BinaryRunner.run(["ask", "hello", "--kb", folder.path], environment: environment, kb: false)
        #expect(broken.status == 2)
        #expect(broken.stderr.contains("es.yaml:"))
    }
}
