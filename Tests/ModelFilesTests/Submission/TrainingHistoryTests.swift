import Foundation
import ModelFiles
import Results
import Testing

@Suite("Training history")
struct TrainingHistoryTests {
    /// What Keras 3 logged for the fixture run (make_history_fixtures.py), from its JSON dump.
    private let kerasLoss = [0.8452239036560059, 0.8276645541191101, 0.811993420124054]
    private let kerasAccuracy = [0.4583333432674408, 0.4635416567325592, 0.484375]
    private let kerasValLoss = [0.9376132488250732, 0.9239886403083801, 0.9108412861824036]
    private let kerasValAccuracy = [0.34375, 0.359375, 0.359375]

    @Test(
        "CSVLogger and history.history JSON agree",
        arguments: [
            ("keras3_csvlogger.csv", TrainingHistory.Source.csv), ("keras3_history.json", .json),
        ])
    func keras3(name: String, source: TrainingHistory.Source) throws {
        let history = try TrainingHistory.read(from: SubmissionFixtures.url(name))
        #expect(history.source == source)
        #expect(history.epochs == [0, 1, 2])
        #expect(history.epochCount == 3)
        // Both files hold Python's repr of the same doubles, so they read back exactly.
        #expect(history.loss == kerasLoss)
        #expect(history.accuracy == kerasAccuracy)
        #expect(history.validationLoss == kerasValLoss)
        #expect(history.validationAccuracy == kerasValAccuracy)
    }

    @Test("Keras 2's acc and val_acc are accuracy")
    func keras2() throws {
        let history = try TrainingHistory.read(from: SubmissionFixtures.url("keras2_acc.csv"))
        #expect(history.accuracy == [0.61, 0.68])
        #expect(history.validationAccuracy == [0.64, 0.67])
        #expect(history.loss == [0.66, 0.60])
    }

    @Test("nan, inf, NA missing; other columns ignored")
    func divergedCSV() throws {
        let history = try TrainingHistory.read(from: SubmissionFixtures.url("diverged.csv"))
        #expect(history.loss == [0.70, nil, nil])
        #expect(history.accuracy == [0.52, 0.50, nil])
        #expect(history.validationLoss == [0.69, nil, nil])
        #expect(history.validationAccuracy == [0.55, 0.50, 0.50])
    }

    @Test("Python's NaN and Infinity in JSON are missing")
    func pythonNaN() throws {
        let history = try TrainingHistory.read(from: SubmissionFixtures.url("python_nan.json"))
        #expect(history.loss == [0.69, nil, 0.5])
        #expect(history.accuracy == [0.5, 0.55, nil])
        #expect(history.validationLoss == nil)
    }

    @Test("pandas' to_json() object of objects, ordered by row number")
    func pandas() throws {
        let history = try TrainingHistory.read(from: SubmissionFixtures.url("pandas_history.json"))
        #expect(history.loss == [0.69, 0.61, 0.58])
        #expect(history.validationLoss == [0.7, 0.66, 0.64])
        #expect(history.accuracy == nil)
    }

    @Test("a CSVLogger with separator=';' and no epoch column")
    func semicolon() throws {
        let history = try TrainingHistory.read(from: SubmissionFixtures.url("semicolon_log.csv"))
        #expect(history.epochs == [0, 1])
        #expect(history.loss == [0.7, 0.6])
    }

    @Test("epoch key and column order do not matter")
    func epochsAndOrder() throws {
        let json = try TrainingHistory(parsing: .text(#"{"epoch": [5, 6], "val_loss": [0.5, 0.4]}"#), fileName: "h.json")
        #expect(json.epochs == [5, 6])
        let csv = try TrainingHistory(parsing: .text("val_loss,epoch\n0.5,5\n0.4,6\n"), fileName: "h.csv")
        #expect(csv == TrainingHistory(source: .csv, epochs: [5, 6], validationLoss: [0.5, 0.4]))
    }

    @Test(
        "file names taken as a training history",
        arguments: [
            ("history.json", true), ("History.CSV", true), ("training.log", true), ("training_log.csv", true),
            ("keras-log.csv", true), ("predictions.csv", false), ("log.txt", false), ("history.txt", false),
        ])
    func fileNames(name: String, isHistory: Bool) {
        #expect(TrainingHistory.isHistoryFileName(name) == isHistory)
    }

    @Test(
        "invalid histories refused, naming the place",
        arguments: [
            ("", SubmissionError.HistoryReason.noEpochs, "no epochs"),
            ("epoch,loss\n", .noEpochs, "no epochs"),
            ("epoch,lr\n0,0.1\n", .noKnownSeries(columnCount: 2), "found 2 other columns"),
            ("epoch,acc,accuracy\n0,0.5,0.5\n", .duplicateSeries(first: "acc", second: "accuracy"), "same series"),
            ("epoch,loss\n0,0.5\n1,0.4,9\n", .columnCount(line: 3, expected: 2, found: 3), "line 3"),
            ("epoch,loss\n0,0.5\n1,abc\n", .notANumber(column: "loss", line: 3, index: 1), "line 3"),
            ("epoch,accuracy\n0,87.5\n", .accuracyOutOfRange(column: "accuracy", index: 0), "fraction"),
            ("epoch,loss\n0.5,0.5\n", .badEpoch(line: 2, index: 0), "whole number"),
            ("{\"loss\": [0.5, 0.4], \"val_loss\": [0.5]}", .lengthMismatch(key: "loss", expected: 1, found: 2), "one value per epoch"),
            ("{\"loss\": 0.5}", .notAnObjectOfArrays(found: "a key holding a number"), "per-epoch arrays"),
            ("{\"loss\": [0.5, [1]]}", .notANumber(column: "loss", line: nil, index: 1), "value 2"),
            ("{\"loss\": [0.5, true]}", .notANumber(column: "loss", line: nil, index: 1), "not a number"),
            ("{\"loss\": {\"a\": 1}}", .notAnObjectOfArrays(found: "an object keyed by something other than row numbers"), "keyed by"),
            ("{\"loss\": []}", .noEpochs, "no epochs"),
            ("{\"acc\": [0.5]", .syntax(place: nil), "not valid JSON"),
        ])
    func invalid(text: String, reason: SubmissionError.HistoryReason, phrase: String) throws {
        let error = try #require(throws: SubmissionError.self) {
            try TrainingHistory(parsing: .text(text), fileName: "team/history.csv")
        }
        if case .syntax = reason {
            guard case .history(.syntax) = error.reason else { Issue.record("expected syntax, got \(error.reason)"); return }
        } else {
            #expect(error.reason == .history(reason))
        }
        #expect(error.description.hasPrefix("'team/history.csv'"))
        #expect(error.description.contains(phrase), "\(error.description)")
        #expect(!error.description.contains("\n"))
    }

    /// A history is not the model or the manifest: whatever it holds, its error quotes none of
    /// it (a value, a column name, a key, a stray byte), so no secret reaches a recorded failure.
    @Test(
        "an invalid history's error never quotes the file",
        arguments: [
            "epoch,loss\n0,SECRET-TOKEN\n", "epoch,SECRET-TOKEN\n0,1\n", "epoch,loss\nSECRET-TOKEN,1\n",
            "epoch,accuracy\n0,1234567\n", "{\"SECRET-TOKEN\": 1}", "{\"loss\": {\"SECRET-TOKEN\": 1}}",
            "{\"loss\": [SECRET-TOKEN]}", "{\"loss\": [\"SECRET-TOKEN\"]}", "{\"loss\": [1, 2], \"SECRET-TOKEN\": 3}",
            "epoch;loss;SECRET-TOKEN\n0;1\n", "{SECRET-TOKEN",
        ])
    func errorsQuoteNothing(text: String) throws {
        let error = try #require(throws: SubmissionError.self) {
            try TrainingHistory(parsing: .text(text), fileName: "team/history.csv")
        }
        #expect(!error.description.contains("SECRET"), "\(error.description)")
        #expect(!error.description.contains("1234567"), "\(error.description)")
    }

    @Test("limits: bytes and epochs, in CSV and JSON")
    func limits() throws {
        let limits = SubmissionLimits(maxHistoryBytes: 1_000, maxHistoryEpochs: 3)
        let rows = "loss\n" + String(repeating: "0.5\n", count: 4)
        let csv = try #require(throws: SubmissionError.self) {
            try TrainingHistory(parsing: .text(rows), fileName: "h.csv", limits: limits)
        }
        #expect(csv.reason == .history(.tooManyEpochs(limit: 3)))
        let json = try #require(throws: SubmissionError.self) {
            try TrainingHistory(parsing: .text("{\"loss\": [1, 2, 3, 4]}"), fileName: "h.json", limits: limits)
        }
        #expect(json.reason == .history(.tooManyEpochs(limit: 3)))
        let big = Data(repeating: 0x20, count: 1_001)
        let size = try #require(throws: SubmissionError.self) {
            try TrainingHistory(parsing: big, fileName: "h.csv", limits: limits)
        }
        #expect(size.reason == .history(.tooLarge(bytes: 1_001, limit: 1_000)))
        let file = try #require(throws: SubmissionError.self) {
            try TrainingHistory.read(from: SubmissionFixtures.url("keras3_csvlogger.csv"), limits: SubmissionLimits(maxHistoryBytes: 100))
        }
        #expect(file.description.contains("more than the 100"))
    }

    @Test("not UTF-8, and a missing file")
    func unreadable() throws {
        let binary = try #require(throws: SubmissionError.self) {
            try TrainingHistory(parsing: Data([0x80, 0x04, 0x95]), fileName: "history.json")
        }
        #expect(binary.reason == .history(.notText))
        let missing = try #require(throws: SubmissionError.self) {
            try TrainingHistory.read(from: SubmissionFixtures.folder.appendingPathComponent("missing.csv"))
        }
        #expect(missing.description.contains("could not be read"))
    }
}
