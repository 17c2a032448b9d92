// Measures what the README promises, on a release build:
//   swift build -c release --static-swift-stdlib && .build/release/alipay-help-benchmark
// 1. matcher throughput on one core (100,000 questions, in process);
// 2. the whole binary answering a 100,000-line batch through pipes (`ask --json`);
// 3. start-up: time from launching the binary to the first byte of its answer;
// 4. peak memory (maximum resident set) of the binary during the batch.
import AlipayHelpKit
import Foundation
#if canImport(Glibc)
import Glibc
#endif

let here = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
let binary = here.appendingPathComponent("alipay-help").path
var root = here
while !FileManager.default.fileExists(atPath: root.appendingPathComponent("intents/vocabulary.yaml").path) && root.path != "/" {
    root.deleteLastPathComponent()
}
let intents = root.appendingPathComponent("intents")

func now() -> Double {
    var spec = timespec()
    clock_gettime(CLOCK_MONOTONIC, &spec)
    return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
}

/// 100,000 realistic lines: the labelled questions, with every third one given extra chatter
/// and a typo, so the batch is not just repeats of a few strings.
func makeBatch(count: Int) throws -> [String] {
    let suites = try LabelledSuite.loadAll(in: intents.appendingPathComponent("tests"))
    let base = suites.flatMap(\.cases).map(\.question)
    var generator = UInt64(42)
    func next() -> Int { generator = generator &* 6364136223846793005 &+ 1442695040888963407; return Int(generator >> 33) }
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

let batch = try makeBatch(count: 100_000)

// 1. In-process throughput (one thread = one core).
let loadStart = now()
let knowledgeBase = try KnowledgeBase.load(from: intents)
let parseTime = now() - loadStart
let responder = try Responder(knowledgeBase: knowledgeBase)
let loadTime = now() - loadStart
var checksum = 0
let matchStart = now()
for question in batch {
    let reply = responder.reply(to: question)
    checksum &+= JSONLineEncoder.encode(reply).utf8.count
}
let matchTime = now() - matchStart
let onlyMatchStart = now()
for question in batch { checksum &+= responder.matcher.match(question).facet?.count ?? 1 }
let onlyMatchTime = now() - onlyMatchStart
print(String(format: "knowledge base load + training (in process): %.1f ms (reading YAML %.1f ms)", loadTime * 1000, parseTime * 1000))
print(String(format: "matching alone: %.0f questions/s", Double(batch.count) / onlyMatchTime))
print(String(format: "in-process throughput: %.0f questions/s on one core (%d questions, %.2f s, match + reply + JSON)", Double(batch.count) / matchTime, batch.count, matchTime))

// 2. The binary through pipes, and its peak memory.
guard FileManager.default.isExecutableFile(atPath: binary) else {
    print("no alipay-help binary at \(binary); build it with: swift build -c release --static-swift-stdlib")
    exit(1)
}
let input = FileManager.default.temporaryDirectory.appendingPathComponent("alipay-help-bench-\(getpid()).txt")
try (batch.joined(separator: "\n") + "\n").write(to: input, atomically: true, encoding: .utf8)
defer { try? FileManager.default.removeItem(at: input) }

/// Runs the binary with stdin from a file and stdout to a pipe; returns seconds to the first
/// byte, total seconds, bytes read and the child's peak resident memory in KiB.
func runBinary(_ arguments: [String], stdinPath: String?) throws -> (first: Double, total: Double, bytes: Int, maxRSS: Int) {
    var pipeEnds: [Int32] = [0, 0]
    pipe(&pipeEnds)
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    if let stdinPath { posix_spawn_file_actions_addopen(&actions, 0, stdinPath, O_RDONLY, 0) }
    posix_spawn_file_actions_adddup2(&actions, pipeEnds[1], 1)
    posix_spawn_file_actions_addclose(&actions, pipeEnds[0])
    let argv = ([binary] + arguments).map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    var pid: pid_t = 0
    let start = now()
    guard posix_spawn(&pid, binary, &actions, nil, argv, environ) == 0 else { throw CocoaError(.executableLoad) }
    close(pipeEnds[1])
    var first = 0.0
    var total = 0
    var buffer = [UInt8](repeating: 0, count: 1 << 16)
    var peak = 0
    while true {
        let count = read(pipeEnds[0], &buffer, buffer.count)
        if count <= 0 { break }
        if total == 0 { first = now() - start }
        total += count
        peak = max(peak, peakResidentKiB(of: pid))
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
let pipeRun = try runBinary(["ask", "--json"] + kbArguments, stdinPath: input.path)
print(String(format: "binary throughput: %.0f questions/s (ask --json, 100,000 lines through pipes, %.2f s, %.1f MB out)",
             Double(batch.count) / pipeRun.total, pipeRun.total, Double(pipeRun.bytes) / 1e6))
print(String(format: "peak memory during the batch: %.1f MB", Double(pipeRun.maxRSS) / 1024))

// 3. Start-up to first answer, median of 21 runs.
var firsts: [Double] = []
var peakSingle = 0
for _ in 0..<21 {
    let run = try runBinary(["ask", "how do I change my phone number"] + kbArguments, stdinPath: nil)
    firsts.append(run.first)
    peakSingle = max(peakSingle, run.maxRSS)
}
firsts.sort()
print(String(format: "start-up to first answer: median %.1f ms, worst %.1f ms (21 runs); peak memory %.1f MB",
             firsts[firsts.count / 2] * 1000, firsts.last! * 1000, Double(peakSingle) / 1024))
if checksum == 0 { print("") }
