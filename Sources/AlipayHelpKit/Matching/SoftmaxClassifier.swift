import Foundation

/// Multinomial logistic regression over sparse weighted features, trained deterministically
/// (seeded order, fixed epochs) at start-up in a few milliseconds. L2 regularisation keeps any
/// one feature from dominating: a word seen in three examples cannot decide a question alone.
struct SoftmaxClassifier: Sendable {
    let classCount: Int
    private(set) var weights: [Float]
    private(set) var bias: [Float]

    init(classCount: Int, weights: [Float], bias: [Float]) {
        self.classCount = classCount
        self.weights = weights
        self.bias = bias
    }

    struct Example {
        var vector: SparseVector
        var label: Int
    }

    init(classCount: Int, featureCount: Int, examples: [Example], epochs: Int = 20, learningRate: Float = 1.0, l2: Float = 3e-5) {
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
                                            weights[row + c] -= rate * (probabilities[c] * value + l2 * weights[row + c])
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
        self.weights = sumOfWeights.map { $0 / averaged }
        self.bias = sumOfBias.map { $0 / averaged }
    }

    private func logits(_ vector: SparseVector, into output: inout [Float]) {
        for c in 0..<classCount { output[c] = bias[c] }
        for (f, value) in zip(vector.indices, vector.values) {
            let row = Int(f) * classCount
            for c in 0..<classCount { output[c] += weights[row + c] * value }
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
        Array(weights[Int(f) * classCount..<(Int(f) + 1) * classCount])
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
