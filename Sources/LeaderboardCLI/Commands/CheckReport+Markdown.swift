import Foundation

extension CheckReport {
    /// The report as a section of a GitHub job summary: a heading naming the submission, the
    /// verdict, what was understood of its files as a table, the validation figures as a small
    /// table (a predictions file: its shape), and what the model file holds, folded. Every text
    /// that comes from the submission is inert there (``MarkdownText``). Like the text, it holds
    /// no figure of the hidden test rows: `check` never computes one.
    var markdown: String {
        var lines = [Self.heading(submission), "", "**\(MarkdownText.escaped(verdict))**", "", "| | |", "|---|---|"]
        for (label, text) in understood { lines.append("| \(label) | \(MarkdownText.escaped(text)) |") }
        lines.append("| data | \(MarkdownText.escaped(Self.describe(data))) |")
        if let predictions { lines.append("| shape | \(MarkdownText.escaped(Self.describe(predictions))) |") }
        if let validation {
            lines += [
                "", "| validation rows | AUC | AUC 95% interval | accuracy | log loss |", "|---:|---:|:---:|---:|---:|",
                String(
                    format: "| %@ | %.4f | %.4f – %.4f | %.4f | %.4f |", Formatting.count(validation.rows), validation.auc,
                    validation.aucLow, validation.aucHigh, validation.accuracy, validation.logLoss),
            ]
        }
        if let summary {
            lines += [
                "", "<details><summary>What the model file holds</summary>", "", MarkdownText.codeBlock(summary.text), "", "</details>",
            ]
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The section of a submission that cannot be scored: its heading and the one-line reason.
    static func markdown(refused submission: String, reason: String) -> String {
        "\(heading(submission))\n\n**Cannot be scored:** \(MarkdownText.escaped(reason))\n"
    }

    /// The heading of a submission's section: its path, as text only.
    static func heading(_ submission: String) -> String { "### " + MarkdownText.escaped(submission) }
}
