import AlipayHelpKit
import AlipayHelpKnowledgeBase
import ArgumentParser
import Foundation

/// Options every command shares: where the knowledge base is.
struct KnowledgeBaseOptions: ParsableArguments {
    /// The folder holding the knowledge-base YAML files.
    @Option(
        name: .long,
        help: ArgumentHelp(
            "A knowledge-base folder to use instead of the built-in one (default: $ALIPAY_HELP_KB, else built in).",
            valueName: "folder"))
    var kb: String?

    /// --kb, then $ALIPAY_HELP_KB, then the knowledge base built into the program.
    static func source(kb: String?) -> KnowledgeBaseSource {
        if let kb { return .folder(URL(fileURLWithPath: kb)) }
        if let folder = ProcessInfo.processInfo.environment["ALIPAY_HELP_KB"], !folder.isEmpty {
            return .folder(URL(fileURLWithPath: folder))
        }
        return .builtIn(.alipayHelp)
    }

    /// The assistant over the chosen knowledge base, or the error printed and exit status 2.
    /// A folder's matcher is kept in `$XDG_CACHE_HOME/alipay-help` (unless
    /// `ALIPAY_HELP_NO_CACHE` is set); see `Assistant.load` for `trainingData`.
    func assistant(trainingData: Bool = false) throws -> Assistant {
        try Self.assistant(kb: kb, trainingData: trainingData)
    }

    static func assistant(kb: String?, trainingData: Bool = false) throws -> Assistant {
        do {
            return try Assistant.load(source(kb: kb), trainingData: trainingData)
        } catch {
            StandardError.printSafely(
                KnowledgeBaseErrorText.line(for: error, otherwise: "alipay-help: error: \(error)"))
            throw ExitCode(2)
        }
    }
}
