import Foundation
import Results

/// The leaderboard page's template context.
struct LeaderboardContext {
    let board: LeaderboardView
    let dataset: DatasetRecord

    var dictionary: [String: Any] {
        let part = board.final ? "private" : "public"
        let rows: [[String: Any]] = board.rows.map { row in
            let e = row.entry.entry, shown = row.shown
            let eff = EfficiencyPoints(json: shown?.efficiencies)
            var d: [String: Any] = [
                "rank": row.rank, "id": e.id ?? 0, "team": e.team, "title": e.title, "format": e.format,
                "auc": SiteFormatting.fixed(row.auc), "aucLow": SiteFormatting.fixed(row.aucLow),
                "aucHigh": SiteFormatting.fixed(row.aucHigh), "accuracy": SiteFormatting.fixed(shown?.accuracy),
                "logLoss": SiteFormatting.fixed(shown?.logLoss),
                "signalEfficiency": SiteFormatting.fixed(eff.signalEfficiency(at: 0.1), 3),
                "rejection": SiteFormatting.rejection(eff.rejection(at: 0.5)),
                "submitted": SiteFormatting.day(e.submittedAt), "isBaseline": e.isBaseline,
            ]
            if let p = row.tiePValue {
                d["tiesAbove"] = true
                d["tiePValue"] = SiteFormatting.fixed(p, 2)
            }
            return d
        }
        let failures: [[String: Any]] = board.failed.map {
            ["id": $0.entry.id ?? 0, "team": $0.entry.team, "file": $0.entry.modelFile.isEmpty ? $0.entry.path : $0.entry.modelFile,
             "reason": $0.entry.failure ?? ""]
        }
        return [
            "heading": board.final ? "Final ranking" : "Leaderboard",
            "lede": "Ranked by ROC AUC on the \(part) part of the hidden test rows "
                + "(\(board.final ? dataset.testRows - dataset.publicTestRows : dataset.publicTestRows) of \(dataset.testRows) events), "
                + "with DeLong's 95% confidence interval.",
            "rows": rows, "failures": failures, "hasFailures": !failures.isEmpty,
            "plotBestScore": SitePlots.bestScore(board) ?? false,
            "tieNote": "≈ marks an entry whose AUC is statistically indistinguishable from the one above it "
                + "(paired DeLong test on the same rows, p > 0.05): its rank does not mean it is worse.",
        ]
    }
}

/// An entry page's template context: the view's figures only (the public rows' before the
/// final build).
struct EntryContext {
    let ranked: RankedEntry
    let showPrivate: Bool
    let plots: [String: String]

    let training: TrainingRunRecord?

    init(_ ranked: RankedEntry, showPrivate: Bool, plots: [String: String], training: TrainingRunRecord? = nil) {
        self.ranked = ranked
        self.showPrivate = showPrivate
        self.plots = plots
        self.training = training
    }

    /// The baseline's training: time, rows, the overtraining check and the feature ranking.
    var trainingDictionary: [String: Any]? {
        guard let t = training else { return nil }
        var d: [String: Any] = ["rows": t.trainingRows, "seconds": SiteFormatting.fixed(t.seconds, 1),
                                "model": t.model, "trainedAt": SiteFormatting.day(t.trainedAt)]
        if let s = t.ksSignal, let b = t.ksBackground {
            d["ksSignal"] = SiteFormatting.fixed(s, 3)
            d["ksBackground"] = SiteFormatting.fixed(b, 3)
        }
        if let json = t.featureRanking,
           let ranking = try? JSONDecoder().decode([String: Double].self, from: Data(json.utf8)) {
            let sorted = ranking.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            d["hasRanking"] = !sorted.isEmpty
            d["ranking"] = sorted.enumerated().map { i, pair in
                ["rank": i + 1, "feature": pair.key, "share": SiteFormatting.fixed(pair.value * 100, 1)] as [String: Any]
            }
        }
        return d
    }

    var dictionary: [String: Any] {
        let e = ranked.entry
        var d: [String: Any] = [
            "team": e.team, "title": e.title, "isBaseline": e.isBaseline, "modelFile": e.modelFile,
            "format": e.format, "fileBytes": e.fileBytes, "sha256": e.modelSHA256,
            "submitted": SiteFormatting.day(e.submittedAt),
        ]
        for (key, svg) in plots { d[key] = svg }
        if let training = trainingDictionary { d["training"] = training }
        if let failure = e.failure { d["failure"] = failure }
        if let members = try? JSONDecoder().decode([String].self, from: Data(e.members.utf8)), !members.isEmpty {
            d["members"] = members.joined(separator: ", ")
        }
        if let readme = e.readme, !readme.isEmpty { d["readme"] = Markdown.html(readme) }
        let layers = Self.layers(e.modelSummary)
        d["layers"] = layers
        d["hasLayers"] = !layers.isEmpty
        if let m = ranked.metrics {
            var metrics: [String: Any] = [
                "publicAUC": SiteFormatting.fixed(m.publicAUC), "publicAUCLow": SiteFormatting.fixed(m.publicAUCLow),
                "publicAUCHigh": SiteFormatting.fixed(m.publicAUCHigh), "showPrivate": showPrivate,
                "rows": showPrivate ? "all hidden test rows" : "the public part of the hidden test rows",
            ]
            if showPrivate {
                metrics["auc"] = SiteFormatting.fixed(m.auc)
                metrics["aucLow"] = SiteFormatting.fixed(m.aucLow)
                metrics["aucHigh"] = SiteFormatting.fixed(m.aucHigh)
                metrics["privateAUC"] = SiteFormatting.fixed(m.privateAUC)
                metrics["privateAUCLow"] = SiteFormatting.fixed(m.privateAUCLow)
                metrics["privateAUCHigh"] = SiteFormatting.fixed(m.privateAUCHigh)
            }
            if let shown = ShownFigures(ranked, final: showPrivate) {
                let eff = EfficiencyPoints(json: shown.efficiencies)
                metrics["shown"] = [
                    "rows": shown.rows,
                    "accuracy": SiteFormatting.fixed(shown.accuracy), "logLoss": SiteFormatting.fixed(shown.logLoss),
                    "trueNegatives": shown.trueNegatives, "falsePositives": shown.falsePositives,
                    "falseNegatives": shown.falseNegatives, "truePositives": shown.truePositives,
                    "signalEfficiencies": eff.signal.map { ["at": SiteFormatting.fixed($0.at, 2), "value": SiteFormatting.fixed($0.value, 3)] },
                    "rejections": eff.rejections.map { ["at": SiteFormatting.fixed($0.at, 2), "value": SiteFormatting.rejection($0.value)] },
                ] as [String: Any]
            }
            d["metrics"] = metrics
        }
        return d
    }

    static func layers(_ summaryJSON: String?) -> [[String: Any]] {
        guard let json = summaryJSON,
              let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any],
              let layers = object["layers"] as? [[String: Any]] else { return [] }
        return layers.map { layer in
            ["name": layer["name"] as? String ?? "", "type": layer["type"] as? String ?? "",
             "units": (layer["units"] as? Int).map(String.init) ?? "", "activation": layer["activation"] as? String ?? ""]
        }
    }
}

/// The working points stored with an entry's figures.
struct EfficiencyPoints {
    struct Point: Decodable { var at: Double; var value: Double? }
    private struct Stored: Decodable {
        var signalEfficiencyAtBackgroundEfficiency: [Point]
        var backgroundRejectionAtSignalEfficiency: [Point]
    }

    var signal: [Point] = []
    var rejections: [Point] = []

    init(json: String?) {
        guard let json, let stored = try? JSONDecoder().decode(Stored.self, from: Data(json.utf8)) else { return }
        signal = stored.signalEfficiencyAtBackgroundEfficiency
        rejections = stored.backgroundRejectionAtSignalEfficiency
    }

    func signalEfficiency(at backgroundEfficiency: Double) -> Double? {
        signal.first { abs($0.at - backgroundEfficiency) < 1e-9 }?.value
    }

    func rejection(at signalEfficiency: Double) -> Double? {
        rejections.first { abs($0.at - signalEfficiency) < 1e-9 }?.value
    }
}

/// The data page's template context.
struct DataContext {
    let dataset: DatasetRecord
    let detail: DatasetDetailRecord?
    let intro: String?

    var dictionary: [String: Any] {
        var d: [String: Any] = [
            "rows": dataset.rows, "trainingRows": dataset.trainingRows, "validationRows": dataset.validationRows,
            "testRows": dataset.testRows, "publicRows": dataset.publicTestRows,
            "privateRows": dataset.testRows - dataset.publicTestRows, "sha256": dataset.sha256,
            "intro": intro as Any? ?? false,
        ]
        if let json = detail?.statistics, let stats = SitePlots.decode(SitePlots.StoredStatistics.self, json) {
            for (key, svg) in SitePlots.data(stats) { d[key] = svg }
            d["correlationRows"] = stats.correlationRows
            if let rows = stats.rows, let signal = stats.signal {
                d["labelled"] = ["rows": rows, "signal": signal, "background": rows - signal]
            }
        }
        return d
    }
}
