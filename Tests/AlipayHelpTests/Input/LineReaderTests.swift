import Foundation
import Testing

@testable import alipay_help

#if canImport(Glibc)
    import Glibc
#endif

/// The line reader in-process, on a pipe put in place of standard input for each test (one at a
/// time: there is one standard input).
@Suite(.serialized) struct LineReaderTests {
    /// The lines the reader makes of `input`.
    func lines(_ input: [UInt8], maximumLength: Int = 4096) -> [LineReader.Line] {
        var pipeEnds: [Int32] = [0, 0]
        guard pipe(&pipeEnds) == 0 else { Issue.record("no pipe"); return [] }
        let (readEnd, writeEnd) = (pipeEnds[0], pipeEnds[1])
        // Close-on-exec: a program another test starts meanwhile must not hold the pipe open.
        _ = fcntl(writeEnd, F_SETFD, FD_CLOEXEC)
        let savedInput = dup(0)
        dup2(readEnd, 0)
        close(readEnd)
        let writer = Thread {
            input.withUnsafeBytes { _ = write(writeEnd, $0.baseAddress, $0.count) }
            close(writeEnd)
        }
        writer.start()
        defer {
            dup2(savedInput, 0)
            close(savedInput)
        }
        var reader = LineReader(maximumLength: maximumLength)
        var lines: [LineReader.Line] = []
        while let line = reader.next() { lines.append(line) }
        return lines
    }

    @Test func linesEndWithNewlineOrCarriageReturnNewline() {
        let read = lines(Array("one\r\ntwo\n\nthree".utf8))
        #expect(read.map { String(decoding: $0.bytes, as: UTF8.self) } == ["one", "two", "", "three"])
        #expect(read.map(\.number) == [1, 2, 3, 4])
        #expect(read.allSatisfy { !$0.truncated })
    }

    @Test func aLongLineKeepsItsFirstBytesAndItsLength() {
        let read = lines(Array("abcdefghij\nok\n".utf8), maximumLength: 4)
        #expect(read.count == 2)
        #expect(read[0].bytes == Array("abcd".utf8) && read[0].originalLength == 10 && read[0].truncated)
        #expect(read[1].bytes == Array("ok".utf8) && !read[1].truncated)
    }

    @Test func anyBytesAreAccepted() {
        let bytes: [UInt8] = [0xFF, 0x00, 0xC3, 0x0A]
        #expect(lines(bytes).map(\.bytes) == [[0xFF, 0x00, 0xC3]])
    }

    @Test func nothingToReadIsNoLine() {
        #expect(lines([]).isEmpty)
    }

    @Test func blankLinesAreTold() {
        #expect(LineReader.isBlank(Array(" \t\r".utf8)))
        #expect(LineReader.isBlank(Array("\u{3000}\u{200B}\u{FEFF}".utf8)))
        #expect(!LineReader.isBlank(Array(" a ".utf8)))
    }
}
