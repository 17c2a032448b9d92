import Foundation

/// What each file of a knowledge-base folder is, by its name: one rule for the loader, the
/// test suites, the stored matcher's key and the build plugin, so they never disagree.
public enum KnowledgeBaseFiles {
    /// The folder of labelled suites and scripted conversations.
    public static let testsFolder = "tests"

    /// A YAML file, named `.yaml` or `.yml`.
    public static func isYAML(_ path: String) -> Bool {
        path.hasSuffix(".yaml") || path.hasSuffix(".yml")
    }

    /// A file training reads, by its path inside the folder: every YAML file outside `tests/`.
    public static func isTrainingFile(_ relativePath: String) -> Bool {
        isYAML(relativePath) && !relativePath.hasPrefix(testsFolder + "/")
    }

    /// Scripted conversations: a YAML file whose name starts with `conversations`.
    public static func isConversationSuite(_ path: String) -> Bool {
        let name = (path as NSString).lastPathComponent
        return name.hasPrefix("conversations") && isYAML(name)
    }

    /// Real questions as people wrote them: a TSV file.
    public static func isRealQuestions(_ path: String) -> Bool { path.hasSuffix(".tsv") }

    /// Labelled questions: a YAML suite written alongside the examples, or real questions.
    public static func isLabelledSuite(_ path: String) -> Bool {
        (isYAML(path) || isRealQuestions(path)) && !isConversationSuite(path)
    }

    /// A hash of files' names and contents, in name order (FNV-1a): the built-in knowledge
    /// base's version (the build plugin), and where a stored matcher's key starts.
    public static func contentHash(_ files: [(name: String, contents: [UInt8])]) -> UInt64 {
        var hash = FNV1a()
        for file in files.sorted(by: { $0.name < $1.name }) {
            hash.combine(file.name.utf8)
            hash.combine(0)
            hash.combine(file.contents)
            hash.combine(0)
        }
        return hash.value
    }
}
