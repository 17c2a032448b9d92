import Foundation
import Testing

@testable import AlipayHelpKit

/// Knowledge-base files that are broken on purpose or by accident: each is refused quickly,
/// with the file and the line of the mistake, and never hangs a command.
@Suite struct HostileFilesTests {
    /// The error a folder's knowledge base fails to load with.
    func loadError(_ folder: URL) -> KnowledgeBaseError? {
        do {
            _ = try KnowledgeBase.load(from: folder)
            return nil
        } catch {
            return error as? KnowledgeBaseError
        }
    }

    @Test func aliasesUsedAsKeysAreRefusedAtOnceWithTheirLine() throws {
        // Each level doubles the last through aliases used as mapping keys: composing this took
        // minutes, growing ten times per level.
        var yaml = "a0: &a0 {x: 1, y: 2}\n"
        for level in 1...12 {
            yaml += "a\(level): &a\(level) {? *a\(level - 1) : 1, ? [*a\(level - 1), *a\(level - 1)] : 2}\n"
        }
        let copy = try Fixtures.copyOfIntents()
        try yaml.write(to: copy.appendingPathComponent("zz.yaml"), atomically: true, encoding: .utf8)
        let start = Date()
        let error = loadError(copy)
        #expect(Date().timeIntervalSince(start) < 5)
        guard case let .invalid(location, message)? = error else {
            Issue.record("expected an error, got \(String(describing: error))"); return
        }
        #expect(location.file.hasSuffix("zz.yaml") && location.line == 1 && location.column == 5, "\(location)")
        #expect(message.contains("anchor"))
    }

    @Test func aSingleAliasIsRefusedWithItsLine() throws {
        let copy = try Fixtures.copyOfIntents()
        try Fixtures.edit(copy, "huabei.yaml", replacing: "id: huabei", with: "id: &name huabei")
        guard case let .invalid(location, message)? = loadError(copy) else {
            Issue.record("anchors must be refused"); return
        }
        #expect(location.file.hasSuffix("huabei.yaml") && location.line == 1, "\(location)")
        #expect(message.contains("anchor (&) is not allowed"))

        let alias = try Fixtures.folder([
            "limits.yaml": Fixtures.topicYAML(extra: "exclude: *nothing"), "vocabulary.yaml": "concepts: {}\n",
        ])
        guard case let .invalid(aliasLocation, aliasMessage)? = loadError(alias) else {
            Issue.record("aliases must be refused"); return
        }
        #expect(aliasLocation.line == 8 && aliasMessage.contains("alias (*)"), "\(aliasLocation) \(aliasMessage)")
    }

    @Test func starsAndAmpersandsInsideTextAreFine() throws {
        let folder = try Fixtures.folder([
            "limits.yaml": Fixtures.topicYAML(extra: "exclude: [\"*x\", 'a & b', c*d]"),
            "vocabulary.yaml": "concepts: {}\n",
        ])
        #expect(loadError(folder) == nil)
    }

    /// The cheap test that spares most files libyaml's token scan: it must see every place an
    /// anchor or alias can stand (a miss would let aliases reach the composer).
    @Test func everyPlaceAnAnchorCanStandIsSeen() {
        for text in [
            "id: &a x", "&a x: 1", "- *b", "k: [*a, b]", "k: {a: *b}", "k: [x,*a]", "\"k\":&a v", "k:\t&a v",
            "k: !tag &a v", "- - &x y", "\u{FEFF}&a x: 1", "? &a k\n: v", "a: |\n  &x\n",
        ] {
            #expect(YAMLNode.mayHoldAnchorOrAlias(text), "\(text)")
        }
        for text in ["Q&A: yes", "5 * 3 = 15", "a: x & y", "a: x * y", "a: *", "a: [&]", "a: 'x&y'", "a&b*c"] {
            #expect(!YAMLNode.mayHoldAnchorOrAlias(text), "\(text)")
        }
    }

    @Test func aHugeFileAndAHugeExampleAreRefused() throws {
        let padding = "# " + String(repeating: "x", count: 200) + "\n"
        let big = Fixtures.topicYAML() + "\n" + String(repeating: padding, count: 6000)
        let folder = try Fixtures.folder(["limits.yaml": big, "vocabulary.yaml": "concepts: {}\n"])
        guard case let .invalid(location, message)? = loadError(folder) else {
            Issue.record("a 1.2 MB file must be refused"); return
        }
        #expect(location.file.hasSuffix("limits.yaml") && message.contains("at most 1024 KB"), "\(message)")

        let long = Fixtures.topicYAML().replacingOccurrences(
            of: "what is the limit", with: String(repeating: "limit ", count: 200))
        let example = try Fixtures.folder(["limits.yaml": long, "vocabulary.yaml": "concepts: {}\n"])
        guard case let .invalid(exampleLocation, exampleMessage)? = loadError(example) else {
            Issue.record("a 1,200-byte example must be refused"); return
        }
        #expect(
            exampleLocation.line == 5 && exampleMessage.contains("too long"), "\(exampleLocation) \(exampleMessage)")
    }

    @Test func aFIFOInTheFolderIsRefusedNotWaitedOn() throws {
        let copy = try Fixtures.copyOfIntents()
        #expect(mkfifo(copy.appendingPathComponent("zz.yaml").path, 0o600) == 0)
        guard case let .unreadable(file, reason)? = loadError(copy) else {
            Issue.record("a FIFO must be refused"); return
        }
        #expect(file.hasSuffix("zz.yaml") && reason == "not a regular file")
    }

    @Test func aMissingVocabularyIsAnError() throws {
        let copy = try Fixtures.copyOfIntents()
        try FileManager.default.removeItem(at: copy.appendingPathComponent("vocabulary.yaml"))
        guard case let .invalid(location, message)? = loadError(copy) else {
            Issue.record("a missing vocabulary.yaml must be an error"); return
        }
        #expect(location.file.hasSuffix("vocabulary.yaml") && message.contains("missing"))
    }

    @Test func flowsBeingAFileIsAnError() throws {
        let copy = try Fixtures.copyOfIntents()
        let flows = copy.appendingPathComponent("flows")
        try FileManager.default.removeItem(at: flows)
        try "id: x\n".write(to: flows, atomically: true, encoding: .utf8)
        guard case let .invalid(location, message)? = loadError(copy) else {
            Issue.record("flows as a file must be an error"); return
        }
        #expect(location.file.hasSuffix("flows") && message.contains("must be a folder"))
    }

    @Test func aDuplicateKeyIsReportedAtTheSecondKey() throws {
        let copy = try Fixtures.copyOfIntents()
        try Fixtures.edit(copy, "huabei.yaml", replacing: "\nrequire:", with: "\ntitle: again\nrequire:")
        let lines = try String(contentsOf: copy.appendingPathComponent("huabei.yaml"), encoding: .utf8).split(
            separator: "\n", omittingEmptySubsequences: false)
        let expected = lines.firstIndex { $0 == "title: again" }! + 1
        guard case let .invalid(location, message)? = loadError(copy) else {
            Issue.record("a duplicate key must be an error"); return
        }
        #expect(location.line == expected && location.line != 1, "\(location)")
        #expect(message.contains("'title' appears twice"))
    }

    @Test func aNULIsReportedAtItsLine() throws {
        let folder = try Fixtures.folder([
            "limits.yaml": Fixtures.topicYAML(extra: "exclude: [a\u{0}b]"), "vocabulary.yaml": "concepts: {}\n",
        ])
        guard case let .invalid(location, message)? = loadError(folder) else {
            Issue.record("a NUL must be an error"); return
        }
        #expect(location.line == 8 && location.column == 12, "\(location)")
        #expect(message.contains("NUL"))
    }

    @Test(arguments: ["\\e]2;PWNED\\a", "\\x9b31m", "\\u202Eevil", "\\u2066x", "a\\rb", "\\x7f"])
    func controlCharactersInTextAreRefused(escaped: String) throws {
        let yaml = Fixtures.topicYAML().replacingOccurrences(
            of: "summary: There are limits.", with: "summary: \"There are limits \(escaped)\"")
        let folder = try Fixtures.folder(["limits.yaml": yaml, "vocabulary.yaml": "concepts: {}\n"])
        guard case let .invalid(location, message)? = loadError(folder) else {
            Issue.record("\(escaped) must be refused"); return
        }
        #expect(location.line == 7 && message.contains("would be read as a control code"), "\(location) \(message)")
    }

    @Test func checkDoesNotRepeatItsPrefix() throws {
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent(
            "alipay-help-none-\(UUID().uuidString)")
        let diagnostics = KnowledgeBaseLint.run(directory: missing)
        #expect(diagnostics.count == 1)
        let line = diagnostics.first?.description ?? ""
        #expect(line.components(separatedBy: "error:").count == 2, "\(line)")
        #expect(line.components(separatedBy: missing.path).count == 2, "\(line)")
    }
}
