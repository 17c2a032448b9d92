import AlipayHelpKit
import ArgumentParser

#if canImport(Glibc)
    import Glibc
#endif

/// Reads standard input as raw bytes, one line at a time, without trusting it: any bytes are
/// accepted, `\r\n` ends a line like `\n`, and a line longer than `maximumLength` keeps only its
/// first bytes (the rest is skipped without being stored, so a huge line costs no memory).
struct LineReader {
    struct Line {
        var number: Int
        var bytes: [UInt8]
        /// The full length when the line was cut.
        var originalLength: Int
        var truncated: Bool { originalLength > bytes.count }
    }

    let maximumLength: Int
    /// Called before each blocking read, so answers stream out while input trickles in.
    var beforeRead: () -> Void = {}
    /// Asked when a read is interrupted by a signal: true ends the input there.
    var interrupted: () -> Bool = { false }
    /// Why reading stopped, when it was not the end of the input (a directory, EIO).
    private(set) var readError: Int32?
    private var chunk = [UInt8](repeating: 0, count: 1 << 16)
    private var start = 0
    private var end = 0
    private var lineNumber = 0
    private var finished = false

    init(maximumLength: Int) { self.maximumLength = maximumLength }

    mutating func next() -> Line? {
        var line: [UInt8] = []
        var length = 0
        var sawAnything = false
        while true {
            if start == end {
                if finished { break }
                beforeRead()
                let count = chunk.withUnsafeMutableBytes { read(0, $0.baseAddress!, $0.count) }
                if count < 0 && errno == EINTR {
                    if interrupted() { finished = true; break }
                    continue
                }
                if count < 0 { readError = errno }
                if count <= 0 { finished = true; break }
                start = 0
                end = count
            }
            sawAnything = true
            let newline = chunk.withUnsafeBytes { bytes -> Int in
                guard let found = memchr(bytes.baseAddress! + start, 10, end - start) else { return end }
                return bytes.baseAddress!.distance(to: UnsafeRawPointer(found))
            }
            let piece = chunk[start..<newline]
            length += piece.count
            let room = maximumLength - line.count
            if room > 0 { line.append(contentsOf: piece.prefix(room)) }
            if newline < end {
                start = newline + 1
                return finish(&line, length: length)
            }
            start = end
        }
        return sawAnything && length > 0 ? finish(&line, length: length) : nil
    }

    /// Whether standard input has something to read right now (a file always has).
    static func inputIsReady() -> Bool {
        var descriptor = pollfd(fd: 0, events: Int16(POLLIN), revents: 0)
        return poll(&descriptor, 1, 0) > 0
    }

    /// A read error is reported, not taken for the end of the input: a message and status 1.
    func reportReadError() throws {
        guard let readError else { return }
        let reason = readError == EISDIR ? "it is a directory" : String(cString: strerror(readError)).lowercased()
        StandardError.print("alipay-help: error: cannot read standard input: \(reason)")
        throw ExitCode(1)
    }

    /// After SIGINT or SIGTERM stopped a batch (and its output was flushed whole), ends the
    /// program the way the signal would have.
    static func stop(ifSignalled signalNumber: Int32) {
        guard signalNumber != 0 else { return }
        signal(signalNumber, SIG_DFL)
        raise(signalNumber)
    }

    /// A line with nothing to read in it: only white space (U+3000, NBSP…) and invisible
    /// characters (zero-width space, BOM), as an argument or a line of input.
    static func isBlank(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy {
            $0.properties.isWhitespace || $0.properties.generalCategory == .format || $0 == "\u{200B}"
        }
    }

    static func isBlank(_ bytes: [UInt8]) -> Bool {
        if bytes.allSatisfy({ $0 == 32 || $0 == 9 || $0 == 11 || $0 == 12 || $0 == 13 }) { return true }
        // An ASCII character other than white space is no blank (no ASCII character is a
        // format character): most lines are decided here, without decoding them.
        guard !bytes.contains(where: { $0 < 0x80 && $0 != 32 && !(9...13).contains($0) }) else { return false }
        return isBlank(String(decoding: bytes, as: UTF8.self))
    }

    /// Says on standard error that a line was cut, and how much of it is used.
    static func reportTruncation(_ line: Line) {
        StandardError.print(
            "alipay-help: line \(line.number): \(line.originalLength) bytes is too long for a question; keeping only the first \(line.bytes.count)"
        )
    }

    private mutating func finish(_ line: inout [UInt8], length: Int) -> Line {
        lineNumber += 1
        var length = length
        if line.last == 13 { line.removeLast(); length -= 1 }
        return Line(number: lineNumber, bytes: line, originalLength: length)
    }
}
