import Testing

@testable import Plots

/// The score-over-time chart: points at their times, the x range, the bounded score axis.
@Suite struct BestScoreTimelineTests {
    static let start = UTCTime.seconds(year: 2026, month: 12, day: 3) + 14 * 3600

    @Test func oneInstantGetsAnHourEitherSide() {
        let chart = BestScoreTimelineChart.make(times: [Self.start, Self.start], scores: [0.8, 0.82])
        #expect(chart.xAxis.range == (Self.start - 3600)...(Self.start + 3600))
        #expect(chart.xAxis.customTicks?.compactMap(\.label).contains("14:00") == true)
        #expect(chart.description == "Best AUC over 2 submissions on 2026-12-03 between 14:00:00 and 14:00:00 UTC; best 0.8200.")
    }

    @Test func theRangeCoversFirstToLastWithAMarginAndTheBestLineReachesItsEnd() throws {
        let times = [Self.start + 86_400 * 9, Self.start, Self.start + 86_400 * 4]
        let chart = BestScoreTimelineChart.make(times: times, scores: [0.9, 0.8, 0.85])
        let range = try #require(chart.xAxis.range)
        #expect(abs(range.lowerBound - (Self.start - 0.36 * 86_400)) < 1e-6)
        #expect(abs(range.upperBound - (Self.start + 9.36 * 86_400)) < 1e-6)
        let best = try #require(chart.marks.compactMap { $0 as? LineMark }.first)
        #expect(best.x == [Self.start, Self.start + 86_400 * 4, Self.start + 86_400 * 9, range.upperBound])
        #expect(best.y == [0.8, 0.85, 0.9, 0.9])
        #expect(chart.description == "Best AUC over 3 submissions from 2026-12-03 to 2026-12-12; best 0.9000.")
    }

    @Test func anAUCAxisNeverPassesOneNorALossAxisZero() throws {
        let auc = BestScoreTimelineChart.make(times: [Self.start, Self.start + 60], scores: [0.97, 0.995])
        #expect(try #require(auc.yAxis.range).upperBound == 1)
        let loss = BestScoreTimelineChart.make(
            times: [Self.start, Self.start + 60], scores: [0, 0], scoreLabel: "Log loss", higherIsBetter: false)
        // Both losses 0: the automatic range would be -1…1.
        #expect(try #require(loss.yAxis.range).lowerBound == 0)
    }
}
