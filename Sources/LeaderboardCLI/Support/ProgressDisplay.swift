import Foundation
import Synchronization

/// Progress of long work on standard error: a redrawn bar when standard error is a
/// terminal, otherwise a quiet line at every tenth of the work (for CI logs).
final class ProgressDisplay: Sendable {
    /// How amounts are shown.
    enum Unit: Sendable {
        case bytes, rows
    }

    private struct State {
        var lastDraw = 0.0
        var lastTenth = -1
        var finished = false
    }

    private let label: String
    private let unit: Unit
    private let isTerminal: Bool
    private let start = Date()
    private let state = Mutex(State())

    init(label: String, unit: Unit, isTerminal: Bool = isatty(STDERR_FILENO) == 1) {
        self.label = label
        self.unit = unit
        self.isTerminal = isTerminal
    }

    /// Reports `done` of `total`, with an optional `detail` (e.g. the running loss); safe
    /// from any thread.
    func update(_ done: Int, of total: Int, detail: String? = nil) {
        let suffix = detail.map { ", " + $0 } ?? ""
        let fraction = total > 0 ? min(1, Double(done) / Double(total)) : 1
        let elapsed = Date().timeIntervalSince(start)
        let line: String? = state.withLock { s in
            guard !s.finished else { return nil }
            if isTerminal {
                guard elapsed - s.lastDraw >= 0.1 || fraction >= 1 else { return nil }
                s.lastDraw = elapsed
                let width = 30
                let filled = Int(fraction * Double(width))
                let bar = String(repeating: "█", count: filled) + String(repeating: "·", count: width - filled)
                let end = fraction >= 1 ? "\n" : ""
                if fraction >= 1 { s.finished = true }
                return
                    "\r\(label) \(bar) \(Self.percent(fraction)) \(format(done))/\(format(total)) "
                    + "\(String(format: "%.1f s", elapsed))\(suffix)\u{1B}[K\(end)"
            }
            // Logs get a line per tenth of the work, and none for work done within two seconds.
            let tenth = Int(fraction * 10)
            guard tenth > s.lastTenth, elapsed >= 2 else { return nil }
            s.lastTenth = tenth
            if fraction >= 1 { s.finished = true }
            return
                "\(label): \(Self.percent(fraction)) (\(format(done)) of \(format(total)), \(String(format: "%.1f s", elapsed))\(suffix))\n"
        }
        if let line { FileHandle.standardError.write(Data(line.utf8)) }
    }

    private static func percent(_ fraction: Double) -> String {
        String(format: "%3d%%", Int(fraction * 100))
    }

    private func format(_ amount: Int) -> String {
        switch unit {
        case .bytes: amount >= 1 << 30 ? String(format: "%.2f GB", Double(amount) / 1e9) : String(format: "%.0f MB", Double(amount) / 1e6)
        case .rows: Formatting.count(amount)
        }
    }
}
