import Dispatch

/// `body(index)` for every index below `count`, on at most `threads` threads (one contiguous
/// share each), the results in index order. One thread, or one index, runs on the caller's.
public func concurrentMap<Result>(_ count: Int, threads: Int, _ body: @Sendable (Int) -> Result) -> [Result] {
    let threads = min(threads, count)
    if threads < 2 { return (0..<count).map(body) }
    let results = UnsafeMutableBufferPointer<Result?>.allocate(capacity: count)
    results.initialize(repeating: nil)
    defer { results.deinitialize(); results.deallocate() }
    let slots = DistinctSlots(buffer: results)
    DispatchQueue.concurrentPerform(iterations: threads) { share in
        for index in (share * count / threads)..<((share + 1) * count / threads) { slots.buffer[index] = body(index) }
    }
    return results.map { $0! }
}

/// Slots that threads fill at distinct indices only.
private struct DistinctSlots<Element>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<Element>
}
