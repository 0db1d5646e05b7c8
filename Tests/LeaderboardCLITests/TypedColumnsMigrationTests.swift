import Foundation
import GRDB
import Results
import TestSupport
import Testing

/// A database written while the stored figures were JSON text columns
/// (`Fixtures/before-typed-columns.sqlite`, made by `Fixtures/make-before-typed-columns.sh`
/// with the tool at commit 5dc2b6c) migrates to the typed columns: every value reads back as
/// its type, and the sites built from it are byte for byte the sites that tool built, but for
/// what was added since on purpose: the memorization check (v7), whose section on every entry
/// page reads "not checked" for these entries, with its null in `leaderboard.json` and its
/// styles (removed before comparing); and the likeness columns of `results.csv` and the final
/// view's shake-up (public rank and move, in its table, `leaderboard.json` and `results.csv`),
/// which the fixtures hold; and versions (v10): the team pages, the team links, each entry's
/// version line and the version columns and keys of the exports (removed before comparing,
/// by `withoutVersions`); and the plots' drawing (laid out anew since: `withoutPlotDrawings`
/// keeps each plot's description, which states its figures).
@Suite struct TypedColumnsMigrationTests {
    let dir = TemporaryDirectory()
    var environment: [String: String] { ["LEADERBOARD_CACHE": dir.file("cache")] }

    static let fixtures = SharedFixtures.repositoryRoot + "/Tests/LeaderboardCLITests/Fixtures/"

    /// A workspace holding a copy of the old database.
    func workspace() throws -> String {
        let ws = try dir.workspace(examples: [])
        let database = ws + "/leaderboard.sqlite"
        try? FileManager.default.removeItem(atPath: database)
        try FileManager.default.copyItem(atPath: Self.fixtures + "before-typed-columns.sqlite", toPath: database)
        return ws
    }

    @Test func everyOldColumnReadsAsItsType() throws {
        let ws = try workspace()
        let db = try ResultsDatabase(path: ws + "/leaderboard.sqlite")
        let dataset = try #require(try db.datasets().last?.id)
        let entries = try db.entries(datasetID: dataset)
        #expect(entries.count == 13)

        let loggers = try #require(entries.first { $0.entry.team == "Loggers" })
        #expect(loggers.entry.members == ["Ada", "Grace"])
        #expect(loggers.entry.status == .scored)
        let history = try #require(loggers.entry.history)
        #expect(history.epochs == [0, 1, 2])
        #expect(history.loss == [0.66, 0.6, nil])
        #expect(history.validationAccuracy == [0.63, nil, 0.69])
        let layers = try #require(loggers.entry.modelSummary?.layers)
        #expect(layers.map(\.type) == ["InputLayer", "Dense", "Dense", "Dense", "Dense"])
        #expect(loggers.entry.modelSummary?.format == .hdf5)

        let pickled = try #require(entries.first { $0.entry.team == "pickled-model" })
        #expect(pickled.entry.status == .failed && pickled.metrics == nil && pickled.entry.modelSummary == nil)

        for ranked in entries where ranked.entry.status == .scored {
            let metrics = try #require(ranked.metrics)
            #expect(metrics.workingPoints.signalEfficiencyAtBackgroundEfficiency.map(\.at) == [0.01, 0.1, 0.3])
            #expect(metrics.roc.falsePositiveRate.count == metrics.roc.truePositiveRate.count)
            #expect(metrics.roc.thresholds.first == .some(nil))
            #expect(metrics.histograms.signal.count == 40)
            #expect(ranked.publicMetrics?.workingPoints.backgroundRejectionAtSignalEfficiency.count == 3)
        }

        let runs = try db.trainingRuns(datasetID: dataset)
        let nn = try #require(runs.first { $0.model == "nn" })
        #expect(nn.history?.epochs == [0, 1], "epoch numbers added to the baseline's history")
        #expect(nn.history?.loss?.count == 2 && nn.history?.validationLoss?.count == 2)
        #expect(nn.trainHistograms?.signal.count == 40)
        let bdt = try #require(runs.first { $0.model == "bdt" })
        #expect(bdt.featureRanking?.count == 28)
        #expect(abs((bdt.featureRanking?.values.reduce(0, +) ?? 0) - 1) < 1e-9)

        let statistics = try #require(try db.detail(datasetID: dataset)?.statistics)
        #expect(statistics.histograms.count == 28 && statistics.signalCorrelation.count == 28 * 28)
        #expect(statistics.rows == statistics.histograms[0].signal.reduce(0, +) + statistics.histograms[0].background.reduce(0, +))

        // The child's format tag left the summaries; the working points have their own name.
        let raw = try DatabaseQueue(path: ws + "/leaderboard.sqlite")
        let (tagged, columns) = try raw.read { db in
            (
                try Int.fetchOne(db, sql: "SELECT count(*) FROM entry WHERE model_summary LIKE '%leaderboardFormat%'"),
                try db.columns(in: "entry_metrics").map(\.name)
            )
        }
        let emptySummaries = try raw.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM entry WHERE model_summary = '{}'") }
        #expect(tagged == 0 && emptySummaries == 0)
        #expect(columns.contains("working_points") && !columns.contains("efficiencies"))
    }

    @Test(arguments: ["public", "final"])
    func theSiteIsTheOneTheOldToolBuilt(view: String) throws {
        let ws = try workspace()
        let out = ws + "/" + view
        let built = try CommandRunner.run(
            ["build", "--workspace", ws, "--output", out] + (view == "final" ? ["--final"] : []),
            in: dir.path, environment: environment)
        #expect(built.status == 0, "\(built.stderr)")
        let before = Self.fixtures + "before-typed-columns-site/" + view
        let names = try FileManager.default.subpathsOfDirectory(atPath: before).sorted()
        let added = try FileManager.default.subpathsOfDirectory(atPath: out).filter { $0.hasPrefix("teams") || $0 == "versions.csv" }
        #expect(try FileManager.default.subpathsOfDirectory(atPath: out).filter { !added.contains($0) }.sorted() == names)
        for name in names {
            var isDirectory: ObjCBool = false
            // The Rules page is the page `init` writes, not the database's, and it has changed
            // on purpose since; so has the stylesheet, which holds no figure.
            guard FileManager.default.fileExists(atPath: before + "/" + name, isDirectory: &isDirectory),
                !isDirectory.boolValue, name != "rules.html", name != "style.css"
            else { continue }
            let built = try String(contentsOfFile: out + "/" + name, encoding: .utf8)
            if built.contains("<section class=\"memorization\">") {
                #expect(
                    built.contains("Not checked: this entry was scored before the tool had the check.")
                        || built.contains("Not checkable: a predictions file"), "\(view)/\(name)")
            }
            let old = try String(contentsOfFile: before + "/" + name, encoding: .utf8)
            #expect(
                Self.withoutPlotDrawings(
                    Self.withoutRanks(Self.withoutVersions(Self.withoutMemorizationCheck(built), name: name), name: name))
                    == Self.withoutPlotDrawings(
                        Self.withoutRanks(
                            Self.withoutSmartPunctuation(name.hasSuffix(".json") ? Self.withoutTrailingCommas(old) : old), name: name)),
                "\(view)/\(name) differs from the page the old tool built")
        }
    }

    /// The keys versions added to `leaderboard.json`, its row objects' and its document's.
    static let versionKeys = ["teamKey", "version", "versions", "selected"]

    /// `text` without what versions added: the team links and version marks of the pages,
    /// the lines of the version sections and styles, the `teams` and `ruledOut` lists and the
    /// version keys of `leaderboard.json` (with every line's trailing comma, which removing a
    /// last key moves), the version columns at the end of `results.csv`.
    static func withoutVersions(_ text: String, name: String) -> String {
        let json = name.hasSuffix(".json"), csv = name.hasSuffix(".csv")
        var text = text
        if json, let start = text.range(of: "\n  \"ruledOut\" : ["), let end = text.range(of: "\n  \"title\" : ") {
            // `ruledOut` and `teams`, between `publicRows` and `title` in the sorted keys.
            text.removeSubrange(start.lowerBound..<end.lowerBound)
        }
        for pattern in [#"<a class="team" href="teams/[^"]*">([^<]*)</a>"#, #" <span class="version">[^<]*</span>"#] {
            text = text.replacingOccurrences(of: pattern, with: "$1", options: .regularExpression)
        }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).filter { line in
            !line.hasPrefix("<p class=\"version\">") && !line.hasPrefix("span.version ") && !line.hasPrefix("table.versions ")
                && !(json && versionKeys.contains { line.trimmingCharacters(in: .whitespaces).hasPrefix("\"\($0)\" :") })
        }.map { csv ? withoutLastColumns($0, 4) : $0 }.joined(separator: "\n")
        return json ? withoutTrailingCommas(lines) : lines
    }

    /// The old tool's `text` as a renderer without smart punctuation writes it (READMEs now
    /// render as GitHub renders them: quotes as typed).
    static func withoutSmartPunctuation(_ text: String) -> String {
        var text = text
        for (smart, typed) in [("’", "'"), ("‘", "'"), ("“", "&quot;"), ("”", "&quot;")] {
            text = text.replacingOccurrences(of: smart, with: typed)
        }
        return text
    }

    /// `text` without the rank numbers, the ties with the row above and the baselines' team
    /// cells, on both sides: baselines became references that take no rank (so every rank
    /// below one moved, the final view's shake-up with them, and each team's tie is now
    /// tested against the team above it).
    static func withoutRanks(_ text: String, name: String) -> String {
        if name.hasSuffix(".csv") {
            return text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
                var fields = line.split(separator: ",", omittingEmptySubsequences: false)
                guard fields.count > 10 else { return String(line) }
                // tie_with_above: fifth from the end, before submitted, sha256 and the likenesses;
                // the ranks first (and the final view's public rank).
                fields.remove(at: fields.count - 5)
                fields.removeFirst(text.hasPrefix("rank,public_rank,") ? 2 : 1)
                return fields.joined(separator: ",")
            }.joined(separator: "\n")
        }
        var text = text
        for (pattern, replacement) in [
            (
                #"(?m)^<td>(\d+|<span class="reference"[^>]*>ref\.</span>)( <span class="tie"[^>]*>≈</span>)?</td>"#
                    + #"(<td class="num">\d*</td><td class="num shake">[^<]*</td>)?"#, "<td></td>"
            ),
            (#"<tr class="([^"]*?) ?tie">"#, #"<tr class="$1">"#),
            (#"(?m)^<td>[^<]* <span class="badge">(baseline|reference)</span>"#, "<td>baseline"),
            (#"(?m)^ *"(rank|tieWithAbove|publicRank)" : [^\n]*\n"#, ""),
            // Since then, too: every table scrolls in its own box, the footer says when the
            // database last changed and links the exports, the working points' rows have
            // distinct labels, an entry's recorded time is shown to the second in UTC where it
            // was its day, and counts are written with thousands separators (below).
            (#"(?m)^<div class="table-scroll">\n"#, ""),
            (#"(?m)^</table>\n</div>$"#, "</table>"),
            (#"<footer class="site">[^\n]*</footer>"#, "<footer/>"),
            (#"<th>at (background|signal) efficiency (ε<sub>[BS]</sub>) =</th>"#, "<th>$1 efficiency $2</th>"),
            (#"<td>(\d{4}-\d\d-\d\d) \d\d:\d\d:\d\d UTC</td>"#, "<td>$1</td>"),
        ] {
            text = text.replacingOccurrences(of: pattern, with: replacement, options: .regularExpression)
        }
        // The pages write every count with thousands separators (7,500 events).
        return text.replacingOccurrences(of: #"(?<=\d),(?=\d{3}(?!\d))"#, with: "", options: .regularExpression)
    }

    /// `text` with each plot reduced to its description (what it shows, with its figures), on
    /// both sides: the plots were laid out anew since (sizes, fonts, legends placed from the
    /// data), the feature histograms became 28 small plots that share a legend (both forms
    /// become `<features/>`), the figures lost their grid wrapper, and the score-over-time
    /// description now names the times (its count and best score are kept); loss and accuracy,
    /// one figure then, are two now.
    static func withoutPlotDrawings(_ text: String) -> String {
        var text = text
        for (pattern, replacement) in [
            (#"(?s)<svg[^>]*>.*?<desc>(.*?)</desc>.*?</svg>"#, "<svg>$1</svg>"),
            (#"(?s)<figure class="plot-legend-strip">.*?</div>"#, "<features/>"),
            (#"<figure class="plot wide"><svg>Normalised distributions of 28 features[^<]*</svg>\n</figure>"#, "<features/>"),
            (#"<figure class="plot[^"]*">"#, "<figure>"),
            (#"(?m)^<div class="plots">\n"#, ""),
            (#"</figure>\n</div>\n"#, "</figure>\n"),
            (#"over (\d+) submissions [^;]*;"#, "over $1 submissions;"),
            // Loss and accuracy: one figure then, two now (side by side or stacked).
            (
                #"<div class="plots"><figure><svg>Loss per epoch on training and validation data, (\d+) epochs.</svg>\n</figure>"#
                    + #"<figure><svg>Accuracy per epoch on training and validation data, \d+ epochs.</svg>\n</figure></div>"#,
                "<figure><svg>Loss and accuracy per epoch on training and validation data, $1 epochs.</svg>\n</figure>"
            ),
        ] {
            text = text.replacingOccurrences(of: pattern, with: replacement, options: .regularExpression)
        }
        return text
    }

    /// `line` of `results.csv` without its last `n` fields (none of the fixtures' is quoted with a comma).
    static func withoutLastColumns(_ line: Substring, _ n: Int) -> Substring {
        var fields = line.split(separator: ",", omittingEmptySubsequences: false)
        guard fields.count > n else { return line }
        fields.removeLast(n)
        return Substring(fields.joined(separator: ","))
    }

    /// `text` with no line ending in a comma.
    static func withoutTrailingCommas(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.hasSuffix(",") ? $0.dropLast() : $0 }
            .joined(separator: "\n")
    }

    /// `text` without what the memorization check added to the pages, the export and the styles, and
    /// without the notebook styles.
    static func withoutMemorizationCheck(_ text: String) -> String {
        var text = text
        // The styles of a deliverables section (notebooks), which the old tool did not have.
        if let start = text.range(of: "/* A notebook handed in"),
            let end = text.range(of: "/* end of the notebook styles */\n", range: start.upperBound..<text.endIndex)
        {
            text.removeSubrange(start.lowerBound..<end.upperBound)
        }
        while let start = text.range(of: "<section class=\"memorization\">"),
            let end = text.range(of: "</section>\n", range: start.upperBound..<text.endIndex)
        {
            text.removeSubrange(start.lowerBound..<end.upperBound)
        }
        return text.split(separator: "\n", omittingEmptySubsequences: false).filter {
            !$0.contains("\"suspectedMemorization\" : null,") && !$0.hasPrefix("span.flag ")
                && !$0.hasPrefix(".memorization .flagged ")
        }.joined(separator: "\n")
    }
}
