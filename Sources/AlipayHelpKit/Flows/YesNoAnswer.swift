/// Yes or no, in a few ways of saying it.
enum YesNoAnswer {
    static let yes: Set<String> = [
        "yes", "y", "yeah", "yep", "yup", "sure", "ok", "okay", "correct", "right", "i can", "yes i can",
        "yes it is", "it is", "that is right", "thats right", "是", "是的", "对", "对的", "可以", "能", "有", "嗯", "好",
        "收得到", "能收到", "可以收到", "正确",
    ]
    static let no: Set<String> = [
        "no", "n", "nope", "nah", "not", "no i cant", "i cant", "cant", "i cannot", "cannot", "wrong",
        "not really", "no it isnt", "否", "不", "不是", "不对", "不能", "不可以", "没有", "收不到", "没", "错了", "不行",
    ]

    /// Words that answer on their own at the start of a longer reply ("no, I lost that SIM").
    static let leadingYes: Set<String> = ["yes", "yeah", "yep", "yup", "sure", "是", "是的", "对", "可以"]
    static let leadingNo: Set<String> = ["no", "nope", "nah", "不", "不是", "不能", "没有"]

    /// True for yes, false for no, nil when it is neither.
    static func parse(_ words: [String]) -> Bool? {
        let phrase = words.joined(separator: " ")
        if yes.contains(phrase) { return true }
        if no.contains(phrase) { return false }
        guard let first = words.first, words.count > 1 else { return nil }
        if leadingYes.contains(first) { return true }
        if leadingNo.contains(first) { return false }
        return nil
    }
}
