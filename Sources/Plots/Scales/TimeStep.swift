/// A distance between ticks on a time axis, in calendar terms: so many seconds, minutes,
/// hours or days from midnight UTC, weeks from Mondays, months from the first of a month
/// (Jan/Apr/Jul/Oct for quarters), years from 1 January.
struct TimeStep: Sendable, Equatable, CustomStringConvertible {
    /// The calendar unit a step counts.
    enum Unit: Sendable, Equatable, Comparable {
        case second, minute, hour, day, week, month, year
    }

    /// The unit.
    var unit: Unit
    /// How many units, at least 1.
    var count: Int

    /// A step of `count` units.
    init(_ count: Int, _ unit: Unit) {
        precondition(count >= 1, "a time step counts at least one unit")
        self.unit = unit
        self.count = count
    }

    /// The steps a time axis picks from, finest first.
    static let ladder: [TimeStep] = [
        TimeStep(1, .second), TimeStep(5, .second), TimeStep(15, .second), TimeStep(30, .second),
        TimeStep(1, .minute), TimeStep(5, .minute), TimeStep(15, .minute), TimeStep(30, .minute),
        TimeStep(1, .hour), TimeStep(3, .hour), TimeStep(6, .hour), TimeStep(12, .hour),
        TimeStep(1, .day), TimeStep(2, .day), TimeStep(1, .week), TimeStep(2, .week),
        TimeStep(1, .month), TimeStep(3, .month), TimeStep(6, .month), TimeStep(1, .year),
    ]

    /// The ladder, then 2, 5, 10, 20, 50, … years up to a million: the last holds at most one
    /// tick on any span shorter than a million years.
    static let candidates: [TimeStep] =
        ladder + (0..<6).flatMap { power in [2, 5, 10].map { TimeStep($0 * pow10(power), .year) } }

    /// `2 weeks`, for messages and test names.
    var description: String { "\(count) \(unit)\(count == 1 ? "" : "s")" }

    /// Whether labels at this step need a time of day.
    var isWithinDay: Bool { unit < .day }

    /// The tick times (seconds since 1970) at this step inside `start...end`, or nil when
    /// there would be more than `limit`; counted before any is made, so a fine step over a
    /// long span costs nothing.
    func values(from start: Double, to end: Double, atMost limit: Int) -> [Double]? {
        switch unit {
        case .second, .minute, .hour, .day:
            return evenlySpaced(length: Double(count * unit.seconds), offset: 0, start, end, limit)
        case .week:
            // Day 4 after 1970-01-01 (a Thursday) is the first Monday.
            return evenlySpaced(length: Double(count * 7 * 86_400), offset: 4 * 86_400, start, end, limit)
        case .month:
            // Months counted from January 1970, so quarters start in January, April, July and October.
            let first = UTCTime(seconds: start).monthNumber, last = UTCTime(seconds: end).monthNumber
            return calendarStarts(first, last, start, end, limit, UTCTime.seconds(monthNumber:))
        case .year:
            let first = UTCTime(seconds: start).year, last = UTCTime(seconds: end).year
            return calendarStarts(first, last, start, end, limit) { UTCTime.seconds(year: $0, month: 1, day: 1) }
        }
    }

    /// The times `time(n)` of the months or years `n` in `first...last` that are multiples of
    /// `count` and fall in `start...end`, or nil when more than `limit`. The first month or
    /// year may start before `start`, so one extra is allowed in the count made before any time is.
    private func calendarStarts(
        _ first: Int, _ last: Int, _ start: Double, _ end: Double, _ limit: Int, _ time: (Int) -> Double
    ) -> [Double]? {
        let aligned = UTCTime.floorDivide(first + count - 1, count) * count
        guard aligned <= last else { return [] }
        guard (last - aligned) / count + 1 <= limit + 1 else { return nil }
        let times = stride(from: aligned, through: last, by: count).map(time).filter { $0 >= start && $0 <= end }
        return times.count <= limit ? times : nil
    }

    /// Multiples of `length` after `offset` within `start...end`.
    private func evenlySpaced(length: Double, offset: Double, _ start: Double, _ end: Double, _ limit: Int) -> [Double]? {
        let first = ((start - offset) / length).rounded(.up)
        let last = ((end - offset) / length).rounded(.down)
        guard first <= last else { return [] }
        guard last - first + 1 <= Double(limit) else { return nil }
        return stride(from: first, through: last, by: 1).map { $0 * length + offset }
    }

    /// 10^`power` as an integer.
    private static func pow10(_ power: Int) -> Int { (0..<power).reduce(1) { value, _ in value * 10 } }
}

extension TimeStep.Unit {
    /// Seconds in one unit, for the units of fixed length.
    fileprivate var seconds: Int {
        switch self {
        case .second: 1
        case .minute: 60
        case .hour: 3600
        case .day: 86_400
        case .week: 7 * 86_400
        case .month, .year: preconditionFailure("months and years have no fixed length")
        }
    }
}
