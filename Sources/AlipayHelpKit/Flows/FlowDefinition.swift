/// A guided flow, loaded from `intents/flows/*.yaml`: a wizard that walks a person through a
/// procedure one step at a time. Flows are data: adding one needs no Swift change.
public struct FlowDefinition: Sendable {
    public var id: String
    public var title: LocalizedText
    /// The command that starts it in the chat, e.g. `/change-number`.
    public var command: String
    /// The topic whose questions can start it...
    public var topic: String
    /// ...when they also use one of these phrases ("walk me through", "step by step").
    public var startPhrases: [String]
    /// Offered after the topic's general answer ("Shall I walk you through it?").
    public var offer: LocalizedText?
    public var intro: LocalizedText
    public var steps: [FlowStep]
    public var summary: LocalizedText
    public var location: SourceLocation

    public func step(_ id: String) -> FlowStep? { steps.first { $0.id == id } }

    /// Steps on the main path, numbered for "Step 3 of 6"; detours are not counted.
    public var mainSteps: [FlowStep] { steps.filter { !$0.detour } }
}

public struct FlowStep: Sendable {
    public enum Input: String, Sendable, CaseIterable {
        case yesNo = "yes_no"
        case choice
        case phoneNumber = "phone_number"
        case acknowledge
    }

    public struct Choice: Sendable {
        public var label: LocalizedText
        /// Words that pick this choice besides its number.
        public var words: [String]
        public var next: String?
    }

    public var id: String
    public var title: LocalizedText
    public var prompt: LocalizedText
    public var input: Input
    /// A detour off the main path (identity verification, help when no code arrives).
    public var detour: Bool
    public var optional: Bool
    /// What the step says when the answer is not what it expects (else the input kind's message).
    public var invalid: LocalizedText?
    /// Extra explanation for `help`.
    public var help: LocalizedText?
    /// Where to go next: after an acknowledgement or a valid number.
    public var next: String?
    /// For yes/no steps.
    public var onYes: String?
    public var onNo: String?
    public var choices: [Choice]
    /// For checklists: what is still to do when the answer is "no".
    public var todoIfNo: LocalizedText?
    public var location: SourceLocation

    /// Every step this one can lead to (nil means the flow ends).
    public var exits: [String?] {
        switch input {
        case .yesNo: return [onYes, onNo]
        case .choice: return choices.map(\.next)
        case .phoneNumber, .acknowledge: return [next]
        }
    }
}
