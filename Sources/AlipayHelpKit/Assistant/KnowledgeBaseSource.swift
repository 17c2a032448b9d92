import Foundation

/// Where an assistant's knowledge base comes from.
public enum KnowledgeBaseSource: Sendable {
    /// Built into the program, matcher and all.
    case builtIn(BuiltInKnowledgeBase)
    /// A folder of YAML files: trained at its first use, and its matcher kept in the cache.
    case folder(URL)

    /// The files, on disk or in memory.
    public var folder: KnowledgeBaseFolder {
        switch self {
        case .builtIn(let builtIn): builtIn.folder
        case .folder(let url): KnowledgeBaseFolder(disk: url)
        }
    }
}
