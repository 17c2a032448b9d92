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
                if count < 0 && errno == EINTR { continue }
                if count <= 0 { finished = true; break }
                start = 0
                end = count
            }
            sawAnything = true
            var newline = start
            while newline < end && chunk[newline] != 10 { newline += 1 }
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

    /// Says on standard error that a line was cut, and how much of it is used.
    static func reportTruncation(_ line: Line) {
        StandardError.print("alipay-help: line \(line.number): \(line.originalLength) bytes is too long for a question; using the first \(line.bytes.count)")
    }

    private mutating func finish(_ line: inout [UInt8], length: Int) -> Line {
        lineNumber += 1
        var length = length
        if line.last == 13 { line.removeLast(); length -= 1 }
        return Line(number: lineNumber, bytes: line, originalLength: length)
    }
}
