/// Spots secrets the assistant must never ask for nor keep: SMS verification codes, and
/// phone numbers (kept out of the history file). One guard for `ask`, `explain`, the chat and
/// the history file, so they can never disagree about the same line.
///
/// Digits are recognised in any form: ASCII, full-width, other Unicode decimal digits and
/// Chinese numerals (〇一二三…, 两 for two, 壹贰叁…, 幺 for one: `ChineseNumerals`, the table
/// amounts are read with too), with any separators between them (spaces of any kind,
/// `/ , _ - . ( ) +`, their full-width forms, dashes, zero-width and other invisible
/// characters). A run of such digits is one *number*: `138/1234/5678`,
/// `１３８－１２３４－５６７８` and `一三八一二三四五六七八` are all the same 11 digits.
public enum SecretGuard {
    /// A number found in a line: its digits and where it sits among the line's scalars.
    struct Number: Equatable {
        var digits: String
        /// Scalar offsets of the first and one past the last digit.
        var start: Int
        var end: Int
        /// Right next to a Latin letter, with nothing between (`A1234567`, `iphone15`): an
        /// identifier or a model name, not a code.
        var glued = false
        /// Written as an amount: a currency sign before or a unit after it.
        var amount = false
        /// Said as a figure: after a word like "limit", "pay" or 转, which a code never follows.
        var figure = false
        /// Grouped in thousands with commas or spaces ("1,000,000"), as amounts are written.
        var thousands = false
    }

    /// Words that make a nearby number a code. Latin words match whole; Chinese ones anywhere.
    static let codeWords: Set<String> = [
        "code", "codes", "otp", "otps", "sms", "passcode", "pin", "password", "verification", "verify", "verifying",
        "captcha", "tac",
    ]
    static let chineseCodeWords = ["验证码", "校验码", "动态码", "短信", "动态密码", "密码", "验证", "口令"]
    /// "QR code", "zip code": kinds of code that are not a secret sent to the person.
    static let notSecretCodes: Set<String> = [
        "qr", "bar", "barcode", "zip", "postal", "post", "postcode", "country", "area", "dial", "dialing", "dialling",
        "promo", "promotion", "promotional", "coupon", "discount", "invite", "invitation", "referral", "error", "swift",
        "bank", "branch", "payment", "pay", "receive", "receiving", "collection", "merchant", "source", "status", "tax",
        "product", "voucher", "gift", "redeem", "redemption",
    ]
    static let chineseNotSecret = [
        "二维码", "付款码", "收款码", "条形码", "条码", "邀请码", "优惠码", "邮编", "邮政编码", "区号", "错误码", "兑换码", "红包码", "健康码",
    ]
    /// Units and signs that make a number an amount or a count, not a code.
    static let unitsAfter: Set<String> = [
        "yuan", "rmb", "cny", "usd", "dollar", "dollars", "kuai", "hkd", "eur", "euro", "euros", "k", "w", "percent",
        "day", "days", "month", "months", "year", "years", "time", "times", "transaction", "transactions", "envelope",
        "envelopes", "people", "person", "yen", "jpy", "pounds", "gbp", "a", "per", "each", "every", "a", "bucks",
    ]
    static let currencyBefore: Set<String> = ["rmb", "cny", "usd", "hkd", "eur", "gbp", "jpy", "yuan"]
    static let figureBefore: Set<String> = [
        "limit", "limits", "pay", "paid", "paying", "send", "sent", "sending", "transfer", "transferred",
        "transferring", "withdraw", "spend", "spent", "borrow", "borrowed", "owe", "top", "than", "over", "under",
        "about", "only", "to", "from", "year", "in", "since", "until", "by", "of", "upto", "max", "maximum", "minimum",
        "least", "most",
    ]
    static let chineseUnitsAfter: Set<Character> = [
        "元", "块", "圆", "万", "千", "百", "亿", "%", "％", "次", "笔", "天", "个", "年", "月", "日", "号", "人", "岁", "美", "港", "期",
        "分", "角", "镑", "欧", "円", "张", "周", "小", "秒",
    ]
    static let chineseFigureBefore: Set<Character> = [
        "转", "付", "花", "借", "还", "欠", "额", "账", "过", "超", "存", "取", "提", "充", "共", "计", "达", "满",
    ]

    /// Alipay's own customer-service numbers, which the answers themselves tell people to call.
    static let serviceNumbers: Set<String> = ["95188"]

    // MARK: Digits in any form

    /// The value of a digit written any way, or nil.
    static func digit(_ scalar: Unicode.Scalar) -> UInt8? {
        let value = scalar.value
        if value >= 0x30 && value <= 0x39 { return UInt8(value - 0x30) }
        if value < 0x80 { return nil }
        if value >= 0xFF10 && value <= 0xFF19 { return UInt8(value - 0xFF10) }  // full-width
        if let numeral = ChineseNumerals.digit(scalar) { return numeral }
        // No other decimal digits before Arabic-Indic, nor among kana, CJK, Hangul, symbols,
        // emoji and the private and compatibility blocks: skip the costly character-property
        // look-up for them (a test reads every character of these ranges).
        if Self.rangesWithoutDigits.contains(where: { $0.contains(value) }) { return nil }
        if scalar.properties.numericType == .decimal, let number = scalar.properties.numericValue, number >= 0,
            number <= 9
        {
            return UInt8(number)
        }
        return nil
    }

    /// Blocks holding no decimal digit but the ASCII and full-width ones `digit` reads first.
    static let rangesWithoutDigits: [ClosedRange<UInt32>] = [
        0x80...0x065F, 0x2000...0x2BFF, 0x3000...0x9FFF, 0xAC00...0xD7AF, 0xE000...0xFEFF, 0xFFF0...0xFFFF,
        0x1F000...0x1FAFF,
    ]

    /// A character people put between the groups of a number, or one that shows nothing.
    static func isSeparator(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20, 0x09, 0x2F, 0x2C, 0x5F, 0x2D, 0x2E, 0x28, 0x29, 0x2B, 0xA0, 0xB7, 0x3000, 0x3001, 0x30FB,
            0xFF0F, 0xFF0C, 0xFF3F, 0xFF0D, 0xFF0E, 0xFF08, 0xFF09, 0xFF0B, 0xFF65, 0x2212, 0xFE58, 0xFE63:
            return true
        case 0x2010...0x2015, 0x2000...0x200F, 0x2028...0x202F, 0x205F...0x206F, 0xFEFF, 0x180E:
            return true
        default:
            return scalar.properties.isWhitespace || scalar.properties.generalCategory == .format
        }
    }

    static func isLatinLetter(_ scalar: Unicode.Scalar) -> Bool {
        let value = folded(scalar).value
        return (value >= 0x61 && value <= 0x7A) || (value >= 0x41 && value <= 0x5A)
    }

    static func isHan(_ scalar: Unicode.Scalar) -> Bool {
        (0x4E00...0x9FFF).contains(scalar.value) || (0x3400...0x4DBF).contains(scalar.value)
            || (0xF900...0xFAFF).contains(scalar.value)
    }

    /// Full-width ASCII folded to ASCII.
    static func folded(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        if scalar.value >= 0xFF01 && scalar.value <= 0xFF5E { return Unicode.Scalar(scalar.value - 0xFEE0)! }
        return scalar
    }

    /// Whether a line could name a code, checked cheaply before the word-by-word reading: it
    /// holds a code word ("code", "otp", "sms", "pin", "password"..., full-width letters
    /// folded), the first character of a Chinese one (验, 校, 动, 短, 密, 口), or no letter at
    /// all (a bare number). A batch line with a number in an ordinary sentence, in any
    /// language, needs no word-by-word reading.
    static func mayMentionACode(_ text: String) -> Bool {
        var lower: [UInt8] = []
        lower.reserveCapacity(text.utf8.count)
        var letters = false
        for scalar in text.unicodeScalars {
            let ascii = folded(scalar).value
            if ascii < 0x80 {
                let byte = UInt8(ascii) >= 65 && UInt8(ascii) <= 90 ? UInt8(ascii) + 32 : UInt8(ascii)
                if byte >= 97 && byte <= 122 { letters = true }
                lower.append(byte)
                continue
            }
            if chineseCodeInitials.contains(scalar) { return true }
            if !letters, digit(scalar) == nil, scalar.properties.isAlphabetic { letters = true }
            // A break: a code word is made of Latin letters only.
            lower.append(0x20)
        }
        guard letters else { return true }
        // A code word, whole: the words of the line compared byte by byte, no strings made.
        var start = 0
        while start < lower.count {
            guard lower[start] >= 97 && lower[start] <= 122 else { start += 1; continue }
            var end = start
            while end < lower.count, lower[end] >= 97 && lower[end] <= 122 { end += 1 }
            let word = lower[start..<end]
            if codeWordBytes.contains(where: { $0.count == word.count && $0.elementsEqual(word) }) { return true }
            start = end
        }
        return false
    }

    private static let chineseCodeInitials: Set<Unicode.Scalar> = Set(
        chineseCodeWords.compactMap(\.unicodeScalars.first))

    private static let codeWordBytes: [[UInt8]] = codeWords.sorted().map { Array($0.utf8) }

    /// Whether the text holds at least `count` digits (written any way) in all: a code has four.
    static func mayHoldDigits(_ text: String, atLeast count: Int) -> Bool {
        var found = 0
        var ascii = true
        for byte in text.utf8 {
            if byte >= 0x30 && byte <= 0x39 {
                found += 1
                if found >= count { return true }  // ASCII digits alone are enough
            } else if byte >= 0x80 {
                ascii = false
            }
        }
        if ascii { return false }
        found = 0
        for scalar in text.unicodeScalars where digit(scalar) != nil {
            found += 1
            if found >= count { return true }
        }
        return false
    }

    /// The numbers in a line, each a run of digits with at most three separators in a row
    /// between them. Ordinary Chinese words that hold a numeral ("一个", "统一") give runs of one.
    static func numbers(in scalars: [Unicode.Scalar]) -> [Number] {
        var found: [Number] = []
        var index = 0
        while index < scalars.count {
            guard digit(scalars[index]) != nil else { index += 1; continue }
            var digits = ""
            var groups: [Int] = []
            var separatorsUsed: [Unicode.Scalar] = []
            let start = index
            var end = index
            var cursor = index
            var group = 0
            while cursor < scalars.count {
                if let value = digit(scalars[cursor]) {
                    digits.append(Character(Unicode.Scalar(0x30 + UInt32(value))!))
                    group += 1
                    cursor += 1
                    end = cursor
                    continue
                }
                // Up to three separators, then a digit: the same number goes on.
                var ahead = cursor
                while ahead < scalars.count, ahead - cursor < 3, isSeparator(scalars[ahead]) { ahead += 1 }
                guard ahead > cursor, ahead < scalars.count, digit(scalars[ahead]) != nil else { break }
                // "3.5" or "1,000" inside an amount still joins; whether it is one is decided after.
                separatorsUsed += scalars[cursor..<ahead]
                groups.append(group)
                group = 0
                cursor = ahead
            }
            groups.append(group)
            var number = Number(digits: digits, start: start, end: end)
            number.glued =
                (start > 0 && isLatinLetter(scalars[start - 1])) || (end < scalars.count && isLatinLetter(scalars[end]))
            number.thousands =
                groups.count > 1 && (1...3).contains(groups[0]) && groups.dropFirst().allSatisfy { $0 == 3 }
                && separatorsUsed.allSatisfy { [",", "，", " ", "\u{A0}", "'", "\u{202F}"].contains($0) }
            number.amount = isAmount(scalars, start: start, end: end)
            number.figure = isFigure(scalars, start: start)
            found.append(number)
            index = max(end, index + 1)
        }
        return found
    }

    /// The Latin word before `start` or after `end`, skipping spaces; nil when a non-letter
    /// other than space comes first.
    private static func word(in scalars: [Unicode.Scalar], before start: Int) -> String? {
        var index = start - 1
        while index >= 0, scalars[index] == " " || scalars[index] == "\u{3000}" || scalars[index] == "\u{A0}" {
            index -= 1
        }
        var letters: [Unicode.Scalar] = []
        while index >= 0, isLatinLetter(scalars[index]) { letters.insert(folded(scalars[index]), at: 0); index -= 1 }
        return letters.isEmpty ? nil : String(String.UnicodeScalarView(letters)).lowercased()
    }

    private static func word(in scalars: [Unicode.Scalar], after end: Int) -> String? {
        var index = end
        while index < scalars.count, scalars[index] == " " || scalars[index] == "\u{3000}" || scalars[index] == "\u{A0}"
        { index += 1 }
        var letters: [Unicode.Scalar] = []
        while index < scalars.count, isLatinLetter(scalars[index]) {
            letters.append(folded(scalars[index])); index += 1
        }
        return letters.isEmpty ? nil : String(String.UnicodeScalarView(letters)).lowercased()
    }

    /// A number with a currency sign or word before it, or a unit after it.
    private static func isAmount(_ scalars: [Unicode.Scalar], start: Int, end: Int) -> Bool {
        var before = start - 1
        while before >= 0, scalars[before] == " " || scalars[before] == "\u{3000}" { before -= 1 }
        if before >= 0, ["$", "¥", "€", "£", "￥"].contains(folded(scalars[before])) { return true }
        var after = end
        while after < scalars.count, scalars[after] == " " || scalars[after] == "\u{3000}" { after += 1 }
        if after < scalars.count,
            chineseUnitsAfter.contains(Character(folded(scalars[after]))) || folded(scalars[after]) == "%"
        {
            return true
        }
        if let word = word(in: scalars, after: end), unitsAfter.contains(word) { return true }
        if let word = word(in: scalars, before: start), currencyBefore.contains(word) { return true }
        return false
    }

    /// A number after a word a figure follows: "limit 50000", "pay 30000", 转5000.
    private static func isFigure(_ scalars: [Unicode.Scalar], start: Int) -> Bool {
        var before = start - 1
        while before >= 0, scalars[before] == " " || scalars[before] == "\u{3000}" { before -= 1 }
        if before >= 0, chineseFigureBefore.contains(Character(scalars[before])) { return true }
        if let word = word(in: scalars, before: start), figureBefore.contains(word) { return true }
        return false
    }

    // MARK: Codes

    /// Where a word that means "code" sits in the line, as a scalar offset range, leaving out
    /// kinds of code that are no secret ("QR code", "zip code", 二维码).
    private static func codeMentions(in scalars: [Unicode.Scalar]) -> [Range<Int>] {
        var mentions: [Range<Int>] = []
        var index = 0
        var previousWord: Range<Int>?
        // A word becomes a string only when it follows a code word: most lines have none.
        func lowercased(_ word: Range<Int>) -> String {
            String(String.UnicodeScalarView(scalars[word].map(folded))).lowercased()
        }
        while index < scalars.count {
            if isLatinLetter(scalars[index]) {
                let start = index
                while index < scalars.count, isLatinLetter(scalars[index]) { index += 1 }
                if isCodeWord(scalars[start..<index]),
                    !(previousWord.map { notSecretCodes.contains(lowercased($0)) } ?? false)
                {
                    mentions.append(start..<index)
                }
                previousWord = start..<index
                continue
            }
            if !isSeparator(scalars[index]) && scalars[index] != "-" { previousWord = nil }
            index += 1
        }
        let characters = scalars
        for word in chineseCodeWords {
            let pattern = Array(word.unicodeScalars)
            var offset = 0
            while offset + pattern.count <= characters.count {
                if characters[offset] == pattern[0] && Array(characters[offset..<offset + pattern.count]) == pattern {
                    let covered = chineseNotSecret.contains { other in
                        let otherScalars = Array(other.unicodeScalars)
                        return (max(0, offset - otherScalars.count + 1)...offset).contains { begin in
                            begin + otherScalars.count <= characters.count
                                && Array(characters[begin..<begin + otherScalars.count]) == otherScalars
                        }
                    }
                    if !covered && !mentions.contains(where: { $0.overlaps(offset..<offset + pattern.count) }) {
                        mentions.append(offset..<offset + pattern.count)
                    }
                    offset += pattern.count
                } else {
                    offset += 1
                }
            }
        }
        return mentions
    }

    /// Whether Latin letters (full-width folded, any case) spell one of `codeWords`.
    private static func isCodeWord(_ letters: ArraySlice<Unicode.Scalar>) -> Bool {
        codeWordBytes.contains { word in
            word.count == letters.count
                && zip(word, letters).allSatisfy { byte, letter in
                    let value = folded(letter).value
                    return UInt32(byte) == (value >= 0x41 && value <= 0x5A ? value + 32 : value)
                }
        }
    }

    /// How far apart two places in the line are, in words: each Latin word counts one, each
    /// Chinese character a half, punctuation and digits nothing.
    private static func distance(_ scalars: [Unicode.Scalar], from: Int, to: Int) -> Double {
        guard from < to else { return 0 }
        var words = 0.0
        var index = from
        while index < to {
            if isLatinLetter(scalars[index]) {
                words += 1
                while index < to, isLatinLetter(scalars[index]) { index += 1 }
                continue
            }
            if isHan(scalars[index]) && digit(scalars[index]) == nil { words += 0.5 }
            index += 1
        }
        return words
    }

    /// Whether the line holds a verification code: a 4-8 digit number (written any way) near a
    /// word like code, SMS, OTP or 验证码, or a line that is nothing but such a number (unless a
    /// figure is what the conversation just asked for). Never an amount with a unit or a sign
    /// ("30000 yuan", "¥500", "5000元"), never "QR code" and its kind, never a phone number.
    public static func looksLikeVerificationCode(_ text: String, expectingFigure: Bool = false) -> Bool {
        guard mayHoldDigits(text, atLeast: 4), mayMentionACode(text) else { return false }
        let scalars = Array(text.unicodeScalars)
        let candidates = numbers(in: scalars).filter {
            (4...8).contains($0.digits.count) && !$0.glued && !serviceNumbers.contains($0.digits)
        }
        guard !candidates.isEmpty else { return false }
        if !expectingFigure, isBare(scalars, candidates) { return true }
        let mentions = codeMentions(in: scalars)
        guard !mentions.isEmpty else { return false }
        for number in candidates where !number.amount && !number.figure {
            for mention in mentions {
                let gap =
                    mention.upperBound <= number.start
                    ? distance(scalars, from: mention.upperBound, to: number.start)
                    : distance(scalars, from: number.end, to: mention.lowerBound)
                if gap <= 4 { return true }
            }
        }
        return false
    }

    /// A line that is only one number, give or take punctuation around it.
    private static func isBare(_ scalars: [Unicode.Scalar], _ candidates: [Number]) -> Bool {
        guard candidates.count == 1, let number = candidates.first, !number.amount else { return false }
        let outside = scalars[..<number.start] + scalars[number.end...]
        return outside.allSatisfy { scalar in
            isSeparator(scalar) || isPunctuation(scalar)
                || ["#", "*", ":", "：", "。", "！", "？", "!", "?", "\"", "'"].contains(scalar)
        }
    }

    private static func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
            .finalPunctuation, .otherPunctuation:
            return true
        default:
            return false
        }
    }

    /// Whether a line holds something that must not be written to the history file: a code, or
    /// a number of seven or more digits, typed any way (a phone or card number), unless it is
    /// plainly an amount ("1,000,000 yuan").
    public static func mustStayOutOfHistory(_ text: String) -> Bool {
        guard mayHoldDigits(text, atLeast: 1) else { return false }
        if looksLikeVerificationCode(text) { return true }
        // Whatever the guide would take for a phone number stays out too, however it is spaced
        // ("134_5" and a run of slashes before the rest: fuzzing found the two disagreeing).
        if case .success = MainlandMobileNumber.parse(text) { return true }
        let scalars = Array(text.unicodeScalars)
        return numbers(in: scalars).contains { number in
            guard number.digits.count >= 7 else { return false }
            // An amount: a currency or a unit with it, and written as amounts are (thousands
            // groups, or plain and shorter than any phone number).
            let plain = number.end - number.start == number.digits.unicodeScalars.count
            let amount =
                number.amount
                && ((number.thousands && number.digits.count <= 12) || (plain && number.digits.count <= 9))
            return !amount
        }
    }

    /// The reply `ask`, `explain` and the chat give to a line that holds a code: the warning
    /// alone, whatever the question was read as (the code is not repeated, and nothing is kept).
    /// A line too long to be a question is not read for codes either: its reply asks for one
    /// question at a time, and like every line it is kept nowhere.
    public static func warningReply(replacing reply: Reply, messages: Messages) -> Reply? {
        guard reply.match.outcome != .tooLong, looksLikeVerificationCode(reply.question) else { return nil }
        var warned = Reply(
            question: reply.question, match: reply.match,
            blocks: [.paragraph(messages.text(.codeWarning, reply.language))])
        warned.language = reply.language
        return warned
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
