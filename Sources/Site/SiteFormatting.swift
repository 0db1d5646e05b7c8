import Foundation
import Results

/// Fixed-precision formatting, so the same figures always give the same bytes.
public enum SiteFormatting {
    /// `value` with `digits` decimals; "–" for a missing or non-finite value.
    static func fixed(_ value: Double?, _ digits: Int = 4) -> String {
        guard let value, value.isFinite else { return "–" }
        return String(format: "%.\(digits)f", value)
    }

    /// `value` as the pages show it (`digits` decimals), as a number: what exports and
    /// `score --json` publish, so that no output carries more of a figure than the site.
    public static func shown(_ value: Double?, _ digits: Int = 4) -> Double? {
        value.flatMap { Double(fixed($0, digits)) }
    }

    /// A background rejection: whole numbers above 100, otherwise one decimal; ∞ when no
    /// background passes.
    static func rejection(_ value: Double?) -> String {
        guard let value else { return "∞" }
        return value >= 100 ? String(format: "%.0f", value) : String(format: "%.1f", value)
    }

    /// An ISO 8601 time stamp as the pages show a moment, in UTC: `2026-11-07 10:00 UTC`, or
    /// with `seconds` `2026-11-07 10:00:05 UTC`, where versions recorded in the same minute
    /// must be told apart (a team's page, an entry's). A stamp with an offset or fractional
    /// seconds is shown as the same moment in UTC; text that is no time, as it is.
    static func moment(_ iso: String, seconds: Bool = false) -> String {
        guard let utc = utc(iso) else { return iso }
        return String(utc.prefix(10)) + " " + String(utc.dropFirst(11).prefix(seconds ? 8 : 5)) + " UTC"
    }

    /// An ISO 8601 time stamp as entries record it (`2026-11-07T10:00:05Z`: UTC, whole
    /// seconds), so that stamps written with offsets order as their moments; `nil` for text
    /// that is no time.
    static func utc(_ iso: String) -> String? {
        if iso.utf8.count == 20 && iso.hasSuffix("Z") { return iso }  // the recorded form: no parsing
        return CompetitionRules.time(iso).map(CompetitionRules.recordedText)
    }

    /// The UTC day of an ISO 8601 time stamp (`2026-11-07`), as the pages show a day.
    static func day(_ iso: String) -> String { String(moment(iso).prefix(10)) }
}
