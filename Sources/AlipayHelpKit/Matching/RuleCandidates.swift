/// Which topics' `require` (or `exclude`) rules can hold for a question, found from its terms:
/// an entry holds only when its first term is present, so only the topics with an entry
/// starting with one of the question's terms need their rule read. With hundreds of topics,
/// reading every rule for every question is a large part of its cost; reading every topic's
/// `exclude` rule costs a tenth of an English question's matching even with five (measured).
struct RuleCandidates: Sendable {
    private let topicsByFirstTerm: [TermID: [Int]]
    /// Topics with an empty entry, which holds whatever the question says.
    private let alwaysHolding: [Int]

    init(_ rules: [TermRule]) {
        var topics: [TermID: [Int]] = [:]
        for (topic, rule) in rules.enumerated() {
            for first in Set(rule.alternatives.compactMap(\.first)) { topics[first, default: []].append(topic) }
        }
        topicsByFirstTerm = topics
        alwaysHolding = rules.indices.filter { rules[$0].alternatives.contains(where: \.isEmpty) }
    }

    /// Marks in `candidates` (one flag per topic) each topic whose rule may hold among `terms`.
    func mark(among terms: UnsafeBufferPointer<TermID>, in candidates: UnsafeMutableBufferPointer<Bool>) {
        for topic in alwaysHolding { candidates[topic] = true }
        for term in terms {
            guard let topics = topicsByFirstTerm[term] else { continue }
            for topic in topics { candidates[topic] = true }
        }
    }
}
