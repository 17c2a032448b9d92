import Foundation

/// Everything the assistant knows, as loaded from the `intents/` folder.
public struct KnowledgeBase: Sendable {
    /// The topic ids the product answers; a topic file with another id is an error.

    public var topics: [Topic]
    public var smallTalk: [SmallTalkIntent]
    public var outOfScope: OutOfScope
    public var vocabulary: VocabularyDefinition
    /// Guided flows from `flows/`.
    public var flows: [FlowDefinition]
    /// What the assistant says around the answers, from `messages.yaml`.
    public var messages: Messages
    /// Further languages questions may be asked in, from `languages/`.
    public var languages: [LanguagePack] = []
    /// The words that make numbers in questions into amounts, counts and periods.
    public var entities = EntityDefinitions()
    /// Lines too vague to answer, which the chat asks back about, from `clarify.yaml`.
    public var vagueLines = VagueLines()
    /// How a line leans on the open topic ("and...?", 那...呢, "what if..."), from `follow_ups.yaml`.
    public var contextMarkers = ContextMarkers()
    /// Where a line asks several questions, from `several_questions.yaml`.
    public var questionSplitter = QuestionSplitter()
    /// Yes and no, choices, asking for more, corrections, from `dialogue.yaml`.
    public var dialogueWords = DialogueWords()

    public init(
        topics: [Topic], smallTalk: [SmallTalkIntent], outOfScope: OutOfScope, vocabulary: VocabularyDefinition,
        flows: [FlowDefinition] = [], messages: Messages = Messages(texts: [:])
    ) {
        self.topics = topics
        self.smallTalk = smallTalk
        self.outOfScope = outOfScope
        self.vocabulary = vocabulary
        self.flows = flows
        self.messages = messages
    }

    public func topic(_ id: String) -> Topic? { topics.first { $0.id == id } }

    /// One example question and what it teaches.
    public struct Example: Sendable {
        public var text: String
        /// A topic id, a small-talk id, or `out_of_scope`.
        public var label: String
        public var facet: String?
        public var location: SourceLocation
    }

    /// Every example in the knowledge base: topics (with their facets), small talk, out of scope.
    /// Every class a question can be matched to, in the matcher's order: the topics, the
    /// small-talk intents, then out of scope.
    public var labels: [String] { topics.map(\.id) + smallTalk.map(\.id) + [Match.outOfScopeLabel] }

    public var allExamples: [Example] {
        var all: [Example] = []
        for topic in topics {
            all += zip(topic.examples, topic.exampleLocations).map {
                Example(text: $0, label: topic.id, facet: nil, location: $1)
            }
            for facet in topic.facets {
                all += zip(facet.examples, facet.exampleLocations).map {
                    Example(text: $0, label: topic.id, facet: facet.id, location: $1)
                }
            }
        }
        for intent in smallTalk {
            all += zip(intent.examples, intent.exampleLocations).map {
                Example(text: $0, label: intent.id, facet: nil, location: $1)
            }
        }
        all += zip(outOfScope.examples, outOfScope.exampleLocations).map {
            Example(text: $0, label: Match.outOfScopeLabel, facet: nil, location: $1)
        }
        for language in languages { all += language.examples }
        return all
    }
}

extension KnowledgeBase {
    public static let vocabularyFile = "vocabulary.yaml"
    public static let smallTalkFile = "smalltalk.yaml"
    public static let outOfScopeFile = "out_of_scope.yaml"
    public static let messagesFile = "messages.yaml"
    /// Figures every topic can name (the customer-service number).
    static let sharedFiguresFile = "figures.yaml"
    /// Every file that is not a topic.
    static let fixedFiles: Set<String> = [
        vocabularyFile, smallTalkFile, outOfScopeFile, messagesFile, EntityDefinitions.file, sharedFiguresFile,
        VagueLines.file, ContextMarkers.file, QuestionSplitter.file, DialogueWords.file,
    ]

    /// Loads every YAML file in `directory` (not its subfolders): one file per topic, plus the
    /// vocabulary, small talk and out-of-scope files.
    /// Reads and checks every file of a knowledge-base folder. With `trainingData` false the
    /// vocabulary, the language files and the phrasing patterns, which only training reads, are
    /// left out: that is all a matcher read back from the cache needs, and start-up is faster
    /// for it.
    public static func load(from directory: URL, trainingData: Bool = true) throws -> KnowledgeBase {
        try load(from: KnowledgeBaseFolder(disk: directory), trainingData: trainingData, storedTopics: nil)
    }

    /// `load(from:trainingData:)` for a folder on disk or files in memory.
    public static func load(from folder: KnowledgeBaseFolder, trainingData: Bool = true) throws -> KnowledgeBase {
        try load(from: folder, trainingData: trainingData, storedTopics: nil)
    }

    /// `storedTopics`: the topics as a previous load left them (TopicArchive, for the same
    /// files), used instead of parsing the topic files again; `storedFiles`: other files as
    /// parsed before (ParsedFileArchive), by path inside the folder. Any other file is parsed.
    static func load(
        from directory: KnowledgeBaseFolder, trainingData: Bool, storedTopics: [Topic]?,
        storedFiles: [String: YAMLNode] = [:]
    ) throws -> KnowledgeBase {
        guard let files = directory.names()?.filter(KnowledgeBaseFiles.isYAML) else {
            throw KnowledgeBaseError.notFound(path: directory.path)
        }
        var contents = FileContents()
        contents.readsPatterns = trainingData
        let names = files.filter {
            (trainingData || $0 != vocabularyFile) && (storedTopics == nil || fixedFiles.contains($0))
        }
        let toParse = names.filter { storedFiles[$0] == nil }
        let parsed = try parseInParallel(toParse, in: directory)
        let roots = Dictionary(uniqueKeysWithValues: zip(toParse, parsed)).merging(storedFiles) { parsed, _ in parsed }
        for name in names { try contents.read(roots[name]!, name: name) }
        let (smallTalk, outOfScope, messages, vocabulary) =
            (contents.smallTalk, contents.outOfScope, contents.messages, contents.vocabulary)
        var topics = storedTopics ?? contents.topics
        guard !topics.isEmpty else { throw KnowledgeBaseError.notFound(path: directory.path) }
        try checkTopicIDs(topics, reserved: Set(smallTalk.map(\.id) + [Match.outOfScopeLabel]))
        guard files.contains(vocabularyFile) else {
            throw KnowledgeBaseError.invalid(
                SourceLocation(file: directory.location(of: vocabularyFile), line: 1, column: 1),
                message: "missing: the concepts the matcher reads questions with live in \(vocabularyFile)")
        }
        // Topics are data: their order (menus, reports) is each file's `order`, then file name.
        topics.sort { ($0.order ?? .max, $0.location.file) < ($1.order ?? .max, $1.location.file) }
        if case .file = directory.entry(at: FlowLoader.folder) {
            throw KnowledgeBaseError.invalid(
                SourceLocation(file: directory.location(of: FlowLoader.folder), line: 1, column: 1),
                message: "flows must be a folder of flow files, not a file")
        }
        let flows = try FlowLoader.loadAll(in: directory, stored: storedFiles)
        for topic in topics {
            for facet in topic.facets {
                for named in facet.coveredTopics where named == topic.id || !topics.contains(where: { $0.id == named })
                {
                    throw KnowledgeBaseError.invalid(
                        facet.location,
                        message:
                            "facet '\(topic.id)/\(facet.id)' names '\(named)' in covers_topics, which is not another topic"
                    )
                }
            }
        }
        for flow in flows where !topics.contains(where: { $0.id == flow.topic }) {
            throw KnowledgeBaseError.invalid(
                flow.location, message: "flow '\(flow.id)' names unknown topic '\(flow.topic)'")
        }
        if messages.texts.isEmpty {
            throw KnowledgeBaseError.invalid(
                SourceLocation(file: directory.location(of: messagesFile), line: 1, column: 1),
                message: "missing: the assistant's messages live in \(messagesFile)")
        }
        var knowledgeBase = KnowledgeBase(
            topics: topics, smallTalk: smallTalk, outOfScope: outOfScope, vocabulary: vocabulary,
            flows: flows, messages: messages)
        knowledgeBase.entities = contents.entities
        knowledgeBase.vagueLines = contents.vagueLines
        knowledgeBase.contextMarkers = contents.contextMarkers
        knowledgeBase.questionSplitter = contents.questionSplitter
        knowledgeBase.dialogueWords = contents.dialogueWords
        if storedTopics == nil {
            for index in knowledgeBase.topics.indices {
                let own = Set(knowledgeBase.topics[index].figures.map(\.id))
                knowledgeBase.topics[index].figures += contents.sharedFigures.filter { !own.contains($0.id) }
            }
        }
        try checkFigures(knowledgeBase.topics, contents.entities)
        if storedTopics == nil {
            for index in knowledgeBase.topics.indices {
                knowledgeBase.topics[index].literalFigures = try knowledgeBase.topics[index].fillFigures(
                    contents.entities)
            }
        }
        guard trainingData else { return knowledgeBase }
        knowledgeBase.languages = try LanguagePack.loadAll(
            in: directory,
            labels: Set(topics.map(\.id) + [Match.outOfScopeLabel]),
            concepts: Set(vocabulary.concepts.map(\.id)))
        try knowledgeBase.checkPatternSlots()
        return knowledgeBase
    }

    /// The parsed YAML of every file answering reads besides the topics and the language files
    /// (the fixed files but the vocabulary, and the flows), by path inside the folder: what
    /// ParsedFileArchive stores.
    static func parsedAnsweringFiles(in directory: KnowledgeBaseFolder) throws -> [String: YAMLNode] {
        let names = directory.allFiles().filter {
            ($0 != vocabularyFile && fixedFiles.contains($0))
                || ($0.hasPrefix(FlowLoader.folder + "/") && KnowledgeBaseFiles.isYAML($0)
                    && !$0.dropFirst(FlowLoader.folder.count + 1).contains("/"))
        }
        var files: [String: YAMLNode] = [:]
        for name in names {
            files[name] = try YAMLNode.parse(try directory.text(of: name), file: directory.location(of: name))
        }
        return files
    }

    /// Reads and parses the files on every core: YAML parsing is most of a start. An error is
    /// the first failing file's, as reading them in turn would report.
    static func parseInParallel(_ names: [String], in folder: KnowledgeBaseFolder) throws -> [YAMLNode] {
        try concurrentMap(names.count, threads: ProcessInfo.processInfo.activeProcessorCount) { index in
            Result { try YAMLNode.parse(try folder.text(of: names[index]), file: folder.location(of: names[index])) }
        }.map { try $0.get() }
    }

    /// Every check names a figure of its topic, and every figure a unit `entities.yaml` knows.
    static func checkFigures(_ topics: [Topic], _ entities: EntityDefinitions) throws {
        let units = Set([entities.currencyUnit] + entities.counts.map(\.unit) + entities.unitTexts.keys)
        for topic in topics {
            for figure in topic.figures where !units.contains(figure.unit) {
                throw KnowledgeBaseError.invalid(
                    figure.location,
                    message:
                        "figure '\(figure.id)' is in '\(figure.unit)', a unit \(EntityDefinitions.file) does not declare; use one of: \(units.sorted().joined(separator: ", "))"
                )
            }
            for facet in topic.facets {
                for check in facet.checks where topic.figure(check.figure) == nil {
                    throw KnowledgeBaseError.invalid(
                        check.location,
                        message:
                            "check names figure '\(check.figure)', which topic \(topic.id) does not define under figures:"
                    )
                }
            }
        }
    }

    /// Parses one file's text the way `load` parses the file called `name` (a topic unless it is
    /// one of the fixed files; `flow.yaml` as a flow), for the fuzzer.
    public static func parseFile(_ text: String, name: String) throws {
        guard text.utf8.count <= YAMLNode.maximumFileSize else { return }
        let root = try YAMLNode.parse(text, file: name)
        if name == "flow.yaml" {
            _ = try FlowLoader.parse(root)
        } else {
            var contents = FileContents()
            try contents.read(root, name: name)
        }
    }

    /// What the files of a knowledge-base folder hold, filled in file by file: the one place
    /// that says which parser reads which file.
    struct FileContents {
        var topics: [Topic] = []
        var smallTalk: [SmallTalkIntent] = []
        var outOfScope = OutOfScope(examples: [], exampleLocations: [], reply: LocalizedText(en: ""))
        var messages = Messages(texts: [:])
        var vocabulary = VocabularyDefinition()
        var entities = EntityDefinitions()
        var sharedFigures: [Figure] = []
        var vagueLines = VagueLines()
        var contextMarkers = ContextMarkers()
        var questionSplitter = QuestionSplitter()
        var dialogueWords = DialogueWords()
        /// Whether phrasing patterns are parsed. Only training reads them; a load for answering
        /// alone has a matcher trained on these very files, which parsed them then (parsing
        /// them costs a tenth of a start).
        var readsPatterns = true

        /// Parses the file called `name` (a topic unless it is one of the fixed files) and keeps
        /// what it holds.
        mutating func read(_ root: YAMLNode, name: String) throws {
            switch name {
            case vocabularyFile: vocabulary = try parseVocabulary(root)
            case smallTalkFile: smallTalk = try parseSmallTalk(root)
            case outOfScopeFile: outOfScope = try parseOutOfScope(root, readsPatterns: readsPatterns)
            case messagesFile: messages = try parseMessages(root)
            case EntityDefinitions.file: entities = try EntityDefinitions.parse(root)
            case sharedFiguresFile: sharedFigures = try parseSharedFigures(root)
            case VagueLines.file: vagueLines = try VagueLines.parse(root)
            case ContextMarkers.file: contextMarkers = try ContextMarkers.parse(root)
            case QuestionSplitter.file: questionSplitter = try QuestionSplitter.parse(root)
            case DialogueWords.file: dialogueWords = try DialogueWords.parse(root)
            default: topics.append(try parseTopic(root, readsPatterns: readsPatterns))
            }
        }
    }

    /// Reads a knowledge-base file: a regular file (a FIFO or a device would block or never
    /// end), at most `YAMLNode.maximumFileSize` bytes, in UTF-8.
    static func readText(_ path: String) throws -> String {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw KnowledgeBaseError.unreadable(file: path, reason: "missing or not readable")
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            throw KnowledgeBaseError.unreadable(file: path, reason: "not a regular file")
        }
        let limit = YAMLNode.maximumFileSize
        let tooBig = { (size: Int) in
            KnowledgeBaseError.invalid(
                SourceLocation(file: path, line: 1, column: 1),
                message: "the file is \(size) bytes; a knowledge-base file may be at most \(limit / 1024) KB, split it")
        }
        guard Int(info.st_size) <= limit else { throw tooBig(Int(info.st_size)) }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw KnowledgeBaseError.unreadable(file: path, reason: "missing or not readable")
        }
        defer { try? handle.close() }
        // Read one byte past the limit, so a file that grew after stat() is caught too.
        let data = (try? handle.read(upToCount: limit + 1)) ?? Data()
        guard data.count <= limit else { throw tooBig(data.count) }
        guard let text = String(data: data, encoding: .utf8) else {
            throw KnowledgeBaseError.unreadable(file: path, reason: "not valid UTF-8")
        }
        return text
    }

    private static func checkTopicIDs(_ topics: [Topic], reserved: Set<String>) throws {
        var seen: [String: SourceLocation] = [:]
        for topic in topics {
            // An id names the topic in JSON, tests and rules: lowercase words joined by "_".
            guard !topic.id.isEmpty,
                topic.id.utf8.allSatisfy({ ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == 95 })
            else {
                throw KnowledgeBaseError.invalid(
                    topic.location, message: "topic id '\(topic.id)' must be lowercase letters, digits and _")
            }
            if reserved.contains(topic.id) {
                throw KnowledgeBaseError.invalid(
                    topic.location,
                    message: "topic id '\(topic.id)' is taken by small talk or out of scope; choose another")
            }
            if let first = seen[topic.id] {
                throw KnowledgeBaseError.invalid(
                    topic.location, message: "topic '\(topic.id)' is also defined at \(first)")
            }
            seen[topic.id] = topic.location
        }
    }

    /// `figures.yaml`: the figures every topic may name.
    private static func parseSharedFigures(_ root: YAMLNode) throws -> [Figure] {
        try root.mapping(allowedKeys: ["figures"]).required("figures", in: root).figures()
    }

    private static func parseTopic(_ root: YAMLNode, readsPatterns: Bool) throws -> Topic {
        let keys = try root.mapping(allowedKeys: [
            "id", "order", "title", "require", "exclude", "examples", "patterns", "answer", "facets", "figures",
        ])
        let answerNode = try keys.required("answer", in: root)
        let answerKeys = try answerNode.mapping(allowedKeys: ["summary", "steps", "notes"])
        let answer = Answer(
            summary: try answerKeys.required("summary", in: answerNode).localized(),
            steps: try answerKeys["steps"]?.localizedList() ?? [],
            notes: try answerKeys["notes"]?.localizedList() ?? []
        )
        var facets: [Facet] = []
        for facetNode in try keys["facets"]?.sequence() ?? [] {
            let facetKeys = try facetNode.mapping(allowedKeys: [
                "id", "title", "triggers", "examples", "patterns", "answer", "checks", "follow_ups", "covers_topics",
            ])
            let examples = try facetKeys.required("examples", in: facetNode).locatedStrings()
            var facet = Facet(
                id: try facetKeys.required("id", in: facetNode).string(),
                title: try facetKeys.required("title", in: facetNode).localized(),
                triggers: try facetKeys["triggers"]?.strings() ?? [],
                examples: examples.texts,
                exampleLocations: examples.locations,
                answer: try facetKeys.required("answer", in: facetNode).localized(),
                checks: try facetKeys["checks"]?.figureChecks() ?? [],
                followUps: try facetKeys["follow_ups"]?.strings() ?? [],
                coveredTopics: try facetKeys["covers_topics"]?.strings() ?? [],
                location: facetNode.location
            )
            if readsPatterns { facet.patterns = try facetKeys["patterns"]?.patternsByLanguage() ?? [] }
            if facets.contains(where: { $0.id == facet.id }) {
                throw facetNode.fail("facet id '\(facet.id)' is used twice in this topic")
            }
            facets.append(facet)
        }
        let examples = try keys.required("examples", in: root).locatedStrings()
        var topic = Topic(
            id: try keys.required("id", in: root).string(),
            title: try keys.required("title", in: root).localized(),
            require: try nonEmpty(keys.required("require", in: root)),
            exclude: try keys["exclude"]?.strings() ?? [],
            examples: examples.texts,
            exampleLocations: examples.locations,
            answer: answer,
            facets: facets,
            figures: try keys["figures"]?.figures() ?? [],
            order: try keys["order"].map { node in
                guard let order = Int(try node.string()) else { throw node.fail("expected a whole number") }
                return order
            },
            location: root.location
        )
        if readsPatterns { topic.patterns = try keys["patterns"]?.patternsByLanguage() ?? [] }
        return topic
    }

    private static func nonEmpty(_ node: YAMLNode) throws -> [String] {
        let values = try node.strings()
        guard !values.isEmpty else { throw node.fail("expected at least one entry") }
        return values
    }

    private static func parseSmallTalk(_ root: YAMLNode) throws -> [SmallTalkIntent] {
        let keys = try root.mapping(allowedKeys: ["intents"])
        return try keys.required("intents", in: root).sequence().map { node in
            let fields = try node.mapping(allowedKeys: ["id", "examples", "reply"])
            let examples = try fields.required("examples", in: node).locatedStrings()
            return SmallTalkIntent(
                id: try fields.required("id", in: node).string(),
                examples: examples.texts,
                exampleLocations: examples.locations,
                reply: try fields.required("reply", in: node).localized()
            )
        }
    }

    private static func parseOutOfScope(_ root: YAMLNode, readsPatterns: Bool) throws -> OutOfScope {
        let keys = try root.mapping(allowedKeys: ["examples", "patterns", "reply"])
        let examples = try keys.required("examples", in: root).locatedStrings()
        var outOfScope = OutOfScope(
            examples: examples.texts,
            exampleLocations: examples.locations,
            reply: try keys.required("reply", in: root).localized()
        )
        if readsPatterns { outOfScope.patterns = try keys["patterns"]?.patternsByLanguage() ?? [] }
        return outOfScope
    }

    private static func parseMessages(_ root: YAMLNode) throws -> Messages {
        let keys = try root.mapping(allowedKeys: Set(MessageKey.allCases.map(\.rawValue)))
        var texts: [MessageKey: LocalizedText] = [:]
        for key in MessageKey.allCases {
            texts[key] = try keys.required(key.rawValue, in: root).localized()
        }
        return Messages(texts: texts)
    }

    private static func parseVocabulary(_ root: YAMLNode) throws -> VocabularyDefinition {
        let keys = try root.mapping(allowedKeys: ["concepts", "stopwords", "other_products", "common_words"])
        var concepts: [VocabularyDefinition.Concept] = []
        let conceptsNode = try keys.required("concepts", in: root)
        guard case .mapping = conceptsNode.content else {
            throw conceptsNode.fail("expected a mapping of concept ids")
        }
        for (key, value) in try conceptsNode.orderedMapping() {
            let fields = try value.mapping(allowedKeys: ["en", "zh"])
            concepts.append(
                .init(
                    id: try key.string(),
                    english: try fields["en"]?.strings() ?? [],
                    chinese: try fields["zh"]?.strings() ?? [],
                    location: key.location
                ))
        }
        return VocabularyDefinition(
            concepts: concepts,
            stopwords: try keys["stopwords"]?.strings() ?? [],
            otherProducts: try keys["other_products"]?.strings() ?? [],
            commonWords: try keys["common_words"]?.strings() ?? []
        )
    }
}
