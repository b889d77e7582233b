/// The training error over iterations, for `show loss`. It keeps at most `capacity` points:
/// when full it drops every other one and records half as often, so a run of any length costs
/// bounded memory and the curve stays evenly spaced. The thinning depends only on the sequence
/// of iterations, so a replay or a restored snapshot keeps exactly the same points.
public struct LossHistory: Equatable, Sendable {
    public static let capacity = 4096

    /// Every `stride`-th iteration is recorded.
    public private(set) var stride: Int
    public private(set) var iterations: [Int]
    public private(set) var errors: [Double]
    /// The held-out error at the same iterations, for data with held-out rows; else empty.
    public private(set) var testErrors: [Double]
    /// The validation error at the same iterations, for data with validation rows; else empty.
    /// Thinned with the rest, so it costs no more memory than they do.
    public private(set) var validationErrors: [Double]
    /// The error of the most recent step, recorded or not.
    public private(set) var lastError: Double?

    public init() {
        stride = 1
        iterations = []
        errors = []
        testErrors = []
        validationErrors = []
    }

    /// `nil` unless the points could have been recorded by `record`.
    public init?(
        stride: Int, iterations: [Int], errors: [Double], testErrors: [Double], validationErrors: [Double] = [],
        lastError: Double?
    ) {
        guard stride >= 1, stride.nonzeroBitCount == 1, iterations.count == errors.count,
            testErrors.isEmpty || testErrors.count == errors.count,
            testErrors.allSatisfy({ $0.isFinite && $0 >= 0 }),
            validationErrors.isEmpty || validationErrors.count == errors.count,
            validationErrors.allSatisfy({ $0.isFinite && $0 >= 0 }),
            iterations.count <= Self.capacity,
            iterations.allSatisfy({ $0 > 0 && $0 % stride == 0 }),
            zip(iterations, iterations.dropFirst()).allSatisfy({ $0 < $1 }),
            errors.allSatisfy({ $0.isFinite && $0 >= 0 })
        else { return nil }
        self.stride = stride
        self.iterations = iterations
        self.errors = errors
        self.testErrors = testErrors
        self.validationErrors = validationErrors
        self.lastError = lastError
    }

    public var isEmpty: Bool { iterations.isEmpty }

    /// The recorded iteration with the lowest validation error (the first of equal ones), and that
    /// error: where early stopping would have kept the weights, read among the iterations kept
    /// here (every one up to `capacity` steps, then every `stride`-th). nil with no validation rows.
    public var bestValidation: (iteration: Int, error: Double)? {
        guard let best = validationErrors.indices.min(by: { validationErrors[$0] < validationErrors[$1] }) else {
            return nil
        }
        return (iterations[best], validationErrors[best])
    }

    /// - Parameters:
    ///   - testError: the held-out error, asked for only when this iteration is recorded.
    ///   - validationError: the same for the validation rows.
    public mutating func record(
        iteration: Int, error: Double, testError: (() -> Double)? = nil, validationError: (() -> Double)? = nil
    ) {
        lastError = error
        guard iteration % stride == 0 else { return }
        iterations.append(iteration)
        errors.append(error)
        if let testError { testErrors.append(testError()) }
        // A snapshot from before validation was recorded has none for its earlier points; the
        // series stays empty then, rather than misaligned with the iterations.
        if let validationError, validationErrors.count == errors.count - 1 {
            validationErrors.append(validationError())
        }
        while iterations.count > Self.capacity { thin() }
    }

    private mutating func thin() {
        stride *= 2
        let kept = iterations.indices.filter { iterations[$0] % stride == 0 }
        iterations = kept.map { iterations[$0] }
        errors = kept.map { errors[$0] }
        if !testErrors.isEmpty { testErrors = kept.map { testErrors[$0] } }
        if !validationErrors.isEmpty { validationErrors = kept.map { validationErrors[$0] } }
    }
}
