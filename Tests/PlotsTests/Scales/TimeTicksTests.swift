import Foundation
import Testing

@testable import Plots

/// Time-axis ticks on a 510-unit axis (a standard chart's plot area): the step picked for
/// spans from seconds to decades, the labels it writes, and what every axis must satisfy.
@Suite struct TimeTicksTests {
    /// Seconds since 1970 of a UTC time.
    static func t(_ year: Int, _ month: Int, _ day: Int, _ hour: Double = 0, _ minute: Double = 0, _ second: Double = 0) -> Double {
        UTCTime.seconds(year: year, month: month, day: day) + hour * 3600 + minute * 60 + second
    }

    /// A named span with the step and labels it should get.
    struct Case: Sendable, CustomStringConvertible {
        var name: String, start: Double, end: Double, step: TimeStep, labels: [String], context: String?
        var description: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "six seconds", start: t(2026, 12, 3, 14, 5, 29.6), end: t(2026, 12, 3, 14, 5, 35.4), step: TimeStep(1, .second),
            labels: (30...35).map { "14:05:\($0)" }, context: "3 Dec 2026"),
        Case(
            name: "a working day", start: t(2026, 12, 3, 8, 40), end: t(2026, 12, 3, 17, 20), step: TimeStep(1, .hour),
            labels: ["09:00", "10:00", "11:00", "12:00", "13:00", "14:00", "15:00", "16:00", "17:00"], context: "3 Dec 2026"),
        Case(
            name: "a night across midnight", start: t(2026, 12, 3, 17), end: t(2026, 12, 4, 7), step: TimeStep(3, .hour),
            labels: ["3 Dec 18:00", "3 Dec 21:00", "4 Dec 00:00", "4 Dec 03:00", "4 Dec 06:00"], context: "2026"),
        Case(
            name: "eight weeks", start: t(2026, 3, 6), end: t(2026, 4, 30), step: TimeStep(1, .week),
            labels: ["9 Mar", "16 Mar", "23 Mar", "30 Mar", "6 Apr", "13 Apr", "20 Apr", "27 Apr"], context: "2026"),
        Case(
            name: "twelve weeks", start: t(2026, 3, 4), end: t(2026, 5, 28), step: TimeStep(2, .week),
            labels: ["16 Mar", "30 Mar", "13 Apr", "27 Apr", "11 May", "25 May"], context: "2026"),
        Case(
            name: "ten months", start: t(2026, 1, 15), end: t(2026, 11, 20), step: TimeStep(1, .month),
            labels: ["Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov"], context: "2026"),
        Case(
            name: "a winter across New Year", start: t(2026, 10, 10), end: t(2027, 3, 20), step: TimeStep(1, .month),
            labels: ["Nov 2026", "Dec 2026", "Jan 2027", "Feb 2027", "Mar 2027"], context: nil),
        Case(
            name: "thirty years", start: t(2000, 6, 1), end: t(2030, 6, 1), step: TimeStep(5, .year),
            labels: ["2005", "2010", "2015", "2020", "2025", "2030"], context: nil),
    ]

    @Test(arguments: cases)
    func picksTheFinestStepThatFits(_ c: Case) {
        let result = TimeTicks.ticks(c.start, c.end, axisLength: 510)
        #expect(result.step == c.step)
        #expect(result.ticks.compactMap(\.label) == c.labels)
        #expect(result.context == c.context)
    }

    @Test func weekTicksAreMondays() {
        for (start, end) in [(Self.t(2026, 3, 6), Self.t(2026, 4, 30)), (Self.t(2026, 3, 4), Self.t(2026, 5, 28))] {
            let ticks = TimeTicks.ticks(start, end, axisLength: 510).ticks
            #expect(!ticks.isEmpty)
            // 1970-01-05, day 4, was a Monday.
            #expect(ticks.allSatisfy { (UTCTime(seconds: $0.value).dayNumber - 4) % 7 == 0 })
        }
    }

    @Test func aSingleInstantGetsOneTickWithTheWholeTime() {
        let moment = Self.t(2026, 12, 3, 14, 5, 30)
        let result = TimeTicks.ticks(moment, moment, axisLength: 510)
        #expect(result.ticks == [Tick(value: moment, label: "3 Dec 2026 14:05:30", isMajor: true)])
        #expect(result.step == nil)
    }

    @Test func aLabelRunningPastTheAxisEndIsLeftOffButItsTickKept() {
        // 18:00 sits at the very start: half of "3 Dec 18:00" would hang 38 units out.
        let result = TimeTicks.ticks(Self.t(2026, 12, 3, 18), Self.t(2026, 12, 4, 7), axisLength: 510)
        #expect(result.ticks.first?.value == Self.t(2026, 12, 3, 18))
        #expect(result.ticks.first?.label == nil)
        #expect(result.ticks.dropFirst().allSatisfy { $0.label != nil })
    }

    /// Spans from a second to a century on axes of 150 to 900 units: at most `maxCount`
    /// ticks, all inside the span, labels distinct and apart by the gap.
    @Test func everyAxisHasFewDistinctSeparatedLabelsInside() {
        var random = Fixtures.LCG(state: 17)
        for _ in 0..<2000 {
            let start = Self.t(1990, 1, 1) + random.next() * 50 * 365 * 86_400
            let span = pow(10, random.next() * 9.5)
            let length = 150 + random.next() * 750, maxCount = 3 + Int(random.next() * 10)
            let result = TimeTicks.ticks(start, start + span, axisLength: length, maxCount: maxCount)
            let labels = result.ticks.compactMap(\.label)
            #expect(result.step != nil)
            #expect(result.ticks.count <= maxCount)
            #expect(result.ticks.allSatisfy { $0.value >= start && $0.value <= start + span })
            #expect(Set(labels).count == labels.count, "\(labels)")
            let placed = result.ticks.compactMap { tick in
                tick.label.map { ((tick.value - start) / span * length, RichText($0).width(fontSize: Theme.fontSize)) }
            }
            for (a, b) in zip(placed, placed.dropFirst()) {
                #expect(b.0 - a.0 >= (a.1 + b.1) / 2 + Theme.fontSize - 1e-9, "\(labels) on \(length)")
            }
        }
    }

    /// The calendar arithmetic against Foundation's ISO 8601 formatter, from 1900 to 2200.
    @Test func utcFieldsMatchFoundation() {
        let formatter = ISO8601DateFormatter()
        var random = Fixtures.LCG(state: 5)
        for _ in 0..<5000 {
            let seconds = (-70 + random.next() * 300) * 365.25 * 86_400
            let time = UTCTime(seconds: seconds.rounded(.down))
            #expect(time.isoDate + "T" + time.clock + "Z" == formatter.string(from: Date(timeIntervalSince1970: seconds.rounded(.down))))
        }
        #expect(UTCTime(seconds: -1).isoDate == "1969-12-31" && UTCTime(seconds: -1).clock == "23:59:59")
        #expect(UTCTime(seconds: Self.t(2000, 2, 29, 12)).dayAndMonth == "29 Feb")
    }
}
