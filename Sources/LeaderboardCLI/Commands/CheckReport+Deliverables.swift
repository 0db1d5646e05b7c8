import Foundation
import ModelFiles
import Results

extension CheckReport {
    /// A file handed in beside the model, as `score` reads it for the entry's page: a
    /// notebook (parsed and checked: what the page will show, or why it shows nothing), a PDF
    /// (checked: linked, or why not), or another file (listed by kind).
    struct DeliverablePart: Codable {
        /// Its name in the folder.
        var file: String
        /// `notebook`, `PDF`, `script`, `image`…
        var kind: String
        /// Whether the entry's page will show (a notebook) or link (a PDF) it; other files are
        /// listed only.
        var shown: Bool
        /// What the page will show of it, or the one line why it will not.
        var detail: String
    }

    /// The parts of `deliverables`: notebooks, then PDFs, then the other files, each in name order.
    static func deliverableParts(_ deliverables: EntryDeliverables) -> [DeliverablePart] {
        var parts: [DeliverablePart] = []
        for submitted in deliverables.notebooks {
            guard let notebook = submitted.notebook else {
                parts.append(
                    DeliverablePart(
                        file: submitted.name, kind: "notebook", shown: false, detail: submitted.problem ?? "cannot be shown"))
                continue
            }
            parts.append(DeliverablePart(file: submitted.name, kind: "notebook", shown: true, detail: describe(notebook)))
        }
        for pdf in deliverables.pdfs {
            parts.append(
                DeliverablePart(
                    file: pdf.name, kind: "PDF", shown: pdf.problem == nil,
                    detail: pdf.problem ?? "\(Formatting.count(pdf.bytes)) bytes, linked from the entry's page"))
        }
        for file in deliverables.files {
            parts.append(
                DeliverablePart(
                    file: file.name, kind: file.kind.label, shown: false,
                    detail: "\(Formatting.count(file.bytes)) bytes, listed on the entry's page"))
        }
        return parts
    }

    /// What the entry's page will show of `notebook`: its cells by kind, its figures and the
    /// outputs left out.
    static func describe(_ notebook: Notebook) -> String {
        var markdown = 0, code = 0, raw = 0, figures = 0, omitted = 0
        for cell in notebook.cells {
            switch cell {
            case .markdown: markdown += 1
            case .raw: raw += 1
            case let .code(_, _, outputs):
                code += 1
                for output in outputs {
                    if case .image = output { figures += 1 }
                    if case .omitted = output { omitted += 1 }
                }
            }
        }
        func count(_ n: Int, _ noun: String) -> String { "\(Formatting.count(n)) \(noun)\(n == 1 ? "" : "s")" }
        var parts = [count(code, "code cell"), count(markdown, "Markdown cell")]
        if raw > 0 { parts.append(count(raw, "raw cell")) }
        parts.append(count(figures, "figure"))
        if omitted > 0 { parts.append("\(count(omitted, "output")) not shown (HTML, JavaScript or over a limit)") }
        return parts.joined(separator: ", ") + "; shown on the entry's page, never run"
    }
}
