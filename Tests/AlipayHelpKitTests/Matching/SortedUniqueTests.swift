import Testing

@testable import AlipayHelpKit

/// The in-place sort that orders every question's feature keys and the spelling index's
/// deletions: the same result as the standard sort, whatever the input's shape.
@Suite struct SortedUniqueTests {
    /// Random keys, few distinct values (many duplicates), already sorted, reversed, all equal,
    /// and every small length, where the sort switches to insertion.
    static var shapes: [[UInt64]] {
        var random = SplitMix64(seed: 7)
        var shapes: [[UInt64]] = (0..<40).map { length in (0..<length).map { _ in random.next() } }
        shapes.append((0..<5_000).map { _ in random.next() })
        shapes.append((0..<5_000).map { _ in random.next() % 7 })
        shapes.append((0..<3_000).map(UInt64.init))
        shapes.append((0..<3_000).reversed().map(UInt64.init))
        shapes.append([UInt64](repeating: 42, count: 2_000))
        // Alternating rising and falling values (organ pipes).
        let pipes: [UInt64] = (0..<4_000).map { (index: Int) -> UInt64 in
            index % 2 == 0 ? UInt64(index) : UInt64(4_000 - index)
        }
        shapes.append(pipes)
        return shapes
    }

    @Test func sortsLikeTheStandardSort() {
        for shape in Self.shapes {
            var sorted = shape
            sorted.sortUnstably()
            #expect(sorted == shape.sorted(), "length \(shape.count)")
        }
    }

    @Test func keepsOneOfEachValue() {
        for shape in Self.shapes {
            var unique = shape
            unique.sortAndRemoveDuplicates()
            #expect(unique == Array(Set(shape)).sorted(), "length \(shape.count)")
        }
    }
}
