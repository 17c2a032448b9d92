/// One run through a flow: where the person is, how they got there (for `back`), and what they
/// answered. A typed phone number is kept only masked, and only to show it back.
public struct FlowRun: Sendable {
    public let flow: FlowDefinition
    public private(set) var currentStepID: String
    private var trail: [String] = []
    private var yesNoAnswers: [String: Bool] = [:]
    private var maskedNumber: String?
    /// A valid number waiting for "is that right?".
    private var numberToConfirm: String?
    public private(set) var invalidInARow = 0

    static let invalidLimit = 3

    /// What the run did with a line.
    public enum Result: Sendable {
        /// The line was an answer or a command; here is what to say.
        case handled([ReplyBlock])
        /// The flow is over (finished or cancelled); here is what to say.
        case ended([ReplyBlock], completed: Bool)
        /// Not an answer to this step: maybe a question to answer before resuming.
        case notAnAnswer
    }

    public init(flow: FlowDefinition) {
        self.flow = flow
        currentStepID = flow.steps[0].id
    }

    public var currentStep: FlowStep { flow.step(currentStepID)! }

    /// The intro and the first step.
    public func start() -> [ReplyBlock] {
        [.heading(flow.title), .paragraph(flow.intro), .paragraph(FlowText.commandsHint)] + stepBlocks()
    }

    /// "Step 3 of 6": detours count as the main step they branch from.
    public var progress: (number: Int, total: Int) {
        let main = flow.mainSteps.map(\.id)
        let lastMain = ([currentStepID] + trail.reversed()).first(where: main.contains) ?? main[0]
        return (main.firstIndex(of: lastMain)! + 1, main.count)
    }

    func stepBlocks(prefix: String? = nil) -> [ReplyBlock] {
        let step = currentStep
        let (number, total) = progress
        let label = prefix.map { "\($0)step" } ?? "Step"
        var blocks: [ReplyBlock] = [.heading("\(label) \(number) of \(total): \(step.title)"), .paragraph(step.prompt)]
        switch step.input {
        case .yesNo: blocks.append(.paragraph(FlowText.yesNoHint))
        case .acknowledge: blocks.append(.paragraph(FlowText.doneHint))
        case .choice: blocks.append(.choices(step.choices.map(\.label)))
        case .phoneNumber: break
        }
        return blocks
    }

    /// The current step again, after a digression: "Back to step 4 of 6: ...".
    public func resumeBlocks() -> [ReplyBlock] { stepBlocks(prefix: "Back to ") }

    public mutating func handle(_ line: String) -> Result {
        let words = TextNormalizer.normalize(line).pieces
        let phrase = words.joined(separator: " ")

        if let command = FlowCommand(phrase) { return run(command) }

        let step = currentStep
        if numberToConfirm != nil {
            switch YesNoAnswer.parse(words) {
            case true?:
                maskedNumber = numberToConfirm
                numberToConfirm = nil
                return advance(to: step.next)
            case false?:
                numberToConfirm = nil
                return .handled([.paragraph(FlowText.typeNumberAgain)])
            case nil:
                return invalid([.paragraph(FlowText.confirmNumber(numberToConfirm!))])
            }
        }
        switch step.input {
        case .yesNo:
            guard let answer = YesNoAnswer.parse(words) else { return notAnAnswerOrInvalid(line, step) }
            yesNoAnswers[step.id] = answer
            return advance(to: answer ? step.onYes : step.onNo)
        case .acknowledge:
            guard FlowText.acknowledgements.contains(phrase) else { return notAnAnswerOrInvalid(line, step) }
            return advance(to: step.next)
        case .choice:
            guard let choice = choice(words, step) else { return notAnAnswerOrInvalid(line, step) }
            return advance(to: step.choices[choice].next)
        case .phoneNumber:
            switch MainlandMobileNumber.parse(line) {
            case let .success(digits):
                invalidInARow = 0
                let masked = MainlandMobileNumber.mask(digits)
                numberToConfirm = masked
                return .handled([.paragraph(FlowText.confirmNumber(masked))])
            case .failure(.notANumber):
                return notAnAnswerOrInvalid(line, step)
            case let .failure(problem):
                return invalid([.paragraph(problem.description + " " + step.invalid)])
            }
        }
    }

    /// Anything with letters may be a question; the conversation decides. Digits are an
    /// attempt at an answer, so they get the step's explanation.
    private mutating func notAnAnswerOrInvalid(_ line: String, _ step: FlowStep) -> Result {
        if line.unicodeScalars.contains(where: { $0.properties.isAlphabetic }) { return .notAnAnswer }
        return invalid([.paragraph(step.invalid)])
    }

    /// The step's explanation; after too many in a row, also the offer to cancel.
    public mutating func invalid(_ blocks: [ReplyBlock]? = nil) -> Result {
        invalidInARow += 1
        var result = blocks ?? [.paragraph(currentStep.invalid)]
        if invalidInARow >= Self.invalidLimit {
            result.append(.paragraph(FlowText.tooManyInvalid))
        }
        return .handled(result)
    }

    private func choice(_ words: [String], _ step: FlowStep) -> Int? {
        if words.count == 1, let number = Int(words[0]), (1...step.choices.count).contains(number) { return number - 1 }
        let phrase = " " + words.joined(separator: " ") + " "
        let hits = step.choices.indices.filter { index in
            step.choices[index].words.contains { word in
                let key = TextNormalizer.normalize(word).pieces.joined(separator: " ")
                return !key.isEmpty && phrase.contains(" " + key + " ")
            }
        }
        return hits.first
    }

    private mutating func advance(to next: String?) -> Result {
        invalidInARow = 0
        guard let next else { return .ended(summary(), completed: true) }
        trail.append(currentStepID)
        currentStepID = next
        return .handled(stepBlocks())
    }

    private mutating func run(_ command: FlowCommand) -> Result {
        switch command {
        case .back:
            guard let previous = trail.popLast() else { return .handled([.paragraph(FlowText.atFirstStep)] + stepBlocks()) }
            numberToConfirm = nil
            currentStepID = previous
            return .handled(stepBlocks())
        case .repeatStep:
            return .handled(stepBlocks())
        case .skip:
            guard currentStep.optional else { return .handled([.paragraph(FlowText.cannotSkip)]) }
            numberToConfirm = nil
            return advance(to: currentStep.next ?? currentStep.exits.first ?? nil)
        case .cancel:
            return .ended([.paragraph(FlowText.cancelled)], completed: false)
        case .help:
            var blocks: [ReplyBlock] = []
            if let help = currentStep.help { blocks.append(.paragraph(help)) }
            blocks.append(.paragraph(FlowText.commandsHint + (currentStep.optional ? " This step is optional: skip moves on." : "")))
            return .handled(blocks)
        }
    }

    private func summary() -> [ReplyBlock] {
        var blocks: [ReplyBlock] = [.heading(FlowText.finished(flow.title))]
        let todos = flow.steps.compactMap { step in yesNoAnswers[step.id] == false ? step.todoIfNo : nil }
        if flow.steps.contains(where: { $0.todoIfNo != nil }) {
            blocks.append(.paragraph(todos.isEmpty ? FlowText.allDone : FlowText.stillToDo))
            if !todos.isEmpty { blocks.append(.notes(todos)) }
        }
        if let maskedNumber { blocks.append(.paragraph(FlowText.checkedNumber(maskedNumber))) }
        blocks.append(.paragraph(flow.summary))
        return blocks
    }
}

/// What can be typed at any step.
enum FlowCommand {
    case back, repeatStep, skip, cancel, help

    init?(_ phrase: String) {
        switch phrase {
        case "back", "go back", "previous", "返回", "上一步": self = .back
        case "repeat", "again", "say again", "repeat that", "重复", "再说一遍": self = .repeatStep
        case "skip", "skip it", "skip this", "跳过": self = .skip
        case "cancel", "stop", "quit", "exit", "abort", "cancel flow", "stop the guide", "取消", "退出", "停止": self = .cancel
        case "help", "?", "帮助": self = .help
        default: return nil
        }
    }
}

/// Yes or no, in a few ways of saying it.
enum YesNoAnswer {
    static let yes: Set<String> = ["yes", "y", "yeah", "yep", "yup", "sure", "ok", "okay", "correct", "right", "i can", "yes i can",
                                   "yes it is", "it is", "that is right", "thats right", "是", "是的", "对", "对的", "可以", "能", "有", "嗯", "好"]
    static let no: Set<String> = ["no", "n", "nope", "nah", "not", "no i cant", "i cant", "cant", "i cannot", "cannot", "wrong",
                                  "not really", "no it isnt", "否", "不", "不是", "不对", "不能", "不可以", "没有", "收不到"]

    /// Words that answer on their own at the start of a longer reply ("no, I lost that SIM").
    static let leadingYes: Set<String> = ["yes", "yeah", "yep", "yup", "sure", "是", "是的", "对", "可以"]
    static let leadingNo: Set<String> = ["no", "nope", "nah", "不", "不是", "不能", "没有"]

    /// True for yes, false for no, nil when it is neither.
    static func parse(_ words: [String]) -> Bool? {
        let phrase = words.joined(separator: " ")
        if yes.contains(phrase) { return true }
        if no.contains(phrase) { return false }
        guard let first = words.first, words.count > 1 else { return nil }
        if leadingYes.contains(first) { return true }
        if leadingNo.contains(first) { return false }
        return nil
    }
}
