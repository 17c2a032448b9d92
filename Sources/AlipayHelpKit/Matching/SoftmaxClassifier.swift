import Foundation

/// Multinomial logistic regression over sparse binary features, trained deterministically at
/// start-up in a few milliseconds. Each example's features are scaled by 1/√n so a long,
/// rambling question does not outvote a short precise one.
struct SoftmaxClassifier: Sendable {
    let classCount: Int
    private var featureIndex: [UInt64: Int32] = [:]
    private var weights: [Float] = []
    private var bias: [Float]

    struct Example {
        var keys: [UInt64]
        var label: Int
    }

    init(classCount: Int, examples: [Example], epochs: Int = 25, learningRate: Float = 2.0, l2: Float = 1e-5) {
        self.classCount = classCount
        bias = [Float](repeating: 0, count: classCount)
        for example in examples {
            for key in example.keys where featureIndex[key] == nil {
                featureIndex[key] = Int32(featureIndex.count)
            }
        }
        weights = [Float](repeating: 0, count: featureIndex.count * classCount)
        let indexed = examples.map { example in (example.keys.map { Int(featureIndex[$0]!) }, example.label) }
        var order = Array(indexed.indices)
        var random = SplitMix64(seed: 0x5EED)
        var probabilities = [Float](repeating: 0, count: classCount)
        var step = 0
        for epoch in 0..<epochs {
            order.shuffle(using: &random)
            let rate = learningRate / (1 + Float(epoch) * 0.1)
            for position in order {
                let (features, label) = indexed[position]
                let value = Self.scale(features.count)
                logits(features, value: value, into: &probabilities)
                Self.softmax(&probabilities)
                for c in 0..<classCount {
                    let gradient = probabilities[c] - (c == label ? 1 : 0)
                    bias[c] -= rate * gradient
                    for f in features {
                        let w = f * classCount + c
                        weights[w] -= rate * (gradient * value + l2 * weights[w])
                    }
                }
                step += 1
            }
        }
    }

    @inline(__always)
    static func scale(_ count: Int) -> Float { count == 0 ? 0 : 1 / Float(count).squareRoot() }

    private func logits(_ features: [Int], value: Float, into output: inout [Float]) {
        for c in 0..<classCount { output[c] = bias[c] }
        for f in features {
            let row = f * classCount
            for c in 0..<classCount { output[c] += weights[row + c] * value }
        }
    }

    /// Raw class scores for a question's feature keys; keys never seen in training are ignored
    /// (but still count towards the 1/√n scaling, so unknown material dilutes the evidence).
    func logits(for keys: [UInt64]) -> [Float] {
        var output = bias
        let value = Self.scale(keys.count)
        for key in keys {
            guard let f = featureIndex[key] else { continue }
            let row = Int(f) * classCount
            for c in 0..<classCount { output[c] += weights[row + c] * value }
        }
        return output
    }

    /// The learned weight of each class for one feature key, for explanations.
    func weights(for key: UInt64) -> [Float]? {
        guard let f = featureIndex[key] else { return nil }
        return Array(weights[Int(f) * classCount..<(Int(f) + 1) * classCount])
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

/// A small, seeded generator so training is identical on every run and machine.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
