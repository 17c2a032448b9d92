import Foundation

/// The misspelling index, built the first time a word needs correcting rather than at load: it
/// takes about a quarter of a start (sorting every deletion of the vocabulary), and most
/// questions, and most single answers, never need it. Shared by the copies of a lexicon, which
/// never change once it is prepared for reading.
final class LazySpellingIndex: @unchecked Sendable {
    private let lock = NSLock()
    private var built: SpellingIndex?
    private let make: @Sendable () -> SpellingIndex

    init(_ make: @escaping @Sendable () -> SpellingIndex) { self.make = make }

    var index: SpellingIndex {
        lock.lock()
        defer { lock.unlock() }
        if let built { return built }
        let made = make()
        built = made
        return made
    }
}
