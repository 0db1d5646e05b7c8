// trees-predict: times ModelFileReader.read and Classifier.predict on a raw float32 matrix,
// for bench/trees_predict.sh. Not part of the product.
//
//   trees-predict MODEL ROWS.f32 COLUMNS [REPEATS] [OUT.f64]
//
// ROWS.f32 is rows x COLUMNS little-endian float32 values, row-major; a ROWS.f64 file holds
// float64 values instead, handed over as written (the batch's exact values, each float32 its
// rounding), as a data file that is not float32-exact reaches a model. Prints one JSON line:
// {"load_s": …, "predict_s": best of REPEATS (wall), "predict_cpu_s": best CPU seconds (all
// threads), "rows": …, "summary": "…"}; writes the
// predictions as float64 to OUT.f64 when given.
import Foundation
import ModelFiles
import Models

/// User plus system CPU seconds this process has used, over all its threads.
func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
        + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) * 1e-6
}

let arguments = CommandLine.arguments
guard arguments.count >= 4, let columns = Int(arguments[3]), columns > 0 else {
    FileHandle.standardError.write(Data("usage: trees-predict MODEL ROWS.f32 COLUMNS [REPEATS] [OUT.f64]\n".utf8))
    exit(2)
}
let repeats = arguments.count > 4 ? max(1, Int(arguments[4]) ?? 3) : 3
do {
    let bytes = try Data(contentsOf: URL(fileURLWithPath: arguments[2]))
    let exact: [Double]? =
        arguments[2].hasSuffix(".f64") ? bytes.withUnsafeBytes { Array($0.bindMemory(to: Double.self)) } : nil
    let values = exact.map { $0.map { Float($0) } } ?? bytes.withUnsafeBytes { Array($0.bindMemory(to: Float.self)) }
    guard values.count % columns == 0 else { throw ClassifierError.inputWidth(expected: columns, found: values.count % columns) }
    var clock = ContinuousClock.now
    let model = try ModelFileReader.read(contentsOf: URL(fileURLWithPath: arguments[1]))
    let load = ContinuousClock.now - clock
    var best = Duration.seconds(1_000_000)
    var bestCPU = Double.infinity
    var predictions: [Double] = []
    for _ in 0..<repeats {
        let cpu = cpuSeconds()
        clock = ContinuousClock.now
        predictions = try withFeatureBatch(values, exactValues: exact, columns: columns) { try model.classifier.predict($0) }
        best = min(best, ContinuousClock.now - clock)
        bestCPU = min(bestCPU, cpuSeconds() - cpu)
    }
    if arguments.count > 5 {
        try predictions.withUnsafeBytes { Data($0) }.write(to: URL(fileURLWithPath: arguments[5]))
    }
    func seconds(_ d: Duration) -> Double { Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18 }
    let summary = model.summary.text.split(separator: "\n").prefix(4).joined(separator: "; ")
        .replacingOccurrences(of: "\"", with: "'")
    print(
        "{\"load_s\": \(seconds(load)), \"predict_s\": \(seconds(best)), \"predict_cpu_s\": \(bestCPU), \"rows\": "
            + "\(predictions.count), \"summary\": \"\(summary)\"}"
    )
} catch {
    FileHandle.standardError.write(Data("trees-predict: \(error)\n".utf8))
    exit(1)
}
