import Foundation
import Results

/// The machine-readable results beside the pages: `leaderboard.json` and `results.csv`,
/// carrying the view's figures as the pages show them.
enum Exports {
    /// One ranked entry as exported: the figures of the view, each rounded to the decimals
    /// the pages show (AUC and its interval, accuracy and log loss to 4), so that an export
    /// tells no more than the pages. The public view carries the public rows' figures only;
    /// the final view adds those of all hidden rows and of the private part.
    struct Row: Encodable {
        /// The team's rank; null for a baseline, a reference that takes no rank.
        var rank: Nullable<Int>, id: Int64, team: String, title: String, format: String, baseline: Bool
        var publicAUC: Double?, publicAUCLow: Double?, publicAUCHigh: Double?
        var privateAUC: Double?, privateAUCLow: Double?, privateAUCHigh: Double?
        var auc: Double?, aucLow: Double?, aucHigh: Double?
        var accuracy: Double?, logLoss: Double?
        var tieWithAbove: Bool, submitted: String, sha256: String
        /// The memorization check on the view's rows: the copies' mean AUC, and whether the
        /// entry is flagged (null when not checked, as a predictions file cannot be).
        var transformedAUC: Double?, suspectedMemorization: Nullable<Bool>
        /// The final view's public rank (absent from the public view, whose rank it is).
        var publicRank: Int?
        /// The earlier entry of another team whose model file this one is.
        var identicalTo: Int64?
        /// Other teams' entries whose scores rank the hidden rows almost exactly as this one's.
        var nearCopyOf: [Int64]?
        /// The team's key, the number of the version that counts here and how many it has,
        /// and whether the team selected it for the final ranking.
        var teamKey: String, version: Int, versions: Int, selected: Bool
    }

    /// One version of a team's entry, as `teams` lists it: where it stands, and its public
    /// AUC (the private one in the final view only).
    struct VersionRow: Encodable {
        var id: Int64, version: Int, submitted: String, status: String
        var counted: Bool, selected: Bool, late: Bool, held: Bool
        /// `withdrawn` or `disqualified` with the reason, when ruled.
        var ruling: String?, reason: String?
        var publicAUC: Double?, privateAUC: Double?
    }

    /// A team and all its versions.
    struct TeamRow: Encodable {
        var teamKey: String, team: String, baseline: Bool
        var versions: [VersionRow]
    }

    /// A value that is written as `null` when absent, rather than left out.
    struct Nullable<Value: Encodable>: Encodable {
        var value: Value?

        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            if let value { try container.encode(value) } else { try container.encodeNil() }
        }
    }

    struct Failure: Encodable {
        var id: Int64, team: String, file: String, reason: String
        /// The team's key and the version (its latest) the reason is of.
        var teamKey: String, version: Int
    }

    struct Document: Encodable {
        var title = "leaderboard"
        var view: String
        /// Which hidden rows `accuracy` and `logLoss` are of.
        var figuresOn: String
        var hiddenRows: Int, publicRows: Int
        var entries: [Row]
        /// Teams with no version that counts, but for those ruled out: their latest version
        /// failed, was held or arrived late, as its reason says (the page lists late ones apart).
        var failed: [Failure]
        /// Teams whose every version is withdrawn or disqualified.
        var ruledOut: [Failure]
        /// Every team with every version.
        var teams: [TeamRow]
    }

    static func shown(_ value: Double?, _ digits: Int = 4) -> Double? { SiteFormatting.shown(value, digits) }

    static func rows(_ board: LeaderboardView) -> [Row] {
        board.rows.compactMap { row in
            guard let m = row.entry.metrics else { return nil }
            let e = row.entry.entry, final = board.final
            return Row(
                rank: Nullable(value: row.rank), id: e.id ?? 0, team: e.team, title: e.title, format: e.format,
                baseline: e.isBaseline,
                publicAUC: shown(m.publicAUC), publicAUCLow: shown(m.publicAUCLow), publicAUCHigh: shown(m.publicAUCHigh),
                privateAUC: final ? shown(m.privateAUC) : nil, privateAUCLow: final ? shown(m.privateAUCLow) : nil,
                privateAUCHigh: final ? shown(m.privateAUCHigh) : nil,
                auc: final ? shown(m.auc) : nil, aucLow: final ? shown(m.aucLow) : nil,
                aucHigh: final ? shown(m.aucHigh) : nil,
                accuracy: shown(row.shown?.accuracy), logLoss: shown(row.shown?.logLoss),
                tieWithAbove: row.tiePValue != nil, submitted: e.submittedAt, sha256: e.modelSHA256,
                transformedAUC: shown(row.shown?.memorization?.transformedAUC),
                suspectedMemorization: Nullable(value: row.shown?.memorization?.suspected),
                publicRank: row.publicRank, identicalTo: board.likenesses.original(of: e.id)?.id,
                nearCopyOf: Optional(board.likenesses.nearCopies(of: e.id).compactMap(\.id)).flatMap { $0.isEmpty ? nil : $0 },
                teamKey: row.team.key, version: row.version.number, versions: row.team.versions.count,
                selected: row.version.selected)
        }
    }

    /// Every team's versions, as the view may show them.
    static func teams(_ board: LeaderboardView) -> [TeamRow] {
        board.standings.teams.map { team in
            TeamRow(
                teamKey: team.key, team: team.name, baseline: team.isBaseline,
                versions: team.versions.map { v in
                    let marks = VersionMarks(v, final: board.final), m = v.entry.metrics
                    return VersionRow(
                        id: v.entry.entry.id ?? 0, version: v.number, submitted: v.entry.entry.submittedAt, status: marks.status,
                        counted: VersionMarks.counts(v, final: board.final), selected: v.selected, late: v.late, held: v.held,
                        ruling: marks.ruling.map { $0.action == .withdraw ? "withdrawn" : "disqualified" }, reason: marks.ruling?.reason,
                        publicAUC: shown(m?.publicAUC), privateAUC: board.final ? shown(m?.privateAUC) : nil)
                })
        }
    }

    /// The unranked teams as exported.
    static func failures(_ list: [LeaderboardView.Unranked], final: Bool) -> [Failure] {
        list.map {
            Failure(
                id: $0.entry.entry.id ?? 0, team: $0.team.name, file: $0.entry.entry.modelFile,
                reason: VersionMarks($0.version, final: final).reason ?? "", teamKey: $0.team.key, version: $0.version.number)
        }
    }

    static func json(board: LeaderboardView, dataset: DatasetRecord) -> String {
        let document = Document(
            view: board.final ? "final" : "public",
            figuresOn: board.final ? "all hidden rows" : "public hidden rows", hiddenRows: dataset.testRows,
            publicRows: dataset.publicTestRows,
            entries: rows(board), failed: failures(board.failed, final: board.final),
            ruledOut: failures(board.ruledOut, final: board.final), teams: teams(board))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return ((try? encoder.encode(document)).map { String(decoding: $0, as: UTF8.self) } ?? "{}") + "\n"
    }

    /// A CSV field (RFC 4180): quoted when it holds a comma, quote or line break, quotes
    /// doubled; a leading = + - @, which a spreadsheet would take for a formula, prefixed.
    static func field(_ s: String) -> String {
        var t = s
        if let first = t.first, "=+-@".contains(first) { t = "'" + t }
        return t.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
            ? "\"" + t.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : t
    }

    /// `versions.csv`: every version of every team, where it stands and its public AUC (the
    /// private one too in the final view), as `leaderboard.json`'s `teams` lists them.
    static func versionsCSV(board: LeaderboardView) -> String {
        let privately = board.final ? ["private_auc"] : []
        var lines = [
            (["team_key", "team", "version", "id", "submitted", "status", "counted", "selected", "late", "held", "ruling", "reason"]
                + ["public_auc"] + privately).joined(separator: ",")
        ]
        func flag(_ value: Bool) -> String { value ? "1" : "0" }
        func number(_ value: Double?) -> String { value.map { String(format: "%.4f", $0) } ?? "" }
        for team in teams(board) {
            for v in team.versions {
                lines.append(
                    ([
                        field(team.teamKey), field(team.team), String(v.version), String(v.id), v.submitted, v.status, flag(v.counted),
                        flag(v.selected), flag(v.late), flag(v.held), v.ruling ?? "", field(v.reason ?? ""), number(v.publicAUC),
                    ] + (board.final ? [number(v.privateAUC)] : [])).joined(separator: ","))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// RFC 4180 CSV of the ranked rows (`field`).
    static func csv(board: LeaderboardView) -> String {
        // The columns of the view: the public one has no figure of all or of the private rows.
        var columns: [(name: String, value: (Row) -> Double?)] = [
            ("public_auc", \.publicAUC), ("public_auc_low", \.publicAUCLow), ("public_auc_high", \.publicAUCHigh),
        ]
        if board.final {
            columns += [
                ("private_auc", \.privateAUC), ("private_auc_low", \.privateAUCLow),
                ("private_auc_high", \.privateAUCHigh), ("auc", \.auc), ("auc_low", \.aucLow), ("auc_high", \.aucHigh),
            ]
        }
        columns += [("accuracy", \.accuracy), ("log_loss", \.logLoss)]
        func number(_ value: Double?) -> String { value.map { String(format: "%.4f", $0) } ?? "" }
        // The final view's shake-up, then the likenesses (entry ids, several joined by spaces).
        let shakeUp = board.final ? ["public_rank"] : []
        var lines = [
            (["rank"] + shakeUp + ["team", "title", "format", "baseline"] + columns.map(\.name)
                + ["tie_with_above", "submitted", "sha256", "identical_to", "near_copy_of"]
                + ["team_key", "version", "versions", "selected"]).joined(separator: ",")
        ]
        for r in rows(board) {
            let publicRank = board.final ? [r.publicRank.map(String.init) ?? ""] : []
            lines.append(
                ([r.rank.value.map(String.init) ?? ""] + publicRank + [
                    field(r.team), field(r.title), field(r.format), r.baseline ? "1" : "0",
                ]
                    + columns.map { number($0.value(r)) }
                    + [
                        r.tieWithAbove ? "1" : "0", r.submitted, r.sha256, r.identicalTo.map(String.init) ?? "",
                        (r.nearCopyOf ?? []).map(String.init).joined(separator: " "),
                        field(r.teamKey), String(r.version), String(r.versions), r.selected ? "1" : "0",
                    ])
                    .joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
