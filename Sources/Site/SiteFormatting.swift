import Foundation

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

    /// A count with thousands separators (`11,000,000`): the one way the site and the CLI
    /// write counts.
    public static func count(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var grouped = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { grouped.append(",") }
            grouped.append(digit)
        }
        return (value < 0 ? "-" : "") + grouped
    }

    /// An ISO 8601 time stamp (`2026-11-07T10:00:00Z`) as the pages show a moment:
    /// `2026-11-07 10:00 UTC`.
    static func moment(_ iso: String) -> String {
        guard iso.count >= 16 else { return iso }
        return String(iso.prefix(10)) + " " + String(iso.dropFirst(11).prefix(5)) + " UTC"
    }

    /// The date part of an ISO 8601 time stamp.
    static func day(_ iso: String) -> String { String(iso.prefix(10)) }
}
