/// What the flow engine itself says around the steps a flow defines.
enum FlowText {
    static let commandsHint = "At any step you can type back, repeat, skip (optional steps), cancel or help."
    static let yesNoHint = "(yes / no)"
    static let doneHint = "(type done when ready)"
    static let acknowledgements: Set<String> = ["done", "ok", "okay", "next", "finished", "ready", "got it", "continue", "yes", "y",
                                                "im there", "i am there", "did it", "i did", "all done", "完成", "好了", "好", "下一步", "已完成", "可以了"]
    static let typeNumberAgain = "No problem: type the number again, or skip."
    static func confirmNumber(_ masked: String) -> String { "You typed \(masked). Is that right? (yes / no)" }
    static let atFirstStep = "This is the first step."
    static let cannotSkip = "This step can't be skipped. Type cancel to stop the guide."
    static let cancelled = "Guide cancelled. Ask me anything else, or type /help."
    static let tooManyInvalid = "That's a few answers in a row I couldn't use. Type help to see what I expect, or cancel to stop the guide."
    static func finished(_ title: String) -> String { "Finished: \(title)" }
    static let allDone = "Everything on the checklist is done."
    static let stillToDo = "Still to do first:"
    static func checkedNumber(_ masked: String) -> String { "The new number you checked with me: \(masked)." }
}
