/// The one-line messages of every `SubmissionError`, in one place: each names the subject,
/// says what was found and what to submit instead.
extension SubmissionError {
    /// The one-line message.
    public var description: String {
        let name = "'\(subject)'"
        switch reason {
        case let .file(problem, limit): return Self.message(name, problem, limit: limit)
        case let .folder(reason): return Self.message(name, reason)
        case let .manifest(reason): return Self.message(name, reason, isJSON: subject.lowercased().hasSuffix(".json"))
        case let .predictions(reason): return Self.message(name, reason)
        case let .history(reason): return Self.message(name, reason)
        case let .deliverable(reason): return Self.message(name, reason)
        }
    }

    private static func message(_ name: String, _ problem: FileReason, limit: Limit) -> String {
        let text = "\(name) \(problem.phrase)"
        switch problem {
        case .tooLarge: return text + " (\(limit.settingName))"
        case .changed: return text + ": it was not scored; run score again once it is complete"
        case .symbolicLink: return text + ": links are never followed in submissions; submit the file itself"
        case .notRegular: return text + ": submit the file itself"
        case .hardLinked: return text + "; submit a copy of the file (cp, not ln)"
        default: return text
        }
    }

    private static func message(_ name: String, _ reason: FolderReason) -> String {
        func list(_ names: [String]) -> String {
            names.isEmpty
                ? "nothing"
                : names.prefix(12).map { $0.quotedForMessage(limit: 50) }.joined(separator: ", ")
                    + (names.count > 12 ? " and \(names.count - 12) more" : "")
        }
        switch reason {
        case let .noModel(found):
            return "\(name) has no model file (found \(list(found))): add the model (.h5, .keras, .onnx, "
                + "or a predictions .csv with id,score)"
        case let .severalModels(candidates):
            return "\(name) has several files that could be the model (\(list(candidates))): keep one, or "
                + "name it in manifest.yml ('model: file-name')"
        case let .namedModelMissing(model, found):
            return "\(name): manifest names model \(model.quotedForMessage()), which is not in the folder "
                + "(found \(list(found))): fix 'model:' in the manifest or add the file"
        case let .severalManifests(names):
            return "\(name) has several manifests (\(list(names))): keep one"
        case let .unsupportedManifest(file):
            return "\(name): \(file.quotedForMessage()) is not read as a manifest: name it manifest.yml "
                + "(YAML) or manifest.json"
        case let .severalHistories(names):
            return "\(name) has several training histories (\(list(names))): keep the one of the run that "
                + "made the model"
        case .submissionIsLink:
            return "\(name) is a symbolic link: links are never followed in submissions; submit a real "
                + "folder (or the file itself)"
        case let .file(file, problem):
            return "\(name): \(file.quotedForMessage()) \(problem.phrase): " + problem.remedy
        case let .manifestNamesNonModel(manifest, model, kind):
            return "\(name): \(manifest) names \(model.quotedForMessage()) as the model, which is \(kind); name the "
                + "model file (.h5, .keras, .onnx, or a predictions .csv with id,score)"
        case let .unreadable(file, detail):
            return "\(name): \(file.quotedForMessage()) could not be read: \(detail)"
        case let .readmeTooLarge(file, bytes, limit):
            return "\(name): \(file.quotedForMessage()) is \(bytes) bytes, more than the \(limit) a README "
                + "may have (\(Limit.maxReadmeBytes.settingName)): shorten it (link to images rather than embedding them)"
        case let .readmeNotText(file):
            return "\(name): \(file.quotedForMessage()) is not UTF-8 text: save it as UTF-8 Markdown"
        case let .notAModel(file, kind):
            return "\(name): \(file.quotedForMessage()) is \(kind), not a model: submit it in a folder "
                + "with the model"
        case let .tooManyFiles(count, limit):
            return "\(name) holds \(count) entries, more than the \(limit) a submission may have "
                + "(\(Limit.maxFolderEntries.settingName)): submit "
                + "the model, and optionally a manifest, README and training history"
        case let .namesAFolder(folder):
            return "\(name) is named like the team folder \((folder + "/").quotedForMessage()) beside it, so it would be a version "
                + "of that team: a team's files go inside its folder; another team names its file or folder otherwise"
        }
    }

    private static func message(_ name: String, _ reason: ManifestReason, isJSON: Bool) -> String {
        func at(_ line: Int?) -> String { line.map { " (line \($0))" } ?? "" }
        func didYouMean(_ suggestion: String?) -> String { suggestion.map { "did you mean '\($0)'? " } ?? "" }
        switch reason {
        case let .syntax(detail):
            if isJSON {
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

    private static func message(_ name: String, _ reason: PredictionsReason) -> String {
        let format = "a predictions file is a header line 'id,score' then one 'id,score' line per hidden-test row"
        switch reason {
        case .empty:
            return "\(name) is empty: \(format)"
        case let .header(found):
            return "\(name) starts with \(found.quotedForMessage()), not the header 'id,score': \(format) "
                + "(in pandas: df.to_csv(path, index=False) with columns id and score)"
        case let .columnCount(line, found):
            return "\(name) line \(line) has \(found) field\(found == 1 ? "" : "s"), not 2: \(format)"
        case let .badId(line, text):
            return "\(name) line \(line): id \(text.quotedForMessage(limit: 30)) is not a whole number ≥ 0: "
                + "ids are the 0-based row numbers of the hidden test set, written as integers"
        case let .idOutOfRange(line, id, expectedRows):
            return "\(name) line \(line): id \(id) is outside 0…\(expectedRows - 1): the hidden test set has "
                + "\(expectedRows) rows, numbered from 0"
        case let .duplicateId(line, id, firstLine):
            return "\(name) line \(line): id \(id) appears again (first on line \(firstLine)): give one score per id"
        case let .notANumber(line, text):
            return "\(name) line \(line): score \(text.quotedForMessage(limit: 30)) is not a number: write "
                + "scores as decimal numbers, e.g. 0.8731"
        case let .nonFiniteScore(line, text):
            return "\(name) line \(line): score \(text.quotedForMessage(limit: 30)) is not finite: every row "
                + "needs a finite score (check the model for NaN outputs)"
        case let .scoreOutOfRange(line, text):
            return "\(name) line \(line): score \(text.quotedForMessage(limit: 30)) is outside 0…1: every score is "
                + "the probability of signal, from 0 to 1 (apply a sigmoid to raw outputs)"
        case let .missingIds(count, first, expectedRows):
            return "\(name) has no score for \(count) of the \(expectedRows) ids (the first is id \(first)): "
                + "give one score for every hidden-test row, ids 0…\(expectedRows - 1)"
        case let .tooLarge(bytes, limit):
            return "\(name) is \(bytes) bytes, more than the \(limit) a predictions file for this test set may "
                + "have (\(Limit.maxPredictionsBytesPerRow.settingName), per row): write only the id and score columns"
        case let .unreadable(detail):
            return "\(name) could not be read: \(detail)"
        }
    }

    private static func message(_ name: String, _ reason: HistoryReason) -> String {
        let expected = "write it with keras.callbacks.CSVLogger('history.csv') or json.dump(history.history, f)"
        switch reason {
        case .notText:
            return "\(name) is not UTF-8 text: \(expected)"
        case let .syntax(place):
            return "\(name) is not valid JSON" + (place.map { " (\($0))" } ?? "") + ": \(expected)"
        case let .notAnObjectOfArrays(found):
            return "\(name) holds \(found), not an object of per-epoch arrays: \(expected)"
        case .noEpochs:
            return "\(name) has no epochs: a CSV history needs a header line and one row per epoch; \(expected)"
        case let .noKnownSeries(count):
            return "\(name) has none of loss, accuracy, val_loss, val_accuracy (found \(count) other column"
                + (count == 1 ? "" : "s") + "): compile the model "
                + "with metrics=['accuracy'] and \(expected)"
        case let .duplicateSeries(first, second):
            return "\(name) has both '\(first)' and '\(second)', which mean the same series: keep one"
        case let .columnCount(line, expected, found):
            return "\(name) line \(line) has \(found) fields where the header has \(expected): every row needs "
                + "one value per column"
        case let .lengthMismatch(key, expected, found):
            return "\(name): '\(key)' has \(found) values where the other series have \(expected): every "
                + "series needs one value per epoch"
        case let .notANumber(column, line, index):
            let place = line.map { "line \($0)" } ?? "value \(index + 1)"
            return "\(name) \(place): '\(column)' is not a number "
                + "(nan, inf and NA are read as missing points)"
        case let .accuracyOutOfRange(column, index):
            return "\(name): '\(column)' at epoch \(index + 1) is outside 0…1: log accuracy as a "
                + "fraction, as Keras does"
        case let .badEpoch(line, index):
            let place = line.map { "line \($0)" } ?? "value \(index + 1)"
            return "\(name) \(place): the epoch is not a whole number ≥ 0"
        case let .tooManyEpochs(limit):
            return
                "\(name) has more than \(limit) epochs (\(Limit.maxHistoryEpochs.settingName)): submit the history of the run that "
                + "made the model"
        case let .tooLarge(bytes, limit):
            return "\(name) is \(bytes) bytes, more than the \(limit) a training history may have "
                + "(\(Limit.maxHistoryBytes.settingName)): submit "
                + "the history of the run that made the model"
        case let .unreadable(detail):
            return "\(name) could not be read: \(detail)"
        }
    }
}

extension SubmissionError.FileReason {
    /// What the file is or what happened to it, after its name: "is a symbolic link".
    var phrase: String {
        switch self {
        case .symbolicLink: "is a symbolic link (or is reached through one)"
        case .outside: "is not inside the submission folder"
        case .notRegular(.folder): "is a folder, not a file"
        case .notRegular: "is not a regular file (a pipe, device or socket)"
        case let .hardLinked(names): "has \(names) names (hard links), so it may be a file from outside the folder"
        case .notFolder: "is a file, not a folder"
        case .missing: "does not exist"
        case let .tooLarge(bytes, limit): "is too large: \(bytes) bytes, over the limit of \(limit) bytes"
        case .changed: "changed while it was being read (an upload in progress?)"
        case let .unreadable(detail): "could not be read: \(detail)"
        }
    }

    /// What to do about a file in a submission folder that cannot be used.
    var remedy: String {
        switch self {
        case .symbolicLink: "links are not followed; put the file itself in the folder"
        case .hardLinked: "put a copy of the file in the folder (cp, not ln)"
        case .notRegular(.folder), .notFolder, .outside, .missing: "name a file inside the submission folder"
        case .notRegular: "remove it"
        case .tooLarge: "submit a smaller file"
        case .changed: "run score again once it is complete"
        case .unreadable: "make it readable"
        }
    }

    /// Why a manifest, history or predictions file could not be read, for its `unreadable`
    /// reason (its size over the limit has a reason of its own).
    var unreadableDetail: String {
        switch self {
        case .symbolicLink: "it is a symbolic link"
        case .notRegular(.folder): "it is a folder"
        case .notRegular, .notFolder: "it is not a regular file (a pipe, device or socket)"
        case .hardLinked: "it is a hard link to another name"
        case .missing: "no such file"
        case let .unreadable(detail): detail
        case .outside, .changed, .tooLarge: String(phrase.trimmingPrefix("is "))
        }
    }
}
