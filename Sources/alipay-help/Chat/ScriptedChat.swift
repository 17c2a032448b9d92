import AlipayHelpKit
import CStopSignals

/// The chat with a pipe on standard input: the same conversation, no readline, no prompt, no
/// banner; each reply followed by a blank line. This is how conversations are scripted.
struct ScriptedChat {
    var session: ChatSession

    mutating func run() -> Int32 {
        let output = StandardOutput()
        var reader = LineReader(maximumLength: AlipayHelp.Ask.maximumLineLength)
        reader.beforeRead = { output.flush() }
        stop_signals_install()
        reader.interrupted = { stop_signal_received() != 0 }
        while stop_signal_received() == 0, let line = reader.next() {
            if line.truncated { LineReader.reportTruncation(line) }
            let response = session.handle(String(decoding: line.bytes, as: UTF8.self))
            if !response.output.isEmpty { output.write(response.output + "\n\n") }
            if response.action == .quit { break }
        }
        output.flush()
        LineReader.stop(ifSignalled: stop_signal_received())
        if (try? reader.reportReadError()) == nil { return 1 }
        return 0
    }
}
