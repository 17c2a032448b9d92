import Foundation

/// Scripted conversations (`intents/tests/conversations*.yaml`): what the person says, turn by
/// turn, and what each reply must contain, must not contain, or which flow step it must be at.
public struct ConversationSuite: Sendable {
    public struct Turn: Sendable {
        public var say: String
        public var contains: [String]
        public var notContains: [String]
        /// The flow step expected afterwards; "none" means no flow is running.
        public var step: String?
        public var intent: String?
        public var location: SourceLocation
    }

    public struct Script: Sendable {
        public var name: String
        public var turns: [Turn]
        public var location: SourceLocation
    }

    /// How one script went: nil when it passed, else the first difference.
    public struct Outcome: Sendable {
        public var script: Script
        public var failure: String?
        /// The flow steps the script went through, as "flow/step".
        public var visitedSteps: Set<String> = []
        public var passed: Bool { failure == nil }
    }

    public var file: String
    public var scripts: [Script]

    public static func load(path: String) throws -> ConversationSuite {
        try parse(KnowledgeBase.readText(path), file: path)
    }

    /// A suite's text, named `file` in diagnostics.
    static func parse(_ text: String, file path: String) throws -> ConversationSuite {
        let root = try YAMLNode.parse(text, file: path)
        let keys = try root.mapping(allowedKeys: ["conversations"])
        let scripts = try keys.required("conversations", in: root).sequence().map { node -> Script in
            let fields = try node.mapping(allowedKeys: ["name", "turns"])
            let turns = try fields.required("turns", in: node).sequence().map { turnNode -> Turn in
                let turn = try turnNode.mapping(allowedKeys: ["say", "contains", "not_contains", "step", "intent"])
                return Turn(
                    say: try turn.required("say", in: turnNode).string(),
                    contains: try turn["contains"]?.strings() ?? [],
                    notContains: try turn["not_contains"]?.strings() ?? [],
                    step: try turn["step"]?.string(),
                    intent: try turn["intent"]?.string(),
                    location: turnNode.location)
            }
            return Script(name: try fields.required("name", in: node).string(), turns: turns, location: node.location)
        }
        return ConversationSuite(file: path, scripts: scripts)
    }

    /// Every conversation suite in a knowledge base's tests folder
    /// (`KnowledgeBaseFiles.isConversationSuite`), in name order.
    public static func loadAll(in knowledgeBase: KnowledgeBaseFolder) throws -> [ConversationSuite] {
        let folder = KnowledgeBaseFiles.testsFolder
        return try (knowledgeBase.names(in: folder) ?? []).filter(KnowledgeBaseFiles.isConversationSuite).map {
            try parse(knowledgeBase.text(of: folder + "/" + $0), file: knowledgeBase.location(of: folder + "/" + $0))
        }
    }

    public func run(with responder: Responder) -> [Outcome] {
        scripts.map { script in
            var conversation = Conversation(responder: responder)
            var visited: Set<String> = []
            func fail(_ message: String) -> Outcome { Outcome(script: script, failure: message, visitedSteps: visited) }
            for (index, turn) in script.turns.enumerated() {
                let reply = conversation.respond(to: turn.say)
                if let run = conversation.activeFlow { visited.insert(run.flow.id + "/" + run.currentStepID) }
                let text = reply.text
                let place = "\(turn.location): turn \(index + 1) (\"\(turn.say)\")"
                for expected in turn.contains where !text.contains(expected) {
                    return fail("\(place): the reply does not contain \"\(expected)\"; it was: \(text.prefix(300))")
                }
                for unwanted in turn.notContains where text.contains(unwanted) {
                    return fail("\(place): the reply contains \"\(unwanted)\"")
                }
                if let step = turn.step {
                    let actual = conversation.currentFlowStep ?? "none"
                    if actual != step { return fail("\(place): expected step \(step), at \(actual)") }
                }
                if let intent = turn.intent, reply.match?.intent != intent {
                    return fail("\(place): expected intent \(intent), got \(reply.match?.intent ?? "none")")
                }
            }
            return Outcome(script: script, failure: nil, visitedSteps: visited)
        }
    }
}
