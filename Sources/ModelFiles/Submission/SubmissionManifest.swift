import Foundation
import HiggsSchema

/// What a submission's manifest (`manifest.yml`, `manifest.yaml` or `manifest.json`) says
/// about the entry: who made it, which file is the model, which features it reads and the
/// standardization it expects.
///
/// Every key is optional; an unknown key is an error that names it, so that a typo
/// (`featurs:`) cannot silently change what is scored. Example:
///
/// ```yaml
/// team: Muon Hunters
/// members: [Ada, Grace]
/// title: Deep net on the 7 masses
/// model: net.h5
/// output: probabilities        # ONNX only: the graph output that is P(signal)
/// final: true                   # select this version for the final ranking
/// features: [m_jj, m_jjj, m_lv, m_jlv, m_bb, m_wbb, m_wwbb]
/// standardization:
///   mean:  [1.03, 1.02, 1.05, 1.01, 0.97, 1.03, 0.96]
///   scale: [0.67, 0.38, 0.16, 0.40, 0.53, 0.36, 0.31]
/// ```
public struct SubmissionManifest: Sendable, Equatable {
    /// The mean subtracted from, and the scale each feature is divided by, before the model
    /// sees it: `(x - mean[i]) / scale[i]`, one value per feature the model reads, in order.
    public struct Standardization: Sendable, Equatable {
        /// Subtracted from each feature; finite.
        public let mean: [Double]
        /// Each feature is divided by this after subtracting the mean; finite and non-zero.
        public let scale: [Double]

        /// A standardization; `mean` and `scale` must have equal lengths, scales be finite
        /// and non-zero (a programmer error otherwise: manifests are checked when parsed).
        public init(mean: [Double], scale: [Double]) {
            precondition(mean.count == scale.count, "mean and scale differ in length")
            precondition(mean.allSatisfy(\.isFinite), "a mean is not finite")
            precondition(scale.allSatisfy { $0.isFinite && $0 != 0 }, "a scale is zero or not finite")
            self.mean = mean
            self.scale = scale
        }
    }

    /// The file names a manifest may have, in order of preference.
    public static let fileNames = ["manifest.yml", "manifest.yaml", "manifest.json"]

    /// The top-level keys a manifest may have.
    static let knownKeys = ["team", "members", "title", "model", "features", "standardization", "output", "final"]

    /// The team's display name; `nil` when not given (the folder name is used then).
    public let team: String?
    /// The team members' names, as given; empty when not given.
    public let members: [String]
    /// The entry's title; `nil` when not given (the model's file name is used then).
    public let title: String?
    /// The model's path relative to the submission folder (checked to stay inside it: no
    /// `..`, not absolute); `nil` when not given.
    public let model: String?
    /// The 0-based indices (into the 28 HIGGS features) the model reads, in order; `nil`
    /// when the model reads all 28 in the data set's order.
    private let selectedFeatures: [Int]?
    /// The standardization the model expects; `nil` when the features are given as they are.
    public let standardization: Standardization?
    /// The ONNX graph output that is the signal probability; `nil` to find it from the graph.
    public let output: String?
    /// Whether the team selects this version for the final ranking (`final: true`; up to
    /// `rules.final_selections` of its versions count, the latest ones).
    public let isFinalSelection: Bool

    /// Creates a manifest. `featureIndices` are 0-based indices into the 28 HIGGS features,
    /// each at most once (`nil` for all 28); `standardization`, if any, has one value per
    /// feature read. Violations are programmer errors; data is checked by `init(parsing:…)`.
    public init(
        team: String? = nil, members: [String] = [], title: String? = nil, model: String? = nil,
        featureIndices: [Int]? = nil, standardization: Standardization? = nil, output: String? = nil,
        isFinalSelection: Bool = false
    ) {
        if let featureIndices {
            precondition(
                !featureIndices.isEmpty && featureIndices.allSatisfy { (0..<28).contains($0) },
                "feature indices must be in 0..<28")
            precondition(Set(featureIndices).count == featureIndices.count, "a feature is listed twice")
        }
        precondition(
            standardization.map { $0.mean.count == (featureIndices?.count ?? 28) } ?? true,
            "standardization length differs from the feature count")
        self.team = team
        self.members = members
        self.title = title
        self.model = model
        self.selectedFeatures = featureIndices
        self.standardization = standardization
        self.output = output
        self.isFinalSelection = isFinalSelection
    }

    /// The names of the features the model reads, in order, spelled as the data set spells
    /// them (`"jet 1 pT"`); `nil` when it reads all 28.
    public var features: [String]? {
        selectedFeatures?.map { FeatureSchema.names[$0] }
    }

    /// The 0-based indices into the 28 HIGGS features of the features the model reads, in
    /// order: `0..<28` when the manifest does not name features.
    public var featureIndices: [Int] {
        selectedFeatures ?? Array(0..<FeatureSchema.featureCount)
    }

    /// How many features the model reads.
    public var featureCount: Int { featureIndices.count }

    /// Reads and checks the manifest at `url` (YAML unless its name ends in `.json`).
    ///
    /// - Parameters:
    ///   - url: The manifest file.
    ///   - displayName: How messages name the file; the last path component by default.
    ///   - limits: Size limits; `maxManifestBytes` bounds the file.
    /// - Throws: `SubmissionError` for an unreadable, oversized or invalid manifest.
    public static func read(
        from url: URL, displayName: String? = nil, limits: SubmissionLimits = SubmissionLimits()
    ) throws(SubmissionError) -> SubmissionManifest {
        try read(named: displayName ?? url.lastPathComponent, fileName: url.lastPathComponent, limits: limits) {
            () throws(SubmissionError.FileReason) in
            try SubmissionRoot.file(at: url).contents(maxBytes: limits.maxManifestBytes)
        }
    }

    /// Reads and checks the manifest `file` beneath `root`, named `displayName` in messages.
    static func read(
        _ file: String, in root: SubmissionRoot, displayName: String, limits: SubmissionLimits
    ) throws(SubmissionError) -> SubmissionManifest {
        try read(named: displayName, fileName: file, limits: limits) { () throws(SubmissionError.FileReason) in
            try root.file(file).contents(maxBytes: limits.maxManifestBytes)
        }
    }

    private static func read(
        named name: String, fileName: String, limits: SubmissionLimits,
        _ load: () throws(SubmissionError.FileReason) -> Data
    ) throws(SubmissionError) -> SubmissionManifest {
        let data = try SubmissionError.reading(
            name, load,
            tooLarge: { .manifest(.tooLarge(detail: "\($0) bytes, over \(Limit.maxManifestBytes.phrase(limits.maxManifestBytes))")) },
            unreadable: { .manifest(.unreadable(detail: $0)) })
        return try SubmissionManifest(
            parsing: data, fileName: name, isJSON: fileName.lowercased().hasSuffix(".json"), limits: limits)
    }

    /// Parses and checks a manifest's bytes.
    ///
    /// - Parameters:
    ///   - data: The file's contents (UTF-8; a byte-order mark is skipped).
    ///   - fileName: How messages name the file.
    ///   - isJSON: Parse as JSON rather than YAML.
    ///   - limits: Bounds on size, values and text lengths.
    /// - Throws: `SubmissionError` naming the key (and the line, for YAML) that is wrong.
    public init(
        parsing data: Data, fileName: String, isJSON: Bool = false, limits: SubmissionLimits = SubmissionLimits()
    ) throws(SubmissionError) {
        func fail(_ reason: SubmissionError.ManifestReason) -> SubmissionError {
            SubmissionError(subject: fileName, reason: .manifest(reason))
        }
        guard data.count <= limits.maxManifestBytes else {
            throw fail(.tooLarge(detail: "\(data.count) bytes, over \(Limit.maxManifestBytes.phrase(limits.maxManifestBytes))"))
        }
        var parser = ManifestDocumentParser(maxNodes: limits.maxManifestNodes)
        let root: ManifestNode?
        do {
            root = try parser.parse(data, isJSON: isJSON)
        } catch {
            switch error {
            case let .syntax(detail): throw fail(.syntax(detail: detail))
            case .notText: throw fail(.notText)
            case let .duplicateKey(key): throw fail(.duplicateKey(key: key, line: nil))
            case .tooManyNodes:
                throw fail(
                    .tooLarge(
                        detail:
                            "more values than \(Limit.maxManifestNodes.phrase(limits.maxManifestNodes)) (YAML aliases count each "
                            + "time they are used)"
                    ))
            }
        }
        guard let root else {
            self.init()
            return
        }
        guard case let .mapping(pairs) = root.value else {
            throw fail(.notAMapping(found: root.typeName))
        }
        let reader = ManifestFieldReader(fileName: fileName, limits: limits)
        var seen: Set<String> = []
        var team: String?, title: String?, model: String?, output: String?
        var isFinal = false
        var members: [String] = []
        var features: [Int]?
        var standardizationNode: (node: ManifestNode, line: Int?)?
        for (rawKey, keyLine, value) in pairs {
            let key = rawKey.lowercased()
            guard Self.knownKeys.contains(key) else {
                throw fail(.unknownKey(key: rawKey, line: keyLine, suggestion: closest(to: key, in: Self.knownKeys)))
            }
            guard seen.insert(key).inserted else { throw fail(.duplicateKey(key: rawKey, line: keyLine)) }
            switch key {
            case "team": team = try reader.text(value, key: key)
            case "title": title = try reader.text(value, key: key)
            case "members": members = try reader.members(value)
            case "model": model = try reader.modelPath(value)
            case "features": features = try reader.features(value)
            case "output": output = try reader.text(value, key: key)
            case "final": isFinal = try reader.flag(value, key: key)
            default: standardizationNode = (value, keyLine)
            }
        }
        var standardization: Standardization?
        if let (node, _) = standardizationNode {
            standardization = try reader.standardization(node, featureCount: features?.count ?? FeatureSchema.featureCount)
        }
        self.init(
            team: team, members: members, title: title, model: model,
            featureIndices: features, standardization: standardization, output: output, isFinalSelection: isFinal)
    }
}

/// The known string in `candidates` nearest to `word` by edit distance, if it is close
/// enough (at most 2 edits, or a third of its length) to be a likely typo.
func closest(to word: String, in candidates: [String]) -> String? {
    func distance(_ a: [Character], _ b: [Character]) -> Int {
        var previous = Array(0...b.count)
        for (i, ca) in a.enumerated() {
            var current = [i + 1] + Array(repeating: 0, count: b.count)
            for (j, cb) in b.enumerated() {
                current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, previous[j] + (ca == cb ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
    let target = Array(word.lowercased().prefix(100))
    let best = candidates.map { ($0, distance(target, Array($0.lowercased()))) }.min { $0.1 < $1.1 }
    guard let (candidate, d) = best, d > 0, d <= max(2, candidate.count / 3) else { return nil }
    return candidate
}
