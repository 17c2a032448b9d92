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

    /// Every character that needs escaping, at every offset of a long string (the encoder
    /// skips eight bytes at a time): each escaped, and the string read back as it was.
    @Test func everyEscapeIsSeenWhereverItStands() throws {
        let plain = "é手 abc_xyz-0123456789/ABC"
        for special in ["\"", "\\", "\u{0}", "\u{1F}", "\n", "\u{2028}", "\u{2029}"] {
            for offset in 0...plain.count {
                let index = plain.index(plain.startIndex, offsetBy: offset)
                let text = String(plain[..<index]) + special + String(plain[index...]) + "\u{2000}€"
                var escaped: [UInt8] = []
                JSONLineEncoder.appendString(text, to: &escaped)
                #expect(!escaped.contains(10) && !escaped.contains(0) && !escaped.contains(0x1F))
                #expect(
                    !String(decoding: escaped, as: UTF8.self).contains(where: { $0 == "\u{2028}" || $0 == "\u{2029}" }))
                let back = try JSONSerialization.jsonObject(with: Data(escaped), options: .fragmentsAllowed) as? String
                #expect(back == text, "escape \(special.unicodeScalars.first!.value) at \(offset)")
            }
        }
    }

    @Test func confidenceIsFormattedWithoutExponents() {
        #expect(JSONLineEncoder.formatConfidence(0.00001) == "0.000")
        #expect(JSONLineEncoder.formatConfidence(0.5) == "0.500")
        #expect(JSONLineEncoder.formatConfidence(1) == "1.0")
        #expect(JSONLineEncoder.formatConfidence(.nan) == "0.000")
    }
}
