import AlipayHelpKit

extension BuiltInKnowledgeBase {
    /// The knowledge base of the repository's `intents/` folder, built into the program (by the
    /// EmbedKnowledgeBase plugin) with the matcher trained on it. Made on first use, which starts
    /// reading the matcher on a thread of its own: touch it as early as a start allows.
    public static let alipayHelp = BuiltInKnowledgeBase(
        version: EmbeddedKnowledgeBase.version, files: EmbeddedKnowledgeBase.files, label: "intents",
        matcherArchive: { Base64Text.decode(EmbeddedKnowledgeBase.matcherArchive) ?? [] },
        topicsArchive: { Base64Text.decode(EmbeddedKnowledgeBase.topicsArchive) ?? [] })

    /// `alipayHelp.version`, without making it (and starting to read its matcher).
    public static var alipayHelpVersion: String { EmbeddedKnowledgeBase.version }
}
