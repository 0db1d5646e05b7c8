import Testing

@testable import Plots

@Suite struct SVGNumberTests {
    @Test(arguments: [
        (1.0, "1"), (0.5, "0.5"), (12.345, "12.35"), (-0.004, "0"), (-0.0, "0"), (2.999, "3"),
        (-12.5, "-12.5"), (100.10, "100.1"), (0.005, "0.01"), (1e20, "90000000000000"),
    ])
    func formatsWithTwoDecimalsTrimmed(value: Double, expected: String) {
        #expect(SVGNumber.format(value) == expected)
    }

    @Test func nonFiniteIsZero() {
        #expect(SVGNumber.format(.nan) == "0")
        #expect(SVGNumber.format(.infinity) == "0")
    }

    @Test func fixedKeepsZeros() {
        #expect(SVGNumber.fixed(0.2, decimals: 1) == "0.2")
        #expect(SVGNumber.fixed(1, decimals: 2) == "1.00")
        #expect(SVGNumber.fixed(0.84123, decimals: 4) == "0.8412")
        #expect(SVGNumber.fixed(-0.05, decimals: 1) == "-0.1")
    }
}

@Suite struct PathDataTests {
    @Test func writesAxisAlignedSegmentsShort() {
        var path = PathData()
        path.move(0, 0)
        path.line(10, 0)
        path.line(10, 0.001)
        path.line(10, 5.555)
        path.line(3, 4)
        path.close()
        path.line(0, 7)
        #expect(path.string == "M0 0H10V5.56L3 4ZV7")
    }

    @Test func rectanglesAreRelative() {
        var path = PathData()
        path.rectangle(x: 1, y: 2, width: 3, height: 4)
        #expect(path.string == "M1 2h3v4h-3z")
    }
}
