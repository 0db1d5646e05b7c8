import Results

/// Each entry's likenesses to other teams' entries, as `score` found them when the later of
/// the two was recorded (`EntryCopyRecord`), seen from either side.
///
/// An identical model file marks the later entry only: the earlier one is the original. A
/// near-copy marks both, because scores that rank the rows alike say nothing of who copied
/// whom (both may have copied a third model); the dates say which came first.
struct Likenesses {
    /// One likeness as seen from one entry.
    struct Likeness {
        /// The other team's entry.
        let other: EntryRecord
        /// Whether the two model files are the same bytes.
        let identical: Bool
        /// Whether the other entry was recorded first.
        let otherIsEarlier: Bool
        /// Spearman's rank correlation of the two entries' hidden-row scores, when both were scored.
        let rankCorrelation: Double?
    }

    private let byEntry: [Int64: [Likeness]]

    /// The likenesses in `records` between `entries` (others are left out).
    init(_ records: [EntryCopyRecord], entries: [RankedEntry]) {
        let entryByID = Dictionary(entries.compactMap { e in e.entry.id.map { ($0, e.entry) } }, uniquingKeysWith: { a, _ in a })
        var byEntry: [Int64: [Likeness]] = [:]
        for record in records {
            guard let later = entryByID[record.entryID], let earlier = entryByID[record.otherID] else { continue }
            byEntry[record.entryID, default: []].append(
                Likeness(other: earlier, identical: record.identical, otherIsEarlier: true, rankCorrelation: record.rankCorrelation))
            byEntry[record.otherID, default: []].append(
                Likeness(other: later, identical: record.identical, otherIsEarlier: false, rankCorrelation: record.rankCorrelation))
        }
        self.byEntry = byEntry
    }

    /// What the entry `id` is like, in the order the pairs were found.
    func of(_ id: Int64?) -> [Likeness] { id.flatMap { byEntry[$0] } ?? [] }

    /// The earlier entry whose model file the entry `id` is: the original it copies.
    func original(of id: Int64?) -> EntryRecord? { of(id).first { $0.identical && $0.otherIsEarlier }?.other }

    /// The other entries whose scores rank the rows almost exactly as the entry `id`'s do,
    /// either way in time; an earlier one of the same file counts as its original, not here.
    func nearCopies(of id: Int64?) -> [EntryRecord] {
        of(id).filter { !$0.identical }.map(\.other)
    }
}
