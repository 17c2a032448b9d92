/// A knowledge base built into a program: its files, with the matcher trained on them and the
/// topics as loaded from them when the program was built (by `embed-knowledge-base`), so a
/// start reads them back instead of training. Nothing of it is written to disk.
public final class BuiltInKnowledgeBase: Sendable {
    /// A hash of every file's name and contents.
    public let version: String
    /// The files, held in memory, named `label` in diagnostics.
    public let folder: KnowledgeBaseFolder
    private let topicsArchive: @Sendable () -> [UInt8]
    /// The matcher, read on a thread of its own from the moment this is made: reading it is the
    /// longest part of a start, and it then overlaps reading the command line and the topics.
    private let reading: BackgroundValue<IntentMatcher?>

    /// `matcherArchive` and `topicsArchive` give the bytes `IntentMatcher.archive(key:)` and
    /// `MatcherStore.topicsArchive` wrote when the program was built, sealed with
    /// `MatcherStore.builtInKey(version:policy:)`; damaged ones give an empty array, and the
    /// knowledge base is then trained as a folder's would be.
    public init(
        version: String, files: [(path: String, text: String)], label: String,
        matcherArchive: @escaping @Sendable () -> [UInt8], topicsArchive: @escaping @Sendable () -> [UInt8]
    ) {
        self.version = version
        folder = KnowledgeBaseFolder(memory: files, label: label)
        self.topicsArchive = topicsArchive
        reading = BackgroundValue {
            let policy = MatchPolicy()
            return IntentMatcher(
                archive: matcherArchive(), key: MatcherStore.builtInKey(version: version, policy: policy),
                policy: policy)
        }
    }

    /// The knowledge base (what answering needs) and its matcher, or nil when the built-in
    /// archives do not fit the files.
    func loadForAnswering() throws -> (KnowledgeBase, IntentMatcher)? {
        let policy = MatchPolicy()
        return try MatcherStore.load(
            directory: folder, topics: topicsArchive(), key: MatcherStore.builtInKey(version: version, policy: policy),
            matcher: { reading.wait() })
    }

    /// The built-in matcher, when it was trained on exactly `knowledgeBase`.
    func matcherIfTrained(for knowledgeBase: KnowledgeBase) -> IntentMatcher? {
        guard let matcher = reading.wait(), matcher.isTrained(for: knowledgeBase) else { return nil }
        return matcher
    }
}
