/// One run through a flow: where the person is, how they got there (for `back`), and what they
/// answered. A typed phone number is kept only masked, and only to show it back.
public struct FlowRun: Sendable {
    public let flow: FlowDefinition
    let messages: Messages
    let words: DialogueWords
    /// The language the run speaks; the conversation updates it as the person writes.
    public var language: Language
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
        case ended([ReplyBlock])
        /// Not an answer to this step: maybe a question to answer before resuming.
        case notAnAnswer
    }

    public init(flow: FlowDefinition, messages: Messages, words: DialogueWords, language: Language) {
        self.flow = flow
        self.messages = messages
        self.words = words
        self.language = language
        currentStepID = flow.steps[0].id
    }

    public var currentStep: FlowStep { flow.step(currentStepID)! }

    private func say(_ key: MessageKey, _ values: [String: String] = [:]) -> String {
        messages.text(key, language, values)
    }

    /// The intro and the first step.
    public func start() -> [ReplyBlock] {
        [
            .heading(flow.title.text(language)), .paragraph(flow.intro.text(language)),
            .paragraph(say(.flowCommandsHint)),
        ] + stepBlocks()
    }

    /// "Step 3 of 6": detours count as the main step they branch from.
    public var progress: (number: Int, total: Int) {
        let main = flow.mainSteps.map(\.id)
        let lastMain = ([currentStepID] + trail.reversed()).first(where: main.contains) ?? main[0]
        return (main.firstIndex(of: lastMain)! + 1, main.count)
    }

    func stepBlocks(resuming: Bool = false) -> [ReplyBlock] {
        let step = currentStep
        let (number, total) = progress
        let heading = say(
            resuming ? .backToStep : .stepHeading,
            ["number": String(number), "total": String(total), "title": step.title.text(language)])
        var blocks: [ReplyBlock] = [.heading(heading), .paragraph(step.prompt.text(language))]
        switch step.input {
        case .yesNo: blocks.append(.paragraph(say(.yesNoHint)))
        case .acknowledge: blocks.append(.paragraph(say(.doneHint)))
        case .choice: blocks.append(.choices(step.choices.map { $0.label.text(language) }))
        case .phoneNumber: break
        }
        // Waiting for "is that right?": that question is where the person is.
        if let pending = numberToConfirm { blocks.append(.paragraph(say(.confirmNumber, ["masked": pending]))) }
        return blocks
    }

    /// The current step again, after a digression: "Back to step 4 of 6: ...".
    public func resumeBlocks() -> [ReplyBlock] { stepBlocks(resuming: true) }

    /// What the step says when an answer does not fit.
    private func invalidText(_ step: FlowStep) -> String {
        if let invalid = step.invalid { return invalid.text(language) }
        switch step.input {
        case .yesNo: return say(.invalidYesNo)
        case .choice: return say(.invalidChoice)
        case .phoneNumber: return say(.invalidPhoneNumber)
        case .acknowledge: return say(.invalidAcknowledge)
        }
    }

    /// What the run makes of a line, given its words as the conversation read them.
    public mutating func handle(_ line: String, words: [String]) -> Result {
        let phrase = words.joined(separator: " ")

        if let command = FlowCommand(phrase) { return run(command) }

        let step = currentStep
        if let pending = numberToConfirm {
            // Another valid number instead of yes or no replaces the one waiting.
            switch MainlandMobileNumber.parse(line) {
            case let .success(digits):
                return askToConfirm(digits)
            case .failure(.notANumber):
                break
            case let .failure(problem):
                // An attempt at another number: the one waiting is no longer the one meant.
                numberToConfirm = nil
                return invalid([.paragraph(describe(problem) + " " + invalidText(step))])
            }
            switch self.words.yesOrNo(words) {
            case true?:
                maskedNumber = pending
                numberToConfirm = nil
                return advance(to: step.next)
            case false?:
                numberToConfirm = nil
                return .handled([.paragraph(say(.typeNumberAgain))])
            case nil:
                return notAnAnswerOrInvalid(line, step)
            }
        }
        switch step.input {
        case .yesNo:
            guard let answer = self.words.yesOrNo(words) else { return notAnAnswerOrInvalid(line, step) }
            yesNoAnswers[step.id] = answer
            return advance(to: answer ? step.onYes : step.onNo)
        case .acknowledge:
            guard self.words.done.contains(phrase) else { return notAnAnswerOrInvalid(line, step) }
            return advance(to: step.next)
        case .choice:
            guard let choice = choice(words, step) else { return notAnAnswerOrInvalid(line, step) }
            return advance(to: step.choices[choice].next)
        case .phoneNumber:
            switch MainlandMobileNumber.parse(line) {
            case let .success(digits):
                invalidInARow = 0
                return askToConfirm(digits)
            case .failure(.notANumber):
                return notAnAnswerOrInvalid(line, step)
            case let .failure(problem):
                return invalid([.paragraph(describe(problem) + " " + invalidText(step))])
            }
        }
    }

    /// A valid number typed: shown masked, waiting for "is that right?".
    private mutating func askToConfirm(_ digits: String) -> Result {
        let masked = MainlandMobileNumber.mask(digits)
        numberToConfirm = masked
        return .handled([.paragraph(say(.confirmNumber, ["masked": masked]))])
    }

    private func describe(_ problem: MainlandMobileNumber.Problem) -> String {
        switch problem {
        case .notANumber: return say(.numberNotANumber)
        case .notMainland: return say(.numberNotMainland)
        case let .wrongLength(count): return say(.numberWrongLength, ["count": String(count)])
        case .wrongStart: return say(.numberWrongStart)
        }
    }

    /// Anything with letters may be a question; the conversation decides. Digits are an
    /// attempt at an answer, so they get the step's explanation.
    private mutating func notAnAnswerOrInvalid(_ line: String, _ step: FlowStep) -> Result {
        if line.unicodeScalars.contains(where: { $0.properties.isAlphabetic }) { return .notAnAnswer }
        return invalid()
    }

    /// The step's explanation; after too many in a row, also the offer to cancel.
    public mutating func invalid(_ blocks: [ReplyBlock]? = nil) -> Result {
        invalidInARow += 1
        var result =
            blocks ?? numberToConfirm.map { [.paragraph(say(.confirmNumber, ["masked": $0]))] } ?? [
                .paragraph(invalidText(currentStep))
            ]
        if invalidInARow >= Self.invalidLimit { result.append(.paragraph(say(.tooManyInvalid))) }
        return .handled(result)
    }

    private func choice(_ words: [String], _ step: FlowStep) -> Int? {
        if words.count == 1, let number = Int(words[0]), (1...step.choices.count).contains(number) { return number - 1 }
        let phrase = " " + words.joined(separator: " ") + " "
        return step.choices.indices.first { index in
            step.choices[index].words.contains { word in
                let key = TextNormalizer.normalize(word).pieces.joined(separator: " ")
                return !key.isEmpty && phrase.contains(" " + key + " ")
            }
        }
    }

    private mutating func advance(to next: String?) -> Result {
        invalidInARow = 0
        guard let next else { return .ended(summary()) }
        trail.append(currentStepID)
        currentStepID = next
        return .handled(stepBlocks())
    }

    private mutating func run(_ command: FlowCommand) -> Result {
        switch command {
        case .back:
            // From "is that right?", back is the number prompt it came from.
            if numberToConfirm != nil {
                numberToConfirm = nil
                return .handled(stepBlocks())
            }
            guard let previous = trail.popLast() else {
                return .handled([.paragraph(say(.atFirstStep))] + stepBlocks())
            }
            numberToConfirm = nil
            currentStepID = previous
            return .handled(stepBlocks())
        case .repeatStep:
            return .handled(stepBlocks())
        case .skip:
            guard currentStep.optional else { return .handled([.paragraph(say(.cannotSkip))]) }
            numberToConfirm = nil
            return advance(to: currentStep.next)
        case .cancel:
            return .ended(cancelled())
        case .help:
            var blocks: [ReplyBlock] = []
            if let help = currentStep.help { blocks.append(.paragraph(help.text(language))) }
            blocks.append(
                .paragraph(say(.flowCommandsHint) + (currentStep.optional ? " " + say(.optionalStepHint) : "")))
            return .handled(blocks)
        }
    }

    /// What the run says when it is cancelled: "cancel" typed at a step, or the chat's Ctrl-C.
    public func cancelled() -> [ReplyBlock] { [.paragraph(say(.cancelled))] }

    private func summary() -> [ReplyBlock] {
        var blocks: [ReplyBlock] = [.heading(say(.finished, ["title": flow.title.text(language)]))]
        let todos = flow.steps.compactMap { step in yesNoAnswers[step.id] == false ? step.todoIfNo?.text(language) : nil
        }
        if flow.steps.contains(where: { $0.todoIfNo != nil }) {
            blocks.append(.paragraph(say(todos.isEmpty ? .allDone : .stillToDo)))
            if !todos.isEmpty { blocks.append(.notes(todos)) }
        }
        if let maskedNumber { blocks.append(.paragraph(say(.checkedNumber, ["masked": maskedNumber]))) }
        blocks.append(.paragraph(flow.summary.text(language)))
        return blocks
    }
}
