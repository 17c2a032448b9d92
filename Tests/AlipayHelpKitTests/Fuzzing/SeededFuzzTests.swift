import AlipayHelpFuzzing
import AlipayHelpKit
import Foundation
import Testing

/// The short, seeded fuzzing pass CI runs with every `swift test`: the fuzz corpus (the inputs
/// that broke something once, and what libFuzzer kept) and a fixed number of seeded mutations, through the
/// same entry point as the libFuzzer target. Its checks are preconditions: a violation crashes
/// the test run. The long run is `fuzz/run.sh` (see docs/fuzzing.md).
@Suite struct SeededFuzzTests {
    static let corpus = Fixtures.packageRoot.appendingPathComponent("fuzz/corpus")

    static func seeds() throws -> [[UInt8]] {
        let names = try FileManager.default.contentsOfDirectory(atPath: corpus.path).sorted()
        return try names.map { Array(try Data(contentsOf: corpus.appendingPathComponent($0))) }
    }

    @Test func theCorpusHoldsTheIssuesCases() throws {
        let seeds = try Self.seeds()
        #expect(seeds.count >= 30)
        let texts = seeds.map { String(decoding: $0.dropFirst(), as: UTF8.self) }
        for needle in ["138/1234/5678", "一三八一二三四五六七八", "\u{1B}]2;PWNED", "? *a0 : 1", "otp: 12 34 56"] {
            #expect(texts.contains { $0.contains(needle) }, "\(needle)")
        }
    }

    @Test func theCorpusAndSeededMutationsRunClean() throws {
        let seeds = try Self.seeds()
        let responder = Fixtures.responder
        for seed in seeds { seed.withUnsafeBytes { FuzzInput.run($0, responder: responder) } }
        var mutator = SeededMutator(seed: 2026)
        let started = Date()
        for _ in 0..<5_000 {
            let input = mutator.mutate(seeds[Int(mutator.next() % UInt64(seeds.count))], limit: 512)
            input.withUnsafeBytes { FuzzInput.run($0, responder: responder) }
        }
        #expect(Date().timeIntervalSince(started) < 120, "no input is pathologically slow")
    }

    @Test func theAliasBombFromTheIssueIsRefusedAtOnce() throws {
        let bomb = try #require(try Self.seeds().first { String(decoding: $0, as: UTF8.self).contains("? *a0 : 1") })
        let started = Date()
        #expect(throws: KnowledgeBaseError.self) {
            try KnowledgeBase.parseFile(String(decoding: bomb.dropFirst(), as: UTF8.self), name: "topic.yaml")
        }
        #expect(Date().timeIntervalSince(started) < 1)
    }
}
