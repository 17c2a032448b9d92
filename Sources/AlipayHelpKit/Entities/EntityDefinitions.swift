/// The words that turn a number in a question into an entity, declared in `entities.yaml`:
/// multipliers, number words, currency marks, the things a number can count, the periods a
/// figure can be for, and how amounts and counts are written in each language.
public struct EntityDefinitions: Sendable {
    public var multipliers: [String: Double] = [:]
    public var numberWords: [String: Double] = [:]
    /// Written before a number ("¥", "rmb") or after it ("yuan", "元"): an amount of money.
    public var currencyBefore: [String] = []
    public var currencyAfter: [String] = []
    /// The unit an amount of money is in ("yuan").
    public var currencyUnit = "yuan"
    /// The smallest number read without a currency or a counted thing next to it.
    public var bareNumberMinimum: Double = 100
    /// Unit → the words that follow a number it counts ("instalments" → ["months", "期"]).
    public var counts: [(unit: String, words: [String])] = []
    /// Words after a number that make it no amount at all: a duration, a date, a percentage.
    public var notAmounts: [String] = []
    /// Period → the phrases that name it ("day" → ["today", "每天"]).
    public var periods: [(period: String, words: [String])] = []
    /// Period → the longer periods it is part of ("transaction" → ["day", "year"]).
    public var periodsWithin: [String: [String]] = [:]
    /// Phrases that mark an amount as already used ("I've used", "已经用了").
    public var used: [String] = []
    /// How a figure in each unit is written: `{n}` is the number ("{n} yuan", "{n} 元").
    public var unitTexts: [String: LocalizedText] = [:]
    /// Phrases that make a question ask whether its figure is allowed ("can I", "is it ok", 能,
    /// 可以): only such a question gets a yes or no.
    public var asksWhether: [String] = []
    /// Words a line may hold beside its figure and still be the figure alone, asked in context
    /// ("and 300?", 那300呢？).
    public var figureAloneWith: [String] = []
    /// Phrases that make a question ask something else about its figure (a conversion, a price,
    /// a date): no yes or no, whatever else it says.
    public var asksOtherwise: [String] = []

    public init() {}

    public static let file = "entities.yaml"

    static func parse(_ root: YAMLNode) throws -> EntityDefinitions {
        let keys = try root.mapping(allowedKeys: [
            "multipliers", "number_words", "currency", "counts", "not_amounts", "periods", "periods_within", "used",
            "units", "verdict_questions",
        ])
        var definitions = EntityDefinitions()
        func numbers(_ node: YAMLNode?) throws -> [String: Double] {
            var table: [String: Double] = [:]
            for (key, value) in try node?.orderedMapping() ?? [] {
                guard let number = Double(try value.string()), number.isFinite, number > 0 else {
                    throw value.fail("expected a positive number")
                }
                table[try key.string().lowercased()] = number
            }
            return table
        }
        definitions.multipliers = try numbers(keys["multipliers"])
        definitions.numberWords = try numbers(keys["number_words"])
        if let currency = keys["currency"] {
            let currencyKeys = try currency.mapping(allowedKeys: ["unit", "before", "after", "bare_minimum"])
            if let minimum = currencyKeys["bare_minimum"] { definitions.bareNumberMinimum = try minimum.number() }
            definitions.currencyUnit = try currencyKeys.required("unit", in: currency).string()
            definitions.currencyBefore = try currencyKeys["before"]?.strings() ?? []
            definitions.currencyAfter = try currencyKeys["after"]?.strings() ?? []
        }
        definitions.counts = try (keys["counts"]?.orderedMapping() ?? []).map {
            (try $0.key.string(), try $0.value.strings())
        }
        definitions.notAmounts = try keys["not_amounts"]?.strings() ?? []
        definitions.periods = try (keys["periods"]?.orderedMapping() ?? []).map {
            (try $0.key.string(), try $0.value.strings())
        }
        for (key, value) in try keys["periods_within"]?.orderedMapping() ?? [] {
            definitions.periodsWithin[try key.string()] = try value.strings()
        }
        definitions.used = try keys["used"]?.strings() ?? []
        if let questions = keys["verdict_questions"] {
            let questionKeys = try questions.mapping(allowedKeys: [
                "asks_whether", "figure_alone_with", "asks_otherwise",
            ])
            definitions.asksWhether = try questionKeys["asks_whether"]?.strings() ?? []
            definitions.figureAloneWith = try questionKeys["figure_alone_with"]?.strings() ?? []
            definitions.asksOtherwise = try questionKeys["asks_otherwise"]?.strings() ?? []
        }
        for (key, value) in try keys["units"]?.orderedMapping() ?? [] {
            let text = try value.localized()
            let hasNumber = { (text: String) in text.contains("{n}") || text.contains("{digits}") }
            guard hasNumber(text.en), text.zh.map(hasNumber) ?? true else {
                throw value.fail("write where the number goes as {n} (grouped: 50,000) or {digits} (as dialled: 95188)")
            }
            definitions.unitTexts[try key.string()] = text
        }
        return definitions
    }

    /// Whether a figure for `period` counts against a limit for `limit`: the same period, or a
    /// shorter one within it.
    public func counts(_ period: String, against limit: String) -> Bool {
        period == limit || (periodsWithin[period]?.contains(limit) ?? false)
    }

    /// A figure written for people: "90,000 yuan", "6 instalments", "50,000 元".
    public func describe(_ value: Double, unit: String?, _ language: Language) -> String {
        let number = Self.format(value)
        guard let unit, let text = unitTexts[unit] else { return number }
        return Self.fill(text.text(language), number)
    }

    /// A unit's text with the number in place of `{n}`, or in place of `{digits}` with its digits
    /// ungrouped (a phone number is not "95,188").
    static func fill(_ template: String, _ number: String) -> String {
        let bytes = Array(template.utf8)
        if let at = firstIndex(of: "{n}", in: bytes) { return replacing(bytes, at, "{n}", number.utf8) }
        if let at = firstIndex(of: "{digits}", in: bytes) {
            return replacing(bytes, at, "{digits}", number.utf8.filter { $0 != 0x2C })
        }
        return number
    }

    private static func firstIndex(of placeholder: StaticString, in bytes: [UInt8]) -> Int? {
        let needle = UnsafeBufferPointer(start: placeholder.utf8Start, count: placeholder.utf8CodeUnitCount)
        guard bytes.count >= needle.count else { return nil }
        return (0...(bytes.count - needle.count)).first { at in
            needle.indices.allSatisfy { bytes[at + $0] == needle[$0] }
        }
    }

    private static func replacing(
        _ bytes: [UInt8], _ at: Int, _ placeholder: StaticString, _ value: some Sequence<UInt8>
    ) -> String {
        String(decoding: bytes[..<at] + Array(value) + bytes[(at + placeholder.utf8CodeUnitCount)...], as: UTF8.self)
    }

    /// 90000 → "90,000"; 1.5 → "1.5".
    public static func format(_ value: Double) -> String {
        let whole = value.rounded(.down)
        // Groups of three from the right, in bytes (the digits are ASCII).
        let digits = Array(String(Int64(whole)).utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(digits.count + digits.count / 3)
        let lead = digits.count > 3 ? (digits.count - 1) % 3 + 1 : digits.count
        bytes += digits[..<lead]
        var at = lead
        while at < digits.count {
            bytes.append(0x2C)
            bytes += digits[at..<(at + 3)]
            at += 3
        }
        let grouped = String(decoding: bytes, as: UTF8.self)
        let fraction = value - whole
        guard fraction > 0.000_1 else { return grouped }
        let hundredths = Int((fraction * 100).rounded())
        return grouped + "." + (hundredths % 10 == 0 ? String(hundredths / 10) : String(format2: hundredths))
    }
}

extension String {
    init(format2 value: Int) { self = value < 10 ? "0\(value)" : "\(value)" }
}
