import ArgumentParser
import Foundation
import HiggsData

/// `leaderboard data synth`: HIGGS-shaped events in HIGGS.csv's own text format.
struct DataSynthCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "synth",
        abstract: "Write HIGGS-shaped synthetic events in HIGGS.csv's text format (%.18e), plain or .gz.",
        discussion: """
            Each event is a real template event (from the embedded sample, or --sample) moved by the symmetries of the physics: a rotation \
            about the beam axis, a mirror of it, and an energy scale applied to every momentum and mass alike, with a 1% smear. Rows in \
            the hidden-test tail of the output use the sample's hidden-test events as templates. The same --seed gives the same bytes. \
            Without --seed, the seed is drawn from the system's random source (so a file meant to stay private cannot be made again by \
            someone else) and printed, to make the file again with --seed.
            """)

    @OptionGroup var global: GlobalOptions
    @Option(help: "Number of rows to write.") var rows: Int
    @Option(help: "Output file; a name ending in .gz is gzip-compressed.") var out: String
    @Option(help: "Random seed (default: drawn from the system's random source and printed).") var seed: UInt64?
    @Option(help: "gzip level 1-9 for .gz output.") var gzipLevel: Int32 = 6
    @Option(help: "Template events (default: the embedded sample).") var sample: String?

    func validate() throws {
        guard rows > 0 else { throw ValidationError("--rows must be positive") }
        guard (1...9).contains(gzipLevel) else { throw ValidationError("--gzip-level must be 1 to 9") }
    }

    func run() throws {
        let templates = try global.loader().load(sample ?? KnownDataSets.samplePath).dataset
        let generator = try SyntheticEvents(sample: templates)
        let writer = HiggsTextWriter(gzipLevel: out.hasSuffix(".gz") ? gzipLevel : nil)
        let display = ProgressDisplay(label: "writing", unit: .rows)
        // `random(in:)` draws from SystemRandomNumberGenerator: getrandom(2), the kernel's source.
        let total = rows, seed = seed ?? UInt64.random(in: .min ... .max)
        let start = Date()
        try writer.write(rowCount: total, to: out, progress: { display.update($0, of: total) }) { range, labels, features in
            generator.generate(rows: range, totalRows: total, seed: seed, labels: labels, features: features)
        }
        let bytes = (try? FileManager.default.attributesOfItem(atPath: out)[.size] as? Int) ?? 0
        print(
            "wrote \(Formatting.count(total)) rows (\(Formatting.count(bytes)) bytes) to \(out) in "
                + "\(Formatting.seconds(Date().timeIntervalSince(start)))"
        )
        if self.seed == nil { print("seed \(seed): pass --seed \(seed) to make this file again") }
    }
}
