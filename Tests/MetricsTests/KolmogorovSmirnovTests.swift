import Foundation
import Testing

@testable import Metrics

@Suite struct KolmogorovSmirnovTests {
    struct Case: Decodable, CustomTestStringConvertible, Sendable {
        var name: String, a: [Double], b: [Double], statistic: Double
        var p_value: Double
        var testDescription: String { name }
    }

    static let cases: [Case] = {
        guard let url = Bundle.module.url(forResource: "ks_cases", withExtension: "json", subdirectory: "Fixtures"),
            let data = try? Data(contentsOf: url),
            let cases = try? JSONDecoder().decode([Case].self, from: data)
        else { return [] }
        return cases
    }()

    @Test func theFixturesAreThere() {
        #expect(Self.cases.count == 5)
    }

    @Test(arguments: cases)
    func equalsScipy(_ c: Case) throws {
        let ks = try KolmogorovSmirnov(c.a, c.b)
        #expect(abs(ks.statistic - c.statistic) < 1e-12)
        #expect(abs(ks.pValue - c.p_value) < 1e-9)
    }

    @Test func isSymmetricAndRefusesEmptySamples() throws {
        let a = [0.1, 0.5, 0.5, 0.9], b = [0.3, 0.5]
        #expect(try KolmogorovSmirnov(a, b) == KolmogorovSmirnov(b, a))
        #expect(throws: MetricsError.self) { try KolmogorovSmirnov([], b) }
        #expect(throws: MetricsError.self) { try KolmogorovSmirnov([.nan], b) }
    }
}
