import Foundation

/// Multinomial logistic regression over sparse weighted features, trained deterministically
/// (seeded order, fixed epochs) at start-up in a few milliseconds. L2 regularisation keeps any
/// one feature from dominating: a word seen in three examples cannot decide a question alone.
struct SoftmaxClassifier: Sendable {
    let classCount: Int
    private var weights: [Float]
    private var bias: [Float]

    struct Example {
        var vector: SparseVector
        var label: Int
    }

    init(classCount: Int, featureCount: Int, examples: [Example], epochs: Int = 30, learningRate: Float = 0.5, l2: Float = 1e-4) {
        self.classCount = classCount
        bias = [Float](repeating: 0, count: classCount)
        weights = [Float](repeating: 0, count: featureCount * classCount)
        var order = Array(examples.indices)
        var random = SplitMix64(seed: 0x5EED)
        var probabilities = [Float](repeating: 0, count: classCount)
        // Regularisation is applied lazily, per feature, when the feature is next used.
        var lastStep = [Int32](repeating: 0, count: featureCount)
        var decay: [Float] = [1]
        var step: Int32 = 0
        for epoch in 0..<epochs {
            order.shuffle(using: &random)
            let rate = learningRate / (1 + Float(epoch) * 0.2)
            let shrink = 1 - rate * l2
            for position in order {
                let example = examples[position]
                step += 1
                decay.append(decay[decay.count - 1] * shrink)
                for f in example.vector.indices {
                    let row = Int(f) * classCount
                    let factor = decay[Int(step) - 1] / decay[Int(lastStep[Int(f)])]
                    if factor != 1 { for c in 0..<classCount { weights[row + c] *= factor } }
                    lastStep[Int(f)] = step - 1
                }
                logits(example.vector, into: &probabilities)
                Self.softmax(&probabilities)
                for c in 0..<classCount {
                    let gradient = probabilities[c] - (c == example.label ? 1 : 0)
                    bias[c] -= rate * gradient
                    for (f, value) in zip(example.vector.indices, example.vector.values) {
                        weights[Int(f) * classCount + c] -= rate * gradient * value
                    }
                }
            }
            // Keep the decay table from underflowing: settle every feature at the epoch's end.
            for f in 0..<featureCount {
                let factor = decay[Int(step)] / decay[Int(lastStep[f])]
                if factor != 1 { for c in 0..<classCount { weights[f * classCount + c] *= factor } }
                lastStep[f] = 0
            }
            decay = [1]
            step = 0
        }
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
        let maximum = values.max() ?? 0
        var total: Float = 0
        for i in values.indices {
            values[i] = values[i].isFinite ? expf(values[i] - maximum) : 0
            total += values[i]
        }
        if total > 0 { for i in values.indices { values[i] /= total } }
    }
}
