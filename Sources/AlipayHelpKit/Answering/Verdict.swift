/// The yes or no a question with a figure gets before the answer: "No. 90,000 yuan is more than
/// the 50,000 yuan you can transfer in a day." Every figure in it comes from the knowledge base
/// (the facet's checks and the topic's figures); the question gives only its own figure.
public struct Verdict: Sendable, Equatable {
    public enum Outcome: String, Sendable {
        case yes, no, remaining
        /// Beyond the usual choices, where the knowledge base says longer ones exist sometimes.
        case maybe
    }

    public var outcome: Outcome
    /// What is said, one line per check.
    public var lines: [String]
    /// The facet whose check gave the verdict.
    public var facet: String

    /// The verdict for a question's entities about `topic`, trying the checks of the facet it
    /// asked about first, then those of the topic's other facets (a figure for the period the
    /// question names). Nil when no check applies, or when the question does not ask whether
    /// its figure is allowed (`asksWhetherAllowed`).
    static func make(
        question: String, entities: [Entity], topic: Topic, facet: String?, reader: EntityReader,
        messages: Messages, language: Language
    ) -> Verdict? {
        guard !entities.isEmpty, topic.facets.contains(where: { !$0.checks.isEmpty }),
            asksWhetherAllowed(question, entities: entities, phrases: reader.questionPhrases)
        else { return nil }
        let definitions = reader.definitions
        // The facet asked about, then those whose figure is for the question's period, then the rest.
        var order: [Facet] = topic.facets.filter { $0.id == facet }
        var later: [Facet] = []
        // A general question is checked against every facet. One about another facet gets a
        // verdict from a facet it did not ask about only for a count of what that facet counts
        // ("pay with huabei over 24 months" counts instalments); an amount alone says too little.
        let counted = Set(entities.filter { $0.kind == .count }.compactMap(\.unit))
        for candidate in topic.facets
        where candidate.id != facet && !candidate.checks.isEmpty
            && (facet == nil
                || candidate.checks.contains { topic.figure($0.figure).map { counted.contains($0.unit) } ?? false })
        {
            if periodMatches(candidate, topic, entities) { order.append(candidate) } else { later.append(candidate) }
        }
        for candidate in order + later where !candidate.checks.isEmpty {
            var lines: [String] = []
            var outcomes: [Outcome] = []
            for check in candidate.checks {
                guard let figure = topic.figure(check.figure),
                    let (outcome, line) = evaluate(check, figure, entities, definitions, messages, language)
                else { continue }
                outcomes.append(outcome)
                lines.append(line)
                if outcome == .no, let advice = check.advice { lines.append(advice.text(language)) }
            }
            guard !outcomes.isEmpty else { continue }
            let outcome: Outcome =
                outcomes.contains(.no)
                ? .no
                : outcomes.contains(.maybe)
                    ? .maybe
                    : outcomes.contains(.remaining) ? .remaining : .yes
            return Verdict(outcome: outcome, lines: lines, facet: candidate.id)
        }
        return nil
    }

    /// Whether a question with figures asks whether they are allowed, from its form alone: a
    /// yes or no answers "can I send 90,000 today?", 今天能转9万吗, "is a 250-yuan red envelope
    /// ok?", a figure already used ("I've used 170,000, how much is left?") and a figure asked
    /// alone in context ("and 300?", 那300呢？), never a conversion, a price or a date ("how much
    /// is 50,000 yuan in dollars", 5万元是多少美元). The words are `entities.yaml`'s
    /// `verdict_questions`; those that ask something else win.
    static func asksWhetherAllowed(_ question: String, entities: [Entity], definitions: EntityDefinitions) -> Bool {
        asksWhetherAllowed(question, entities: entities, phrases: QuestionPhrases(definitions))
    }

    /// `asksWhetherAllowed(_:entities:definitions:)` with the phrases already folded (the entity
    /// reader keeps them: folding them for every question costs a fifth of an English answer).
    static func asksWhetherAllowed(_ question: String, entities: [Entity], phrases: QuestionPhrases) -> Bool {
        let text = NumberReader.fold(question)
        if phrases.asksOtherwise.isWritten(in: text) { return false }
        if entities.contains(where: \.used) || phrases.asksWhether.isWritten(in: text) { return true }
        // The figure alone: nothing left once its own words and the allowed ones are taken out.
        var rest = text
        let taken = (entities.map { NumberReader.fold($0.text) } + phrases.figureAloneWith).sorted {
            $0.count > $1.count
        }
        for words in taken where !words.isEmpty {
            var start = 0
            while start + words.count <= rest.count {
                let whole =
                    (start == 0 || !NumberReader.isLetter(words[0]) || !NumberReader.isLetter(rest[start - 1]))
                    && EntityReader.matches(words, in: rest, at: start)
                if whole {
                    rest.replaceSubrange(start..<(start + words.count), with: [" "])
                }
                start += 1
            }
        }
        return rest.allSatisfy { !$0.properties.isAlphabetic && !NumberReader.isDigit($0) }
    }

    /// `entities.yaml`'s `verdict_questions`, folded as questions are (`NumberReader.fold`).
    struct QuestionPhrases: Sendable {
        var asksWhether: PhraseSet
        var asksOtherwise: PhraseSet
        /// In the order written.
        var figureAloneWith: [[Unicode.Scalar]]

        init(_ definitions: EntityDefinitions) {
            asksWhether = PhraseSet(definitions.asksWhether)
            asksOtherwise = PhraseSet(definitions.asksOtherwise)
            figureAloneWith = definitions.figureAloneWith.map(NumberReader.fold)
        }
    }

    /// Folded phrases by their first character, so that a question is read once for all of them.
    struct PhraseSet: Sendable {
        /// Phrases starting with each ASCII character.
        private var byASCIIInitial = [[[Unicode.Scalar]]](repeating: [], count: 128)
        private var byOtherInitial: [Unicode.Scalar: [[Unicode.Scalar]]] = [:]

        init(_ phrases: [String]) {
            for phrase in phrases.map(NumberReader.fold) where !phrase.isEmpty {
                if phrase[0].isASCII {
                    byASCIIInitial[Int(phrase[0].value)].append(phrase)
                } else {
                    byOtherInitial[phrase[0], default: []].append(phrase)
                }
            }
        }

        /// Whether one of the phrases is written in `text` (folded): a whole word where it is
        /// made of letters (`EntityReader.matches`), starting a word where it starts with one.
        func isWritten(in text: [Unicode.Scalar]) -> Bool {
            for start in text.indices {
                let initial = text[start]
                // Inside a word: only a phrase that starts with a letter could start here, and
                // such a phrase must start a word.
                if start > 0 && NumberReader.isLetter(initial) && NumberReader.isLetter(text[start - 1]) { continue }
                let candidates = initial.isASCII ? byASCIIInitial[Int(initial.value)] : byOtherInitial[initial] ?? []
                for phrase in candidates where EntityReader.matches(phrase, in: text, at: start) { return true }
            }
            return false
        }
    }

    private static func periodMatches(_ facet: Facet, _ topic: Topic, _ entities: [Entity]) -> Bool {
        facet.checks.contains { check in
            guard let period = topic.figure(check.figure)?.period else { return false }
            return entities.contains { $0.period == period }
        }
    }

    /// A figure of the question that a figure of the knowledge base can be checked against: of
    /// the same unit, for the same period when both name one.
    private static func candidates(for figure: Figure, in entities: [Entity], definitions: EntityDefinitions)
        -> [Entity]
    {
        let currency = definitions.currencyUnit
        return entities.filter { entity in
            if let period = entity.period, let limitPeriod = figure.period,
                !definitions.counts(period, against: limitPeriod)
            {
                return false
            }
            switch entity.kind {
            case .amount: return figure.unit == currency
            case .count: return entity.unit == figure.unit
            // A bare number is money for a money figure, and a count for a choice of counts.
            case .number:
                return figure.unit == currency
                    || (figure.isChoice && entity.value == entity.value.rounded() && entity.value <= 100)
            }
        }
    }

    private static func evaluate(
        _ check: FigureCheck, _ figure: Figure, _ entities: [Entity], _ definitions: EntityDefinitions,
        _ messages: Messages, _ language: Language
    ) -> (Outcome, String)? {
        let found = candidates(for: figure, in: entities, definitions: definitions)
        guard !found.isEmpty else { return nil }
        func describe(_ value: Double) -> String { definitions.describe(value, unit: figure.unit, language) }
        let what = check.what?.text(language) ?? ""
        if figure.isChoice {
            let count = found[0].value
            let values = ["count": describe(count), "options": definitions.describe(figure, language), "what": what]
            if figure.values.contains(count) { return (.yes, messages.text(.verdictChoiceYes, language, values)) }
            if figure.orMore, count > figure.values.max()! {
                return (.maybe, messages.text(.verdictChoiceMaybe, language, values))
            }
            return (.no, messages.text(.verdictChoiceNo, language, values))
        }
        let limit = figure.values[0]
        let used = found.filter(\.used).reduce(0) { $0 + $1.value }
        // The last figure named is the one asked about: "the limit is 50,000? I want to send 49,999".
        let asked = found.last { !$0.used }
        if used > 0 {
            let left = limit - used
            let remaining = messages.text(
                .verdictRemaining, language, ["left": describe(max(left, 0)), "limit": describe(limit), "what": what])
            guard let asked else {
                guard left > 0 else {
                    return (
                        .no,
                        messages.text(
                            .verdictUsedUp, language, ["used": describe(used), "limit": describe(limit), "what": what])
                    )
                }
                return (.remaining, remaining)
            }
            // "I've used 170,000: can I send 20,000 more?" is checked against what is left.
            let values = ["amount": describe(asked.value), "limit": describe(limit), "what": what]
            return asked.value <= left
                ? (.yes, messages.text(.verdictWithin, language, values) + " " + remaining)
                : (.no, messages.text(.verdictOver, language, values) + " " + remaining)
        }
        guard let asked else { return nil }
        let values = ["amount": describe(asked.value), "limit": describe(limit), "what": what]
        return asked.value <= limit
            ? (.yes, messages.text(.verdictWithin, language, values))
            : (.no, messages.text(.verdictOver, language, values))
    }
}
