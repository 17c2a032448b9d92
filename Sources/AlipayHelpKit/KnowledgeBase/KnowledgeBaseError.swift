import Foundation

/// Why the knowledge base could not be loaded: where, and what is wrong in short lowercase
/// words that say what to fix. A neutral value: whoever shows it decides how it reads.
public enum KnowledgeBaseError: LocalizedError, Equatable {
    /// The folder holding the knowledge base does not exist or has no topic files.
    case notFound(path: String)
    /// A file could not be read at all.
    case unreadable(file: String, reason: String)
    /// A file is not valid YAML, or does not have the shape the knowledge base expects.
    case invalid(SourceLocation, message: String)

    /// The file or folder the error is about.
    public var file: String {
        switch self {
        case let .notFound(path): return path
        case let .unreadable(file, _): return file
        case let .invalid(location, _): return location.file
        }
    }

    /// Where the error is: its line and column, or the start of the file when the error is
    /// about the whole file.
    public var location: SourceLocation {
        switch self {
        case .notFound, .unreadable: return SourceLocation(file: file, line: 1, column: 1)
        case let .invalid(location, _): return location
        }
    }

    /// Where the error is, as people read it: `file:line:column`, or the file alone when the
    /// error is about the whole file.
    public var place: String {
        switch self {
        case .notFound, .unreadable: return file
        case let .invalid(location, _): return location.description
        }
    }

    /// What is wrong, without the place.
    public var message: String {
        switch self {
        case .notFound: return "no knowledge base here; name the folder that holds the intents YAML files"
        case let .unreadable(_, reason): return "cannot read the file (\(reason))"
        case let .invalid(_, message): return message
        }
    }

    public var errorDescription: String? { "\(place): \(message)" }
}
