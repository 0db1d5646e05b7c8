import Testing

@testable import Plots

@Suite struct PolylineThinningTests {
    @Test func dropsPointsCloserThanAPixelAndKeepsEnds() {
        let points = (0...100).map { Point(x: Double($0) * 0.1, y: 0) }
        let thinned = PolylineThinning.thinned(points)
        #expect(thinned.first == points.first && thinned.last == points.last)
        #expect(thinned.count == 11)
    }

    @Test func mergesStraightRuns() {
        let points = [Point(x: 0, y: 0), Point(x: 1, y: 0), Point(x: 2, y: 0), Point(x: 2, y: 5), Point(x: 2, y: 9)]
        #expect(PolylineThinning.withoutCollinear(points) == [Point(x: 0, y: 0), Point(x: 2, y: 0), Point(x: 2, y: 9)])
    }

    @Test func clippingCutsAtTheEdge() {
        let rect = Rect(x: 0, y: 0, width: 10, height: 10)
        let runs = LineClipping.clip([Point(x: 5, y: 5), Point(x: 15, y: 5), Point(x: 15, y: 8), Point(x: 5, y: 8)], to: rect)
        #expect(runs == [[Point(x: 5, y: 5), Point(x: 10, y: 5)], [Point(x: 10, y: 8), Point(x: 5, y: 8)]])
    }
}
