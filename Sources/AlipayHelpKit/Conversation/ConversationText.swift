/// What the conversation itself says, apart from knowledge-base answers.
enum ConversationText {
    static let didYouMean = "Did you mean:"
    static func chooseHint(count: Int) -> String {
        "Answer with a number (1 to \(count)) or name the topic."
    }
    static let offerDeclined = "OK. Ask me anything else."
    static let moreWithoutContext = "More about what? Ask me a question first, for example: how do I change my phone number?"
    static let customerService = """
    I don't seem to be able to help with this. For anything else about your account, Alipay \
    customer service can help: call 95188, or open the Help Center in the Alipay app.
    """
}
