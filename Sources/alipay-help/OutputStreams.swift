import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Buffered standard output written with `write(2)`. A closed pipe (`| head`) ends the program
/// quietly with status 0 instead of a crash or an error message.
final class StandardOutput {
    private var buffer: [UInt8] = []
    private let flushThreshold = 1 << 16

    init() {
        signal(SIGPIPE, SIG_IGN)
        buffer.reserveCapacity(flushThreshold * 2)
    }

    func write(_ text: String) {
        var text = text
        text.withUTF8 { buffer.append(contentsOf: $0) }
        if buffer.count >= flushThreshold { flush() }
    }

    func write(byte: UInt8) { buffer.append(byte) }

    func flush() {
        buffer.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = Glibc.write(1, raw.baseAddress! + offset, raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    exit(0) // EPIPE or a closed descriptor: the reader has gone away.
                }
                offset += written
            }
        }
        buffer.removeAll(keepingCapacity: true)
    }
}

/// Diagnostics and prompts go to standard error, unbuffered.
enum StandardError {
    static func print(_ message: String) {
        var line = message + "\n"
        line.withUTF8 { bytes in _ = Glibc.write(2, bytes.baseAddress!, bytes.count) }
    }
}

/// Whether a stream should get colour: a terminal, and NO_COLOR not set.
enum Terminal {
    static func wantsColour(_ descriptor: Int32) -> Bool {
        let noColour = ProcessInfo.processInfo.environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        return !noColour && isatty(descriptor) == 1
    }
}
