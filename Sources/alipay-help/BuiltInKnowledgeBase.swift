import Foundation

/// The knowledge base built into the program (from `intents/`, by the EmbedKnowledgeBase
/// plugin). It is written out once per version to the cache folder and read from there like any
/// other, so `check` and errors can name a file and a line, and the stored matcher is found.
enum BuiltInKnowledgeBase {
    static var version: String { EmbeddedKnowledgeBase.version }
    static var fileCount: Int { EmbeddedKnowledgeBase.files.count }

    /// The matcher trained on the built-in knowledge base when the program was built (empty if
    /// the text were damaged: the matcher is then trained as for any other folder).
    @Sendable static func matcherArchive() -> [UInt8] {
        Data(base64Encoded: EmbeddedKnowledgeBase.matcherArchive).map { [UInt8]($0) } ?? []
    }

    /// The topics as loaded when the program was built (empty if damaged: they are parsed).
    static func topicsArchive() -> [UInt8] {
        Data(base64Encoded: EmbeddedKnowledgeBase.topicsArchive).map { [UInt8]($0) } ?? []
    }

    /// The folder holding the built-in knowledge base, written on first use: one per version,
    /// in the cache folder, or in the temporary folder when there is no cache.
    static func folder(cache: URL?) throws -> URL {
        let base = cache ?? FileManager.default.temporaryDirectory
        let folder = base.appendingPathComponent("kb-\(version)")
        if FileManager.default.fileExists(atPath: folder.appendingPathComponent("vocabulary.yaml").path) { return folder }
        // Written beside, then renamed: two programs starting at once never see half a folder.
        let partial = base.appendingPathComponent("kb-\(version).partial-\(getpid())")
        try export(to: partial)
        if (try? FileManager.default.moveItem(at: partial, to: folder)) == nil { try? FileManager.default.removeItem(at: partial) }
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
