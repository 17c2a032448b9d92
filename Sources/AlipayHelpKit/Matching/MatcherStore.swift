import Foundation

/// Keeps the trained matcher in a folder (the command line uses `$XDG_CACHE_HOME/alipay-help`),
/// keyed by everything training depends on, so a start after the first skips training. A stored
/// matcher that is stale, damaged or unreadable is trained again and replaced; a folder that
/// cannot be written only costs the time saved.
public struct MatcherStore: Sendable {
    public let folder: URL

    public init(folder: URL) { self.folder = folder }

    /// The key for a knowledge base's files, the training settings and the program: any change
    /// to one of them means another key, so a stale matcher is never read.
    public static func key(
        knowledgeBaseFiles: [(name: String, contents: [UInt8])], policy: MatchPolicy, program: String
    ) -> UInt64 {
        var hash = FNV1a(value: KnowledgeBaseFiles.contentHash(knowledgeBaseFiles))
        hash.combine("\(policy.unknownShare)|\(policy.rules.contains(.otherProduct))|\(program)".utf8)
        return hash.value
    }

    func file(for key: UInt64) -> URL { folder.appendingPathComponent("matcher-" + String(key, radix: 16) + ".bin") }

    /// The knowledge base's topics as loaded, stored beside the matcher (TopicArchive).
    func topicsFile(for key: UInt64) -> URL {
        folder.appendingPathComponent("topics-" + String(key, radix: 16) + ".bin")
    }

    /// The stored matcher for `key`, or a newly trained one (then stored). `directory` is the
    /// knowledge base's folder: with it, its topics are stored too, for `load`.
    public func matcher(
        key: UInt64, knowledgeBase: KnowledgeBase, policy: MatchPolicy,
        directory: KnowledgeBaseFolder? = nil
    ) throws -> IntentMatcher {
        if let matcher = stored(key: key, knowledgeBase: knowledgeBase, policy: policy) { return matcher }
        let matcher = try IntentMatcher(knowledgeBase: knowledgeBase, policy: policy)
        store(matcher.archive(key: key), at: file(for: key))
        if let directory {
            store(Self.topicsArchive(knowledgeBase, directory: directory, key: key), at: topicsFile(for: key))
        }
        return matcher
    }

    /// The knowledge base in `directory` and its matcher. With a stored matcher only what
    /// answering needs is read, the topics come from the store rather than their files, and the
    /// matcher is read on another thread meanwhile; otherwise everything is read, and the
    /// matcher is trained and stored.
    public func load(directory: KnowledgeBaseFolder, key: UInt64, policy: MatchPolicy) throws -> (
        KnowledgeBase, IntentMatcher
    ) {
        let path = file(for: key).path
        if FileManager.default.fileExists(atPath: path) {
            let stored = Self.contents(of: topicsFile(for: key).path).flatMap {
                Self.storedFiles(fromArchive: $0, key: key, directory: directory)
            }
            let (answering, matcher) = try Self.loadInParallel(directory: directory, stored: stored) {
                Self.contents(of: path).flatMap { IntentMatcher(archive: $0, key: key, policy: policy) }
            }
            if let matcher, matcher.isTrained(for: answering) { return (answering, matcher) }
        }
        let knowledgeBase = try KnowledgeBase.load(from: directory)
        let trained = try matcher(key: key, knowledgeBase: knowledgeBase, policy: policy, directory: directory)
        return (knowledgeBase, trained)
    }

    /// The topics of `knowledgeBase`, loaded from `directory`, and the other files answering
    /// reads, parsed (ParsedFileArchive), as bytes sealed with `key`.
    public static func topicsArchive(_ knowledgeBase: KnowledgeBase, directory: KnowledgeBaseFolder, key: UInt64)
        -> [UInt8]
    {
        var out = MatcherArchive.Writer()
        TopicArchive.archive(knowledgeBase.topics, directory: directory, into: &out)
        // The files loaded a moment ago: should one fail to parse now, none is stored.
        ParsedFileArchive.archive((try? KnowledgeBase.parsedAnsweringFiles(in: directory)) ?? [:], into: &out)
        return MatcherArchive.seal(key: key, payload: out)
    }

    /// What a knowledge base's files held, as stored by `topicsArchive`.
    struct StoredFiles {
        var topics: [Topic]
        var parsed: [String: YAMLNode]
    }

    /// The topics and parsed files in `topicsArchive`'s bytes, or nil when they are for another
    /// key or do not read back whole.
    static func storedFiles(fromArchive bytes: [UInt8], key: UInt64, directory: KnowledgeBaseFolder) -> StoredFiles? {
        guard var reader = MatcherArchive.open(bytes, key: key),
            let topics = try? TopicArchive.topics(from: &reader, directory: directory),
            let parsed = try? ParsedFileArchive.files(from: &reader, directory: directory),
            reader.offset == reader.bytes.count
        else { return nil }
        return StoredFiles(topics: topics, parsed: parsed)
    }

    /// The knowledge base in `directory` (what answering needs), with the topics read from
    /// `topics` and the matcher from `matcher` (both built into the program; the matcher is
    /// being read on another thread meanwhile), or nil when they do not fit it.
    public static func load(
        directory: KnowledgeBaseFolder, topics: [UInt8], key: UInt64, matcher: () -> IntentMatcher?
    )
        throws -> (KnowledgeBase, IntentMatcher)?
    {
        let stored = Self.storedFiles(fromArchive: topics, key: key, directory: directory)
        let answering = try KnowledgeBase.load(
            from: directory, trainingData: false, storedTopics: stored?.topics, storedFiles: stored?.parsed ?? [:])
        guard let matcher = matcher(), matcher.isTrained(for: answering) else { return nil }
        return (answering, matcher)
    }

    /// The key of a matcher built into the program with its knowledge base, whose content hash
    /// is `version`: the training settings still count.
    public static func builtInKey(version: String, policy: MatchPolicy) -> UInt64 {
        key(knowledgeBaseFiles: [], policy: policy, program: "built-in " + version)
    }

    /// Reads the knowledge base for answering on this thread and the matcher on another: the
    /// two take about as long, and a start is mostly these two.
    private static func loadInParallel(
        directory: KnowledgeBaseFolder, stored: StoredFiles?, matcher: @escaping @Sendable () -> IntentMatcher?
    ) throws
        -> (KnowledgeBase, IntentMatcher?)
    {
        let reading = BackgroundValue(matcher)
        let knowledgeBase = Result {
            try KnowledgeBase.load(
                from: directory, trainingData: false, storedTopics: stored?.topics, storedFiles: stored?.parsed ?? [:])
        }
        let matcher = reading.wait()
        return (try knowledgeBase.get(), matcher)
    }

    private func stored(key: UInt64, knowledgeBase: KnowledgeBase, policy: MatchPolicy) -> IntentMatcher? {
        guard let bytes = Self.contents(of: file(for: key).path) else { return nil }
        return IntentMatcher(archive: bytes, key: key, knowledgeBase: knowledgeBase, policy: policy)
    }

    /// A file's bytes read straight into an array (not into `Data` and copied again: the stored
    /// matcher of a large knowledge base is megabytes).
    static func contents(of path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_size >= 0 else { return nil }
        let size = Int(info.st_size)
        var complete = true
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
            while initialized < size {
                let count = read(descriptor, buffer.baseAddress! + initialized, size - initialized)
                if count <= 0 { complete = count == 0 && initialized == size; break }
                initialized += count
            }
        }
        return complete && bytes.count == size ? bytes : nil
    }

    /// Writes atomically (a temporary file renamed into place); failures are ignored.
    private func store(_ bytes: [UInt8], at path: URL) {
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            // Older matchers for other keys are of no more use.
            let current = path.lastPathComponent.drop { $0 != "-" }  // "-<key>.bin"
            for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            where (name.hasPrefix("matcher-") || name.hasPrefix("topics-")) && name.hasSuffix(".bin")
                && !name.hasSuffix(current)
            {
                try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
            }
            try Data(bytes).write(to: path, options: .atomic)
        } catch {
            return
        }
    }
}
