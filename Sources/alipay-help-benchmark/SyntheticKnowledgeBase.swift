import Foundation

/// A knowledge base grown to any number of topics, for measuring how training, start-up,
/// throughput and memory grow with it (`--scale 5,50,200`). It is the real one (`intents/`,
/// copied with its vocabulary, small talk, languages, flows and suites) plus generated topics, so
/// every file the program reads is still there and `check --kb` accepts it.
///
/// Each generated topic has vocabulary of its own: a subject concept (three made-up words, a
/// two-word phrase and two Chinese terms), five facet concepts (two words and a Chinese term
/// each) and four more made-up words its examples use without declaring them. Its 40 examples
/// (32 English, 8 Chinese) and each facet's 6 put those in templates with real verbs shared by
/// every topic, so topics overlap as real ones do. Answers have a summary, steps and a note in
/// English and Chinese. Two out-of-scope examples a topic use made-up words no topic declares.
/// Everything comes from one seed: the same knowledge base on every run.
struct SyntheticKnowledgeBase {
    struct GeneratedTopic {
        var id: String
        var subject: [String]
        var subjectChinese: [String]
        var facetWords: [[String]]
        var facetChinese: [String]
        var extras: [String]
        var actions: [String]
    }

    /// The topics generated (the real ones come on top).
    let topics: [GeneratedTopic]
    /// Made-up words and Chinese terms no topic declares, for out-of-scope questions.
    let strangers: [String]
    let strangersChinese: [String]

    static let actions = [
        "activate", "renew", "check", "cancel", "open", "set up", "turn off", "pay for", "top up",
        "apply for", "unlock", "share", "find", "use", "stop", "reset", "upgrade", "view",
    ]
    static let chineseActions = ["开通", "关闭", "使用", "设置", "查看", "申请", "续费", "取消", "解锁", "升级"]
    static let facetThemes = [("fee", "费用"), ("time", "时间"), ("rules", "条件"), ("where", "位置"), ("fault", "故障")]

    /// - Parameters:
    ///   - count: topics to generate.
    ///   - reservedText: the real knowledge base's text, whose Chinese characters the generated
    ///     terms avoid (a generated term inside a real one would change how real questions read).
    init(count: Int, reservedText: String, seed: UInt64 = 2026) {
        var random = InputClasses.Generator(state: seed)
        let syllables = [
            "ka", "zu", "mel", "ri", "tor", "va", "nis", "po", "lan", "qui", "dro", "fa", "gem", "hu", "jo",
            "bel", "cor", "dax", "vel", "wo", "yan", "zir", "tam", "sol", "ru", "pex", "mo", "nak", "lim", "gru",
        ]
        var used = Set<String>()
        func madeUp() -> String {
            while true {
                let word = (0..<(2 + random.next(2))).map { _ in random.pick(syllables) }.joined()
                // No ending that an English stem rule would strip: each word stays itself.
                if word.count >= 5, !["s", "ed", "er", "ly", "y", "ing"].contains(where: word.hasSuffix),
                    used.insert(word).inserted
                {
                    return word
                }
            }
        }
        let common = Array(
            "山水火木金土星云雨雪花草树林石田禾米竹羊马牛鱼鸟虫贝车舟窗灯桌椅床杯盘碗瓶箱伞帽鞋袜裙布丝棉纸笔墨画琴棋诗歌舞剧影音色香甜酸苦辣咸冷热温凉春夏秋冬东西南北"
                + "岛湖河江海泉溪峰岭谷洞沙砖瓦墙桥塔亭园厨灶锅勺筷壶碟盆篮绳针线扣镜梳刷皂巾被枕毯帘钟琵琶笛鼓铃旗灯笼松柏梅兰菊荷桃李杏梨枣橙瓜豆葱蒜姜椒茶酒糖盐油醋"
                + "狐狼熊鹿兔龟蛇蜂蝶鹤燕鸭鹅猫狗猪鸡虎龙凤麟鲸鲨虾蟹贝珠玉翠琥珀铜铁银锡铅钢碳硅磷硫")
        let reserved = Set(reservedText)
        let characters = common.filter { !reserved.contains($0) }
        var usedChinese = Set<String>()
        func chinese(_ length: Int) -> String {
            while true {
                let term = String((0..<length).map { _ in random.pick(characters) })
                if usedChinese.insert(term).inserted { return term }
            }
        }
        topics = (0..<count).map { index in
            let subject = [madeUp(), madeUp(), madeUp()]
            var actions: [String] = []
            while actions.count < 3 {
                let action = random.pick(Self.actions)
                if !actions.contains(action) { actions.append(action) }
            }
            return GeneratedTopic(
                id: String(format: "generated_%03d", index + 1),
                subject: subject + ["\(subject[0]) \(madeUp())"],
                subjectChinese: [chinese(2), chinese(3)],
                facetWords: Self.facetThemes.map { _ in [madeUp(), madeUp()] },
                facetChinese: Self.facetThemes.map { _ in chinese(2) },
                extras: (0..<4).map { _ in madeUp() },
                actions: actions)
        }
        strangers = (0..<(2 * count)).map { _ in madeUp() }
        strangersChinese = (0..<count).map { _ in chinese(2) }
    }

    static let englishFrames = [
        "how do I %a my %s", "%s %a", "can I %a the %s on alipay", "why can't I %a my %s", "what is %s",
        "%s not working", "help with %s", "where is the %s in alipay", "is %s available for foreigners",
        "%a %s alipay", "I want to %a %s today, how?", "tell me about the %s", "my %s keeps failing when I %a it",
        "%s %x", "how does %x work with %s", "can you explain %s and %x", "is it safe to %a %s",
        "what happens if I %a my %s", "%s for %x", "steps to %a %s", "alipay %s question",
        "I need to %a the %s for my %x", "does %s need %x", "%s %x problem",
        "how long to %a %s", "my friend said I should %a %s, is that right", "%x not showing in %s",
        "where do I %a %s", "can foreigners %a %s", "what do I need to %a %s", "%s setting", "%a my %s now",
    ]
    static let chineseFrames = [
        "支付宝%z怎么%c", "%z%c不了", "怎么%c%z", "%z是什么", "%z在哪里", "%z有什么用", "为什么我的%z用不了",
        "请问%z怎么%c", "%z可以%c吗", "我想%c%z", "%z%c失败",
    ]
    static let facetFrames = [
        "what about the %f of %s", "%s %f", "how is %f decided when I %a %s", "%f for %s",
        "is there any %f with %s", "question about %s %f",
    ]
    static let chineseFacetFrames = ["%z的%g是多少", "%z%g怎么算", "%g%z"]

    /// One English or Chinese question about `topic`, a facet's when `facet` is given.
    static func question(_ topic: GeneratedTopic, facet: Int?, chinese: Bool, random: inout InputClasses.Generator)
        -> String
    {
        let frame: String
        switch (facet, chinese) {
        case (nil, false): frame = random.pick(englishFrames)
        case (nil, true): frame = random.pick(chineseFrames)
        case (_?, false): frame = random.pick(facetFrames)
        case (_?, true): frame = random.pick(chineseFacetFrames)
        }
        var text = ""
        var characters = Substring(frame)
        while let first = characters.first {
            characters = characters.dropFirst()
            guard first == "%", let code = characters.first else {
                text.append(first)
                continue
            }
            characters = characters.dropFirst()
            switch code {
            case "s": text += random.pick(topic.subject)
            case "a": text += random.pick(topic.actions)
            case "x": text += random.pick(topic.extras)
            case "z": text += random.pick(topic.subjectChinese)
            case "c": text += random.pick(chineseActions)
            case "f": text += random.pick(topic.facetWords[facet ?? 0])
            case "g": text += topic.facetChinese[facet ?? 0]
            default: text.append(code)
            }
        }
        return text
    }

    /// `count` different questions (fewer if the templates run out).
    static func questions(
        _ topic: GeneratedTopic, facet: Int?, english: Int, chinese: Int, random: inout InputClasses.Generator
    ) -> [String] {
        var seen = Set<String>()
        var out: [String] = []
        for (wanted, isChinese) in [(english, false), (chinese, true)] {
            var added = 0
            var tries = 0
            while added < wanted && tries < 1000 {
                tries += 1
                let text = question(topic, facet: facet, chinese: isChinese, random: &random)
                if seen.insert(text).inserted {
                    out.append(text)
                    added += 1
                }
            }
        }
        return out
    }

    static func quoted(_ text: String) -> String { "\"" + text.replacingOccurrences(of: "\"", with: "\\\"") + "\"" }
    static func list(_ items: [String]) -> String { "[" + items.map(quoted).joined(separator: ", ") + "]" }

    /// The topic file.
    func yaml(_ topic: GeneratedTopic, random: inout InputClasses.Generator) -> String {
        let name = topic.subject[0].capitalized
        let zh = topic.subjectChinese[0]
        var lines = [
            "id: \(topic.id)",
            "title: {en: \(Self.quoted(name)), zh: \(Self.quoted(zh))}",
            "require: [\(topic.id)]",
            "examples:",
        ]
        lines += Self.questions(topic, facet: nil, english: 32, chinese: 8, random: &random).map {
            "  - " + Self.quoted($0)
        }
        lines += [
            "answer:",
            "  summary: {en: \(Self.quoted("\(name) is set up from the Me page of the Alipay app.")), "
                + "zh: \(Self.quoted("\(zh)在支付宝的“我的”页面设置。"))}",
            "  steps:",
            "    - {en: \(Self.quoted("Open Alipay and tap Me.")), zh: \"打开支付宝，点“我的”。\"}",
            "    - {en: \(Self.quoted("Find \(name) under Settings and \(topic.actions[0]) it.")), "
                + "zh: \(Self.quoted("在设置里找到\(zh)，按提示操作。"))}",
            "    - {en: \"Confirm with your payment password.\", zh: \"输入支付密码确认。\"}",
            "  notes:",
            "    - {en: \(Self.quoted("\(name) works with \(topic.extras[0]) too.")), "
                + "zh: \(Self.quoted("\(zh)也支持\(topic.subjectChinese[1])。"))}",
            "facets:",
        ]
        for (index, theme) in Self.facetThemes.enumerated() {
            lines += [
                "  - id: \(theme.0)",
                "    title: {en: \(Self.quoted("\(name): \(theme.0)")), zh: \(Self.quoted(zh + theme.1))}",
                "    triggers: [\(topic.id)_\(theme.0)]",
                "    examples:",
            ]
            lines += Self.questions(topic, facet: index, english: 4, chinese: 2, random: &random).map {
                "      - " + Self.quoted($0)
            }
            lines.append(
                "    answer: {en: "
                    + "\(Self.quoted("The \(topic.facetWords[index][0]) of \(name) is shown before you confirm.")), "
                    + "zh: \(Self.quoted("确认前会显示\(zh)的\(topic.facetChinese[index])。"))}")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Writes the real knowledge base in `intents` plus the generated topics into `destination`.
    func write(copying intents: URL, to destination: URL) throws {
        let manager = FileManager.default
        try? manager.removeItem(at: destination)
        try manager.copyItem(at: intents, to: destination)
        var random = InputClasses.Generator(state: 77)
        for topic in topics {
            try yaml(topic, random: &random).write(
                to: destination.appendingPathComponent(topic.id + ".yaml"), atomically: false, encoding: .utf8)
        }
        // The concepts go at the top of the vocabulary's `concepts:`, the strangers at the top of
        // the out-of-scope examples.
        var concepts: [String] = []
        for topic in topics {
            concepts += [
                "  \(topic.id):", "    en: \(Self.list(topic.subject))", "    zh: \(Self.list(topic.subjectChinese))",
            ]
            for (index, theme) in Self.facetThemes.enumerated() {
                concepts += [
                    "  \(topic.id)_\(theme.0):", "    en: \(Self.list(topic.facetWords[index]))",
                    "    zh: \(Self.list([topic.facetChinese[index]]))",
                ]
            }
        }
        var outOfScope: [String] = []
        for (index, word) in strangers.enumerated() {
            let action = Self.actions[index % Self.actions.count]
            outOfScope.append(
                "  - " + Self.quoted(index % 2 == 0 ? "how do I \(action) my \(word)" : "\(word) \(action) help"))
        }
        for (index, term) in strangersChinese.enumerated() {
            outOfScope.append(
                "  - " + Self.quoted(term + "怎么" + Self.chineseActions[index % Self.chineseActions.count]))
        }
        try insert(concepts, after: "concepts:", in: destination.appendingPathComponent("vocabulary.yaml"))
        try insert(outOfScope, after: "examples:", in: destination.appendingPathComponent("out_of_scope.yaml"))
    }

    private func insert(_ lines: [String], after header: String, in file: URL) throws {
        var text = try String(contentsOf: file, encoding: .utf8).components(separatedBy: "\n")
        guard let at = text.firstIndex(of: header) else { throw CocoaError(.fileReadCorruptFile) }
        text.insert(contentsOf: lines, at: at + 1)
        try text.joined(separator: "\n").write(to: file, atomically: false, encoding: .utf8)
    }

    /// `count` lines for `ask`: questions drawn over every topic, real (`realQuestions`, the
    /// labelled suites) and generated alike, new combinations of the generated topics' words
    /// rather than their examples; one in ten about words no topic knows, and a third of all
    /// with chatter around them and two letters swapped.
    func batch(count: Int, realQuestions: [String], realTopics: Int) -> [String] {
        var random = InputClasses.Generator(state: 99)
        let total = topics.count + realTopics
        return (0..<count).map { index in
            var question: String
            let pick = random.next(total)
            if index % 10 == 9 {
                question =
                    random.next(2) == 0
                    ? "how do I \(random.pick(Self.actions)) my \(random.pick(strangers))"
                    : random.pick(strangersChinese) + "怎么" + random.pick(Self.chineseActions)
            } else if pick < realTopics {
                question = random.pick(realQuestions)
            } else {
                let topic = topics[pick - realTopics]
                let facet = random.next(3) == 0 ? random.next(Self.facetThemes.count) : nil
                question = Self.question(topic, facet: facet, chinese: random.next(4) == 0, random: &random)
            }
            if index % 3 == 0 {
                var scalars = Array(question.unicodeScalars)
                if scalars.count > 4 {
                    let i = random.next(scalars.count - 1)
                    scalars.swapAt(i, i + 1)
                }
                question = "hi, quick question \(index): " + String(String.UnicodeScalarView(scalars)) + " thanks"
            }
            return question
        }
    }
}
