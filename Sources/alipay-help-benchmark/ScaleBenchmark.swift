import AlipayHelpKit
import Foundation

/// `--scale 5,50,200`: the same figures for knowledge bases of growing size. 5 is the real one
/// (`intents/`); more is the real one plus generated topics (SyntheticKnowledgeBase.swift). For
/// each size, with a cache folder of its own (`XDG_CACHE_HOME`, emptied first):
/// 1. the first start, which trains and stores the matcher: seconds to the first answer, the
///    child's peak memory (training, then the batch of 3.), and the stored matcher and topics' size;
/// 2. start-up to the first answer with the matcher stored (median of 21 runs);
/// 3. `ask --json` answering 100,000 lines through pipes (median of `--runs`) and its peak memory:
///    for 5 topics the mixed batch of the labelled suites, for more, questions drawn over every
///    topic (SyntheticKnowledgeBase.batch);
/// 4. how often the generated topics' new questions are answered with their own topic (a check
///    that a leaner matcher still understands; in process).
/// Then each figure's growth from the smallest size.
@MainActor func runScaleBenchmark(sizes: [Int], runs: Int) throws {
    let temporary = FileManager.default.temporaryDirectory.appendingPathComponent("alipay-help-scale-\(getpid())")
    try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: temporary) }
    let real = try KnowledgeBase.load(from: intents)
    let realText = try realKnowledgeBaseText()
    let realQuestions = try LabelledSuite.loadAll(in: intents.appendingPathComponent("tests")).flatMap(\.cases).map(
        \.question)

    /// One knowledge-base size's figures.
    struct Row {
        var topics: Int
        /// The first start's seconds to its first answer (it trains), its peak memory (KiB)
        /// and the stored matcher and topics' size (bytes).
        var training: Double
        var trainingPeak: Int
        var archive: Int
        /// Start-up to the first answer with the matcher stored: median and worst (seconds).
        var first: Double
        var worst: Double
        /// `ask --json` questions per second on one core, and its peak memory (KiB).
        var throughput: Double
        var peak: Int
        /// The share of new generated questions answered with their own topic.
        var understood: Double?
    }
    var rows: [Row] = []
    let sizeList = sizes.map(String.init).joined(separator: ", ")
    print("knowledge-base sizes \(sizeList) topics; throughput median of \(runs) runs")
    for size in sizes {
        let generated = max(0, size - real.topics.count)
        let synthetic = SyntheticKnowledgeBase(count: generated, reservedText: realText)
        let directory = generated == 0 ? intents : temporary.appendingPathComponent("kb-\(size)")
        if generated > 0 { try synthetic.write(copying: intents, to: directory) }
        let cache = temporary.appendingPathComponent("cache-\(size)")
        try? FileManager.default.removeItem(at: cache)
        setenv("XDG_CACHE_HOME", cache.path, 1)
        unsetenv("ALIPAY_HELP_NO_CACHE")
        let question = ["ask", "how do I change my phone number", "--kb", directory.path]

        let batch =
            generated == 0
            ? try makeMixedBatch(count: lineCount)
            : synthetic.batch(count: lineCount, realQuestions: realQuestions, realTopics: real.topics.count)
        let input = temporary.appendingPathComponent("batch-\(size).txt")
        try writeLines(batch.map { Array($0.utf8) }, to: input)
        let askBatch = ["ask", "--json", "--jobs", "1", "--kb", directory.path]  // one core

        // 1. The first start trains and stores the matcher. It is given the batch, so that it
        // lives long enough for its peak memory to be read (a single answer ends too soon).
        let training = try runBinary(askBatch, stdinPath: input.path)
        let stored =
            (try? FileManager.default.contentsOfDirectory(atPath: cache.appendingPathComponent("alipay-help").path))
            ?? []
        let archive = stored.filter { $0.hasSuffix(".bin") }.compactMap {
            let path = cache.appendingPathComponent("alipay-help/" + $0).path
            return (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int
        }.reduce(0, +)

        // 2. Start-up with the matcher stored.
        var firsts: [Double] = []
        var peak = 0
        for _ in 0..<21 {
            let run = try runBinary(question, stdinPath: nil)
            firsts.append(run.first)
            peak = max(peak, run.maxRSS)
        }
        firsts.sort()

        // 3. Throughput through pipes.
        var times: [Double] = []
        for _ in 0..<runs {
            let run = try runBinary(askBatch, stdinPath: input.path)
            times.append(run.total)
            peak = max(peak, run.maxRSS)
        }
        try? FileManager.default.removeItem(at: input)

        // 4. New questions of the generated topics, answered in process by the stored matcher.
        var understood: Double? = nil
        if generated > 0 {
            let store = MatcherStore(folder: cache.appendingPathComponent("alipay-help"))
            let key = MatcherStore.key(
                knowledgeBaseFiles: KnowledgeBaseFiles.trainingFiles(in: directory), policy: MatchPolicy(),
                program: programIdentity())
            let (knowledgeBase, matcher) = try store.load(directory: directory, key: key, policy: MatchPolicy())
            _ = knowledgeBase
            var random = InputClasses.Generator(state: 1234)
            var right = 0
            let count = 5000
            for _ in 0..<count {
                let topic = random.pick(synthetic.topics)
                let text = SyntheticKnowledgeBase.question(
                    topic, facet: nil, chinese: random.next(4) == 0, random: &random)
                if case .topic(let id) = matcher.match(text).outcome, id == topic.id { right += 1 }
            }
            understood = Double(right) / Double(count)
        }
        let row = Row(
            topics: size, training: training.first, trainingPeak: training.maxRSS, archive: archive,
            first: median(firsts), worst: firsts.last!, throughput: Double(lineCount) / median(times), peak: peak,
            understood: understood)
        rows.append(row)
        print(
            String(
                format:
                    "%4d topics: first start (trains) %.2f s, peak %.1f MB with the batch, "
                    + "stored matcher and topics %.1f MB; "
                    + "start-up median %.1f ms (worst %.1f); ask --json %.0f q/s; peak memory %.1f MB%@",
                size, row.training, Double(row.trainingPeak) / 1024, Double(row.archive) / 1e6, row.first * 1000,
                row.worst * 1000,
                row.throughput, Double(row.peak) / 1024,
                understood.map { String(format: "; generated questions understood %.1f%%", $0 * 100) } ?? ""))
    }
    guard let base = rows.first else { return }
    print("\ngrowth from \(base.topics) topics (×): training, first start, throughput, peak memory")
    for row in rows.dropFirst() {
        print(
            String(
                format: "%4d topics: training ×%.1f, start-up ×%.1f, throughput ×%.2f, peak memory ×%.1f", row.topics,
                row.training / base.training, row.first / base.first, row.throughput / base.throughput,
                Double(row.peak) / Double(base.peak)))
    }
    unsetenv("XDG_CACHE_HOME")
}

/// Every YAML file of the real knowledge base, run together (its characters are reserved).
func realKnowledgeBaseText() throws -> String {
    try (FileManager.default.subpaths(atPath: intents.path) ?? []).filter { $0.hasSuffix(".yaml") }.sorted()
        .map { try String(contentsOf: intents.appendingPathComponent($0), encoding: .utf8) }.joined()
}

/// The real knowledge base plus enough generated topics to make `topics`, written to `folder`.
/// Writes the knowledge base of `topics` topics to `folder`, and beside it (`folder.txt`) the
/// batch of questions the scale benchmark answers with it, to profile or compare builds on.
func writeScaledKnowledgeBase(topics: Int, to folder: URL) throws {
    let real = try KnowledgeBase.load(from: intents)
    let synthetic = SyntheticKnowledgeBase(
        count: max(0, topics - real.topics.count), reservedText: try realKnowledgeBaseText())
    try synthetic.write(copying: intents, to: folder)
    let realQuestions = try LabelledSuite.loadAll(in: intents.appendingPathComponent("tests")).flatMap(\.cases).map(
        \.question)
    let batch = synthetic.batch(count: lineCount, realQuestions: realQuestions, realTopics: real.topics.count)
    try writeLines(batch.map { Array($0.utf8) }, to: folder.appendingPathExtension("txt"))
}

/// The binary as the command line names itself in the key (path, size, modification time), so
/// the check reads the matcher the binary stored rather than training one more.
private func programIdentity() -> String {
    let path = URL(fileURLWithPath: binary).resolvingSymlinksInPath().path
    guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else { return path }
    let size = (attributes[.size] as? NSNumber)?.int64Value ?? 0
    let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
    return "\(path)|\(size)|\(modified)"
}
