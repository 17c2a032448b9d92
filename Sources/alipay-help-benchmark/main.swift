// Measures what the README promises, on a release build:
//   swift build -c release --static-swift-stdlib && .build/release/alipay-help-benchmark
// 1. for each input class (InputClasses.swift), 100,000 lines: matching alone in process on one
//    core, and the binary answering them through pipes (`ask --json --jobs 1`);
// 2. the mixed batch of labelled questions: match + reply + JSON in process, and `ask --json`
//    on one core, then with `--jobs 2` and `--jobs` the number of cores (the speed-up);
// 3. start-up: time from launching the binary to the first byte of its answer, with the built-in
//    knowledge base and with --kb intents/;
// 4. peak memory (maximum resident set) of the binary, over every batch.
// Each figure is the median of `--runs` runs (3 by default): this machine is noisy.
// `--write-inputs DIR` writes each class's lines to DIR/<class>.txt and stops (to compare answers
// before and after a change); `--classes english,chinese` measures only those classes.
// `--scale 5,50,200` measures instead how training, start-up, throughput and memory grow with the
// knowledge base: the real one and generated ones of that many topics (ScaleBenchmark.swift);
// `--write-knowledge-base N DIR` writes the N-topic one to DIR, and its question batch to DIR.txt, and
// stops (to lint it with `check`, or to profile with it).
import AlipayHelpKit
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

let here = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
let binary = here.appendingPathComponent("alipay-help").path
var root = here
while !FileManager.default.fileExists(atPath: root.appendingPathComponent("intents/vocabulary.yaml").path)
    && root.path != "/"
{
    root.deleteLastPathComponent()
}
let intents = root.appendingPathComponent("intents")

var options = (
    runs: 3, writeInputs: String?.none, classes: [String]?.none, scale: [Int]?.none,
    writeKnowledgeBase: (topics: Int, folder: String)?.none
)
var arguments = CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
    switch argument {
    case "--runs": options.runs = max(1, Int(arguments.popFirst() ?? "") ?? 3)
    case "--write-inputs": options.writeInputs = arguments.popFirst()
    case "--classes": options.classes = arguments.popFirst()?.split(separator: ",").map(String.init)
    case "--scale": options.scale = arguments.popFirst()?.split(separator: ",").compactMap { Int($0) }
    case "--write-knowledge-base":
        options.writeKnowledgeBase = (Int(arguments.popFirst() ?? "") ?? 0, arguments.popFirst() ?? "")
    default:
        print(
            "usage: alipay-help-benchmark [--runs N] [--classes name,...] [--write-inputs DIR] [--scale 5,50,200] "
                + "[--write-knowledge-base N DIR]")
        exit(2)
    }
}

func now() -> Double {
    var spec = timespec()
    clock_gettime(CLOCK_MONOTONIC, &spec)
    return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
}

func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }

/// 100,000 realistic lines: the labelled questions, with every third one given extra chatter
/// and a typo, so the batch is not just repeats of a few strings.
func makeMixedBatch(count: Int) throws -> [String] {
    let suites = try LabelledSuite.loadAll(in: KnowledgeBaseFolder(disk: intents))
    let base = suites.flatMap(\.cases).map(\.question)
    var generator = UInt64(42)
    func next() -> Int {
        generator = generator &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407; return Int(generator >> 33)
    }
    return (0..<count).map { index in
        var question = base[index % base.count]
        if index % 3 == 0 {
            var scalars = Array(question.unicodeScalars)
            if scalars.count > 4 { let i = next() % (scalars.count - 1); scalars.swapAt(i, i + 1) }
            question = "hi, quick question \(index): " + String(String.UnicodeScalarView(scalars)) + " thanks"
        }
        return question
    }
}

let lineCount = 100_000
if let (topics, folder) = options.writeKnowledgeBase {
    try writeScaledKnowledgeBase(topics: topics, to: URL(fileURLWithPath: folder))
    exit(0)
}
if let sizes = options.scale {
    try runScaleBenchmark(sizes: sizes, runs: options.runs)
    exit(0)
}
let knowledgeBase = try KnowledgeBase.load(from: intents)
let classes = try InputClasses(
    knowledgeBase: knowledgeBase, intents: intents, bench: root.appendingPathComponent("bench")
)
.all(count: lineCount)
.filter { options.classes?.contains($0.name) ?? true }

let temporary = FileManager.default.temporaryDirectory
func writeLines(_ lines: [[UInt8]], to path: URL) throws {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(lines.reduce(0) { $0 + $1.count + 1 })
    for line in lines { bytes += line; bytes.append(10) }
    try Data(bytes).write(to: path)
}

if let directory = options.writeInputs {
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    for inputClass in classes {
        try writeLines(
            inputClass.lines, to: URL(fileURLWithPath: directory).appendingPathComponent(inputClass.name + ".txt"))
    }
    print("wrote \(classes.count) files of \(lineCount) lines to \(directory)")
    exit(0)
}

// In process (one thread = one core).
let loadStart = now()
let parsedKnowledgeBase = try KnowledgeBase.load(from: intents)
let parseTime = now() - loadStart
let assistant = Assistant(
    responder: try Responder(knowledgeBase: parsedKnowledgeBase), folder: KnowledgeBaseFolder(disk: intents))
let loadTime = now() - loadStart
print(
    String(
        format: "knowledge base load + training (in process): %.1f ms (reading YAML %.1f ms)", loadTime * 1000,
        parseTime * 1000))

var checksum = 0
/// Seconds to match every line, bytes as `ask` reads them.
@MainActor func timeMatching(_ lines: [[UInt8]]) -> Double {
    let start = now()
    for line in lines {
        checksum &+= line.withUnsafeBufferPointer { assistant.matcher.match(bytes: $0) }.facet?.count ?? 1
    }
    return now() - start
}

guard FileManager.default.isExecutableFile(atPath: binary) else {
    print("no alipay-help binary at \(binary); build it with: swift build -c release --static-swift-stdlib")
    exit(1)
}

/// Runs the binary with stdin from a file and stdout to a pipe; returns seconds to the first
/// byte, total seconds, bytes read and the child's peak resident memory in KiB.
func runBinary(_ arguments: [String], stdinPath: String?) throws -> (
    first: Double, total: Double, bytes: Int, maxRSS: Int
) {
    var pipeEnds: [Int32] = [0, 0]
    pipe(&pipeEnds)
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    if let stdinPath { posix_spawn_file_actions_addopen(&actions, 0, stdinPath, O_RDONLY, 0) }
    posix_spawn_file_actions_adddup2(&actions, pipeEnds[1], 1)
    posix_spawn_file_actions_addclose(&actions, pipeEnds[0])
    let argv = ([binary] + arguments).map { strdup($0) } + [nil]
    defer { for pointer in argv { free(pointer) } }
    var pid: pid_t = 0
    let start = now()
    guard posix_spawn(&pid, binary, &actions, nil, argv, environ) == 0 else { throw CocoaError(.executableLoad) }
    close(pipeEnds[1])
    var first = 0.0
    var total = 0
    var buffer = [UInt8](repeating: 0, count: 1 << 16)
    var peak = 0
    var sampled = 0.0
    while true {
        let count = read(pipeEnds[0], &buffer, buffer.count)
        if count <= 0 { break }
        if total == 0 { first = now() - start }
        total += count
        // The peak (a high-water mark) read every 5 ms, not on every read: parsing /proc on each
        // small read kept this end of the pipe busier than the program it measures.
        let time = now()
        if total == count || time - sampled > 0.005 {
            peak = max(peak, peakResidentKiB(of: pid))
            sampled = time
        }
    }
    close(pipeEnds[0])
    var status: Int32 = 0
    var usage = rusage()  // wait4 reaps the child; its ru_maxrss is not the child's (see peakResidentKiB)
    wait4(pid, &status, 0, &usage)
    // 0 when the child ended before it could be read: no figure rather than a wrong one.
    return (first, now() - start, total, peak)
}

/// The child's own peak resident memory (VmHWM), read while it runs. `ru_maxrss` from wait4 is
/// no use here: posix_spawn starts the child in this process's memory, and Linux records that
/// memory's peak (the benchmark's, with its 100,000 questions) when the child execs.
func peakResidentKiB(of pid: pid_t) -> Int {
    guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return 0 }
    for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
        return Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "") ?? 0
    }
    return 0
}

let kbArguments = ["--kb", intents.path]
// One answer first, so the program trains and stores the matcher for intents/ now: the batches
// measure answering, not a first run's training (its time and its memory).
_ = try runBinary(["ask", "hello"] + kbArguments, stdinPath: nil)
var peakMemory = 0
/// Median seconds for `ask --json` to answer the file's lines, on one core unless told.
@MainActor func timeBinary(_ path: URL, jobs: Int = 1) throws -> Double {
    var times: [Double] = []
    for _ in 0..<options.runs {
        let run = try runBinary(["ask", "--json", "--jobs", String(jobs)] + kbArguments, stdinPath: path.path)
        times.append(run.total)
        peakMemory = max(peakMemory, run.maxRSS)
    }
    return median(times)
}

func rate(_ seconds: Double, _ count: Int) -> String { String(format: "%9.0f", Double(count) / seconds) }
func nanoseconds(_ seconds: Double, _ count: Int) -> String { String(format: "%8.0f", seconds / Double(count) * 1e9) }

// 1. Each input class.
print(
    "\nper input class, \(lineCount) lines each, median of \(options.runs) runs (q/s = questions per second; ns = per question)"
)
print("class         bytes/line   match q/s  match ns   ask q/s    ask ns")
for inputClass in classes {
    let matchTime = median((0..<options.runs).map { _ in timeMatching(inputClass.lines) })
    let path = temporary.appendingPathComponent("alipay-help-bench-\(getpid())-\(inputClass.name).txt")
    try writeLines(inputClass.lines, to: path)
    defer { try? FileManager.default.removeItem(at: path) }
    let askTime = try timeBinary(path)
    let bytesPerLine = Double(inputClass.lines.reduce(0) { $0 + $1.count }) / Double(inputClass.lines.count)
    print(
        inputClass.name.padding(toLength: 13, withPad: " ", startingAt: 0)
            + String(format: "%6.0f", bytesPerLine) + "   "
            + rate(matchTime, lineCount) + " " + nanoseconds(matchTime, lineCount) + " "
            + rate(askTime, lineCount) + " " + nanoseconds(askTime, lineCount))
}

// 2. The mixed batch of labelled questions.
if options.classes == nil {
    let batch = try makeMixedBatch(count: lineCount)
    let replyTime = median(
        (0..<options.runs).map { _ in
            let start = now()
            let encoder = ReplyEncoder(format: .jsonLines, showsQuestion: false)
            for question in batch { checksum &+= encoder.bytes(for: assistant.answer(question)).count }
            return now() - start
        })
    let matchTime = median((0..<options.runs).map { _ in timeMatching(batch.map { Array($0.utf8) }) })
    let input = temporary.appendingPathComponent("alipay-help-bench-\(getpid()).txt")
    try writeLines(batch.map { Array($0.utf8) }, to: input)
    defer { try? FileManager.default.removeItem(at: input) }
    let askTime = try timeBinary(input)
    print("\nmixed batch of the labelled suites (\(lineCount) lines, a third with chatter and a typo):")
    print(String(format: "matching alone: %.0f questions/s", Double(lineCount) / matchTime))
    print(
        String(
            format: "in-process throughput: %.0f questions/s on one core (match + reply + JSON)",
            Double(lineCount) / replyTime))
    print(
        String(
            format: "binary throughput: %.0f questions/s (ask --json through pipes, one core)",
            Double(lineCount) / askTime))
    // The same batch answered by several threads (`ask --jobs N`).
    let cores = ProcessInfo.processInfo.activeProcessorCount
    for jobs in Set([2, cores]).sorted() where jobs > 1 {
        let time = try timeBinary(input, jobs: jobs)
        print(
            String(
                format: "  --jobs %d: %.0f questions/s, %.2f times one core", jobs, Double(lineCount) / time,
                askTime / time))
    }
}
print(String(format: "peak memory over the batches: %.1f MB", Double(peakMemory) / 1024))

// 3. Start-up to first answer, median of 21 runs: with the knowledge base built into the program
// (its matcher trained at build time), and with `--kb intents/` (the matcher stored in the cache
// by the first run).
/// Median and worst seconds to the first byte of an answer, and the peak memory in KiB.
func timeStartUp(_ arguments: [String]) throws -> (median: Double, worst: Double, peak: Int) {
    var firsts: [Double] = []
    var peak = 0
    _ = try runBinary(["ask", "how do I change my phone number"] + arguments, stdinPath: nil)
    for _ in 0..<21 {
        let run = try runBinary(["ask", "how do I change my phone number"] + arguments, stdinPath: nil)
        firsts.append(run.first)
        peak = max(peak, run.maxRSS)
    }
    firsts.sort()
    return (firsts[firsts.count / 2], firsts.last!, peak)
}
for (name, arguments) in [("built-in knowledge base", []), ("--kb intents/, matcher stored", kbArguments)] {
    let startUp = try timeStartUp(arguments)
    print(
        String(
            format: "start-up to first answer, %@: median %.1f ms, worst %.1f ms (21 runs); peak memory %.1f MB",
            name, startUp.median * 1000, startUp.worst * 1000, Double(startUp.peak) / 1024))
}
if checksum == 0 { print("") }
