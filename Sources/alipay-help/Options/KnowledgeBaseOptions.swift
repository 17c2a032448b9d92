import AlipayHelpKit
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

    /// Finds the knowledge base: --kb, then $ALIPAY_HELP_KB, then the one built into the
    /// program (written out once to the cache folder).
    func directory() throws -> URL { try Self.location(kb: kb).folder }

    /// The knowledge base's folder, and whether it is the one built into the program.
    private static func location(kb: String?) throws -> (folder: URL, builtIn: Bool) {
        if let kb { return (URL(fileURLWithPath: kb), false) }
        if let env = ProcessInfo.processInfo.environment["ALIPAY_HELP_KB"], !env.isEmpty {
            return (URL(fileURLWithPath: env), false)
        }
        do {
            return (
                try BuiltInKnowledgeBase.folder(cache: Self.cacheFolder() ?? Self.cacheFolder(ignoringSwitch: true)),
                true
            )
        } catch {
            throw KnowledgeBaseError.unreadable(
                file: "built-in knowledge base",
                reason: "cannot be written out (\(error.localizedDescription)); pass --kb FOLDER")
        }
    }

    /// Loads the knowledge base and the matcher, or prints the error and exits 2. The built-in
    /// knowledge base comes with its matcher trained when the program was built; another is
    /// stored after its first training in `$XDG_CACHE_HOME/alipay-help` (unless
    /// `ALIPAY_HELP_NO_CACHE` is set).
    ///
    /// `trainingData` loads the whole knowledge base even when the matcher is stored: `test`
    /// trains matchers of its own (cross-validation, ablation) from the examples and the
    /// vocabulary, which answering alone does not read.
    func responder(trainingData: Bool = false) throws -> Responder {
        try Self.responder(kb: kb, trainingData: trainingData)
    }

    /// `responder(trainingData:)` for the folder `kb` (nil: `$ALIPAY_HELP_KB`, else built in).
    static func responder(kb: String?, trainingData: Bool = false) throws -> Responder {
        do {
            let (folder, builtIn) = try location(kb: kb)
            let policy = MatchPolicy()
            if builtIn && !trainingData,
                let (knowledgeBase, matcher) = try MatcherStore.load(
                    directory: folder, topics: BuiltInKnowledgeBase.topicsArchive(),
                    key: BuiltInKnowledgeBase.key(policy: policy),
                    matcher: BuiltInKnowledgeBase.matcher)
            {
                return Responder(knowledgeBase: knowledgeBase, matcher: matcher)
            }
            guard let cache = cacheFolder() else {
                return try Responder(knowledgeBase: KnowledgeBase.load(from: folder), policy: policy)
            }
            let key = MatcherStore.key(
                knowledgeBaseFiles: KnowledgeBaseFiles.trainingFiles(in: folder), policy: policy,
                program: programIdentity())
            let store = MatcherStore(folder: cache)
            if trainingData {
                let knowledgeBase = try KnowledgeBase.load(from: folder)
                let matcher = try store.matcher(
                    key: key, knowledgeBase: knowledgeBase, policy: policy,
                    directory: folder)
                return Responder(knowledgeBase: knowledgeBase, matcher: matcher)
            }
            let (knowledgeBase, matcher) = try store.load(directory: folder, key: key, policy: policy)
            return Responder(knowledgeBase: knowledgeBase, matcher: matcher)
        } catch {
            StandardError.printSafely(
                KnowledgeBaseErrorText.line(for: error, otherwise: "alipay-help: error: \(error)"))
            throw ExitCode(2)
        }
    }

    /// Where stored matchers and the built-in knowledge base go; nil when `ALIPAY_HELP_NO_CACHE`
    /// is set (unless `ignoringSwitch`) or there is no home.
    static func cacheFolder(ignoringSwitch: Bool = false) -> URL? {
        let environment = ProcessInfo.processInfo.environment
        if !ignoringSwitch, let off = environment["ALIPAY_HELP_NO_CACHE"], !off.isEmpty { return nil }
        if let cache = environment["XDG_CACHE_HOME"], cache.hasPrefix("/") {
            return URL(fileURLWithPath: cache).appendingPathComponent("alipay-help")
        }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return URL(fileURLWithPath: home).appendingPathComponent(".cache/alipay-help")
    }

    /// The running program's size and modification time: a rebuilt program never reads a
    /// matcher stored by another build.
    static func programIdentity() -> String {
        let path =
            (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else { return path }
        let size = (attributes[.size] as? NSNumber)?.int64Value ?? 0
        let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        return "\(path)|\(size)|\(modified)"
    }
}
