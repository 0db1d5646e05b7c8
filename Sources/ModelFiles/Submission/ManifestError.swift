/// Why a submission's manifest was not accepted: one line that names the file, says what
/// was found and what to write instead.
public struct ManifestError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The manifest, as the caller named it (usually `team/manifest.yml`).
    public var file: String
    /// What was found.
    public var reason: Reason

    /// An error about `file`.
    public init(file: String, reason: Reason) {
        self.file = file
        self.reason = reason
    }

    /// What was found, with what the message needs to say.
    public enum Reason: Equatable, Sendable {
        /// Not valid YAML or JSON; `detail` is the parser's one-line reason (with the line
        /// for YAML).
        case syntax(detail: String)
        /// Not UTF-8 text.
        case notText
        /// The top level is not a mapping of keys to values; `found` names what it is.
        case notAMapping(found: String)
        /// A key this reader does not know; `suggestion` is the known key it most resembles.
        case unknownKey(key: String, line: Int?, suggestion: String?)
        /// A key given twice.
        case duplicateKey(key: String, line: Int?)
        /// A value of the wrong type or shape: `key` (a path such as `standardization.mean`),
        /// what was `expected`, what was `found`.
        case wrongType(key: String, line: Int?, expected: String, found: String)
        /// A value that is empty, too long, or holds a line break; `detail` says which.
        case badText(key: String, line: Int?, detail: String)
        /// A `features` entry that is none of the 28 HIGGS names.
        case unknownFeature(name: String, line: Int?, suggestion: String?)
        /// A feature listed twice.
        case duplicateFeature(name: String, line: Int?)
        /// `features` is an empty list.
        case noFeatures
        /// `standardization.mean` or `.scale` does not have one value per feature read.
        case standardizationLength(key: String, expected: Int, found: Int)
        /// A standardization value that is not finite, or a scale of zero; `index` is 0-based.
        case badStandardization(key: String, index: Int, value: String)
        /// `model` is not a plain relative path inside the submission folder.
        case unsafeModelPath(path: String)
        /// Over a size limit (file bytes, values, members).
        case tooLarge(detail: String)
        /// The file could not be read at all.
        case unreadable(detail: String)
    }

    /// The one-line message.
    public var description: String {
        let name = "'\(file)'"
        func at(_ line: Int?) -> String { line.map { " (line \($0))" } ?? "" }
        func didYouMean(_ suggestion: String?) -> String { suggestion.map { "did you mean '\($0)'? " } ?? "" }
        switch reason {
        case let .syntax(detail):
            if file.lowercased().hasSuffix(".json") {
                return "\(name) is not valid JSON: \(detail); fix the syntax, or write the manifest as "
                    + "manifest.yml (YAML: 'key: value' per line)"
            }
            return "\(name) is not valid YAML: \(detail); fix the syntax ('key: value' per line, lists "
                + "as '- item' or '[a, b]')"
        case .notText:
            return "\(name) is not UTF-8 text: save it as UTF-8"
        case let .notAMapping(found):
            return "\(name) holds \(found) at the top level, not a mapping: write one 'key: value' per "
                + "line (keys: \(SubmissionManifest.knownKeys.joined(separator: ", ")))"
        case let .unknownKey(key, line, suggestion):
            let known = key.hasPrefix("standardization.") ? ["mean", "scale"] : SubmissionManifest.knownKeys
            return "\(name) has unknown key \(key.quotedForMessage())\(at(line)): \(didYouMean(suggestion))"
                + "known keys are \(known.joined(separator: ", "))"
        case let .duplicateKey(key, line):
            return "\(name) gives key \(key.quotedForMessage()) twice\(at(line)): keep one"
        case let .wrongType(key, line, expected, found):
            return "\(name): '\(key)'\(at(line)) should be \(expected) but is \(found)"
        case let .badText(key, line, detail):
            return "\(name): '\(key)'\(at(line)) \(detail)"
        case let .unknownFeature(feature, line, suggestion):
            return "\(name) lists feature \(feature.quotedForMessage())\(at(line)), which is not a HIGGS "
                + "feature: \(didYouMean(suggestion))use the data set's names, e.g. 'lepton pT', "
                + "'jet 1 b-tag', 'm_jj' (case, spaces, '_' and '-' do not matter)"
        case let .duplicateFeature(feature, line):
            return "\(name) lists feature \(feature.quotedForMessage()) twice\(at(line)): list each "
                + "feature once, in the order the model reads them"
        case .noFeatures:
            return "\(name) has an empty 'features' list: list the features the model reads in order, "
                + "or leave 'features' out if it reads all 28"
        case let .standardizationLength(key, expected, found):
            return "\(name): '\(key)' has \(found) values but the model reads \(expected) features: "
                + "give one value per feature, in the order of 'features'"
        case let .badStandardization(key, index, value):
            return "\(name): '\(key)' value \(index + 1) is \(value): means must be finite and scales "
                + "finite and non-zero (scale is the standard deviation the features are divided by)"
        case let .unsafeModelPath(path):
            return "\(name) names model \(path.quotedForMessage()), which is not a file inside the "
                + "submission folder: give the model's file name, e.g. 'model: model.h5'"
        case let .tooLarge(detail):
            return "\(name) is too large: \(detail)"
        case let .unreadable(detail):
            return "\(name) could not be read: \(detail)"
        }
    }
}
