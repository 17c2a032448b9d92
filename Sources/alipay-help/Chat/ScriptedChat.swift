import AlipayHelpKit
import CReadline

/// The chat with a pipe on standard input: the same conversation, no readline, no prompt, no
/// banner; each reply followed by a blank line. This is how conversations are scripted.
struct ScriptedChat {
    var session: ChatSession

    mutating func run() -> Int32 {
        let output = StandardOutput()
        var reader = LineReader(maximumLength: AlipayHelp.Ask.maximumLineLength)
        reader.beforeRead = { output.flush() }
        cr_install_stop_signals()
        reader.interrupted = { cr_stop_signal() != 0 }
        while cr_stop_signal() == 0, let line = reader.next() {
            if line.truncated { LineReader.reportTruncation(line) }
            let response = session.handle(String(decoding: line.bytes, as: UTF8.self))
            if !response.output.isEmpty { output.write(response.output + "\n\n") }
            if response.action == .quit { break }
        }
        output.flush()
        LineReader.stop(ifSignalled: cr_stop_signal())
        if (try? reader.reportReadError()) == nil { return 1 }
        return 0
    }
}
