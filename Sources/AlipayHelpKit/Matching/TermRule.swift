/// A `require`, `exclude` or `triggers` list compiled to terms: it holds when any entry is
/// present, an entry of several words needing all of them ("contact list"). In a `require` or
/// `exclude` list, an entry made only of function words of some language (French "comment" is
/// "how") decides nothing, like those words in matching; a facet trigger may be one ("what").
struct TermRule: Sendable {
    private(set) var alternatives: [[TermID]] = []

    init(alternatives: [[TermID]]) { self.alternatives = alternatives }

    init(_ entries: [String], lexicon: inout Lexicon, functionWordsCount: Bool = false) {
        for entry in entries {
            if let concept = lexicon.existingConcept(entry) {
                alternatives.append([concept])
                continue
            }
            let text = TextNormalizer.normalize(entry)
            var group: [TermID] = []
            for (segment, piece) in zip(text.segments, text.pieces) {
                switch segment.kind {
                case .word:
                    group.append(lexicon.resolveExactOrInflected(piece) ?? lexicon.internWord(piece))
                case .unspaced:
                    // The known terms of this Chinese run only (not of the whole entry again).
                    group.append(
                        contentsOf: lexicon.tokens(of: TextNormalizer.normalize(piece)).terms.filter {
                            $0 != Lexicon.gap
                        })
                }
            }
            if group.isEmpty || (!functionWordsCount && group.allSatisfy(lexicon.isStopwordTerm)) { continue }
            alternatives.append(group)
        }
    }

    var isEmpty: Bool { alternatives.isEmpty }

    /// The first entry that holds, if any.
    func firstMatch(in features: QuestionFeatures) -> [TermID]? {
        alternatives.first { group in group.allSatisfy(features.contains) }
    }

    /// Whether any entry holds among a question's terms (`features.tokens.terms`): what
    /// `firstMatch` finds, without closures, for the rules of every topic on every question.
    func holds(among terms: UnsafeBufferPointer<TermID>) -> Bool {
        for group in alternatives {
            var all = true
            for term in group where !terms.contains(term) {
                all = false
                break
            }
            if all { return true }
        }
        return false
    }
}
