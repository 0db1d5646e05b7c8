import Foundation
import Results

/// The machine-readable results beside the pages: `leaderboard.json` and `results.csv`.
enum Exports {
    struct Row: Encodable {
        var rank: Int, id: Int64, team: String, title: String, format: String, baseline: Bool
        var auc: Double, aucLow: Double, aucHigh: Double, publicAUC: Double, privateAUC: Double?
        var accuracy: Double, logLoss: Double, tieWithAbove: Bool, submitted: String, sha256: String
    }

    struct Failure: Encodable {
        var id: Int64, team: String, file: String, reason: String
    }

    struct Document: Encodable {
        var title = "leaderboard"
        var view: String
        var hiddenRows: Int, publicRows: Int
        var entries: [Row]
        var failed: [Failure]
    }

    static func rows(_ board: LeaderboardView) -> [Row] {
        board.rows.compactMap { row in
            guard let m = row.entry.metrics else { return nil }
            let e = row.entry.entry
            return Row(rank: row.rank, id: e.id ?? 0, team: e.team, title: e.title, format: e.format,
                       baseline: e.isBaseline, auc: m.auc, aucLow: m.aucLow, aucHigh: m.aucHigh,
                       publicAUC: m.publicAUC, privateAUC: board.final ? m.privateAUC : nil,
                       accuracy: m.accuracy, logLoss: m.logLoss, tieWithAbove: row.tiePValue != nil,
                       submitted: e.submittedAt, sha256: e.modelSHA256)
        }
    }

    static func json(board: LeaderboardView, dataset: DatasetRecord) -> String {
        let document = Document(
            view: board.final ? "final" : "public", hiddenRows: dataset.testRows, publicRows: dataset.publicTestRows,
            entries: rows(board),
            failed: board.failed.map { Failure(id: $0.entry.id ?? 0, team: $0.entry.team, file: $0.entry.modelFile,
                                               reason: $0.entry.failure ?? "") })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return ((try? encoder.encode(document)).map { String(decoding: $0, as: UTF8.self) } ?? "{}") + "\n"
    }

    /// RFC 4180 CSV: fields with a comma, quote or line break are quoted, quotes doubled.
    static func csv(board: LeaderboardView) -> String {
        func field(_ s: String) -> String {
            // A leading = + - @ would be a formula in a spreadsheet: prefix it.
            var t = s
            if let first = t.first, "=+-@".contains(first) { t = "'" + t }
            return t.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
                ? "\"" + t.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : t
        }
        var lines = ["rank,team,title,format,baseline,auc,auc_low,auc_high,public_auc,accuracy,log_loss,tie_with_above,submitted,sha256"]
        for r in rows(board) {
            lines.append([String(r.rank), field(r.team), field(r.title), field(r.format), r.baseline ? "1" : "0",
                          String(format: "%.6f", r.auc), String(format: "%.6f", r.aucLow), String(format: "%.6f", r.aucHigh),
                          String(format: "%.6f", r.publicAUC), String(format: "%.6f", r.accuracy),
                          String(format: "%.6f", r.logLoss), r.tieWithAbove ? "1" : "0", r.submitted, r.sha256]
                .joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
