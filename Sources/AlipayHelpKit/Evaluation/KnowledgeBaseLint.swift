import Foundation

/// One finding of `alipay-help check`, printed as `file:line:column: error: message`.
public struct Diagnostic: Codable, Sendable, CustomStringConvertible {
    public enum Severity: String, Codable, Sendable { case error, warning }

    public var severity: Severity
    public var location: String
    public var message: String

    /// The load error this finding is, when the knowledge base did not load at all, so that a
    /// front end can word it as it words that error elsewhere. Not part of the JSON.
    public var loadError: KnowledgeBaseError?

    public init(_ severity: Severity, _ location: SourceLocation, _ message: String) {
        self.severity = severity
        self.location = location.description
        self.message = message
    }

    public init(_ error: KnowledgeBaseError) {
        self.init(.error, error.location, error.message)
        loadError = error
    }

    private enum CodingKeys: String, CodingKey { case severity, location, message }

    public var description: String { "\(location): \(severity.rawValue): \(message)" }
}

/// Lints the knowledge base: schema, duplicated and confusable examples, thin topics and
/// facets, examples the matcher gets wrong when they are left out, broken flows, rules that
/// name no concept, test cases naming unknown intents, and figures that disagree between an
/// answer and its facets.
public enum KnowledgeBaseLint {
    public struct Options: Sendable {
        public var leaveOneOut = true
        public var minimumTopicExamples = 30
        public var minimumChineseExamples = 8
        public var minimumFacetExamples = 3
        public init() {}
    }

    public static func run(directory: URL, options: Options = Options()) -> [Diagnostic] {
        run(KnowledgeBaseFolder(disk: directory), options: options)
    }

    /// Every check, on a folder on disk or files in memory.
    public static func run(_ directory: KnowledgeBaseFolder, options: Options = Options()) -> [Diagnostic] {
        let kb: KnowledgeBase
        let matcher: IntentMatcher
        do {
            kb = try KnowledgeBase.load(from: directory)
            matcher = try IntentMatcher(knowledgeBase: kb)
        } catch let error as KnowledgeBaseError {
            return [Diagnostic(error)]
        } catch {
            return [Diagnostic(.error, SourceLocation(file: directory.path, line: 1, column: 1), "\(error)")]
        }
        var diagnostics: [Diagnostic] = []
        diagnostics += duplicates(kb, matcher)
        diagnostics += thinCoverage(kb, options)
        diagnostics += ruleNames(kb, matcher)
        diagnostics += unusedRequirements(kb, matcher)
        diagnostics += foldedFunctionWords(kb)
        diagnostics += checkedFigures(kb)
        diagnostics += translations(kb)
        diagnostics += testCases(kb, directory: directory)
        if options.leaveOneOut { diagnostics += leaveOneOut(kb) }
        return diagnostics
    }

    // MARK: Examples

    /// The same example twice (an error across labels), and near-duplicates across labels
    /// that the matcher will confuse (a warning).
    static func duplicates(_ kb: KnowledgeBase, _ matcher: IntentMatcher) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let examples = kb.allExamples
        var seen: [String: KnowledgeBase.Example] = [:]
        for example in examples {
            let key = TextNormalizer.normalize(example.text).pieces.joined(separator: " ")
            if let first = seen[key] {
                if first.label != example.label {
                    diagnostics.append(
                        Diagnostic(
                            .error, example.location,
                            "\"\(example.text)\" is an example of both \(first.label) (\(first.location)) and \(example.label)"
                        ))
                } else {
                    diagnostics.append(
                        Diagnostic(
                            .warning, example.location, "\"\(example.text)\" repeats the example at \(first.location)"))
                }
            } else {
                seen[key] = example
            }
        }
        // Near-duplicates: the same terms, or nearly, under different labels.
        let termSets = examples.map { example in
            Set(
                matcher.features(of: TextNormalizer.normalize(example.text)).tokens.terms.filter {
                    $0 != Lexicon.gap && !matcher.lexicon.isStopwordTerm($0)
                })
        }
        for i in examples.indices where termSets[i].count >= 2 {
            for j in examples.indices where j > i && examples[j].label != examples[i].label && termSets[j].count >= 2 {
                let shared = termSets[i].intersection(termSets[j]).count
                let union = termSets[i].union(termSets[j]).count
                if Double(shared) / Double(union) >= 0.99 {
                    diagnostics.append(
                        Diagnostic(
                            .warning, examples[j].location,
                            "\"\(examples[j].text)\" (\(examples[j].label)) says the same as \"\(examples[i].text)\" (\(examples[i].label), \(examples[i].location)); the matcher will confuse them"
                        ))
                }
            }
        }
        return diagnostics
    }

    static func thinCoverage(_ kb: KnowledgeBase, _ options: Options) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for topic in kb.topics {
            if topic.examples.count < options.minimumTopicExamples {
                diagnostics.append(
                    Diagnostic(
                        .warning, topic.location,
                        "topic \(topic.id) has \(topic.examples.count) examples; write at least \(options.minimumTopicExamples)"
                    ))
            }
            let chinese = topic.examples.filter { $0.unicodeScalars.contains { ChineseText.isHan($0.value) } }.count
            if chinese < options.minimumChineseExamples {
                diagnostics.append(
                    Diagnostic(
                        .warning, topic.location,
                        "topic \(topic.id) has \(chinese) Chinese examples; write at least \(options.minimumChineseExamples)"
                    ))
            }
            for facet in topic.facets where facet.examples.count < options.minimumFacetExamples {
                diagnostics.append(
                    Diagnostic(
                        .warning, facet.location,
                        "facet \(topic.id)/\(facet.id) has \(facet.examples.count) examples; write at least \(options.minimumFacetExamples)"
                    ))
            }
        }
        return diagnostics
    }

    /// Rule entries with an underscore look like concept ids; if no such concept exists they
    /// silently match a word nobody types. An entry that is a function word of some language
    /// (French "comment") is ignored by the matcher, so it is reported too.
    static func ruleNames(_ kb: KnowledgeBase, _ matcher: IntentMatcher) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        func check(_ names: [String], _ what: String, _ location: SourceLocation, functionWordsCount: Bool = false) {
            for name in names where name.contains("_") && matcher.lexicon.existingConcept(name) == nil {
                diagnostics.append(
                    Diagnostic(
                        .warning, location,
                        "\(what) names '\(name)', which is not a concept in vocabulary.yaml; it only matches that exact word"
                    ))
            }
            for name in names where !functionWordsCount && matcher.lexicon.existingConcept(name) == nil {
                let terms = matcher.features(of: TextNormalizer.normalize(name)).tokens.terms.filter {
                    $0 != Lexicon.gap
                }
                if !terms.isEmpty && terms.allSatisfy(matcher.lexicon.isStopwordTerm) {
                    diagnostics.append(
                        Diagnostic(
                            .warning, location,
                            "\(what) names '\(name)', a function word in some language; it is ignored"))
                }
            }
        }
        for topic in kb.topics {
            check(topic.require, "require of \(topic.id)", topic.location)
            check(topic.exclude, "exclude of \(topic.id)", topic.location)
            for facet in topic.facets {
                check(facet.triggers, "triggers of \(topic.id)/\(facet.id)", facet.location, functionWordsCount: true)
            }
        }
        return diagnostics
    }

    /// A language's word that, with its accents folded as every question's are, is a function
    /// word of English or a marker of another language: Vietnamese "nợ" (debt) becomes "no", so
    /// every English "no" and Spanish "no" would read as a debt.
    static func foldedFunctionWords(_ kb: KnowledgeBase) -> [Diagnostic] {
        func words(_ text: String) -> [String] { TextNormalizer.normalize(text).pieces }
        var functionWords: [String: String] = [:]
        for word in kb.vocabulary.stopwords {
            for piece in words(word) { functionWords[piece] = "an English function word" }
        }
        for pack in kb.languages {
            for marker in pack.markers {
                for piece in words(marker) where functionWords[piece] == nil {
                    functionWords[piece] = "a marker of \(pack.name)"
                }
            }
        }
        var diagnostics: [Diagnostic] = []
        func warn(_ location: SourceLocation, _ message: String) {
            diagnostics.append(Diagnostic(.warning, location, message))
        }
        for product in kb.vocabulary.otherProducts {
            let pieces = words(product)
            guard pieces.count == 1, let piece = pieces.first, let what = functionWords[piece] else { continue }
            let file = kb.vocabulary.concepts.first?.location.file ?? KnowledgeBase.vocabularyFile
            warn(
                SourceLocation(file: file, line: 1, column: 1),
                "other product '\(product)' reads as '\(piece)', \(what): every question with that word would be declined; name it with a longer phrase"
            )
        }
        // A phrase of function words and concept words reads as English does, and means
        // something else: French "à nouveau" (again) folds to "a nouveau", the terms of every
        // English "a new".
        let englishFunctionWords = Set(kb.vocabulary.stopwords.flatMap(words))
        var conceptOfWord: [String: String] = [:]
        for concept in kb.vocabulary.concepts {
            for surface in concept.english {
                let pieces = words(surface); if pieces.count == 1 { conceptOfWord[pieces[0]] = concept.id }
            }
        }
        for pack in kb.languages {
            for entry in pack.words {
                for surface in entry.surfaces {
                    let pieces = words(surface); if pieces.count == 1 { conceptOfWord[pieces[0]] = entry.concept }
                }
            }
        }
        // A word whose accents fold away into an ordinary English word reads every English
        // question with that word as this concept: Turkish "süre" (duration) is English "sure".
        let englishWords = englishFunctionWords.union(kb.vocabulary.commonWords.flatMap(words))
        for pack in kb.languages {
            for entry in pack.words {
                for surface in entry.surfaces where surface.unicodeScalars.contains(where: { $0.value >= 0x80 }) {
                    let pieces = words(surface)
                    guard pieces.count == 1, englishWords.contains(pieces[0]) else { continue }
                    warn(
                        entry.location,
                        "'\(surface)' (\(entry.concept)) folds to '\(pieces[0])', an English word: every English question with it would mean \(entry.concept); use a longer phrase or another form"
                    )
                }
            }
        }
        for pack in kb.languages {
            for entry in pack.words {
                for surface in entry.surfaces {
                    let pieces = words(surface)
                    let content = pieces.filter { !englishFunctionWords.contains($0) }
                    guard pieces.count > 1, content.count < pieces.count, !content.isEmpty,
                        content.allSatisfy({ conceptOfWord[$0] != nil && conceptOfWord[$0] != entry.concept })
                    else { continue }
                    let english = pieces.map { englishFunctionWords.contains($0) ? $0 : conceptOfWord[$0]! }.joined(
                        separator: " ")
                    warn(
                        entry.location,
                        "'\(surface)' (\(entry.concept)) reads as '\(english)', as English questions write it: those would mean \(entry.concept); use a longer phrase"
                    )
                }
            }
        }
        for pack in kb.languages {
            let own = Set(pack.markers.flatMap(words))
            for entry in pack.words {
                for surface in entry.surfaces {
                    let pieces = words(surface)
                    guard pieces.count == 1, let piece = pieces.first, !own.contains(piece),
                        let what = functionWords[piece], what != "a marker of \(pack.name)"
                    else { continue }
                    warn(
                        entry.location,
                        "'\(surface)' (\(entry.concept)) reads as '\(piece)', \(what): every question with that word would mean \(entry.concept); use a longer phrase"
                    )
                }
            }
        }
        return diagnostics
    }

    // MARK: Figures

    /// A facet that checks questions against a figure must state that figure itself, in every
    /// language: its verdict and its text can then never disagree.
    static func checkedFigures(_ kb: KnowledgeBase) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for topic in kb.topics {
            for literal in topic.literalFigures {
                if let figure = literal.figure {
                    diagnostics.append(
                        Diagnostic(
                            .error, literal.location,
                            "'\(literal.text)' is figure '\(figure)' written out; write {\(figure)} so it is stated once"
                        ))
                } else {
                    diagnostics.append(
                        Diagnostic(
                            .error, literal.location,
                            "'\(literal.text)' is a figure no entry under figures: names; declare it there (value, unit, source) and write its {name}"
                        ))
                }
            }
            for facet in topic.facets {
                for check in facet.checks {
                    guard let figure = topic.figure(check.figure) else { continue }
                    for language in [Language.en, .zh] {
                        let text = facet.answer.text(language)
                        for value in figure.values where !text.contains(EntityDefinitions.format(value)) {
                            diagnostics.append(
                                Diagnostic(
                                    .error, check.location,
                                    "facet \(topic.id)/\(facet.id) checks figure '\(figure.id)' (\(EntityDefinitions.format(value))), but its \(language.rawValue) answer does not state it; make them agree"
                                ))
                        }
                    }
                }
            }
        }
        return diagnostics
    }

    /// Every text the assistant can say exists in English and Simplified Chinese.
    static func translations(_ kb: KnowledgeBase) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        func need(_ text: LocalizedText?, _ what: String, _ location: SourceLocation) {
            guard let text, text.zh == nil else { return }
            diagnostics.append(
                Diagnostic(.error, location, "\(what) has no Chinese (zh) text: \"\(text.en.prefix(60))\""))
        }
        for topic in kb.topics {
            need(topic.title, "the title of \(topic.id)", topic.location)
            need(topic.answer.summary, "the summary of \(topic.id)", topic.location)
            for step in topic.answer.steps { need(step, "a step of \(topic.id)", topic.location) }
            for note in topic.answer.notes { need(note, "a note of \(topic.id)", topic.location) }
            for facet in topic.facets {
                need(facet.title, "the title of \(topic.id)/\(facet.id)", facet.location)
                need(facet.answer, "the answer of \(topic.id)/\(facet.id)", facet.location)
            }
        }
        let none = SourceLocation(file: KnowledgeBase.smallTalkFile, line: 1, column: 1)
        for intent in kb.smallTalk { need(intent.reply, "the reply of \(intent.id)", none) }
        need(
            kb.outOfScope.reply, "the out-of-scope reply",
            SourceLocation(file: KnowledgeBase.outOfScopeFile, line: 1, column: 1))
        for flow in kb.flows {
            for text in [flow.title, flow.intro, flow.summary] { need(text, "flow \(flow.id)", flow.location) }
            need(flow.offer, "the offer of flow \(flow.id)", flow.location)
            for step in flow.steps {
                for text in [step.title, step.prompt] { need(text, "step \(flow.id)/\(step.id)", step.location) }
                for text in [step.invalid, step.help, step.todoIfNo] {
                    need(text, "step \(flow.id)/\(step.id)", step.location)
                }
                for choice in step.choices { need(choice.label, "a choice of \(flow.id)/\(step.id)", step.location) }
            }
        }
        for key in MessageKey.allCases {
            need(
                kb.messages.localized(key), "message \(key.rawValue)",
                SourceLocation(file: KnowledgeBase.messagesFile, line: 1, column: 1))
        }
        return diagnostics
    }

    // MARK: Tests and leave-one-out

    static func testCases(_ kb: KnowledgeBase, directory: KnowledgeBaseFolder) -> [Diagnostic] {
        let suites: [LabelledSuite]
        do {
            suites = try LabelledSuite.loadAll(in: directory); _ = try ConversationSuite.loadAll(in: directory)
        } catch let
            error as KnowledgeBaseError
        {
            return [Diagnostic(error)]
        } catch {
            return []
        }
        let intents = Set(kb.topics.map(\.id) + kb.smallTalk.map(\.id))
        var diagnostics: [Diagnostic] = []
        for labelled in suites.flatMap(\.cases) {
            guard case let .intent(id) = labelled.expected else { continue }
            if !intents.contains(id) {
                diagnostics.append(
                    Diagnostic(
                        .error, labelled.location,
                        "unknown intent '\(id)'; expected a topic, a small-talk id or out_of_scope"))
            } else if let facet = labelled.facet, kb.topic(id)?.facets.contains(where: { $0.id == facet }) != true {
                diagnostics.append(Diagnostic(.error, labelled.location, "topic \(id) has no facet '\(facet)'"))
            }
        }
        return diagnostics
    }

    /// Each example held out once (ten folds, each trained without a tenth of every list): the
    /// matcher trained without it should still understand it. Ten trainings, not one per
    /// example, keep the check fast as the knowledge base grows.
    static func leaveOneOut(_ kb: KnowledgeBase) -> [Diagnostic] {
        guard let evaluation = try? CrossValidation.run(kb, folds: 10) else { return [] }
        return evaluation.results.filter { !$0.correct }.map { result in
            let got = result.match.outcome.label
            return Diagnostic(
                .warning, result.testCase.location,
                "\"\(result.testCase.question)\" is taken for \(got) (\(result.match.confidenceInPercent)) when left out; add examples like it"
            )
        }
    }
}
