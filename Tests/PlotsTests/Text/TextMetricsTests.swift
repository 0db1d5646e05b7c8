import Foundation
import Testing

@testable import Plots

/// Widths measured from the font table against the same texts measured by Chromium
/// (`Fixtures/text-widths/make.sh`), and the shortening of texts that do not fit.
struct TextMetricsTests {
    /// One line of widths.tsv: the weight, the size, Chromium's width and the text.
    struct Measured {
        var bold: Bool, fontSize: Double, width: Double, text: String
    }

    static func measured() throws -> [Measured] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../Fixtures/text-widths/widths.tsv").standardized
        return try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map { line in
            let fields = line.split(separator: "\t", maxSplits: 3, omittingEmptySubsequences: false)
            return Measured(
                bold: fields[0] == "bold", fontSize: Double(fields[1])!, width: Double(fields[2])!, text: String(fields[3]))
        }
    }

    /// Never narrower than Chromium draws it (a box measured here holds the text), and at most
    /// 1.5 % wider (Chromium draws to 1/64 px and kerns pairs such as "Te" and "AV", which only narrows a text).
    @Test func widthsAreTheBrowsersUpToKerning() throws {
        let samples = try Self.measured()
        #expect(samples.count == 156)
        for sample in samples {
            let width = TextMetrics.width(sample.text, fontSize: sample.fontSize, bold: sample.bold)
            #expect(
                width >= sample.width - 1.0 / 64 && width <= sample.width * 1.015 + 0.05,
                "\(sample.text) at \(sample.fontSize) px\(sample.bold ? " bold" : ""): \(width) here, \(sample.width) in Chromium")
        }
    }

    @Test func boldIsWiderThanRegular() {
        let text = "Background efficiency"
        #expect(TextMetrics.width(text, fontSize: 12, bold: true) > TextMetrics.width(text, fontSize: 12) + 5)
    }

    @Test func characterTheFontLacksAreCountedWide() {
        // CJK comes from another font: a full em each, never less.
        #expect(TextMetrics.width("粒子物理", fontSize: 12) == 48)
        // A combining accent adds nothing to its letter.
        #expect(TextMetrics.width("e\u{301}", fontSize: 12) == TextMetrics.width("e", fontSize: 12))
    }

    @Test func aFittingTextIsKept() {
        let text = "ROC curve"
        #expect(TextMetrics.fitted(text, maxWidth: 200, fontSize: 12) == text)
    }

    @Test func aLongTextIsCutToFitWithAnEllipsis() {
        let text = "Baseline: BDT: AdaBoost of 200 depth-1 trees"
        for maxWidth in stride(from: 30.0, through: 240, by: 10) {
            let fitted = TextMetrics.fitted(text, maxWidth: maxWidth, fontSize: 12)
            #expect(TextMetrics.width(fitted, fontSize: 12) <= maxWidth)
            if fitted != text {
                #expect(fitted.hasSuffix("…"))
                #expect(text.hasPrefix(String(fitted.dropLast())))
            }
        }
    }

    @Test func theFigureInParenthesesIsKeptWhole() {
        let text = "Baseline: BDT: AdaBoost of 200 depth-1 trees (AUC = 0.7972)"
        let fitted = TextMetrics.fitted(text, maxWidth: 220, fontSize: 12)
        #expect(fitted.hasSuffix("… (AUC = 0.7972)"))
        #expect(fitted.hasPrefix("Baseline: BDT"))
        #expect(TextMetrics.width(fitted, fontSize: 12) <= 220)
        // Too narrow for the figure to take at most half: cut at the end like any text.
        let narrow = TextMetrics.fitted(text, maxWidth: 120, fontSize: 12)
        #expect(narrow.hasSuffix("…") && narrow.hasPrefix("Baseline"))
    }

    @Test func cutsNeverSplitACharacter() {
        let text = "🇨🇭🇨🇭🇨🇭🇨🇭 Team"
        let fitted = TextMetrics.fitted(text, maxWidth: 30, fontSize: 12)
        #expect(fitted.unicodeScalars.count % 2 == 1, "a flag is two scalars: \(fitted)")
    }
}
