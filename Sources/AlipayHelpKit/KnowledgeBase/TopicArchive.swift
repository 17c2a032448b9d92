import Foundation

/// The topics of a knowledge base as bytes, stored next to the trained matcher (MatcherStore)
/// so a start with a stored matcher does not parse every topic file again: with hundreds of
/// topics, reading their YAML is most of a start that parses them (measured). The topics are stored as the loader left
/// them (figures filled in, shared figures added), with file paths relative to the folder, and
/// are read back only for the same key, that is for the very files they were loaded from.
enum TopicArchive {
    static func archive(_ topics: [Topic], directory: KnowledgeBaseFolder, into out: inout MatcherArchive.Writer) {
        let paths = Paths(directory: directory)
        out.int(topics.count)
        for topic in topics {
            out.string(topic.id)
            text(topic.title, &out)
            out.strings(topic.require)
            out.strings(topic.exclude)
            out.strings(topic.examples)
            locations(topic.exampleLocations, paths, &out)
            text(topic.answer.summary, &out)
            texts(topic.answer.steps, &out)
            texts(topic.answer.notes, &out)
            out.int(topic.facets.count)
            for facet in topic.facets {
                out.string(facet.id)
                text(facet.title, &out)
                out.strings(facet.triggers)
                out.strings(facet.examples)
                locations(facet.exampleLocations, paths, &out)
                text(facet.answer, &out)
                out.int(facet.checks.count)
                for check in facet.checks {
                    out.string(check.figure)
                    optionalText(check.what, &out)
                    optionalText(check.advice, &out)
                    location(check.location, paths, &out)
                }
                out.strings(facet.followUps)
                out.strings(facet.coveredTopics)
                location(facet.location, paths, &out)
            }
            out.int(topic.figures.count)
            for figure in topic.figures {
                out.string(figure.id)
                out.int(figure.values.count)
                for value in figure.values { out.u64(value.bitPattern) }
                out.string(figure.unit)
                optionalString(figure.period, &out)
                optionalString(figure.source, &out)
                out.bool(figure.orMore)
                location(figure.location, paths, &out)
            }
            out.bool(topic.order != nil)
            out.int(topic.order ?? 0)
            out.int(topic.literalFigures.count)
            for literal in topic.literalFigures {
                out.string(literal.text)
                optionalString(literal.figure, &out)
                location(literal.location, paths, &out)
            }
            location(topic.location, paths, &out)
        }
    }

    static func topics(from reader: inout MatcherArchive.Reader, directory: KnowledgeBaseFolder) throws -> [Topic] {
        let paths = Paths(directory: directory)
        return try (0..<(try reader.count())).map { _ in
            let id = try reader.string()
            let title = try text(&reader)
            let require = try reader.strings()
            let exclude = try reader.strings()
            let examples = try reader.strings()
            let exampleLocations = try locations(&reader, paths)
            let answer = Answer(summary: try text(&reader), steps: try texts(&reader), notes: try texts(&reader))
            let facets = try (0..<(try reader.count())).map { _ in
                let id = try reader.string()
                let title = try text(&reader)
                let triggers = try reader.strings()
                let examples = try reader.strings()
                let exampleLocations = try locations(&reader, paths)
                let answer = try text(&reader)
                let checks = try (0..<(try reader.count())).map { _ in
                    FigureCheck(
                        figure: try reader.string(), what: try optionalText(&reader), advice: try optionalText(&reader),
                        location: try location(&reader, paths))
                }
                return Facet(
                    id: id, title: title, triggers: triggers, examples: examples, exampleLocations: exampleLocations,
                    answer: answer, checks: checks, followUps: try reader.strings(),
                    coveredTopics: try reader.strings(),
                    location: try location(&reader, paths))
            }
            let figures = try (0..<(try reader.count())).map { _ in
                Figure(
                    id: try reader.string(),
                    values: try (0..<(try reader.count())).map { _ in Double(bitPattern: try reader.u64()) },
                    unit: try reader.string(), period: try optionalString(&reader), source: try optionalString(&reader),
                    orMore: try reader.bool(), location: try location(&reader, paths))
            }
            let hasOrder = try reader.bool()
            let order = try reader.int()
            let literalFigures = try (0..<(try reader.count())).map { _ in
                (text: try reader.string(), figure: try optionalString(&reader), location: try location(&reader, paths))
            }
            guard examples.count == exampleLocations.count,
                facets.allSatisfy({ $0.examples.count == $0.exampleLocations.count })
            else {
                throw MatcherArchive.Damaged()
            }
            return Topic(
                id: id, title: title, require: require, exclude: exclude, examples: examples,
                exampleLocations: exampleLocations,
                answer: answer, facets: facets, figures: figures, order: hasOrder ? order : nil,
                literalFigures: literalFigures, location: try location(&reader, paths))
        }
    }

    // MARK: Parts

    /// Paths inside the knowledge-base folder are stored relative to it, so a moved folder's
    /// stored topics still name its files.
    private struct Paths {
        let prefix: String
        init(directory: KnowledgeBaseFolder) { prefix = directory.pathPrefix }
    }

    private static func location(_ location: SourceLocation, _ paths: Paths, _ out: inout MatcherArchive.Writer) {
        let relative = location.file.hasPrefix(paths.prefix)
        out.bool(relative)
        out.string(relative ? String(location.file.dropFirst(paths.prefix.count)) : location.file)
        out.int(location.line)
        out.int(location.column)
    }

    private static func location(_ reader: inout MatcherArchive.Reader, _ paths: Paths) throws -> SourceLocation {
        let relative = try reader.bool()
        let file = try reader.string()
        return SourceLocation(
            file: relative ? paths.prefix + file : file, line: try reader.int(), column: try reader.int())
    }

    private static func locations(_ locations: [SourceLocation], _ paths: Paths, _ out: inout MatcherArchive.Writer) {
        out.int(locations.count)
        for item in locations { location(item, paths, &out) }
    }

    private static func locations(_ reader: inout MatcherArchive.Reader, _ paths: Paths) throws -> [SourceLocation] {
        try (0..<(try reader.count())).map { _ in try location(&reader, paths) }
    }

    private static func text(_ text: LocalizedText, _ out: inout MatcherArchive.Writer) {
        out.string(text.en)
        optionalString(text.zh, &out)
    }

    private static func text(_ reader: inout MatcherArchive.Reader) throws -> LocalizedText {
        LocalizedText(en: try reader.string(), zh: try optionalString(&reader))
    }

    private static func texts(_ texts: [LocalizedText], _ out: inout MatcherArchive.Writer) {
        out.int(texts.count)
        for item in texts { text(item, &out) }
    }

    private static func texts(_ reader: inout MatcherArchive.Reader) throws -> [LocalizedText] {
        try (0..<(try reader.count())).map { _ in try text(&reader) }
    }

    private static func optionalText(_ value: LocalizedText?, _ out: inout MatcherArchive.Writer) {
        out.bool(value != nil)
        if let value { text(value, &out) }
    }

    private static func optionalText(_ reader: inout MatcherArchive.Reader) throws -> LocalizedText? {
        try reader.bool() ? try text(&reader) : nil
    }

    private static func optionalString(_ value: String?, _ out: inout MatcherArchive.Writer) {
        out.bool(value != nil)
        if let value { out.string(value) }
    }

    private static func optionalString(_ reader: inout MatcherArchive.Reader) throws -> String? {
        try reader.bool() ? try reader.string() : nil
    }
}
