import Testing

@testable import AlipayHelpKit

@Suite struct FacetSelectionTests {
    let matcher = Fixtures.matcher

    @Test(arguments: [
        ("how much can a red envelope hold?", "limits", "red_envelope"),
        ("how long does changing my number take", "change_phone", "duration"),
        ("what happens to my old number", "change_phone", "old_number_afterwards"),
        ("what number do I call to close my account", "delete_account", "contact_customer_service"),
        ("huabei interest free days", "huabei", "billing_and_interest_free"),
        ("passport photo keeps failing", "foreigner_verification", "photo_tips"),
    ])
    func picksTheFacetAsked(question: String, topic: String, facet: String) {
        let match = matcher.match(question)
        #expect(match.outcome == .topic(topic))
        #expect(match.facet == facet, "\(question) → \(match.facet ?? "general") (\(match.reason))")
    }

    @Test(arguments: [
        "how do I change my phone number", "how do I delete my alipay account", "what is the alipay limit",
    ])
    func generalQuestionsGetTheWholeAnswer(question: String) {
        #expect(matcher.match(question).facet == nil)
    }
}
