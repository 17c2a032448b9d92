import Foundation

/// Runs the built `alipay-help` binary the way a user would, with pipes.
struct BinaryRunner {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let intents = packageRoot.appendingPathComponent("intents").path

    /// The executable sits beside the test bundle in the build folder.
    static let executable: URL = {
        let testBinary = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        var folder = testBinary.deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("alipay-help")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder.deleteLastPathComponent()
        }
        return packageRoot.appendingPathComponent(".build/debug/alipay-help")
    }()

    struct Result {
        var status: Int32
        var stdout: Data
        var stderr: String
        var text: String { String(decoding: stdout, as: UTF8.self) }
        var lines: [String] { text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init) }
    }

    /// Starts `ask --json` on the knowledge base with live pipes, for tests that write to it
    /// while it runs.
    static func startBatch(quietErrors: Bool = false, arguments: [String] = []) throws -> (
        process: Process, input: Pipe, output: Pipe
    ) {
        let process = Process()
        process.executableURL = executable
        process.arguments = ["ask", "--json", "--kb", intents] + arguments
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        if quietErrors { process.standardError = FileHandle.nullDevice }
        try process.run()
        return (process, input, output)
    }

    static func run(
        _ arguments: [String], stdin: Data? = nil, environment: [String: String] = [:], kb: Bool = true,
        program: URL = executable
    ) throws -> Result {
        let process = Process()
        process.executableURL = program
        process.arguments = arguments + (kb ? ["--kb", intents] : [])
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "ALIPAY_HELP_KB")
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let input = Pipe(), output = Pipe(), error = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = error
        try process.run()
        // Feed stdin from another thread so a large input cannot deadlock against full pipes.
        let writer = Thread {
            if let stdin { input.fileHandleForWriting.write(stdin) }
            try? input.fileHandleForWriting.close()
        }
        writer.start()
        let errorData = Collected()
        let errorReader = Thread {
            errorData.data = error.fileHandleForReading.readDataToEndOfFile()
            errorData.done.signal()
        }
        errorReader.start()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        errorData.done.wait()
        return Result(
            status: process.terminationStatus, stdout: outputData,
            stderr: String(decoding: errorData.data, as: UTF8.self))
    }

    /// What a reader thread collected; `done` is signalled once it has finished writing.
    final class Collected: @unchecked Sendable {
        var data = Data()
        let done = DispatchSemaphore(value: 0)
    }

    static func jsonObjects(_ result: Result) throws -> [[String: Any]] {
        try result.lines.map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
    }
}
