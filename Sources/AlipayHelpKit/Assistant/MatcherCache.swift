import Foundation

/// Where trained matchers of knowledge-base folders are kept between runs, and what names the
/// program that trained them: a rebuilt program never reads another build's matcher.
public struct MatcherCache: Sendable {
    public var folder: URL
    public var program: String

    public init(folder: URL, program: String = MatcherCache.runningProgram()) {
        self.folder = folder
        self.program = program
    }

    /// The standard place: `$XDG_CACHE_HOME/alipay-help` (an absolute path only), else
    /// `~/.cache/alipay-help`; none when `ALIPAY_HELP_NO_CACHE` is set or there is no home.
    public static func standard(environment: [String: String] = ProcessInfo.processInfo.environment) -> MatcherCache? {
        if let off = environment["ALIPAY_HELP_NO_CACHE"], !off.isEmpty { return nil }
        if let cache = environment["XDG_CACHE_HOME"], cache.hasPrefix("/") {
            return MatcherCache(folder: URL(fileURLWithPath: cache).appendingPathComponent("alipay-help"))
        }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return MatcherCache(folder: URL(fileURLWithPath: home).appendingPathComponent(".cache/alipay-help"))
    }

    /// The running program's path, size and modification time.
    public static func runningProgram() -> String {
        let path =
            (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else { return path }
        let size = (attributes[.size] as? NSNumber)?.int64Value ?? 0
        let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        return "\(path)|\(size)|\(modified)"
    }

    /// The key of a knowledge base's training files with these settings and this program.
    func key(for folder: KnowledgeBaseFolder, policy: MatchPolicy) -> UInt64 {
        let files = folder.allFiles().filter(KnowledgeBaseFiles.isTrainingFile).map { name in
            (name: name, contents: folder.bytes(of: name) ?? [])
        }
        return MatcherStore.key(knowledgeBaseFiles: files, policy: policy, program: program)
    }
}
