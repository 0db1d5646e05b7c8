/// How a data set's rows are divided, as a configuration states it.
public struct SplitSettings: Codable, Sendable, Equatable {
    /// Hidden test rows at the end of the file; `nil` means `DataSplit.defaultTestRows`.
    public var testRows: Int?
    /// Fraction of the training rows, taken from their end, kept for validation.
    public var validationFraction: Double
    /// Fraction of the hidden test rows in the public part (the rest is private).
    public var publicFraction: Double
    /// Seed of the public/private assignment.
    public var seed: UInt64

    /// The defaults: automatic test size, 10% validation, 30% public, seed 2014.
    public init(
        testRows: Int? = nil, validationFraction: Double = 0.1, publicFraction: Double = 0.3,
        seed: UInt64 = 2014
    ) {
        self.testRows = testRows
        self.validationFraction = validationFraction
        self.publicFraction = publicFraction
        self.seed = seed
    }
}

/// The fixed division of a data set's rows: training, validation (the end of the training
/// rows, as Keras' `validation_split` takes it) and the hidden test rows (the end of the file),
/// which are further divided into a public and a private part.
///
/// Everything is a function of the row count and the settings: the same on every run and
/// every machine.
public struct DataSplit: Sendable, Equatable {
    /// Rows the baselines train on.
    public let training: Range<Int>
    /// Rows the baselines validate on, and that `check` scores participants on.
    public let validation: Range<Int>
    /// The hidden test rows.
    public let test: Range<Int>
    /// The settings used.
    public let settings: SplitSettings

    /// The hidden test size when none is configured: the last 1/15 of the rows, at most
    /// 500,000. That gives the canonical splits exactly: 500,000 of HIGGS's 11,000,000 rows
    /// and 500 of the sample's 7,500.
    static func defaultTestRows(forRowCount rows: Int) -> Int {
        min(500_000, rows / 15)
    }

    /// The split of `rowCount` rows.
    ///
    /// - Throws: `DataError.Reason.badSplit` when the settings leave no training, validation
    ///   or test rows, or a fraction is outside 0…1.
    public init(rowCount: Int, settings: SplitSettings = SplitSettings(), path: String = "data") throws(DataError) {
        let testRows = settings.testRows ?? Self.defaultTestRows(forRowCount: rowCount)
        guard testRows > 0, testRows < rowCount else {
            throw DataError(
                path: path,
                reason: .badSplit(
                    "the hidden test split needs between 1 and \(rowCount - 1) rows, the settings ask for \(testRows); change "
                        + "split.test_rows"
                ))
        }
        guard (0..<1).contains(settings.validationFraction), settings.publicFraction > 0,
            settings.publicFraction < 1
        else {
            throw DataError(
                path: path,
                reason: .badSplit(
                    "split.validation_fraction must be in [0, 1) and split.public_fraction in (0, 1)"))
        }
        let trainingEnd = rowCount - testRows
        let validationRows = Int((Double(trainingEnd) * settings.validationFraction).rounded())
        guard trainingEnd - validationRows > 0 else {
            throw DataError(path: path, reason: .badSplit("no training rows are left; lower split.validation_fraction"))
        }
        training = 0..<(trainingEnd - validationRows)
        validation = (trainingEnd - validationRows)..<trainingEnd
        test = trainingEnd..<rowCount
        self.settings = settings
    }

    /// Whether hidden-test row `index` (0-based within the test rows) is in the public part.
    ///
    /// Rows are assigned by a hash of their index and the seed, so the public part is spread
    /// over the whole test range and does not change when the fraction's other rows change.
    public func isPublic(testIndex index: Int) -> Bool {
        let h = SplitMix64.hash(UInt64(index) &+ settings.seed &* 0x9E37_79B9_7F4A_7C15)
        return Double(h >> 11) * 0x1.0p-53 < settings.publicFraction
    }

    /// Indices (0-based within the test rows) of the public part, ascending.
    public var publicTestIndices: [Int] { (0..<test.count).filter { isPublic(testIndex: $0) } }

    /// Indices (0-based within the test rows) of the private part, ascending.
    public var privateTestIndices: [Int] { (0..<test.count).filter { !isPublic(testIndex: $0) } }
}

/// SplitMix64: a small, fast, well-mixed generator and hash (Steele, Lea and Flood, 2014),
/// the same on every platform.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// A generator starting from `seed`.
    public init(seed: UInt64) { state = seed }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return Self.mix(state)
    }

    /// A well-mixed hash of `value`.
    public static func hash(_ value: UInt64) -> UInt64 { mix(value &+ 0x9E37_79B9_7F4A_7C15) }

    private static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
