/// What counts: from every recorded version, the organizers' rulings and the rules, each
/// team's versions with their status and the versions that count for the public and the
/// final board. A pure function of its inputs, read by every page and export that shows a
/// team, so that they all agree.
///
/// A version counts when it was scored, is not late and is not withdrawn or disqualified.
/// The public board takes the team's best public AUC among its counting versions. The final
/// board takes the versions the team selected (`final: true`) among its counting ones — when
/// it selected more than `rules.finalSelections`, the latest ones, since a team cannot take a
/// mark back from an older version without making a new one — or, without a selection, the
/// version of its best public AUC; the team's private AUC is its best among those.
public struct Standings: Sendable {
    /// A ruling in force on a version.
    public struct Ruling: Sendable, Equatable {
        /// `withdraw` or `disqualify`.
        public let action: RulingRecord.Action
        public let reason: String, ruledAt: String
        /// Whether it was ruled on the whole team rather than on this version.
        public let wholeTeam: Bool
    }

    /// One version of a team's entry and where it stands.
    public struct Version: Sendable {
        /// The entry and its figures.
        public let entry: RankedEntry
        /// 1, 2, … in the order recorded.
        public let number: Int
        /// Recorded after the deadline (never a baseline: the organizers' own).
        public let late: Bool
        /// Recorded over the daily limit: never scored.
        public var held: Bool { entry.entry.status == .held }
        /// Scored, with figures.
        public var scored: Bool { entry.metrics != nil }
        /// Withdrawn or disqualified, with the reason.
        public let ruling: Ruling?
        /// Marked `final: true` in its manifest.
        public var selected: Bool { entry.entry.selected }
        /// Whether it can count at all: scored, in time, not ruled out.
        public var counts: Bool { scored && !late && ruling == nil }
        /// Whether it is among the versions the final board takes for its team.
        public fileprivate(set) var countsForFinal = false
        /// Whether it is the version the public board shows for its team.
        public fileprivate(set) var countsForPublic = false
        /// Whether the team selected it but more recent selections took its place.
        public fileprivate(set) var selectionDropped = false
    }

    /// One team: its versions and those that count.
    public struct Team: Sendable {
        /// The key (`TeamKey`).
        public let key: String
        /// Its versions, in the order recorded.
        public let versions: [Version]
        /// The name shown: the latest version's.
        public var name: String { versions.last?.entry.entry.team ?? key }
        /// The members, as the latest version's manifest lists them.
        public var members: [String] { versions.last?.entry.entry.members ?? [] }
        public var isBaseline: Bool { versions.last?.entry.entry.isBaseline ?? false }
        /// The version the public board ranks it by: its best public AUC among those counting.
        public var publicChoice: Version? { versions.first(where: \.countsForPublic) }
        /// The versions the final board takes (selected, or the best public one).
        public var finalChoices: [Version] { versions.filter(\.countsForFinal) }
        /// Whether the final choices are the team's own selection.
        public let selectedForFinal: Bool
        /// The final choice of the best private AUC (ties: the earlier version).
        public var finalChoice: Version? {
            finalChoices.max { a, b in
                let (x, y) = (a.entry.metrics?.privateAUC ?? -1, b.entry.metrics?.privateAUC ?? -1)
                return x != y ? x < y : a.number > b.number
            }
        }
        /// The version of `view`'s row.
        public func choice(final: Bool) -> Version? { final ? finalChoice : publicChoice }
        /// Whether every version is withdrawn or disqualified.
        public var ruledOut: Bool { !versions.isEmpty && versions.allSatisfy { $0.ruling != nil } }
    }

    /// The teams, in the order of their first version.
    public let teams: [Team]

    /// The standings of `versions` (every entry of one data set, in any order) under
    /// `rulings` (in the order given) and `rules`.
    public init(versions: [RankedEntry], rulings: [RulingRecord], rules: CompetitionRules) {
        let inForce = Self.inForce(rulings)
        var byTeam: [Key: [RankedEntry]] = [:]
        var order: [String] = []
        for ranked in versions.sorted(by: { ($0.entry.id ?? 0) < ($1.entry.id ?? 0) }) {
            if byTeam[Key(ranked.entry.teamKey)] == nil { order.append(ranked.entry.teamKey) }
            byTeam[Key(ranked.entry.teamKey), default: []].append(ranked)
        }
        teams = order.map { key in
            var list = (byTeam[Key(key)] ?? []).enumerated().map { index, ranked in
                Version(
                    entry: ranked, number: index + 1, late: !ranked.entry.isBaseline && rules.isLate(ranked.entry.submittedAt),
                    ruling: inForce.ruling(of: ranked.entry, key: key))
            }
            let selected = Self.choose(&list, finalSelections: rules.finalSelections)
            return Team(key: key, versions: list, selectedForFinal: selected)
        }
    }

    /// Marks the public choice and the final choices among `versions`; whether the final
    /// ones are the team's own selection.
    private static func choose(_ versions: inout [Version], finalSelections: Int) -> Bool {
        var best: Int?
        for i in versions.indices where versions[i].counts {
            let auc = versions[i].entry.metrics?.publicAUC ?? -1
            if best.map({ auc > (versions[$0].entry.metrics?.publicAUC ?? -1) }) ?? true { best = i }
        }
        if let best { versions[best].countsForPublic = true }
        let selected = versions.indices.filter { versions[$0].counts && versions[$0].selected }
        let kept = selected.suffix(max(0, finalSelections))
        for i in selected where !kept.contains(i) { versions[i].selectionDropped = true }
        if kept.isEmpty {
            if let best { versions[best].countsForFinal = true }
            return false
        }
        for i in kept { versions[i].countsForFinal = true }
        return true
    }

    /// A team key compared byte for byte. Swift's strings compare canonically equivalent
    /// text as equal (`café` precomposed and decomposed), but they are two folders, so two
    /// teams: one team's folder in the other form must not make its versions the first's.
    struct Key: Hashable {
        let bytes: [UInt8]
        init(_ key: String) { bytes = Array(key.utf8) }
    }

    /// The rulings in force after `rulings`, applied in order: one on a team replaces every
    /// earlier one on it and its versions, one on a version replaces the earlier one on that
    /// version; a restore leaves nothing in force where it applies.
    private struct InForce {
        var team: [Key: Ruling] = [:]
        /// Per version: its own ruling, or `nil` for a restore that overrides the team's.
        var version: [Int64: Ruling?] = [:]
        var versionTeam: [Int64: Key] = [:]

        func ruling(of entry: EntryRecord, key: String) -> Ruling? {
            if let id = entry.id, let own = version[id] { return own }
            return team[Key(key)]
        }
    }

    private static func inForce(_ rulings: [RulingRecord]) -> InForce {
        var state = InForce()
        for r in rulings {
            let ruling =
                r.action == .restore
                ? nil : Ruling(action: r.action, reason: r.reason, ruledAt: r.ruledAt, wholeTeam: r.entryID == nil)
            let key = Key(r.teamKey)
            if let id = r.entryID {
                state.version[id] = .some(ruling)
                state.versionTeam[id] = key
            } else {
                state.team[key] = ruling
                for (id, other) in state.versionTeam where other == key { state.version[id] = nil }
            }
        }
        return state
    }
}
