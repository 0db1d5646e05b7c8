import Results

/// What the site says of an entry's memorization check in one view: suspected, not
/// suspected, not checkable (a predictions file: only the hidden rows as they are were
/// scored) or not checked (scored before the check existed). The organizers decide what to do
/// with a suspected entry; nothing is excluded automatically.
enum MemorizationVerdict: Equatable {
    case suspected(MemorizationCheck)
    case notSuspected(MemorizationCheck)
    case notCheckable
    case notChecked

    /// The verdict of an entry of `format` whose view has `check`.
    init(format: String, check: MemorizationCheck?) {
        if let check {
            self = check.suspected ? .suspected(check) : .notSuspected(check)
        } else {
            self = format == "predictions" ? .notCheckable : .notChecked
        }
    }

    /// The figures, when checked.
    var check: MemorizationCheck? {
        switch self {
        case let .suspected(check), let .notSuspected(check): check
        case .notCheckable, .notChecked: nil
        }
    }

    /// `leaderboard.json`'s `suspectedMemorization`: `nil` (null) unless checked.
    var suspected: Bool? { check?.suspected }

    /// The entry page's two sentences on the check.
    static let explanation =
        "The hidden rows are scored again as transformed copies: every event rotated about the beam axis by a quarter and "
        + "by three quarters of a turn, each also mirrored (every pseudorapidity negated), transformations under which "
        + "events are exactly as likely, so a model that never saw these rows scores the copies as well as the originals "
        + "within noise. A model trained with the hidden rows scores the originals higher: an entry whose AUC on the "
        + "originals exceeds its mean AUC on the copies with a one-sided paired DeLong p-value below 0.001 is flagged for "
        + "the organizers, who decide what to do with it."

    /// How much of a memorizer's gain the check sees, as measured with real frameworks (README,
    /// "The memorization check").
    static let reach =
        "The copies move azimuths and pseudorapidities only, so what a model memorized through the other features survives "
        + "them: on 500 hidden rows the difference showed 15 to 50% of what memorizing gained a boosted-tree model and "
        + "about all of a network's gain, and on synthetic rows that are rotated near-copies of one another almost none. "
        + "An entry that is not flagged may still have seen the hidden rows."

    /// A p-value as the page shows it: four decimals, or "< 0.0001" below that.
    static func shownPValue(_ p: Double) -> String {
        p < 0.0001 ? "< 0.0001" : SiteFormatting.fixed(p)
    }

    /// The verdict as the entry page says it.
    var sentence: String {
        switch self {
        case .suspected: "Suspected memorization: the originals are ranked significantly better than their copies."
        case .notSuspected: "Not suspected: the originals and their copies are ranked alike within noise."
        case .notCheckable:
            "Not checkable: a predictions file holds scores for the hidden rows as they are only, so the copies cannot be "
                + "scored; organizers may require model files for this reason."
        case .notChecked: "Not checked: this entry was scored before the tool had the check."
        }
    }
}
