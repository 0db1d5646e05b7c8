import Foundation
import Results

/// The entry page's section of what the team handed in beside its model
/// (`deliverables.mustache`): each notebook rendered, each PDF linked, the other files by
/// name.
///
/// Every participant string reaches the page escaped by the template, except two kinds of
/// HTML made here: Markdown cells, rendered by the README's renderer (cmark-gfm's safe mode,
/// ``Markdown``), and images, as `data:` URLs of bytes checked when read (PNG and JPEG
/// signatures; SVG rebuilt from an allow-list), shown through `<img>`, in which browsers run
/// no script and load nothing.
struct DeliverablesContext {
    /// One notebook: its cells, or why it is not shown.
    struct NotebookSection {
        let name: String, language: String?
        let problem: String?
        let cells: [Cell]
    }

    /// One cell: exactly one of its fields is set.
    struct Cell {
        /// A Markdown cell's safe HTML.
        let markdown: String?
        let code: Code?
        /// A raw cell's text.
        let raw: String?
    }

    /// A code cell: its prompt (`[3]`), source and outputs.
    struct Code {
        let prompt: String, source: String
        let outputs: [Output]
        let hasOutputs: Bool
    }

    /// One output: exactly one of `text`, `error`, `image`, `note` is set.
    struct Output {
        let text: String?
        /// Whether the text came from standard error.
        let isStderr: Bool
        let error: String?
        /// A `data:` URL of a checked image.
        let image: String?
        let note: String?
    }

    /// A PDF: its link beside the page, or why it is not published.
    struct PDF {
        let name: String, bytes: String
        let href: String?, problem: String?
    }

    /// Another file, by name.
    struct File {
        let name: String, kind: String, bytes: String
    }

    let notebooks: [NotebookSection]
    let pdfs: [PDF]
    let files: [File]
    let hasPDFs: Bool, hasFiles: Bool

    /// The section of `deliverables`, its PDFs linked at `pdfLinks` (file name → path from
    /// the entry's page); `nil` when the folder held nothing beside the model.
    init?(_ deliverables: EntryDeliverables?, pdfLinks: [String: String]) {
        guard let deliverables, !deliverables.isEmpty else { return nil }
        var markdown = MarkdownCells()
        notebooks = deliverables.notebooks.map { submitted in
            NotebookSection(
                name: submitted.name, language: submitted.notebook?.language, problem: submitted.problem,
                cells: submitted.notebook?.cells.map { Self.cell($0, markdown: &markdown) } ?? [])
        }
        pdfs = deliverables.pdfs.map { pdf in
            let href = pdf.problem == nil ? pdfLinks[pdf.name] : nil
            return PDF(
                name: pdf.name, bytes: CountText.of(pdf.bytes), href: href,
                problem: pdf.problem ?? (href == nil ? "'\(pdf.name)' was not stored with the entry" : nil))
        }
        files = deliverables.files.map { File(name: $0.name, kind: $0.kind.label, bytes: CountText.of($0.bytes)) }
        hasPDFs = !pdfs.isEmpty
        hasFiles = !files.isEmpty
    }

    private static func cell(_ cell: NotebookCell, markdown: inout MarkdownCells) -> Cell {
        switch cell {
        case let .markdown(text): Cell(markdown: markdown.html(text), code: nil, raw: nil)
        case let .raw(text): Cell(markdown: nil, code: nil, raw: text)
        case let .code(source, count, outputs):
            Cell(
                markdown: nil,
                code: Code(
                    prompt: "[\(count.map(String.init) ?? " ")]", source: source, outputs: outputs.map(Self.output),
                    hasOutputs: !outputs.isEmpty),
                raw: nil)
        }
    }

    private static func output(_ output: NotebookOutput) -> Output {
        switch output {
        case let .text(text, stream):
            Output(text: text, isStderr: stream == "stderr", error: nil, image: nil, note: nil)
        case let .error(name, value, traceback):
            Output(
                text: nil, isStderr: false, error: traceback.isEmpty ? "\(name): \(value)" : traceback, image: nil, note: nil)
        case let .image(image):
            Output(
                text: nil, isStderr: false, error: nil,
                image: "data:\(image.format.mediaType);base64," + image.bytes.base64EncodedString(), note: nil)
        case let .omitted(note):
            Output(text: nil, isStderr: false, error: nil, image: nil, note: note)
        }
    }

    /// A file name safe to publish beside the entry's page: the name's first 60 characters
    /// without its extension, ASCII letters, digits, `-` and `_` kept (anything else, dots
    /// included, becomes `_`), after `index + 1` (its place among the entry's PDFs, which keeps
    /// two names apart) and before `.pdf`.
    static func safePDFName(_ name: String, index: Int) -> String {
        var stem = String(
            (name as NSString).deletingPathExtension.unicodeScalars.prefix(60).map { scalar in
                scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar) || "-_".unicodeScalars.contains(scalar))
                    ? Character(scalar) : "_"
            })
        if stem.isEmpty { stem = "document" }
        return "\(index + 1)-\(stem).pdf"
    }
}

/// An entry's Markdown cells, rendered one after another under one budget: once a cell
/// exceeds cmark-gfm's time limit, the later ones are shown as written without trying. Each
/// attempt may cost its CPU-time limit, and a notebook may hold thousands of cells, so
/// otherwise one team's notebook of slow cells would hold every build for hours (60 such
/// cells: a minute); an honest notebook renders in milliseconds and never meets the limit.
private struct MarkdownCells {
    private var exceeded = false

    mutating func html(_ text: String) -> String {
        if !exceeded, let html = Markdown.boundedHTML(text) { return html }
        defer { exceeded = true }
        return exceeded
            ? Markdown.plainText(
                text, note: "Not rendered as Markdown: an earlier text of this entry took too long; it is shown as written.")
            : Markdown.plainText(text)
    }
}
