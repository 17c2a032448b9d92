import Foundation

/// Loads and checks the flows in `intents/flows/`. A flow is checked fully at load: every
/// step it names exists, every step can be reached from the first, and every step has a way
/// out (no dead end, no loop it can never leave). Errors name the file and line.
public enum FlowLoader {
    /// The flows' folder inside a knowledge-base folder.
    static let folder = "flows"

    /// `stored`: files parsed before (ParsedFileArchive), by path inside the knowledge-base
    /// folder ("flows/change_number.yaml"), read instead of parsing them again.
    public static func loadAll(in knowledgeBase: KnowledgeBaseFolder) throws -> [FlowDefinition] {
        try loadAll(in: knowledgeBase, stored: [:])
    }

    static func loadAll(in knowledgeBase: KnowledgeBaseFolder, stored: [String: YAMLNode]) throws -> [FlowDefinition] {
        guard let names = knowledgeBase.names(in: folder) else { return [] }
        var flows: [FlowDefinition] = []
        for name in names.filter(KnowledgeBaseFiles.isYAML) {
            let path = folder + "/" + name
            let root =
                try stored[path]
                ?? YAMLNode.parse(try knowledgeBase.text(of: path), file: knowledgeBase.location(of: path))
            let flow = try parse(root)
            if let other = flows.first(where: { $0.id == flow.id || $0.command == flow.command }) {
                throw KnowledgeBaseError.invalid(
                    flow.location,
                    message:
                        "flow '\(flow.id)' clashes with '\(other.id)' at \(other.location): ids and commands must be unique"
                )
            }
            flows.append(flow)
        }
        return flows
    }

    static func parse(_ root: YAMLNode) throws -> FlowDefinition {
        let keys = try root.mapping(allowedKeys: [
            "id", "title", "command", "topic", "start_phrases", "offer", "intro", "steps", "summary",
        ])
        var steps: [FlowStep] = []
        for node in try keys.required("steps", in: root).sequence() {
            let step = try parseStep(node)
            if steps.contains(where: { $0.id == step.id }) { throw node.fail("step id '\(step.id)' is used twice") }
            steps.append(step)
        }
        guard !steps.isEmpty else { throw root.fail("a flow needs at least one step") }
        let command = try keys.required("command", in: root).string()
        guard command.hasPrefix("/") else {
            throw keys["command"]!.fail("a command starts with '/', e.g. /change-number")
        }
        let flow = FlowDefinition(
            id: try keys.required("id", in: root).string(),
            title: try keys.required("title", in: root).localized(),
            command: command,
            topic: try keys.required("topic", in: root).string(),
            startPhrases: try keys["start_phrases"]?.strings() ?? [],
            offer: try keys["offer"]?.localized(),
            intro: try keys.required("intro", in: root).localized(),
            steps: steps,
            summary: try keys.required("summary", in: root).localized(),
            location: root.location
        )
        try check(flow)
        return flow
    }

    private static func parseStep(_ node: YAMLNode) throws -> FlowStep {
        let keys = try node.mapping(allowedKeys: [
            "id", "title", "prompt", "input", "detour", "optional", "invalid", "help",
            "next", "on_yes", "on_no", "choices", "todo_if_no",
        ])
        let inputNode = try keys.required("input", in: node)
        let inputName = try inputNode.string()
        guard let input = FlowStep.Input(rawValue: inputName) else {
            throw inputNode.fail(
                "unknown input '\(inputName)'; expected one of: \(FlowStep.Input.allCases.map(\.rawValue).joined(separator: ", "))"
            )
        }
        var choices: [FlowStep.Choice] = []
        for choiceNode in try keys["choices"]?.sequence() ?? [] {
            let fields = try choiceNode.mapping(allowedKeys: ["label", "words", "next"])
            choices.append(
                .init(
                    label: try fields.required("label", in: choiceNode).localized(),
                    words: try fields["words"]?.strings() ?? [],
                    next: try fields["next"].map { try target($0) } ?? nil))
        }
        func flag(_ key: String) throws -> Bool {
            guard let value = keys[key] else { return false }
            let text = try value.string()
            guard text == "true" || text == "false" else { throw value.fail("expected true or false") }
            return text == "true"
        }
        let step = FlowStep(
            id: try keys.required("id", in: node).string(),
            title: try keys.required("title", in: node).localized(),
            prompt: try keys.required("prompt", in: node).localized(),
            input: input,
            detour: try flag("detour"),
            optional: try flag("optional"),
            invalid: try keys["invalid"]?.localized(),
            help: try keys["help"]?.localized(),
            next: try keys["next"].map { try target($0) } ?? nil,
            onYes: try keys["on_yes"].map { try target($0) } ?? nil,
            onNo: try keys["on_no"].map { try target($0) } ?? nil,
            choices: choices,
            todoIfNo: try keys["todo_if_no"]?.localized(),
            location: node.location
        )
        switch input {
        case .yesNo:
            guard keys["on_yes"] != nil, keys["on_no"] != nil else {
                throw node.fail("a yes_no step needs on_yes and on_no (use 'end' to finish the flow)")
            }
        case .choice:
            guard choices.count >= 2 else { throw node.fail("a choice step needs at least two choices") }
        case .phoneNumber, .acknowledge:
            guard keys["next"] != nil else {
                throw node.fail("a \(input.rawValue) step needs next (use 'end' to finish the flow)")
            }
        }
        return step
    }

    /// A step reference; `end` finishes the flow.
    private static func target(_ node: YAMLNode) throws -> String? {
        let name = try node.string()
        return name == "end" ? nil : name
    }

    /// References, reachability and a way out from every step.
    static func check(_ flow: FlowDefinition) throws {
        for step in flow.steps {
            for exit in step.exits {
                if let exit, flow.step(exit) == nil {
                    throw KnowledgeBaseError.invalid(
                        step.location, message: "step '\(step.id)' leads to unknown step '\(exit)'")
                }
            }
        }
        var reached: Set<String> = [flow.steps[0].id]
        var queue = [flow.steps[0].id]
        while let id = queue.popLast() {
            for case let exit? in flow.step(id)!.exits where !reached.contains(exit) {
                reached.insert(exit)
                queue.append(exit)
            }
        }
        if let unreachable = flow.steps.first(where: { !reached.contains($0.id) }) {
            throw KnowledgeBaseError.invalid(
                unreachable.location, message: "step '\(unreachable.id)' can never be reached from the first step")
        }
        // Every step must be able to reach the end.
        var finishing: Set<String> = []
        var changed = true
        while changed {
            changed = false
            for step in flow.steps where !finishing.contains(step.id) {
                if step.exits.contains(where: { $0 == nil || finishing.contains($0!) }) {
                    finishing.insert(step.id)
                    changed = true
                }
            }
        }
        if let stuck = flow.steps.first(where: { !finishing.contains($0.id) }) {
            throw KnowledgeBaseError.invalid(
                stuck.location,
                message: "step '\(stuck.id)' has no way out: none of its paths reaches the end of the flow")
        }
    }
}
