/// Ticks for a time axis (seconds since 1970, UTC): the finest calendar step whose labels fit
/// side by side, each label written as the step needs (`14:05:30`, `14:00`, `3 Dec 14:00`,
/// `3 Dec`, `Dec`, `Dec 2026`, `2026`) and distinct from every other. What all labels share
/// and leave out (the day, or the year) is given apart, for the axis title.
enum TimeTicks {
    /// The ticks an axis gets, the step they are at, and the common part of their dates.
    struct Result: Sendable, Equatable {
        /// Major ticks, labelled unless a label would run past the axis's ends.
        var ticks: [Tick]
        /// The step between ticks; nil for a span of zero (one tick with the full time).
        var step: TimeStep?
        /// The day (`3 Dec 2026`) or year (`2026`) the labels leave out because the whole span
        /// is in it, or nil when labels carry their full date.
        var context: String?
    }

    /// The ticks for `start...end` on an axis `axisLength` user units long, with at most
    /// `maxCount` ticks whose labels (at `fontSize`) are at least `gap` apart. A label may
    /// reach `overhang` past either end of the axis (into the chart's margin); one reaching
    /// further is left off, its tick kept.
    static func ticks(
        _ start: Double, _ end: Double, axisLength: Double, maxCount: Int = 10,
        fontSize: Double = Theme.fontSize, gap: Double = Theme.fontSize, overhang: Double = 18
    ) -> Result {
        precondition(start.isFinite && end.isFinite && start <= end, "a time axis needs finite start <= end")
        precondition(maxCount >= 1, "maxCount must be positive")
        guard end > start else {
            let moment = UTCTime(seconds: start)
            return Result(ticks: [Tick(value: start, label: moment.dayAndMonth + " \(moment.year) " + moment.clock, isMajor: true)])
        }
        let width = { (label: String) in RichText(label).width(fontSize: fontSize) }
        let position = { (value: Double) in (value - start) / (end - start) * axisLength }
        let first = UTCTime(seconds: start), last = UTCTime(seconds: end)
        let span = Span(crossesDays: first.dayNumber != last.dayNumber, crossesYears: first.year != last.year)
        for step in TimeStep.candidates {
            guard let values = step.values(from: start, to: end, atMost: maxCount) else { continue }
            let labels = values.map { label(UTCTime(seconds: $0), step: step, span: span) }
            guard Set(labels).count == labels.count else { continue }
            let ticks = zip(values, labels).map { value, label in
                let half = width(label) / 2
                let inside = position(value) - half >= -overhang && position(value) + half <= axisLength + overhang
                return Tick(value: value, label: inside ? label : nil, isMajor: true)
            }
            let labelled = ticks.compactMap { tick in tick.label.map { (x: position(tick.value), width: width($0)) } }
            let fits = zip(labelled, labelled.dropFirst()).allSatisfy { a, b in b.x - a.x >= (a.width + b.width) / 2 + gap }
            if fits { return Result(ticks: ticks, step: step, context: context(first, step: step, span: span)) }
        }
        return Result(ticks: [], step: nil, context: nil)
    }

    /// Whether an axis's span reaches into a second day or a second year: labels then say
    /// which.
    struct Span: Sendable, Equatable {
        /// The span reaches past midnight UTC.
        var crossesDays: Bool
        /// The span reaches past New Year.
        var crossesYears: Bool
    }

    /// The label of a tick at `time` for ticks `step` apart on an axis over `span`.
    static func label(_ time: UTCTime, step: TimeStep, span: Span) -> String {
        let year = span.crossesYears ? " \(time.year)" : ""
        switch step.unit {
        case .second, .minute, .hour:
            let clock = step.unit == .second ? time.clock : time.hoursAndMinutes
            return span.crossesDays ? time.dayAndMonth + year + " " + clock : clock
        case .day, .week: return time.dayAndMonth + year
        case .month: return UTCTime.monthNames[time.month - 1] + year
        case .year: return "\(time.year)"
        }
    }

    /// What the labels at `step` leave out because the whole span, from `first`, shares it:
    /// the day for times of day within one day, the year for dates within one year.
    static func context(_ first: UTCTime, step: TimeStep, span: Span) -> String? {
        if step.isWithinDay && !span.crossesDays { return first.dayAndMonth + " \(first.year)" }
        if step.unit != .year && !span.crossesYears { return "\(first.year)" }
        return nil
    }
}
