import AlipayHelpKit
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Buffered standard output written with `write(2)`. A closed pipe (`| head`) ends the program
/// quietly with status 0 instead of a crash or an error message; any other failed write (a full
/// disk, a closed standard output) is an error: a message and status 1.
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

    func write(_ bytes: [UInt8]) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= flushThreshold { flush() }
    }

    /// Says why output could not be written, and exits 1.
    static func fail(_ code: Int32) -> Never {
        let reason = code == EBADF ? "standard output is closed" : String(cString: strerror(code)).lowercased()
        StandardError.print("alipay-help: error: cannot write the output: \(reason)")
        exit(1)
    }

    /// A closed standard output is held open on /dev/null for reading only, so no file the
    /// program opens later takes its place, and writing to it still fails (and is reported).
    static func reserveClosedDescriptors() {
        for (descriptor, flags) in [(Int32(1), O_RDONLY), (Int32(2), O_WRONLY)] where fcntl(descriptor, F_GETFD) == -1 {
            let opened = open("/dev/null", flags)
            if opened >= 0 && opened != descriptor {
                dup2(opened, descriptor)
                close(opened)
            }
        }
    }

    func flush() {
        buffer.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = Glibc.write(1, raw.baseAddress! + offset, raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    // A closed pipe: the reader has gone away (`| head`), and that is no error.
                    if errno == EPIPE { exit(0) }
                    // Anything else (a full disk, a closed descriptor, an I/O error) loses output.
                    StandardOutput.fail(errno)
                }
                offset += written
            }
        }
        buffer.removeAll(keepingCapacity: true)
    }
}

/// Diagnostics and prompts go to standard error, unbuffered.
enum StandardError {
    /// A message with anything from outside (a path, a question) shown visibly.
    static func printSafely(_ message: String) {
        print(ControlCharacters.visible(message))
    }

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
