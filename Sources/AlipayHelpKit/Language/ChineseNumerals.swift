/// Chinese numerals in every form a question writes them, for amounts (`NumberReader`) and for
/// codes and phone numbers (`SecretGuard`) alike, so that a numeral one of them reads the other
/// reads as the same digit:
/// - everyday digits 〇零一二三四五六七八九, with 两 (Traditional 兩) for two and ○ for zero
///   (二○二四);
/// - financial forms, written on receipts and cheques so that no stroke can be added:
///   壹贰叁肆伍陆柒捌玖 (Traditional 貳參陸) and the units 拾佰仟;
/// - 幺, one as phone numbers and codes are read out (幺三八…);
/// - the units 十百千 and the sections 万亿 (Traditional 萬億).
///
/// Switches rather than dictionaries: these are asked about every character of a question.
enum ChineseNumerals {
    /// The value of a digit, in any of its forms.
    static func digit(_ scalar: Unicode.Scalar) -> UInt8? {
        switch scalar {
        case "〇", "零", "○": return 0
        case "一", "壹", "幺": return 1
        case "二", "两", "兩", "贰", "貳": return 2
        case "三", "叁", "參": return 3
        case "四", "肆": return 4
        case "五", "伍": return 5
        case "六", "陆", "陸": return 6
        case "七", "柒": return 7
        case "八", "捌": return 8
        case "九", "玖": return 9
        default: return nil
        }
    }

    /// A unit inside a section: 十 (ten), 百 (hundred), 千 (thousand), and their financial forms.
    static func unit(_ scalar: Unicode.Scalar) -> Double? {
        switch scalar {
        case "十", "拾": return 10
        case "百", "佰": return 100
        case "千", "仟": return 1000
        default: return nil
        }
    }

    /// A section, which multiplies everything before it: 万 (ten thousand), 亿 (a hundred million).
    static func section(_ scalar: Unicode.Scalar) -> Double? {
        switch scalar {
        case "万", "萬": return 10_000
        case "亿", "億": return 100_000_000
        default: return nil
        }
    }

    /// A numeral that ordinary words hold too, with no number meant: 陆 in 大陆 ("mainland") and
    /// 登陆, 伍 a surname, 拾 in 收拾 ("tidy up"), 幺 in 幺妹 ("youngest sister"), ○ as a blank
    /// in ○○银行. An amount is written with the financial forms only in full (伍佰元, 壹万), so
    /// such a numeral starts an amount only before a financial unit or a section; among other
    /// digits (a code, a phone number) it is the digit it stands for.
    static func isAlsoAWord(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "壹", "贰", "貳", "叁", "參", "肆", "伍", "陆", "陸", "柒", "捌", "玖", "拾", "佰", "仟", "幺", "○": return true
        default: return false
        }
    }
}
