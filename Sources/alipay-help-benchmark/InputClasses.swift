import AlipayHelpKit
import Foundation

/// The kinds of input real traffic mixes, each as lines of bytes (what `ask` reads), generated
/// deterministically so every run and every build measures the same lines.
struct InputClasses {
    struct InputClass {
        var name: String
        var lines: [[UInt8]]
    }

    let englishQuestions: [String]
    let realStyle: [String]
    let otherLanguages: [String]
    let vocabularyWords: [String]

    init(knowledgeBase: KnowledgeBase, intents: URL, bench: URL) throws {
        let suites = try LabelledSuite.loadAll(in: KnowledgeBaseFolder(disk: intents))
        englishQuestions = suites.flatMap(\.cases).map(\.question).filter { $0.unicodeScalars.allSatisfy(\.isASCII) }
        realStyle = try String(contentsOf: bench.appendingPathComponent("real_style.txt"), encoding: .utf8)
            .split(separator: "\n").map(String.init)
        otherLanguages = knowledgeBase.languages.flatMap { $0.examples.map(\.text) }
        var words: Set<String> = []
        for surface in knowledgeBase.vocabulary.concepts.flatMap(\.english) {
            for word in surface.lowercased().split(separator: " ")
            where word.count >= 4 && word.allSatisfy({ $0 >= "a" && $0 <= "z" }) {
                words.insert(String(word))
            }
        }
        vocabularyWords = words.sorted()
    }

    func all(count: Int) -> [InputClass] {
        [
            InputClass(name: "english", lines: english(count)),
            InputClass(name: "real-chinese", lines: realChinese(count)),
            InputClass(name: "other-langs", lines: otherLanguage(count)),
            InputClass(name: "unknown-words", lines: unknownWords(count)),
            InputClass(name: "random-bytes", lines: randomBytes(count)),
            InputClass(name: "long-lines", lines: longLines(count)),
        ]
    }

    /// A linear congruential generator: the same lines on every run.
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33) % bound
        }
        mutating func pick<T>(_ values: [T]) -> T { values[next(values.count)] }
    }

    /// 1. English questions like the examples, some framed politely.
    func english(_ count: Int) -> [[UInt8]] {
        let frames = [("", ""), ("hello, ", ""), ("", " thanks"), ("quick question: ", "?"), ("Hi! ", " Thank you.")]
        return (0..<count).map { index in
            let frame = frames[(index / englishQuestions.count) % frames.count]
            return Array((frame.0 + englishQuestions[index % englishQuestions.count] + frame.1).utf8)
        }
    }

    /// 2. Questions as people write them on public pages, mostly Chinese (bench/real_style.txt,
    /// written for this benchmark), with the openings and endings people add.
    func realChinese(_ count: Int) -> [[UInt8]] {
        let openings = ["", "请问", "您好，", "你好 ", "问一下：", "急！"]
        let endings = ["", "？", "谢谢", "，在线等", "!!", "～～"]
        return (0..<count).map { index in
            let round = index / realStyle.count
            return Array(
                (openings[round % openings.count] + realStyle[index % realStyle.count]
                    + endings[(round / openings.count) % endings.count]).utf8)
        }
    }

    /// 3. Other languages: the example questions of every language file (Japanese, Korean,
    /// Russian, Thai, Spanish, French, German, Italian, Turkish, Vietnamese, Indonesian, Malay,
    /// Portuguese, Hindi, Arabic).
    func otherLanguage(_ count: Int) -> [[UInt8]] {
        let endings = ["", "?", "？", "!", " ..."]
        return (0..<count).map { index in
            Array(
                (otherLanguages[index % otherLanguages.count] + endings[(index / otherLanguages.count) % endings.count])
                    .utf8)
        }
    }

    /// 4. English frames around words the knowledge base never saw: made-up words and
    /// misspellings of its own words (a letter dropped, added, changed or two swapped).
    func unknownWords(_ count: Int) -> [[UInt8]] {
        var random = Generator(state: 4)
        let syllables = [
            "bra", "ko", "zel", "mi", "quon", "ta", "ver", "lu", "sni", "pho", "dar", "ex", "ri", "gul", "fen", "o",
            "stra", "ny",
        ]
        let letters = Array("abcdefghijklmnopqrstuvwxyz")
        func madeUp() -> String { (0..<(2 + random.next(3))).map { _ in random.pick(syllables) }.joined() }
        func typo() -> String {
            var word = Array(random.pick(vocabularyWords))
            let at = random.next(word.count)
            switch random.next(4) {
            case 0: word.remove(at: at)
            case 1: word.insert(random.pick(letters), at: at)
            case 2: word[at] = random.pick(letters)
            default: if at + 1 < word.count { word.swapAt(at, at + 1) } else { word.swapAt(at - 1, at) }
            }
            return String(word)
        }
        let frames = [
            "how do I %@ my %@", "can I use %@ to pay for %@ on alipay", "what is %@ and %@",
            "my %@ is not working, %@ help", "is there a limit for %@ transfers to %@", "%@ %@ please",
            "why was my %@ refused by %@", "where do I find the %@ setting for %@",
        ]
        return (0..<count).map { _ in
            var line = random.pick(frames)
            for _ in 0..<2 {
                let word = random.next(2) == 0 ? madeUp() : typo()
                line = line.replacingOccurrences(of: "%@", with: word, options: [], range: line.range(of: "%@"))
            }
            return Array(line.utf8)
        }
    }

    /// 5. Random bytes: half any byte (mostly invalid UTF-8), half valid UTF-8 from many
    /// scripts, symbols, emoji and control characters. No line breaks inside a line.
    func randomBytes(_ count: Int) -> [[UInt8]] {
        var random = Generator(state: 5)
        let ranges: [ClosedRange<UInt32>] = [
            0x01...0x7F, 0x80...0x7FF, 0x4E00...0x9FFF, 0x0600...0x06FF, 0x1F300...0x1FAFF, 0x2000...0x2BFF,
            0xAC00...0xD7A3,
        ]
        return (0..<count).map { index in
            let length = 1 + random.next(120)
            if index % 2 == 0 {
                return (0..<length).map { _ in
                    let byte = UInt8(random.next(256))
                    return byte == 10 || byte == 13 ? 32 : byte
                }
            }
            var bytes: [UInt8] = []
            while bytes.count < length {
                let range = random.pick(ranges)
                let value = range.lowerBound + UInt32(random.next(Int(range.upperBound - range.lowerBound) + 1))
                guard value != 10, value != 13, let scalar = Unicode.Scalar(value) else { continue }
                bytes += Array(String(Character(scalar)).utf8)
            }
            return bytes
        }
    }

    /// 6. Very long lines, 1 to 4 KB, all beyond the 1,000 bytes a question may hold (a line
    /// that long is declined, and only its start read for its language): questions of the
    /// other classes run together, and every tenth line one character repeated.
    func longLines(_ count: Int) -> [[UInt8]] {
        var random = Generator(state: 6)
        let pieces = (english(400) + realChinese(400) + otherLanguage(400) + unknownWords(400))
        let repeated = ["a", "哈", "7", "?", "支付宝", "ok "]
        return (0..<count).map { index in
            let target = 1024 + random.next(3072)
            var line: [UInt8] = []
            if index % 10 == 0 {
                let unit = Array(random.pick(repeated).utf8)
                while line.count + unit.count <= target { line += unit }
                return line
            }
            while true {
                let piece = random.pick(pieces)
                if line.count + piece.count + 1 > target { break }
                if !line.isEmpty { line.append(32) }
                line += piece
            }
            return line
        }
    }
}
