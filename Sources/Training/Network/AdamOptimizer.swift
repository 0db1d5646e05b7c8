import Foundation

/// Adam as Keras 3 updates a float32 variable (`keras.optimizers.Adam.update_step`), step
/// `t` counting from 1:
///
///     alpha = lr * sqrt(1 - beta2^t) / (1 - beta1^t)
///     m += (g - m) * (1 - beta1)
///     v += (g*g - v) * (1 - beta2)
///     w -= (m * alpha) / (sqrt(v) + epsilon)
///
/// in that order of float32 operations (ε outside the square root and not bias-corrected,
/// which is how Keras differs from the paper's form).
struct AdamOptimizer: Sendable {
    let learningRate: Float
    let beta1: Float
    let beta2: Float
    let oneMinusBeta1: Float
    let oneMinusBeta2: Float
    let epsilon: Float
    private(set) var iterations: Int = 0
    private(set) var momentums: [Float]
    private(set) var velocities: [Float]

    /// Settings as Keras holds them (Python floats); each becomes float32 where Keras casts
    /// it, and `1 - beta` is taken in double first, as Python computes it.
    init(parameterCount: Int, learningRate: Double, beta1: Double, beta2: Double, epsilon: Double) {
        self.learningRate = Float(learningRate)
        self.beta1 = Float(beta1)
        self.beta2 = Float(beta2)
        oneMinusBeta1 = Float(1 - beta1)
        oneMinusBeta2 = Float(1 - beta2)
        self.epsilon = Float(epsilon)
        momentums = [Float](repeating: 0, count: parameterCount)
        velocities = [Float](repeating: 0, count: parameterCount)
    }

    /// Applies one step with `gradient` to `parameters` (both flat, the same length).
    mutating func step(parameters: UnsafeMutablePointer<Float>, gradient: UnsafePointer<Float>) {
        iterations += 1
        let t = Float(iterations)
        let beta1Power = powf(beta1, t)
        let beta2Power = powf(beta2, t)
        let alpha = learningRate * (1 - beta2Power).squareRoot() / (1 - beta1Power)
        let oneMinusBeta1 = self.oneMinusBeta1, oneMinusBeta2 = self.oneMinusBeta2
        let epsilon = self.epsilon
        let count = momentums.count
        momentums.withUnsafeMutableBufferPointer { m in
            velocities.withUnsafeMutableBufferPointer { v in
                for i in 0..<count {
                    let g = gradient[i]
                    m[i] += (g - m[i]) * oneMinusBeta1
                    v[i] += (g * g - v[i]) * oneMinusBeta2
                    parameters[i] -= (m[i] * alpha) / (v[i].squareRoot() + epsilon)
                }
            }
        }
    }
}
