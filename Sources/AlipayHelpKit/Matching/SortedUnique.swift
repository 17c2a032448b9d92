extension Array where Element: Comparable {
    /// Sorts in place and keeps one of each run of equal elements, without a set or a second
    /// array (feature keys per question, the spelling index's deletion pairs).
    mutating func sortAndRemoveDuplicates() {
        sortUnstably()
        var unique = 0
        withUnsafeMutableBufferPointer { elements in
            for index in elements.indices where index == 0 || elements[index] != elements[index - 1] {
                elements[unique] = elements[index]
                unique += 1
            }
        }
        removeLast(count - unique)
    }

    /// Sorts in place, equal elements in any order: a quicksort that finishes short ranges by
    /// insertion, with no buffer to allocate (the standard sort is stable, and allocates one for
    /// its merges). Too many uneven splits, as crafted input could cause, hand the range to the
    /// standard sort, so the time stays n log n.
    mutating func sortUnstably() {
        guard count > 1 else { return }
        var depth = 2
        var n = count
        while n > 1 { n >>= 1; depth += 2 }
        withUnsafeMutableBufferPointer { Self.quicksort($0, 0, $0.count - 1, depthLeft: depth) }
    }

    private static func quicksort(_ a: UnsafeMutableBufferPointer<Element>, _ low: Int, _ high: Int, depthLeft: Int) {
        var low = low, high = high, depthLeft = depthLeft
        while high - low >= 16 {
            if depthLeft == 0 {
                var range = UnsafeMutableBufferPointer(rebasing: a[low...high])
                range.sort()
                return
            }
            depthLeft -= 1
            // Median of three as the pivot; a Hoare partition, which splits runs of equal
            // elements evenly (the spelling index sorts many duplicates).
            let middle = low + (high - low) / 2
            if a[middle] < a[low] { a.swapAt(middle, low) }
            if a[high] < a[low] { a.swapAt(high, low) }
            if a[high] < a[middle] { a.swapAt(high, middle) }
            let pivot = a[middle]
            var left = low - 1, right = high + 1
            while true {
                repeat { left += 1 } while a[left] < pivot
                repeat { right -= 1 } while pivot < a[right]
                if left >= right { break }
                a.swapAt(left, right)
            }
            // [low, right] and [right + 1, high]: the smaller side by recursion, the larger by
            // the loop, so the stack stays shallow.
            if right - low < high - right {
                quicksort(a, low, right, depthLeft: depthLeft)
                low = right + 1
            } else {
                quicksort(a, right + 1, high, depthLeft: depthLeft)
                high = right
            }
        }
        guard high > low else { return }
        for index in (low + 1)...high {
            let element = a[index]
            var position = index
            while position > low && element < a[position - 1] {
                a[position] = a[position - 1]
                position -= 1
            }
            a[position] = element
        }
    }
}
