import Foundation
import Testing

/// The knowledge base travels inside the binary: a copy of the program alone in another folder
/// answers, chats and runs its flows; `kb export` writes the knowledge base it carries.
@Suite struct BuiltInKnowledgeBaseTests {
    /// The program copied alone into a new folder, with its own empty cache.
    func programAlone() throws -> (program: URL, environment: [String: String]) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "alipay-help-alone-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let program = folder.appendingPathComponent("alipay-help")
        try FileManager.default.copyItem(at: BinaryRunner.executable, to: program)
        return (program, ["XDG_CACHE_HOME": folder.appendingPathComponent("cache").path, "HOME": folder.path])
    }

    @Test func aCopiedBinaryAnswersChatsAndRunsItsFlows() throws {
        let (program, environment) = try programAlone()
        let answer = try BinaryRunner.run(
            ["ask", "how do I delete my alipay account?"], environment: environment, kb: false, program: program)
        #expect(answer.status == 0, "\(answer.stderr)")
        #expect(answer.text.contains("customer service"), "\(answer.text)")

        let chat = try BinaryRunner.run(
            ["chat"], stdin: Data("I want to change my phone number\nyes\n".utf8), environment: environment, kb: false,
            program: program)
        #expect(chat.status == 0, "\(chat.stderr)")
        #expect(chat.text.contains("Step 1"), "the guided flow starts: \(chat.text)")

        // A second start reads the same written-out knowledge base (and its stored matcher).
        let again = try BinaryRunner.run(
            ["ask", "--json", "huabei"], environment: environment, kb: false, program: program)
        #expect(again.text.contains("\"intent\":\"huabei\""), "\(again.text)")
    }

    @Test func theBuiltInMatcherIsReadNotTrained() throws {
        // The program carries the matcher trained when it was built: its first start stores
        // nothing, and answers as a matcher trained on intents/ at run time does.
        let (program, environment) = try programAlone()
        let questions = "change my phone number\ncan I send 90,000 yuan today?\n花呗怎么还款\nwhat's the weather\n"
        let builtIn = try BinaryRunner.run(
            ["ask", "--json"], stdin: Data(questions.utf8), environment: environment, kb: false, program: program)
        #expect(builtIn.status == 0, "\(builtIn.stderr)")
        let cache = try #require(environment["XDG_CACHE_HOME"]) + "/alipay-help"
        let stored = (try? FileManager.default.contentsOfDirectory(atPath: cache)) ?? []
        #expect(
            !stored.contains { $0.hasPrefix("matcher-") || $0.hasPrefix("topics-") },
            "nothing trained or stored: \(stored)")
        let trained = try BinaryRunner.run(
            ["ask", "--json"], stdin: Data(questions.utf8), environment: ["ALIPAY_HELP_NO_CACHE": "1"])
        #expect(builtIn.stdout == trained.stdout)
    }

    @Test func exportWritesTheKnowledgeBaseItCarries() throws {
        let (program, environment) = try programAlone()
        let target = program.deletingLastPathComponent().appendingPathComponent("exported")
        let export = try BinaryRunner.run(
            ["kb", "export", target.path], environment: environment, kb: false, program: program)
        #expect(export.status == 0, "\(export.stderr)")
        let manager = FileManager.default
        let names = try #require(manager.subpaths(atPath: BinaryRunner.intents)).filter { $0.hasSuffix(".yaml") }
            .sorted()
        #expect(!names.isEmpty)
        for name in names {
            #expect(
                manager.contents(atPath: target.appendingPathComponent(name).path)
                    == manager.contents(atPath: BinaryRunner.intents + "/" + name), "\(name)")
        }
        let check = try BinaryRunner.run(
            ["check", "--no-leave-one-out", "--kb", target.path], environment: environment, kb: false, program: program)
        #expect(check.status == 0, "\(check.stderr)")

        let again = try BinaryRunner.run(
            ["kb", "export", target.path], environment: environment, kb: false, program: program)
        #expect(again.status != 0 && again.stderr.contains("not empty"), "never overwrites: \(again.stderr)")
    }

    @Test func versionNamesTheProgramAndItsKnowledgeBase() throws {
        let version = try BinaryRunner.run(["--version"], kb: false)
        #expect(version.status == 0)
        #expect(version.text.hasPrefix("alipay-help "), "\(version.text)")
        #expect(version.text.contains("knowledge base "), "\(version.text)")
    }
}
