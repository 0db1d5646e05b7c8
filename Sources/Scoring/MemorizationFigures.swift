import HiggsData
import Metrics
import Results

/// The memorization check of an entry: its scores on the hidden rows against its scores on
/// the transformed copies of them (``EventSymmetry/memorizationCopies``), by
/// ``TransformedCopiesTest``, once on all hidden rows (the final view) and once on the public
/// rows only (the public view: it depends on no private row's label).
struct MemorizationFigures: Sendable {
    /// The check on all hidden rows.
    let all: MemorizationCheck
    /// The check on the public rows only.
    let publicRows: MemorizationCheck

    /// The check of `scores` against `copies` (each one score per hidden row, in row order).
    ///
    /// - Throws: `MetricsError` for a copy of the wrong length, or with a score that is NaN or
    ///   infinite.
    init(scores: [Double], copies: [[Double]], hidden: HiddenTestRows) throws(MetricsError) {
        let publicRows = hidden.isPublic.indices.filter { hidden.isPublic[$0] }
        try self.init(
            ranked: RankedScores(scores: scores, labels: hidden.labels),
            publicRanked: RankedScores(scores: publicRows.map { scores[$0] }, labels: publicRows.map { hidden.labels[$0] }),
            copies: copies, hidden: hidden)
    }

    /// The check with the originals' scores ranked already: on all hidden rows (`ranked`) and
    /// on the public ones in row order (`publicRanked`), as an entry's reports rank them.
    ///
    /// - Throws: as ``init(scores:copies:hidden:)``.
    init(ranked: RankedScores, publicRanked: RankedScores, copies: [[Double]], hidden: HiddenTestRows) throws(MetricsError) {
        all = MemorizationCheck(try TransformedCopiesTest(ranked, copies: copies))
        let rows = hidden.isPublic.indices.filter { hidden.isPublic[$0] }
        publicRows = MemorizationCheck(try TransformedCopiesTest(publicRanked, copies: copies.map { copy in rows.map { copy[$0] } }))
    }
}

extension MemorizationCheck {
    /// The stored figures of `test`; suspected when it is significant.
    init(_ test: TransformedCopiesTest) {
        self.init(
            transformedAUC: test.transformedAUC, difference: test.difference, standardError: test.standardError,
            z: test.z, pValue: test.pValue, suspected: test.isSignificant)
    }
}
