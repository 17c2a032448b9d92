import Foundation

/// Multinomial logistic regression over sparse weighted features, trained deterministically
/// (seeded order, fixed epochs) at start-up in a few milliseconds. L2 regularisation keeps any
/// one feature from dominating: a word seen in three examples cannot decide a question alone.
///
/// The weights are a features × classes table. Up to `denseLimit` weights it is kept whole
/// (the five-topic knowledge base's is a fraction of that, and is scored exactly as trained).
/// A larger one, a knowledge base of hundreds of topics, is kept as sparse rows without the
/// weights that say next to nothing (below `pruneBelow` in size): a feature seen in the examples
/// of a few classes is pushed slightly down for every other class in training, and those many
/// tiny weights would make most of the table, of the stored matcher and of start-up.
struct SoftmaxClassifier: Sendable {
    let classCount: Int
    /// The dense table (feature-major), empty when the weights are sparse.
    private(set) var weights: [Float]
    private(set) var bias: [Float]
    /// The sparse rows: feature f's weights are `rowClasses[rowStarts[f]..<rowStarts[f + 1]]`
    /// with `rowWeights` at the same positions; all three empty when the table is dense.
    private(set) var rowStarts: [UInt32] = []
    private(set) var rowClasses: [UInt16] = []
    private(set) var rowWeights: [Float] = []
    /// The sparse rows that are mostly full (words of every topic's questions: "how", "my"),
    /// also laid out whole: a whole row is added in one vectorised pass, where entry by entry
    /// each weight costs a look-up of its class. `fullRowOf[f]` is the row's place in
    /// `fullRowWeights`, or -1. Scores are the same either way (an absent weight adds zero).
    private var fullRowOf: [Int32] = []
    private var fullRowWeights: [Float] = []

    /// The most weights kept as a dense table: 4 MB.
    static let denseLimit = 1 << 20
    /// Weights smaller than this are dropped from a sparse table.
    static let pruneBelow: Float = 0.05

    var isSparse: Bool { !rowStarts.isEmpty }

    init(classCount: Int, weights: [Float], bias: [Float]) {
        self.classCount = classCount
        self.weights = weights
        self.bias = bias
    }

    init(classCount: Int, bias: [Float], rowStarts: [UInt32], rowClasses: [UInt16], rowWeights: [Float]) {
        self.classCount = classCount
        self.weights = []
        self.bias = bias
        self.rowStarts = rowStarts
        self.rowClasses = rowClasses
        self.rowWeights = rowWeights
        layOutFullRows()
    }

    /// Sparse rows holding at least a quarter of the classes, laid out whole.
    private mutating func layOutFullRows() {
        let features = rowStarts.count - 1
        guard features > 0, classCount >= 16 else { return }
        fullRowOf = [Int32](repeating: -1, count: features)
        var full: [Float] = []
        for f in 0..<features where Int(rowStarts[f + 1] - rowStarts[f]) * 4 >= classCount {
            fullRowOf[f] = Int32(full.count / classCount)
            let start = full.count
            full += repeatElement(0, count: classCount)
            for entry in Int(rowStarts[f])..<Int(rowStarts[f + 1]) {
                full[start + Int(rowClasses[entry])] = rowWeights[entry]
            }
        }
        fullRowWeights = full
    }

    /// The same weights as sparse rows, without those smaller than `threshold` (0 keeps all:
    /// then it scores exactly as the dense table does).
    static func sparse(classCount: Int, weights: [Float], bias: [Float], threshold: Float) -> SoftmaxClassifier {
        let featureCount = classCount == 0 ? 0 : weights.count / classCount
        var starts: [UInt32] = [0]
        starts.reserveCapacity(featureCount + 1)
        var classes: [UInt16] = []
        var values: [Float] = []
        for f in 0..<featureCount {
            for c in 0..<classCount where abs(weights[f * classCount + c]) >= threshold {
                classes.append(UInt16(c))
                values.append(weights[f * classCount + c])
            }
            starts.append(UInt32(classes.count))
        }
        return SoftmaxClassifier(
            classCount: classCount, bias: bias, rowStarts: starts, rowClasses: classes,
            rowWeights: values)
    }

    struct Example {
        var vector: SparseVector
        var label: Int
    }

    init(
        classCount: Int, featureCount: Int, examples: [Example], epochs: Int = 20, learningRate: Float = 1.0,
        l2: Float = 3e-5
    ) {
        self.classCount = classCount
        var bias = [Float](repeating: 0, count: classCount)
        var weights = [Float](repeating: 0, count: featureCount * classCount)
        var order = Array(examples.indices)
        var random = SplitMix64(seed: 0x5EED)
        var probabilities = [Float](repeating: 0, count: classCount)
        // The weights are averaged over the second half of the epochs: the average of the last
        // steps is steadier than any one of them and depends less on the order of the examples.
        var sumOfWeights = [Float](repeating: 0, count: featureCount * classCount)
        var sumOfBias = [Float](repeating: 0, count: classCount)
        let firstAveraged = epochs / 2
        weights.withUnsafeMutableBufferPointer { weights in
            bias.withUnsafeMutableBufferPointer { bias in
                probabilities.withUnsafeMutableBufferPointer { probabilities in
                    for epoch in 0..<epochs {
                        order.shuffle(using: &random)
                        let rate = learningRate / (1 + Float(epoch) * 0.3)
                        for position in order {
                            let example = examples[position]
                            example.vector.indices.withUnsafeBufferPointer { indices in
                                example.vector.values.withUnsafeBufferPointer { values in
                                    for c in 0..<classCount { probabilities[c] = bias[c] }
                                    for (f, value) in zip(indices, values) {
                                        let row = Int(f) * classCount
                                        for c in 0..<classCount { probabilities[c] += weights[row + c] * value }
                                    }
                                    Self.softmax(probabilities)
                                    for c in 0..<classCount {
                                        probabilities[c] -= c == example.label ? 1 : 0
                                        bias[c] -= rate * probabilities[c]
                                    }
                                    // Regularisation where the example touches: a feature seen in a
                                    // few examples cannot grow to decide a question alone.
                                    for (f, value) in zip(indices, values) {
                                        let row = Int(f) * classCount
                                        for c in 0..<classCount {
                                            weights[row + c] -=
                                                rate * (probabilities[c] * value + l2 * weights[row + c])
                                        }
                                    }
                                }
                            }
                        }
                        if epoch >= firstAveraged {
                            for index in weights.indices { sumOfWeights[index] += weights[index] }
                            for c in 0..<classCount { sumOfBias[c] += bias[c] }
                        }
                    }
                }
            }
        }
        let averaged = Float(epochs - firstAveraged)
        // In place: a large table is not held three times over.
        weights = []
        for index in sumOfWeights.indices { sumOfWeights[index] /= averaged }
        let averagedBias = sumOfBias.map { $0 / averaged }
        if sumOfWeights.count > Self.denseLimit {
            precondition(classCount <= Int(UInt16.max) + 1, "class numbers are stored in 16 bits")
            let sparse = Self.sparse(
                classCount: classCount, weights: sumOfWeights, bias: averagedBias,
                threshold: Self.pruneBelow)
            self.weights = []
            self.bias = averagedBias
            (rowStarts, rowClasses, rowWeights) = (sparse.rowStarts, sparse.rowClasses, sparse.rowWeights)
            (fullRowOf, fullRowWeights) = (sparse.fullRowOf, sparse.fullRowWeights)
        } else {
            self.weights = sumOfWeights
            self.bias = averagedBias
        }
    }

    private func logits(_ vector: SparseVector, into output: inout [Float]) {
        for c in 0..<classCount { output[c] = bias[c] }
        if isSparse {
            let classCount = classCount
            let hasFullRows = !fullRowOf.isEmpty
            rowStarts.withUnsafeBufferPointer { starts in
                rowClasses.withUnsafeBufferPointer { classes in
                    rowWeights.withUnsafeBufferPointer { weights in
                        fullRowOf.withUnsafeBufferPointer { fullRowOf in
                            fullRowWeights.withUnsafeBufferPointer { fullRows in
                                output.withUnsafeMutableBufferPointer { output in
                                    for (f, value) in zip(vector.indices, vector.values) {
                                        if hasFullRows, fullRowOf[Int(f)] >= 0 {
                                            let row = fullRows.baseAddress! + Int(fullRowOf[Int(f)]) * classCount
                                            for c in 0..<classCount { output[c] += row[c] * value }
                                            continue
                                        }
                                        for entry in Int(starts[Int(f)])..<Int(starts[Int(f) + 1]) {
                                            output[Int(classes[entry])] += weights[entry] * value
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            return
        }
        let classCount = classCount
        weights.withUnsafeBufferPointer { weights in
            output.withUnsafeMutableBufferPointer { output in
                for (f, value) in zip(vector.indices, vector.values) {
                    let row = weights.baseAddress! + Int(f) * classCount
                    for c in 0..<classCount { output[c] += row[c] * value }
                }
            }
        }
    }

    /// Raw class scores for a question's vector.
    func logits(for vector: SparseVector) -> [Float] {
        var output = bias
        logits(vector, into: &output)
        return output
    }

    /// The learned weight of each class for one feature, for explanations.
    func weights(forFeature f: Int32) -> [Float] {
        guard isSparse else { return Array(weights[Int(f) * classCount..<(Int(f) + 1) * classCount]) }
        var row = [Float](repeating: 0, count: classCount)
        for entry in Int(rowStarts[Int(f)])..<Int(rowStarts[Int(f) + 1]) {
            row[Int(rowClasses[entry])] = rowWeights[entry]
        }
        return row
    }

    static func softmax(_ values: inout [Float]) {
        values.withUnsafeMutableBufferPointer { softmax($0) }
    }

    static func softmax(_ values: UnsafeMutableBufferPointer<Float>) {
        let maximum = values.max() ?? 0
        var total: Float = 0
        for i in values.indices {
            values[i] = values[i].isFinite ? expf(values[i] - maximum) : 0
            total += values[i]
        }
        if total > 0 { for i in values.indices { values[i] /= total } }
    }
}
