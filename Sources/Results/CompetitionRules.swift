import Foundation

/// The rules on versions that `leaderboard.yml`'s `rules:` section sets: a deadline, a daily
/// limit per team, and how many versions a team may select for the final ranking. Plain
/// values, so that scoring (which holds versions over the limit) and the site (which shows
/// what counts) read the same rules.
public struct CompetitionRules: Sendable, Equatable {
    /// Versions recorded after it are late: scored and shown, never counted. `nil`: no deadline.
    public var deadline: Date?
    /// Versions a team may have scored per UTC day of their recorded time; later ones that
    /// day are recorded and held, not scored. `nil`: no limit.
    public var maxPerDay: Int?
    /// Versions a team may select for the final ranking (`final: true` in the manifest).
    public var finalSelections: Int

    /// The default number of final selections.
    public static let defaultFinalSelections = 2

    /// Rules with the given values; by default none but two final selections.
    public init(deadline: Date? = nil, maxPerDay: Int? = nil, finalSelections: Int = Self.defaultFinalSelections) {
        self.deadline = deadline
        self.maxPerDay = maxPerDay
        self.finalSelections = finalSelections
    }

    /// Whether a version recorded at `recordedAt` (ISO 8601, as `EntryRecord.submittedAt`)
    /// is after the deadline. A time that cannot be read is not late.
    public func isLate(_ recordedAt: String) -> Bool {
        guard let deadline, let time = Self.time(recordedAt) else { return false }
        return time > deadline
    }

    /// An ISO 8601 time (`2026-12-20T23:59:59Z`, with an offset or fractional seconds, or a
    /// bare date, read as its midnight UTC); `nil` when it is none of these.
    public static func time(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        for options: ISO8601DateFormatter.Options in [
            [.withInternetDateTime], [.withInternetDateTime, .withFractionalSeconds], [.withFullDate],
        ] {
            formatter.formatOptions = options
            if let date = formatter.date(from: text) { return date }
        }
        return nil
    }

    /// The UTC day (`yyyy-MM-dd`) of a recorded time, as the daily limit counts it.
    public static func day(_ recordedAt: String) -> String {
        guard let time = time(recordedAt) else { return String(recordedAt.prefix(10)) }
        return recordedText(time).prefix(10).description
    }

    /// A time as entries record it (ISO 8601, UTC, whole seconds).
    public static func recordedText(_ date: Date) -> String { ISO8601DateFormatter().string(from: date) }
}
