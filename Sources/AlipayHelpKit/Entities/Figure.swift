/// A figure of the knowledge base, named once with its unit and period (`figures:` in a topic
/// file): the 50,000-yuan daily transfer limit, the 3, 6 or 12 instalments.
public struct Figure: Sendable {
    public var id: String
    /// One value for a limit; several for a choice ("3, 6 or 12 instalments").
    public var values: [Double]
    /// `yuan`, or a counted thing declared in `entities.yaml`.
    public var unit: String
    /// The period the limit is for (`day`, `year`, `transaction`), if any.
    public var period: String?
    /// Where the figure comes from.
    public var source: String?
    /// A choice that can go beyond its largest value ("3, 6, 12 periods or even longer").
    public var orMore = false
    public var location: SourceLocation

    public var isChoice: Bool { values.count > 1 }
}

/// A check a facet makes with a figure against the figure in a question, for a yes or no.
public struct FigureCheck: Sendable {
    public var figure: String
    /// What the limit is for, said after the figure: "you can transfer in a day" / "每天可以转账".
    public var what: LocalizedText?
    /// What to do when the question's figure is over the limit.
    public var advice: LocalizedText?
    public var location: SourceLocation
}

extension YAMLNode {
    /// `figures:` of a topic file: id → value (or values), unit, period, source.
    func figures() throws -> [Figure] {
        try orderedMapping().map { key, value in
            let keys = try value.mapping(allowedKeys: ["value", "values", "unit", "period", "source", "or_more"])
            var values: [Double] = []
            if let single = keys["value"] { values = [try single.number()] }
            if let many = keys["values"] { values += try many.sequence().map { try $0.number() } }
            guard !values.isEmpty else { throw value.fail("a figure needs a value (or values)") }
            var figure = Figure(
                id: try key.string(), values: values, unit: try keys.required("unit", in: value).string(),
                period: try keys["period"]?.string(), source: try keys["source"]?.string(), location: value.location)
            if let more = keys["or_more"] {
                switch try more.string() {
                case "true", "yes": figure.orMore = true
                case "false", "no": figure.orMore = false
                default: throw more.fail("expected true or false")
                }
            }
            return figure
        }
    }

    func number() throws -> Double {
        guard let value = Double(try string()), value.isFinite, value >= 0 else { throw fail("expected a number") }
        return value
    }

    /// `checks:` of a facet.
    func figureChecks() throws -> [FigureCheck] {
        try sequence().map { node in
            let keys = try node.mapping(allowedKeys: ["figure", "what", "advice"])
            return FigureCheck(
                figure: try keys.required("figure", in: node).string(), what: try keys["what"]?.localized(),
                advice: try keys["advice"]?.localized(), location: node.location)
        }
    }
}

extension EntityDefinitions {
    /// How a figure is written in a language: "50,000 yuan", "3, 6 or 12 instalments", "3、6 或 12 期".
    public func describe(_ figure: Figure, _ language: Language) -> String {
        let numbers = figure.values.map(Self.format)
        let joined =
            numbers.count == 1
            ? numbers[0]
            : numbers.dropLast().joined(separator: language.isChinese ? "、" : ", ")
                + (language.isChinese ? " 或 " : " or ") + numbers.last!
        return unitTexts[figure.unit].map { Self.fill($0.text(language), joined) } ?? joined
    }
}

extension Topic {
    /// The topic's texts with each `{figure}` written out, in each language, from its figures;
    /// and every figure of the topic written out literally instead (a figure stated twice can
    /// drift apart), for `check`.
    mutating func fillFigures(_ definitions: EntityDefinitions) throws -> [(
        text: String, figure: String?, location: SourceLocation
    )] {
        var literal: [(text: String, figure: String?, location: SourceLocation)] = []
        let reader = NumberReader(multipliers: [:], numberWords: [:])
        var written: [Language: [String: String]] = [:]
        for language in [Language.en, .zh] {
            written[language] = Dictionary(
                figures.map { ($0.id, definitions.describe($0, language)) }, uniquingKeysWith: { first, _ in first })
        }
        func fill(_ text: LocalizedText, _ location: SourceLocation) throws -> LocalizedText {
            var result = text
            for language in [Language.en, .zh] {
                guard let raw = language == .en ? text.en : text.zh else { continue }
                // Every number written out is one `check` reports: a figure's value (write its
                // name) or a figure nobody named (name it).
                // Only numbers written in digits: 一键 ("one tap") or 一次 is wording, not a figure.
                // (Most texts name their figures and hold no digit: they skip the reading, which
                // otherwise costs a noticeable part of every start.)
                if NumberReader.mayHoldDigit(raw) {
                    let scalars = NumberReader.fold(raw)
                    for mention in reader.mentions(in: scalars)
                    where NumberReader.isDigit(scalars[mention.range.lowerBound]) {
                        let figure = figures.first(where: { $0.values.contains(mention.value) })
                        literal.append((EntityDefinitions.format(mention.value), figure?.id, location))
                    }
                }
                var filled = raw.utf8.contains(UInt8(ascii: "{")) ? raw.fillingPlaceholders(written[language]!) : raw
                if let open = filled.firstIndex(of: "{"), let close = filled[open...].firstIndex(of: "}") {
                    let name = filled[filled.index(after: open)..<close]
                    throw KnowledgeBaseError.invalid(
                        location,
                        message: "the text names figure '\(name)', which topic \(id) does not define under figures:")
                }
                filled = filled.trimmingWhitespace()
                if language == .en { result.en = filled } else { result.zh = filled }
            }
            return result
        }
        answer.summary = try fill(answer.summary, location)
        answer.steps = try answer.steps.map { try fill($0, location) }
        answer.notes = try answer.notes.map { try fill($0, location) }
        for index in facets.indices { facets[index].answer = try fill(facets[index].answer, facets[index].location) }
        return literal
    }
}
