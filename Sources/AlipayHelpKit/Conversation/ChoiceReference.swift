/// A line that picks one of the numbered choices on offer: "2", "#2", "the second one",
/// "option 1", "第二个". Read from the line's normalised words.
enum ChoiceReference {
    /// Ways of naming each position, first to last.
    static let ordinals: [[String]] = [
        ["1", "first", "1st", "一", "第一", "第一个"],
        ["2", "two", "second", "2nd", "二", "第二", "第二个"],
        ["3", "three", "third", "3rd", "三", "第三", "第三个"],
        ["4", "four", "fourth", "4th", "四", "第四", "第四个"],
        ["5", "five", "fifth", "5th", "五", "第五", "第五个"],
    ]

    /// Words that may stand around the position without changing it ("the second one").
    static let filler: Set<String> = ["the", "one", "option", "number", "choice", "no", "选", "选项", "我选", "个"]

    /// The position (from 0) a line that is nothing but a choice names, or nil.
    static func position(_ words: [String]) -> Int? {
        let named = words.filter { !filler.contains($0) }
        guard named.count == 1 else { return nil }
        if let number = Int(named[0]), (1...99).contains(number), words.count <= 2 { return number - 1 }
        return ordinals.firstIndex { $0.contains(named[0]) }
    }
}
