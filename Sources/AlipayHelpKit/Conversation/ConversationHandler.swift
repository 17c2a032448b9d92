/// One concern of a conversation, such as a pending choice or a follow-up on the open topic:
/// given a line, it answers it and takes it, or returns nil and leaves it to the next handler.
/// A handler that leaves a line may still change the conversation, as an offer or a choice
/// that the line did not answer is dropped.
struct ConversationHandler: Sendable {
    /// What the handler takes, for reading the order and in tests.
    let name: String
    let take: @Sendable (_ line: ConversationLine, _ conversation: inout Conversation) -> ConversationTurn?
}

extension Conversation {
    /// The handlers a line goes through, in order: the first that takes the line answers it.
    /// The order is the contract: each handler may assume that none before it took the line.
    /// A line none takes is answered by `answerOutOfScope(_:)`. A line too long to read as one
    /// question never reaches them: `respond(to:)` declines it first, and the parts of a line
    /// that asks several are shorter than it.
    static let handlers: [ConversationHandler] = [
        // A verification code: warned about in a flow or out of one, so no step or answer keeps it.
        .verificationCode,
        // A guided flow in progress: every other line is its step's answer or a question within it.
        .activeFlow,
        // A flow's chat command ("/change-number"): a command, before it is read as a question.
        .flowCommand,
        // Several questions in one line: each part goes through this order alone, answers in turn.
        .severalQuestions,
        // Yes or no to a guide offered after the last answer; any other line drops the offer.
        .offeredFlow,
        // A pick from the numbered choices just offered; any other line drops the choice.
        .pendingChoice,
        // "2" with no choice on offer: says so, rather than declining it as a question.
        .choiceWithNothingOnOffer,
        // "more": the rest of the last answer, which only the open topic gives a meaning.
        .more,
        // "no, I meant Huabei": the rest of the line, when it names a topic.
        .correction,
        // A follow-up read against the open topic ("and per year?"), before the line is read alone.
        .openTopic,
        // A question about a topic read alone: its flow when it asks for one, else its answer.
        .topic,
        // A line that names no topic but reads as a follow-up of the open one.
        .followUpOfOpenTopic,
        // A line too vague to lean anywhere ("it doesn't work"): which topic is it about?
        .vagueLine,
        // A question between topics: "did you mean", as a numbered choice.
        .ambiguous,
        // Greetings, thanks, goodbye.
        .smallTalk,
    ]
}
