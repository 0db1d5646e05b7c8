import Foundation
import Testing

@testable import Results

/// What counts, on crafted versions: the order rulings are given in, ties, and selections.
@Suite struct StandingsTests {
    /// Version `id` of team `key`, scored with these AUCs (failed when `nil`), recorded at `at`.
    static func version(
        _ id: Int64, of key: String, public publicAUC: Double?, private privateAUC: Double? = nil, selected: Bool = false,
        at: String = "2026-11-01T10:00:00Z"
    ) -> RankedEntry {
        var entry = EntryRecordTests.entry("v\(id)", dataset: 1, failure: publicAUC == nil ? "broken" : nil)
        entry.id = id
        entry.teamKey = key
        entry.selected = selected
        entry.submittedAt = at
        var metrics = publicAUC.map { EntryRecordTests.metrics(auc: $0) }
        metrics?.privateAUC = privateAUC ?? publicAUC ?? 0
        return RankedEntry(entry: entry, metrics: metrics, publicMetrics: nil)
    }

    static func ruling(_ action: RulingRecord.Action, _ key: String, entry: Int64? = nil, _ reason: String = "why") -> RulingRecord {
        RulingRecord(teamKey: key, entryID: entry, action: action, reason: reason, ruledBy: "o", ruledAt: "2026-11-02T00:00:00Z")
    }

    static let versions = [
        version(1, of: "a", public: 0.70), version(2, of: "b", public: 0.80), version(3, of: "a", public: 0.75),
        version(4, of: "a", public: nil),
    ]

    func team(_ key: String, _ rulings: [RulingRecord], rules: CompetitionRules = CompetitionRules()) throws -> Standings.Team {
        try #require(Standings(versions: Self.versions.reversed(), rulings: rulings, rules: rules).teams.first { $0.key == key })
    }

    @Test func versionsAreNumberedInTheOrderRecordedWhateverOrderTheyCome() throws {
        let standings = Standings(versions: Self.versions.reversed(), rulings: [], rules: CompetitionRules())
        #expect(standings.teams.map(\.key) == ["a", "b"])
        let a = try team("a", [])
        #expect(a.versions.map(\.entry.entry.id) == [1, 3, 4] && a.versions.map(\.number) == [1, 2, 3])
        #expect(a.publicChoice?.number == 2 && a.finalChoices.map(\.number) == [2])
    }

    @Test func aTeamRulingCoversLaterVersionsAndTheLatestRulingDecides() throws {
        // Disqualified as a team: every version, the one recorded after the ruling too.
        let out = try team("a", [Self.ruling(.disqualify, "a")])
        #expect(out.ruledOut && out.publicChoice == nil)
        #expect(out.versions.allSatisfy { $0.ruling?.action == .disqualify && $0.ruling?.wholeTeam == true })
        // One version restored within the team's ruling counts alone.
        let one = try team("a", [Self.ruling(.disqualify, "a"), Self.ruling(.restore, "a", entry: 1)])
        #expect(one.versions.map { $0.ruling == nil } == [true, false, false])
        #expect(one.publicChoice?.number == 1 && !one.ruledOut)
        // A later ruling on the team replaces the version's restore; a team restore clears all.
        let again = try team("a", [Self.ruling(.restore, "a", entry: 1), Self.ruling(.withdraw, "a")])
        #expect(again.versions.allSatisfy { $0.ruling?.action == .withdraw })
        let cleared = try team(
            "a", [Self.ruling(.withdraw, "a", entry: 3), Self.ruling(.disqualify, "a"), Self.ruling(.restore, "a")])
        #expect(cleared.versions.allSatisfy { $0.ruling == nil })
        // A version's own ruling leaves the others, and another team, alone.
        let single = try team("a", [Self.ruling(.withdraw, "a", entry: 3, "asked")])
        #expect(single.versions.map { $0.ruling?.reason } == [nil, "asked", nil])
        #expect(single.publicChoice?.number == 1)
        #expect(try team("b", [Self.ruling(.disqualify, "a")]).publicChoice?.number == 1)
    }

    @Test func equalFiguresGoToTheEarlierVersion() throws {
        let tied = [
            Self.version(1, of: "t", public: 0.7, private: 0.6, selected: true),
            Self.version(2, of: "t", public: 0.7, private: 0.6, selected: true),
        ]
        let team = try #require(Standings(versions: tied, rulings: [], rules: CompetitionRules()).teams.first)
        #expect(team.publicChoice?.number == 1)
        #expect(team.finalChoices.map(\.number) == [1, 2] && team.finalChoice?.number == 1)
    }

    @Test func theFinalChoiceIsTheBestPrivateAmongTheSelected() throws {
        let versions = [
            Self.version(1, of: "s", public: 0.9, private: 0.5),
            Self.version(2, of: "s", public: 0.6, private: 0.7, selected: true),
            Self.version(3, of: "s", public: 0.7, private: 0.65, selected: true),
            Self.version(4, of: "s", public: 0.8, private: 0.9, selected: true, at: "2026-11-09T00:00:00Z"),
        ]
        let rules = CompetitionRules(deadline: CompetitionRules.time("2026-11-05T00:00:00Z"))
        let team = try #require(Standings(versions: versions, rulings: [], rules: rules).teams.first)
        // The late selection neither counts nor pushes an earlier one out.
        #expect(team.versions.map(\.late) == [false, false, false, true])
        #expect(team.finalChoices.map(\.number) == [2, 3] && team.finalChoice?.number == 2)
        #expect(team.publicChoice?.number == 1)
        // A baseline trained after the deadline is the organizers' own: never late.
        var baseline = Self.version(5, of: "baseline:bdt", public: 0.6, at: "2026-11-09T00:00:00Z")
        baseline.entry.isBaseline = true
        let organizers = try #require(Standings(versions: [baseline], rulings: [], rules: rules).teams.first)
        #expect(organizers.versions.map(\.late) == [false] && organizers.publicChoice?.number == 1)
        let none = CompetitionRules(deadline: rules.deadline, finalSelections: 1)
        #expect(try #require(Standings(versions: versions, rulings: [], rules: none).teams.first).finalChoices.map(\.number) == [3])
    }
}
