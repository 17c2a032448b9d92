import Foundation

/// Why the knowledge base could not be loaded. Messages are short, lowercase and say what to fix.
public enum KnowledgeBaseError: LocalizedError, Equatable {
    /// The folder holding the knowledge base does not exist or has no topic files.
    case notFound(path: String)
    /// A file could not be read at all.
    case unreadable(file: String, reason: String)
    /// A file is not valid YAML, or does not have the shape the knowledge base expects.
    case invalid(SourceLocation, message: String)

    /// Where the error is, and what it is without the location, for `check`'s own format.
    public var location: SourceLocation {
        switch self {
        case let .notFound(path): return SourceLocation(file: path, line: 1, column: 1)
        case let .unreadable(file, _): return SourceLocation(file: file, line: 1, column: 1)
        case let .invalid(location, _): return location
        }
    }

    public var message: String {
        switch self {
        case .notFound: return "no knowledge base here; pass --kb with the folder that holds the intents YAML files"
        case let .unreadable(_, reason): return "cannot read the file (\(reason))"
        case let .invalid(_, message): return message
        }
    }

    public var errorDescription: String? {
        switch self {
        case let .notFound(path):
            return "\(path): error: no knowledge base here; pass --kb with the folder that holds the intents YAML files"
        case let .unreadable(file, reason):
            return "\(file): error: cannot read the file (\(reason))"
        case let .invalid(location, message):
            return "\(location): error: \(message)"
        }
    }
}
