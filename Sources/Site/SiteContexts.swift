import Foundation
import Results

// The templates' contexts: typed values whose property names are the template keys. The
// templates reach them by name (Mustache reads a value's stored properties), so renaming a
// property renames a key that an organizer's own template may use: keep them stable. An
// absent value is `nil` (or `false`): a section over it renders nothing.

/// The frame every page is rendered in (`layout.mustache`).
struct LayoutContext {
    /// One link of the navigation bar.
    struct Link {
        let href: String, label: String
    }

    let siteTitle: String, pageTitle: String
    /// The way back to the site's root from the page (`""` or `"../"`).
    let root: String
    let nav: [Link]
    /// The page's own HTML, rendered by its template.
    let content: String
    let footer: String
    /// When the database last changed, as the pages show a moment: its latest recorded
    /// version or training (never the build's own time, so one database gives one site).
    let updated: String?
}

/// A Markdown page's context (`page.mustache`): its HTML, rendered safely.
struct PageContext {
    let html: String
}

/// The leaderboard page's context (`leaderboard.mustache`).
struct LeaderboardContext {
    /// One ranked entry as the table shows it.
    struct Row {
        /// The team's rank; `nil` for a baseline, shown as a reference.
        let rank: Int?, id: Int64, team: String, title: String, format: String
        let auc: String, aucLow: String, aucHigh: String, accuracy: String, logLoss: String
        /// Signal efficiency at 10% background efficiency, and rejection at 50% signal efficiency.
        let signalEfficiency: String, rejection: String
        let submitted: String, isBaseline: Bool
        /// Set when the entry ties with the one above it, with the test's p-value.
        let tiesAbove: Bool, tiePValue: String?
        /// Set when the memorization check flags the entry in this view.
        let suspectedMemorization: Bool
        /// The final view's shake-up: the public rank and the move from it (▲2, ▼1, =).
        let publicRank: Int?, change: String?
        /// The team whose earlier entry is the same model file, and the teams whose entries'
        /// scores rank the rows almost exactly as this one's (joined).
        let copyOf: String?, nearCopyOf: String?
        /// The team's page (beneath `teams/`), the version that counts and how many it has.
        let teamPage: String, version: Int, versions: Int
    }

    /// A team with no version that counts: its latest version, and why.
    struct Failure {
        let id: Int64, team: String, file: String, reason: String
        let teamPage: String
    }

    let heading: String, lede: String
    let rows: [Row]
    /// Teams whose latest version failed or was held, with the reason: not scored.
    let failures: [Failure]
    let hasFailures: Bool
    /// Teams whose latest version arrived after the deadline (`LateEntries.swift`).
    let late: [Late]
    let hasLate: Bool, lateNote: String
    /// Teams whose every version the organizers withdrew or disqualified, with the reason.
    let ruledOut: [Failure]
    let hasRuledOut: Bool
    /// The best-score-over-time chart (SVG); `nil` with fewer than two entries.
    let plotBestScore: String?
    let tieNote: String
    /// Whether the table shows the shake-up columns (the final view).
    let shakeUp: Bool

    init(board: LeaderboardView, dataset: DatasetRecord) {
        let part = board.final ? "private" : "public"
        rows = board.rows.map { row in
            let e = row.entry.entry, points = row.shown?.workingPoints
            return Row(
                rank: row.rank, id: e.id ?? 0, team: e.isBaseline ? e.title : row.team.name, title: e.title, format: e.format,
                auc: SiteFormatting.fixed(row.auc), aucLow: SiteFormatting.fixed(row.aucLow),
                aucHigh: SiteFormatting.fixed(row.aucHigh), accuracy: SiteFormatting.fixed(row.shown?.accuracy),
                logLoss: SiteFormatting.fixed(row.shown?.logLoss),
                signalEfficiency: SiteFormatting.fixed(points?.signalEfficiency(at: 0.1), 3),
                rejection: SiteFormatting.rejection(points?.rejection(at: 0.5)),
                submitted: SiteFormatting.day(e.submittedAt), isBaseline: e.isBaseline,
                tiesAbove: row.tiePValue != nil, tiePValue: row.tiePValue.map { SiteFormatting.fixed($0, 2) },
                suspectedMemorization: row.shown?.memorization?.suspected == true,
                publicRank: row.publicRank,
                change: row.publicRank.flatMap { from in row.rank.map { Self.change(from: from, to: $0) } },
                copyOf: board.likenesses.original(of: e.id)?.team,
                nearCopyOf: Self.teams(board.likenesses.nearCopies(of: e.id)),
                teamPage: TeamPageName.of(row.team.key), version: row.version.number, versions: row.team.versions.count)
        }
        shakeUp = board.final
        func failure(_ unranked: LeaderboardView.Unranked) -> Failure {
            let e = unranked.entry.entry
            return Failure(
                id: e.id ?? 0, team: unranked.team.name, file: e.modelFile.isEmpty ? e.path : e.modelFile,
                reason: VersionMarks(unranked.version, final: board.final).reason ?? "", teamPage: TeamPageName.of(unranked.team.key))
        }
        failures = board.notScored.map(failure)
        late = board.late.map { Late($0, final: board.final) }
        (hasLate, lateNote) = (!late.isEmpty, Self.lateNote(deadline: board.deadline))
        ruledOut = board.ruledOut.map(failure)
        hasRuledOut = !ruledOut.isEmpty
        heading = board.final ? "Final ranking" : "Leaderboard"
        lede =
            "Ranked by ROC AUC on the \(part) part of the hidden test rows "
            + "(\(CountText.of(board.final ? dataset.testRows - dataset.publicTestRows : dataset.publicTestRows)) of "
            + "\(CountText.of(dataset.testRows)) events), "
            + "with DeLong's 95% confidence interval."
        hasFailures = !failures.isEmpty
        plotBestScore = SitePlots.bestScore(board)
        tieNote =
            "≈ marks an entry whose AUC is statistically indistinguishable from the one above it "
            + "(paired DeLong test on the same rows, p > 0.05): its rank does not mean it is worse."
    }

    /// A move in rank as the final table shows it: ▲ up, ▼ down, = unmoved.
    static func change(from publicRank: Int, to rank: Int) -> String {
        publicRank == rank ? "=" : publicRank > rank ? "▲\(publicRank - rank)" : "▼\(rank - publicRank)"
    }

    /// The teams of `entries`, each once, in order; `nil` for none.
    static func teams(_ entries: [EntryRecord]) -> String? {
        var seen: Set<String> = []
        let teams = entries.map(\.team).filter { seen.insert($0).inserted }
        return teams.isEmpty ? nil : teams.joined(separator: ", ")
    }
}

/// An entry page's context (`entry.mustache`): the view's figures only (the public rows'
/// before the final build).
struct EntryContext {
    /// The figures section.
    struct Metrics {
        /// The view's figures beyond the AUCs: accuracy, confusion matrix, working points.
        struct Shown {
            /// One working point as a table cell pair.
            struct Point {
                let at: String, value: String
            }

            let rows: String
            let accuracy: String, logLoss: String
            /// Counts of events, written as every count on the site is (`CountText`).
            let trueNegatives: String, falsePositives: String, falseNegatives: String, truePositives: String
            let signalEfficiencies: [Point], rejections: [Point]
        }

        /// The memorization check on the view's rows (``MemorizationVerdict``).
        struct Memorization {
            /// Its figures, when checked.
            struct Figures {
                let auc: String, transformedAUC: String, difference: String, standardError: String, z: String
                let pValue: String
            }

            let explanation: String, reach: String, verdict: String
            let suspected: Bool
            let figures: Figures?
        }

        let publicAUC: String, publicAUCLow: String, publicAUCHigh: String
        let showPrivate: Bool
        let rows: String
        /// All hidden rows' and the private part's AUCs: the final view only.
        let auc: String?, aucLow: String?, aucHigh: String?
        let privateAUC: String?, privateAUCLow: String?, privateAUCHigh: String?
        let shown: Shown?
        let memorization: Memorization
    }

    /// A baseline's training: time, rows, the overtraining check and the feature ranking.
    struct Training {
        /// One feature's share of the total gain.
        struct Rank {
            let rank: Int, feature: String, share: String
        }

        let rows: String, seconds: String, model: String, trainedAt: String
        let ksSignal: String?, ksBackground: String?
        let hasRanking: Bool
        let ranking: [Rank]
    }

    /// A likeness to another team's entry (`Likenesses`).
    struct Copy {
        let id: Int64, team: String, title: String, submitted: String
        /// The same model file; otherwise scores that rank the rows almost exactly alike.
        let identical: Bool
        /// Whether the other entry came first.
        let earlier: Bool
        /// Spearman's rank correlation on the hidden rows, as shown.
        let rankCorrelation: String?
    }

    /// One layer of what the reader understood of the model.
    struct Layer {
        let name: String, type: String, units: String, activation: String
    }

    /// One type of layer (ONNX operator) of a model with many layers, and how often it is used.
    struct LayerType {
        let type: String, count: String, parameters: String
    }

    let team: String, title: String, isBaseline: Bool, modelFile: String, format: String
    let fileBytes: String, sha256: String, submitted: String
    let plotROC: String?, plotRejection: String?, plotConfusion: String?, plotScores: String?
    /// The training history's charts (loss, accuracy), each an SVG; empty when none was recorded.
    let plotHistory: [String]
    let hasHistory: Bool
    let training: Training?
    let failure: String?
    /// The members, joined; `nil` when the manifest names none.
    let members: String?
    /// The README rendered safely.
    let readme: String?
    /// The model's layers a row each, when it has few (``ModelSummary/listedLayerLimit``).
    let layers: [Layer]
    let hasLayers: Bool
    /// Its layers by type, when it has many; empty otherwise.
    let layerTypes: [LayerType]
    let hasLayerTypes: Bool
    /// What the rows are: `layers`, or e.g. `985 nodes by operator type`.
    let layerHeading: String
    let metrics: Metrics?
    /// Its likenesses to other teams' entries, and what they mean.
    let copies: [Copy]
    let hasCopies: Bool
    let copyNote: String
    /// Which version of its team's entry it is (`TeamContexts.swift`).
    let version: EntryVersionContext?
    /// What the team handed in beside the model (`deliverables.mustache`); `nil` when nothing.
    let deliverables: DeliverablesContext?

    init(
        _ ranked: RankedEntry, showPrivate: Bool, likenesses: [Likenesses.Likeness] = [], plots: SitePlots.EntryPlots,
        training: TrainingRunRecord? = nil, version: EntryVersionContext? = nil, deliverables: DeliverablesContext? = nil
    ) {
        self.version = version
        self.deliverables = deliverables
        let e = ranked.entry
        team = e.team
        title = e.title
        isBaseline = e.isBaseline
        modelFile = e.modelFile
        format = e.format
        fileBytes = CountText.of(e.fileBytes)
        sha256 = e.modelSHA256
        submitted = SiteFormatting.moment(e.submittedAt, seconds: true)
        (plotROC, plotRejection, plotConfusion, plotScores, plotHistory) = (
            plots.roc, plots.rejection, plots.confusion, plots.scores, plots.history
        )
        hasHistory = !plotHistory.isEmpty
        self.training = training.map(Self.training)
        failure = e.failure
        members = e.members.isEmpty ? nil : e.members.joined(separator: ", ")
        readme = e.readme.flatMap { $0.isEmpty ? nil : Markdown.html($0) }
        let summary = e.modelSummary
        layerTypes = (summary?.layerTypes ?? []).map {
            LayerType(type: $0.type, count: CountText.of($0.count), parameters: CountText.of($0.parameterCount))
        }
        hasLayerTypes = !layerTypes.isEmpty
        layers =
            hasLayerTypes
            ? []
            : (summary?.layers ?? []).map {
                Layer(name: $0.name, type: $0.type, units: $0.units.map(String.init) ?? "", activation: $0.activation ?? "")
            }
        hasLayers = !layers.isEmpty
        layerHeading = summary?.layerHeading ?? ""
        metrics = ranked.metrics.map { Self.metrics($0, ranked, showPrivate: showPrivate) }
        copies = likenesses.map {
            Copy(
                id: $0.other.id ?? 0, team: $0.other.team, title: $0.other.title, submitted: SiteFormatting.day($0.other.submittedAt),
                identical: $0.identical, earlier: $0.otherIsEarlier,
                rankCorrelation: $0.rankCorrelation.map { SiteFormatting.fixed($0, 4) })
        }
        hasCopies = !copies.isEmpty
        copyNote =
            "Found when the later entry was scored: the same model file, or scores whose ranking of the hidden rows "
            + "agrees with the other's almost exactly (Spearman's rank correlation above "
            + "\(SiteFormatting.fixed(EntryCopyRecord.nearCopyThreshold, 3)), which independently trained models of one kind "
            + "did not reach). It is evidence for the organizers, not a verdict."
    }

    private static func metrics(_ m: EntryMetricsRecord, _ ranked: RankedEntry, showPrivate: Bool) -> Metrics {
        func privately(_ value: Double) -> String? { showPrivate ? SiteFormatting.fixed(value) : nil }
        let shown = ShownFigures(ranked, final: showPrivate).map { shown in
            Metrics.Shown(
                rows: shown.rows, accuracy: SiteFormatting.fixed(shown.accuracy), logLoss: SiteFormatting.fixed(shown.logLoss),
                trueNegatives: CountText.of(shown.trueNegatives), falsePositives: CountText.of(shown.falsePositives),
                falseNegatives: CountText.of(shown.falseNegatives), truePositives: CountText.of(shown.truePositives),
                signalEfficiencies: shown.workingPoints.signalEfficiencyAtBackgroundEfficiency.map {
                    .init(at: SiteFormatting.fixed($0.at, 2), value: SiteFormatting.fixed($0.value, 3))
                },
                rejections: shown.workingPoints.backgroundRejectionAtSignalEfficiency.map {
                    .init(at: SiteFormatting.fixed($0.at, 2), value: SiteFormatting.rejection($0.value))
                })
        }
        return Metrics(
            publicAUC: SiteFormatting.fixed(m.publicAUC), publicAUCLow: SiteFormatting.fixed(m.publicAUCLow),
            publicAUCHigh: SiteFormatting.fixed(m.publicAUCHigh), showPrivate: showPrivate,
            rows: showPrivate ? "all hidden test rows" : "the public part of the hidden test rows",
            auc: privately(m.auc), aucLow: privately(m.aucLow), aucHigh: privately(m.aucHigh),
            privateAUC: privately(m.privateAUC), privateAUCLow: privately(m.privateAUCLow),
            privateAUCHigh: privately(m.privateAUCHigh), shown: shown,
            memorization: memorization(ranked, final: showPrivate))
    }

    /// The memorization section of the view: the verdict and, when checked, its figures.
    private static func memorization(_ ranked: RankedEntry, final: Bool) -> Metrics.Memorization {
        let verdict = MemorizationVerdict(
            format: ranked.entry.format, check: ShownFigures(ranked, final: final)?.memorization)
        let figures = verdict.check.map { c in
            Metrics.Memorization.Figures(
                auc: SiteFormatting.fixed(c.transformedAUC + c.difference), transformedAUC: SiteFormatting.fixed(c.transformedAUC),
                difference: SiteFormatting.fixed(c.difference), standardError: SiteFormatting.fixed(c.standardError),
                z: c.z.isInfinite ? (c.z > 0 ? "∞" : "−∞") : SiteFormatting.fixed(c.z, 2), pValue: MemorizationVerdict.shownPValue(c.pValue)
            )
        }
        return Metrics.Memorization(
            explanation: MemorizationVerdict.explanation, reach: MemorizationVerdict.reach, verdict: verdict.sentence,
            suspected: verdict.suspected == true, figures: figures)
    }

    private static func training(_ t: TrainingRunRecord) -> Training {
        let sorted = (t.featureRanking ?? [:]).sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        let checked = t.ksSignal != nil && t.ksBackground != nil
        return Training(
            rows: CountText.of(t.trainingRows), seconds: SiteFormatting.fixed(t.seconds, 1), model: t.model,
            trainedAt: SiteFormatting.day(t.trainedAt),
            ksSignal: checked ? SiteFormatting.fixed(t.ksSignal, 3) : nil,
            ksBackground: checked ? SiteFormatting.fixed(t.ksBackground, 3) : nil,
            hasRanking: !sorted.isEmpty,
            ranking: sorted.enumerated().map {
                Training.Rank(rank: $0 + 1, feature: $1.key, share: SiteFormatting.fixed($1.value * 100, 1))
            })
    }
}

/// The data page's context (`data.mustache`).
struct DataContext {
    /// The rows the statistics are of (those whose labels are not hidden).
    struct Labelled {
        let rows: String, signal: String, background: String
    }

    /// Counts of rows, as every count on the site is written (`CountText`).
    let rows: String, trainingRows: String, validationRows: String, testRows: String, publicRows: String, privateRows: String
    let sha256: String
    /// The workspace's `data.md`, rendered safely.
    let intro: String?
    /// One SVG per feature, and the legend they share (nil when there are no statistics).
    let plotFeatures: [String], plotFeaturesLegend: String?
    let plotSignalCorrelation: String?, plotBackgroundCorrelation: String?
    let correlationRows: String?
    let labelled: Labelled?

    init(dataset: DatasetRecord, detail: DatasetDetailRecord?, intro: String?) {
        rows = CountText.of(dataset.rows)
        trainingRows = CountText.of(dataset.trainingRows)
        validationRows = CountText.of(dataset.validationRows)
        testRows = CountText.of(dataset.testRows)
        publicRows = CountText.of(dataset.publicTestRows)
        privateRows = CountText.of(dataset.testRows - dataset.publicTestRows)
        sha256 = dataset.sha256
        self.intro = intro
        let statistics = detail?.statistics
        let plots = statistics.map(SitePlots.data)
        (plotFeatures, plotFeaturesLegend, plotSignalCorrelation, plotBackgroundCorrelation) = (
            plots?.features ?? [], plots?.featuresLegend, plots?.signalCorrelation, plots?.backgroundCorrelation
        )
        correlationRows = statistics.map { CountText.of($0.correlationRows) }
        labelled = statistics.map {
            Labelled(
                rows: CountText.of($0.rows), signal: CountText.of($0.signal),
                background: CountText.of($0.rows - $0.signal))
        }
    }
}
