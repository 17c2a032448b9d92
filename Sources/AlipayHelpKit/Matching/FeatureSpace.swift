import Foundation

/// A sparse vector: feature indices and their values.
struct SparseVector: Sendable {
    var indices: [Int32] = []
    var values: [Float] = []
}

/// Turns a question's feature keys into the vector the classifier reads, TF-IDF style: a key
/// weighs its inverse document frequency over the training examples, so a word that occurs in
/// every other example says little and a rare, specific one says much. Terms and spellings
/// (character n-grams) are two blocks, each scaled to unit length, so neither drowns the other
/// and a long question does not outvote a short one.
///
/// Keys never seen in training still count, as unknown material of the highest weight, towards
/// the length of their block: a question that is mostly about things the knowledge base has
/// never seen is diluted, which is what "nothing in the domain recognised" means.
struct FeatureSpace: Sendable {
    private(set) var index: FeatureIndex
    private(set) var idf: [Float] = []
    /// The weight of a key seen in no example.
    let unknownIDF: Float
    /// How much of that weight unknown material gets (0 ignores it, as plain TF-IDF does).
    let unknownShare: Float
    /// The weight of the spelling block against the term block.
    let spellingWeight: Float

    init(documents: [[UInt64]], unknownShare: Float = 0.5, spellingWeight: Float = 1) {
        var frequency: [UInt64: Int] = [:]
        for keys in documents { for key in keys { frequency[key, default: 0] += 1 } }
        let count = Float(documents.count)
        // Keys in a stable order, so training is identical on every run.
        let keys = frequency.keys.sorted()
        idf = keys.map { logf((1 + count) / (1 + Float(frequency[$0]!))) + 1 }
        index = FeatureIndex(keys: keys, weights: idf)
        unknownIDF = logf(1 + count) + 1
        self.unknownShare = unknownShare
        self.spellingWeight = spellingWeight
    }

    /// A space read back from an archive: keys in index order.
    init(keys: [UInt64], idf: [Float], unknownIDF: Float, unknownShare: Float, spellingWeight: Float) {
        index = FeatureIndex(keys: keys, weights: idf)
        self.idf = idf
        self.unknownIDF = unknownIDF
        self.unknownShare = unknownShare
        self.spellingWeight = spellingWeight
    }

    var count: Int { idf.count }

    func index(of key: UInt64) -> Int32? { index[key] }

    /// The weighted, block-normalised vector of a question. `keys` are sorted, as
    /// `QuestionFeatures` gives them, so every term key comes before every spelling key.
    /// `unknownTerms` is how many content words the vocabulary did not know (they have no term
    /// key of their own).
    func vector(_ keys: [UInt64], unknownTerms: Int = 0) -> SparseVector {
        var vector = SparseVector()
        vector.indices.reserveCapacity(keys.count)
        vector.values.reserveCapacity(keys.count)
        let unknown = unknownIDF * unknownShare
        var termNorm = Float(unknownTerms) * unknown * unknown
        var spellingNorm: Float = 0
        var termCount = 0
        for key in keys {
            let spelling = QuestionFeatures.isSpelling(key)
            assert(spelling || vector.indices.count == termCount, "keys must be sorted: terms before spellings")
            guard let (position, weight) = index.entry(key) else {
                if spelling { spellingNorm += unknown * unknown } else { termNorm += unknown * unknown }
                continue
            }
            vector.indices.append(position)
            vector.values.append(weight)
            if spelling { spellingNorm += weight * weight } else { termNorm += weight * weight; termCount += 1 }
        }
        let termScale = termNorm > 0 ? 1 / termNorm.squareRoot() : 0
        let spellingScale = spellingNorm > 0 ? spellingWeight / spellingNorm.squareRoot() : 0
        vector.values.withUnsafeMutableBufferPointer { values in
            for position in values.indices { values[position] *= position < termCount ? termScale : spellingScale }
        }
        return vector
    }
}
