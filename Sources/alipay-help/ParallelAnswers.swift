import Dispatch

/// Answers lines of a batch on several threads and hands back their output in input order.
/// Lines are answered a group at a time: a group ends when the input has nothing more ready to
/// read (so answers still stream out as lines trickle in) or when it is full.
struct ParallelAnswers: Sendable {
    /// How many threads answer at once; 1 answers on the calling thread.
    let jobs: Int
    /// Turns one line into the bytes to print for it. Called from several threads at once.
    let answer: @Sendable (LineReader.Line) -> [UInt8]

    /// The most lines held before they are answered: enough to keep every thread busy, few
    /// enough that memory stays flat and the first answers come out early.
    var groupLimit: Int { 512 * jobs }

    /// The output for each line of `lines`, in the same order.
    func outputs(for lines: [LineReader.Line]) -> [[UInt8]] {
        let threads = min(jobs, lines.count)
        if threads < 2 { return lines.map(answer) }
        let results = UnsafeMutableBufferPointer<[UInt8]>.allocate(capacity: lines.count)
        results.initialize(repeating: [])
        defer { results.deinitialize(); results.deallocate() }
        let slots = SendableBuffer(results)
        // One contiguous share per thread, so no more than `jobs` threads ever answer at once.
        DispatchQueue.concurrentPerform(iterations: threads) { share in
            let range = (share * lines.count / threads)..<((share + 1) * lines.count / threads)
            for index in range { slots.buffer[index] = answer(lines[index]) }
        }
        return Array(results)
    }
}

/// A buffer that threads write to at distinct indices only.
private struct SendableBuffer<Element>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<Element>
    init(_ buffer: UnsafeMutableBufferPointer<Element>) { self.buffer = buffer }
}
