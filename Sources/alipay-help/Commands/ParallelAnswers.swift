import AlipayHelpKit

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

    /// The output for each line of `lines`, in the same order, no more than `jobs` lines
    /// answered at once.
    func outputs(for lines: [LineReader.Line]) -> [[UInt8]] {
        concurrentMap(lines.count, threads: jobs) { answer(lines[$0]) }
    }
}
