import AlipayHelpKit
import Foundation

/// The knowledge base built into the program (from `intents/`, by the EmbedKnowledgeBase
/// plugin), with the matcher trained on it and its topics as loaded. The files are written out
/// once per version to the cache folder and read from there like any other, so `check` and
/// errors can name a file and a line.
enum BuiltInKnowledgeBase {
    static var version: String { EmbeddedKnowledgeBase.version }
    static var fileCount: Int { EmbeddedKnowledgeBase.files.count }

    /// The key the built-in matcher and topics were sealed with, for these training settings.
    static func key(policy: MatchPolicy) -> UInt64 { MatcherStore.builtInKey(version: version, policy: policy) }

    /// The topics as loaded when the program was built (empty if damaged: they are parsed).
    static func topicsArchive() -> [UInt8] {
        Base64Text.decode(EmbeddedKnowledgeBase.topicsArchive) ?? []
    }

    /// The matcher trained on the built-in knowledge base when the program was built, read on a
    /// thread of its own from the program's first instant (`startReadingMatcher`): reading it is
    /// the longest part of a start, and it then overlaps reading the command line and loading
    /// the knowledge base. Nil if the text were damaged: the matcher is then trained as for any
    /// other folder.
    static func matcher() -> IntentMatcher? { prefetch.wait() }

    /// Starts reading the built-in matcher, once (a static is made on its first use only).
    static func startReadingMatcher() { _ = prefetch }

    private static let prefetch = BackgroundValue {
        let archive = Base64Text.decode(EmbeddedKnowledgeBase.matcherArchive) ?? []
        let policy = MatchPolicy()
        return IntentMatcher(archive: archive, key: key(policy: policy), policy: policy)
    }

    /// The folder holding the built-in knowledge base, written on first use: one per version,
    /// in the cache folder, or in the temporary folder when there is no cache.
    static func folder(cache: URL?) throws -> URL {
        let base = cache ?? FileManager.default.temporaryDirectory
        let folder = base.appendingPathComponent("kb-\(version)")
        if FileManager.default.fileExists(atPath: folder.appendingPathComponent("vocabulary.yaml").path) {
            return folder
        }
        // Written beside, then renamed: two programs starting at once never see half a folder.
        let partial = base.appendingPathComponent("kb-\(version).partial-\(getpid())")
        try export(to: partial)
        if (try? FileManager.default.moveItem(at: partial, to: folder)) == nil {
            try? FileManager.default.removeItem(at: partial)
        }
        return folder
    }

    /// Writes every file of the built-in knowledge base under `folder`.
    static func export(to folder: URL) throws {
        let manager = FileManager.default
        for file in EmbeddedKnowledgeBase.files {
            let url = folder.appendingPathComponent(file.path)
            try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(file.text.utf8).write(to: url)
        }
    }
}
