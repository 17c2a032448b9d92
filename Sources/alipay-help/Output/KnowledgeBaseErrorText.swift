import AlipayHelpKit
import Foundation

/// How the command line words a knowledge base that cannot be loaded: `file:line:column:
/// error: message`, as compilers do, with the fix in terms of this program's options.
enum KnowledgeBaseErrorText {
    /// What is wrong, and what to type to fix it.
    static func message(for error: KnowledgeBaseError) -> String {
        switch error {
        case .notFound: return "no knowledge base here; pass --kb with the folder that holds the intents YAML files"
        case .unreadable, .invalid: return error.message
        }
    }

    /// The whole line, e.g. `intents/limits.yaml:8:1: error: unknown key 'colour'`.
    static func line(for error: KnowledgeBaseError) -> String {
        "\(error.place): error: \(message(for: error))"
    }

    /// The line for any error met loading a knowledge base or a suite: a load error as above,
    /// another as it describes itself, else `plain`.
    static func line(for error: any Error, otherwise plain: String) -> String {
        if let error = error as? KnowledgeBaseError { return line(for: error) }
        return (error as? LocalizedError)?.errorDescription ?? plain
    }

    /// A finding of `check`, worded as above when the knowledge base did not load at all.
    static func worded(_ diagnostic: Diagnostic) -> Diagnostic {
        guard let error = diagnostic.loadError else { return diagnostic }
        var worded = diagnostic
        worded.message = message(for: error)
        return worded
    }
}
