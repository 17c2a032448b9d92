import AlipayHelpFuzzing
import AlipayHelpKit
import Foundation

// The fuzz target. Built by fuzz/run.sh with -sanitize=fuzzer,address and -DFUZZING, its main
// hands control to libFuzzer; built plainly (as `swift build` does), it replays the files or
// folders given (default fuzz/corpus) and then a seeded random pass, so it always builds and
// runs without libFuzzer.

#if FUZZING
    @_silgen_name("LLVMFuzzerRunDriver")
    func runFuzzerDriver(
        _ argc: UnsafeMutablePointer<Int32>,
        _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
        _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
    ) -> Int32
#endif

nonisolated(unsafe) var sharedResponder: Responder?

@main
enum FuzzMain {
    static func knowledgeBase() -> URL {
        if let env = ProcessInfo.processInfo.environment["ALIPAY_HELP_KB"], !env.isEmpty {
            return URL(fileURLWithPath: env)
        }
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            .deletingLastPathComponent()
        for _ in 0..<8 {
            let candidate = folder.appendingPathComponent("intents")
            if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("vocabulary.yaml").path) {
                return candidate
            }
            folder.deleteLastPathComponent()
        }
        return URL(fileURLWithPath: "intents")
    }

    static func main() {
        do {
            sharedResponder = try Responder(knowledgeBase: KnowledgeBase.load(from: knowledgeBase()))
        } catch {
            FileHandle.standardError.write(Data("alipay-help-fuzz: cannot load the knowledge base: \(error)\n".utf8))
            exit(2)
        }
        #if FUZZING
            var argc = CommandLine.argc
            var argv = CommandLine.unsafeArgv
            exit(
                runFuzzerDriver(&argc, &argv) { data, size in
                    FuzzInput.run(UnsafeRawBufferPointer(start: data, count: size), responder: sharedResponder!)
                    return 0
                })
        #else
            seededPass()
        #endif
    }

    /// Replays the corpus, then `--runs N` mutations of it (default 100,000) from `--seed S`.
    static func seededPass() {
        var arguments = Array(CommandLine.arguments.dropFirst())
        func option(_ name: String, _ fallback: UInt64) -> UInt64 {
            guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count,
                let value = UInt64(arguments[index + 1])
            else { return fallback }
            arguments.removeSubrange(index...index + 1)
            return value
        }
        let runs = option("--runs", 100_000)
        let seed = option("--seed", 1)
        let paths = arguments.isEmpty ? ["fuzz/corpus"] : arguments
        var seeds: [[UInt8]] = []
        for path in paths {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { continue }
            let files =
                isFolder.boolValue
                ? ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted().map { path + "/" + $0 }
                : [path]
            for file in files { if let data = FileManager.default.contents(atPath: file) { seeds.append(Array(data)) } }
        }
        if seeds.isEmpty { seeds = [[0]] }
        let responder = sharedResponder!
        let start = Date()
        for input in seeds { input.withUnsafeBytes { FuzzInput.run($0, responder: responder) } }
        var mutator = SeededMutator(seed: seed)
        for _ in 0..<runs {
            let input = mutator.mutate(seeds[Int(mutator.next() % UInt64(seeds.count))])
            input.withUnsafeBytes { FuzzInput.run($0, responder: responder) }
        }
        print(
            "alipay-help-fuzz: \(seeds.count) seeds and \(runs) mutations (seed \(seed)) in \(String(format: "%.1f", Date().timeIntervalSince(start))) s, no crash"
        )
    }
}
