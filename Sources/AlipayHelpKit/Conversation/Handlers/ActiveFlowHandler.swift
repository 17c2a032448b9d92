extension ConversationHandler {
    /// A guided flow in progress takes every line: an answer to its step, or a question asked
    /// in the middle of it, even one that reads like a question about another topic.
    static let activeFlow = ConversationHandler(name: "active flow") { line, conversation in
        conversation.activeFlow == nil ? nil : conversation.continueFlow(line)
    }
}

extension Conversation {
    /// The line goes to the flow first; a question that is not an answer is answered, then the
    /// flow resumes at the same step with what was already answered kept.
    mutating func continueFlow(_ said: ConversationLine) -> ConversationTurn {
        guard var run = activeFlow else { return ConversationTurn(blocks: []) }
        let line = said.text
        switch run.handle(line, words: said.words) {
        case let .handled(blocks):
            activeFlow = run
            return ConversationTurn(blocks: blocks)
        case let .ended(blocks):
            activeFlow = nil
            return ConversationTurn(blocks: blocks)
        case .notAnAnswer:
            activeFlow = run
            var match = said.match
            if match.outcome == .outOfScope, let followUp = matcher.followUp(said.features, topic: run.flow.topic) {
                match = followUp  // "how long does it take?" in the middle of the guide is about its topic
            }
            switch match.outcome {
            case .topic:
                return ConversationTurn(
                    blocks: responder.reply(to: line, match: match, language: language).blocks + run.resumeBlocks(),
                    match: match)
            case let .smallTalk(id):
                let reply = responder.reply(to: line, match: match, language: language).blocks
                if id == "goodbye" {
                    activeFlow = nil
                    return ConversationTurn(blocks: reply, match: match, endsConversation: true)
                }
                return ConversationTurn(blocks: reply + run.resumeBlocks(), match: match)
            case .outOfScope, .ambiguous, .tooLong:
                guard case let .handled(blocks) = run.invalid() else { return ConversationTurn(blocks: []) }
                activeFlow = run
                return ConversationTurn(blocks: blocks, match: match)
            }
        }
    }
}
