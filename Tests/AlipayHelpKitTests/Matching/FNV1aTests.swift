import Testing

@testable import AlipayHelpKit

/// The one hash stored matchers are keyed and checked with: its values must never change.
@Suite struct FNV1aTests {
    @Test func givesTheStandardValues() {
        #expect(FNV1a.hash([UInt8]()) == 0xCBF2_9CE4_8422_2325)
        #expect(FNV1a.hash("a".utf8) == 0xAF63_DC4C_8601_EC8C)
        #expect(FNV1a.hash("foobar".utf8) == 0x8594_4171_F739_67E8)
    }

    @Test func goesOnFromAnEarlierValue() {
        var hash = FNV1a(value: FNV1a.hash("foo".utf8))
        hash.combine("bar".utf8)
        #expect(hash.value == FNV1a.hash("foobar".utf8))
    }

    @Test func knowledgeBaseFilesAreHashedInNameOrder() {
        let files: [(name: String, contents: [UInt8])] = [("b.yaml", [2, 3]), ("a.yaml", [1])]
        let expected = FNV1a.hash(Array("a.yaml".utf8) + [0, 1, 0] + Array("b.yaml".utf8) + [0, 2, 3, 0])
        #expect(KnowledgeBaseFiles.contentHash(files) == expected)
        #expect(KnowledgeBaseFiles.contentHash(files.reversed()) == expected)
    }

    @Test func theArchiveChecksumTakesEightBytesAStep() {
        let bytes = (0..<21).map { UInt8($0 * 7 & 0xFF) }
        var hash = FNV1a()
        for index in stride(from: 0, to: 16, by: 8) {
            hash.combine(word: (0..<8).reduce(0) { $0 | UInt64(bytes[index + $1]) << (8 * UInt64($1)) })
        }
        hash.combine(bytes[16...])
        #expect(MatcherArchive.checksum(bytes[...]) == hash.value)
        var damaged = bytes
        damaged[3] ^= 1
        #expect(MatcherArchive.checksum(damaged[...]) != hash.value)
    }
}
