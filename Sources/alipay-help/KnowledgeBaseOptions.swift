import AlipayHelpKit
import ArgumentParser
import Foundation

/// Options every command shares: where the knowledge base is.
struct KnowledgeBaseOptions: ParsableArguments {
    /// The folder holding the knowledge-base YAML files.
    @Option(name: .long, help: ArgumentHelp("The knowledge-base folder (default: $ALIPAY_HELP_KB, else the intents/ folder next to the program).", valueName: "folder"))
    var kb: String?

    /// Finds the knowledge base: --kb, then $ALIPAY_HELP_KB, then an `intents/` folder beside
    /// the executable or in a folder above it (so `swift run` and a copied build both work),
    /// then `./intents`.
    func directory() -> URL {
        if let kb { return URL(fileURLWithPath: kb) }
        if let env = ProcessInfo.processInfo.environment["ALIPAY_HELP_KB"], !env.isEmpty {
            return URL(fileURLWithPath: env)
        }
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            let candidate = folder.appendingPathComponent("intents")
            if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("vocabulary.yaml").path) {
                return candidate
            }
            folder.deleteLastPathComponent()
        }
        return URL(fileURLWithPath: "intents")
    }

    /// Loads the knowledge base and trains the matcher, or prints the error and exits 2.
    func responder() throws -> Responder {
        do {
            return try Responder(knowledgeBase: KnowledgeBase.load(from: directory()))
        } catch {
            StandardError.printSafely((error as? LocalizedError)?.errorDescription ?? "alipay-help: error: \(error)")
            throw ExitCode(2)
        }
    }
}
