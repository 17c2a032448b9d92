import Foundation
import Testing

@testable import AlipayHelpKit

@Suite struct ResponderTests {
    let responder = Fixtures.responder

    @Test func aGeneralAnswerHasSummaryNumberedStepsAndNotes() {
        let reply = responder.reply(to: "how do I change my phone number")
        #expect(reply.text.hasPrefix("Change the phone number linked to your account"))
        #expect(reply.text.contains("\n1. "))
        #expect(reply.text.contains("\n- "))
    }

    @Test func aFacetAnswersOnlyWhatWasAsked() {
        let reply = responder.reply(to: "how much can a red envelope hold?")
        #expect(reply.text.contains("200 yuan"))
        #expect(!reply.text.contains("200,000 yuan"), "the yearly total belongs to another facet")
    }

    @Test func outOfScopeSaysWhatItCanHelpWith() {
        let reply = responder.reply(to: "how do I change my WhatsApp number")
        #expect(reply.text.contains("can't help"))
        #expect(reply.text.contains("Huabei"))
    }

    @Test func ambiguityOffersNumberedChoices() throws {
        let match = Match(
            outcome: .ambiguous(["huabei", "limits"]), confidence: 0.5, facet: nil, ranking: [], reason: "")
        let reply = responder.reply(to: "limit", match: match)
        #expect(reply.text.contains("1. Huabei"))
        #expect(reply.text.contains("2. Transaction limits"))
    }

    @Test func jsonLinesEscapeEverythingAndStayParseable() throws {
        let question = "quote \" backslash \\ nul \u{0} newline \n tab \t é 手机"
        let line = JSONLineEncoder.encode(responder.reply(to: question))
        #expect(!line.contains("\n"))
        let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
        #expect(object["question"] as? String == question)
        for key in ["question", "intent", "kind", "confidence", "facet", "candidates", "answer"] {
            #expect(object.keys.contains(key), "missing \(key)")
        }
    }

    @Test func confidenceIsFormattedWithoutExponents() {
        #expect(JSONLineEncoder.formatConfidence(0.00001) == "0.000")
        #expect(JSONLineEncoder.formatConfidence(0.5) == "0.500")
        #expect(JSONLineEncoder.formatConfidence(1) == "1.0")
        #expect(JSONLineEncoder.formatConfidence(.nan) == "0.000")
    }
}
