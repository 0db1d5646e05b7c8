import Metrics
import Testing

@Suite("Accuracy and confusion matrix against sklearn")
struct ConfusionMatrixTests {
    @Test(
        "equals sklearn's confusion_matrix and accuracy_score",
        arguments: try MetricsFixtures.cases())
    func matchesSklearn(_ fixture: MetricsFixtures.Case) throws {
        let matrix = try ConfusionMatrix(scores: fixture.scores, labels: fixture.labels)
        #expect(matrix.rows == fixture.confusion)
        #expect(matchesReference(matrix.accuracy, fixture.accuracy))
        #expect(matrix.total == fixture.scores.count)
        #expect(try ConfusionMatrix(scores: fixture.scores, labels: fixture.booleanLabels) == matrix)
    }

    @Test("a score of exactly 0.5 is signal")
    func thresholdIsInclusive() throws {
        let matrix = try ConfusionMatrix(scores: [0.5, 0.5, 0.4999999999], labels: [1, 0, 1] as [UInt8])
        #expect(matrix == ConfusionMatrix(trueNegatives: 0, falsePositives: 1, falseNegatives: 1, truePositives: 1))
    }

    @Test("one class is allowed and stays 2×2")
    func singleClass() throws {
        let matrix = try ConfusionMatrix(scores: [0.9, 0.1], labels: [true, true])
        #expect(matrix.rows == [[0, 0], [1, 1]])
        #expect(matrix.accuracy == 0.5)
    }

    @Test("another threshold")
    func otherThreshold() throws {
        let matrix = try ConfusionMatrix(scores: [0.2, 0.4, 0.6, 0.8], labels: [0, 1, 0, 1] as [UInt8], threshold: 0.3)
        #expect(matrix.rows == [[1, 1], [0, 2]])
    }
}
