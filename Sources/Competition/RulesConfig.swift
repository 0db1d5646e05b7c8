import Foundation
import Results

/// The `rules:` section of `leaderboard.yml` as written in YAML, with snake_case keys; a
/// wrong value or an unknown key is refused in words (`RulesConfig.Problem`).
struct RulesConfig: Codable {
    var rules: CompetitionRules

    init(_ rules: CompetitionRules) { self.rules = rules }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case deadline, maxPerDay = "max_per_day", finalSelections = "final_selections"
    }

    /// What is wrong with the section, in words.
    struct Problem: Error, CustomStringConvertible {
        let description: String
    }

    /// Any key, to name those the section does not know.
    private struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    init(from decoder: Decoder) throws {
        let known = Set(CodingKeys.allCases.map(\.rawValue))
        if let unknown = try decoder.container(keyedBy: AnyKey.self).allKeys.map(\.stringValue).sorted().first(where: {
            !known.contains($0)
        }) {
            throw Problem(description: "rules.\(unknown) is not a rule (the rules are deadline, max_per_day, final_selections)")
        }
        let c = try decoder.container(keyedBy: CodingKeys.self)
        var rules = CompetitionRules()
        if let text = try? c.decodeIfPresent(String.self, forKey: .deadline) {
            guard let time = CompetitionRules.time(text) else {
                throw Problem(description: "rules.deadline '\(text.prefix(40))' is not an ISO 8601 time such as 2026-12-20T23:59:59Z")
            }
            rules.deadline = time
        } else if c.contains(.deadline), try !c.decodeNil(forKey: .deadline) {
            throw Problem(description: "rules.deadline is not an ISO 8601 time such as 2026-12-20T23:59:59Z")
        }
        rules.maxPerDay = try Self.count(c, .maxPerDay)
        rules.finalSelections = try Self.count(c, .finalSelections) ?? rules.finalSelections
        self.rules = rules
    }

    /// A whole number of at least 1 under `key`, if given.
    private static func count(_ c: KeyedDecodingContainer<CodingKeys>, _ key: CodingKeys) throws -> Int? {
        guard c.contains(key), try !c.decodeNil(forKey: key) else { return nil }
        guard let value = try? c.decode(Int.self, forKey: key), value >= 1 else {
            throw Problem(description: "rules.\(key.rawValue) must be a whole number of at least 1")
        }
        return value
    }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        if let deadline = rules.deadline { try c.encode(CompetitionRules.recordedText(deadline), forKey: .deadline) }
        if let maxPerDay = rules.maxPerDay { try c.encode(maxPerDay, forKey: .maxPerDay) }
        try c.encode(rules.finalSelections, forKey: .finalSelections)
    }
}
