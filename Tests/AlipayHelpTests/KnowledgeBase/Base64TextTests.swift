import Foundation
import Testing

@testable import AlipayHelpKnowledgeBase

/// The decoder the built-in matcher is read with, held to Foundation's.
@Suite struct Base64TextTests {
    @Test func decodesWhatFoundationEncodes() {
        var generator = SystemRandomNumberGenerator()
        for length in Array(0...64) + [1000, 4097] {
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let text = Data(bytes).base64EncodedString()
            #expect(Base64Text.decode(text) == bytes, "length \(length)")
        }
    }

    @Test func refusesWhatIsNotBase64() {
        for text in ["A", "AB=", "ABC", "A===", "AB=C", "=AAA", "AAAA=AAA", "AA AA", "AAAAAA\nA", "AAÄA", "AB==AAAA"] {
            #expect(Base64Text.decode(text) == nil, "\(text)")
        }
        #expect(Base64Text.decode("") == [])
    }
}
