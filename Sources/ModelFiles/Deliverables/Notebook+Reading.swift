import Foundation
import Results

/// Reading a Jupyter notebook (`.ipynb`, nbformat 4) into the ``Notebook`` the entry's page
/// shows. Nothing in it is run: the reader keeps text, checked images and sanitized SVG, and
/// replaces everything else by a note (see ``Notebook``).
extension Notebook {
    /// Deepest nesting of JSON arrays and objects read; a notebook nests about eight levels
    /// (widget state a few more). Checked on the bytes before they are parsed.
    static let maxDepth = 64

    /// Parses a notebook's bytes within `limits`.
    ///
    /// - Throws: `SubmissionError` about `fileName` (reason `.deliverable`): not JSON, not a
    ///   notebook, another nbformat than 4, over a size, depth or cell limit.
    public init(parsing data: Data, fileName: String, limits: SubmissionLimits = SubmissionLimits()) throws(SubmissionError) {
        var budget = limits.maxNotebookShownBytes
        try self.init(parsing: data, fileName: fileName, limits: limits, budget: &budget)
    }

    /// Parses a notebook's bytes within `limits`, putting at most `budget` bytes on the page
    /// (``SubmissionLimits/maxNotebookShownBytes``) and leaving in `budget` what remains, for
    /// the folder's next notebook.
    init(
        parsing data: Data, fileName: String, limits: SubmissionLimits, budget: inout Int
    ) throws(SubmissionError) {
        func fail(_ reason: SubmissionError.DeliverableReason) -> SubmissionError {
            SubmissionError(subject: fileName, reason: .deliverable(reason))
        }
        guard data.count <= limits.maxNotebookBytes else {
            throw fail(.tooLarge(bytes: data.count, limit: limits.maxNotebookBytes, setting: .maxNotebookBytes))
        }
        guard Self.depth(of: data) <= Self.maxDepth else { throw fail(.notebookTooDeep(limit: Self.maxDepth)) }
        guard var text = String(data: data, encoding: .utf8) else { throw fail(.notebookSyntax(detail: "not UTF-8 text")) }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let file: NotebookFile
        do {
            file = try JSONDecoder().decode(NotebookFile.self, from: Data(text.utf8))
        } catch let DecodingError.dataCorrupted(context) where context.codingPath.isEmpty {
            throw fail(.notebookSyntax(detail: JSONValue.describeSyntaxError(in: data)))
        } catch {
            throw fail(.notANotebook(detail: Self.describe(error)))
        }
        guard let version = file.nbformat else { throw fail(.notANotebook(detail: "it has no 'nbformat'")) }
        guard case .number(4) = version else {
            switch version {
            case let .number(found): throw fail(.notebookVersion(found: String(found)))
            case let .other(found): throw fail(.notebookVersion(found: found))
            }
        }
        guard let cells = file.cells else { throw fail(.notANotebook(detail: "it has no list of 'cells'")) }
        guard cells.count <= limits.maxNotebookCells else {
            throw fail(.tooManyCells(count: cells.count, limit: limits.maxNotebookCells))
        }
        var reader = NotebookContent(limits: limits, budget: budget)
        defer { budget = reader.budget }
        var kept: [NotebookCell] = []
        kept.reserveCapacity(cells.count)
        for (index, cell) in cells.enumerated() {
            guard let kind = cell.cellType else { throw fail(.notANotebook(detail: "cell \(index + 1) has no 'cell_type'")) }
            let source = reader.shown(cell.source?.text ?? "")
            switch kind {
            case "markdown": kept.append(.markdown(source))
            case "code":
                let outputs = NotebookFile.Output.joiningStreams(cell.outputs ?? []).map { reader.output($0) }
                kept.append(.code(source: source, executionCount: cell.executionCount, outputs: outputs))
            default: kept.append(.raw(source))
            }
        }
        self.init(language: file.metadata?.language.map { String($0.prefix(40)) }, cells: kept)
    }

    /// One line for a value of the wrong type or shape: where, and what.
    private static func describe(_ error: any Error) -> String {
        func path(_ keys: [any CodingKey]) -> String {
            let parts = keys.map { key in key.intValue.map { "[\($0)]" } ?? "." + key.stringValue }.joined()
            return parts.isEmpty ? "the top level" : "'" + String(parts.drop { $0 == "." }) + "'"
        }
        switch error {
        case let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context),
            let DecodingError.dataCorrupted(context):
            if context.codingPath.isEmpty { return "it holds no JSON object at the top level" }
            return "\(path(context.codingPath)) is not of the type nbformat 4 gives it"
        case let DecodingError.keyNotFound(key, context):
            return "\(path(context.codingPath + [key])) is missing"
        default:
            return "it could not be decoded"
        }
    }

    /// The deepest nesting of arrays and objects in JSON `data` (strings skipped), stopping
    /// once past ``maxDepth``.
    static func depth(of data: Data) -> Int {
        var depth = 0, deepest = 0
        var inString = false, escaped = false
        for byte in data {
            if inString {
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
                deepest = max(deepest, depth)
                if deepest > maxDepth { return deepest }
            case UInt8(ascii: "]"), UInt8(ascii: "}"): depth -= 1
            default: break
            }
        }
        return deepest
    }
}

/// What of a notebook's cells and outputs is kept, within the limits on text and images.
struct NotebookContent {
    let limits: SubmissionLimits
    /// Images kept so far (``SubmissionLimits/maxNotebookImages``).
    private var images = 0
    /// Bytes the page may still take (``SubmissionLimits/maxNotebookShownBytes``).
    private(set) var budget: Int

    init(limits: SubmissionLimits, budget: Int) {
        self.limits = limits
        self.budget = budget
    }

    /// `text` cut to the text limit (on a character boundary), saying how much was left out;
    /// nothing but a note once the page's budget is spent.
    mutating func shown(_ text: String) -> String {
        let limit = limits.maxNotebookTextBytes
        var kept = text
        if text.utf8.count > limit {
            var end = text.utf8.index(text.utf8.startIndex, offsetBy: limit)
            while end > text.startIndex, !text.unicodeScalars.indices.contains(end) { end = text.utf8.index(before: end) }
            kept = String(text[..<end]) + "\n… (\(text.utf8.distance(from: end, to: text.utf8.endIndex)) more bytes not shown)"
        }
        let cost = Self.pageBytes(kept)
        guard cost <= budget else {
            budget = 0
            return text.isEmpty ? "" : "… (not shown: the notebooks reached limits.max_notebook_shown_bytes of the page)"
        }
        budget -= cost
        return kept
    }

    /// What `text` takes on the page: its UTF-8 bytes, and the longest escape (`&quot;`, five
    /// bytes more) for each character the page escapes.
    static func pageBytes(_ text: String) -> Int {
        var bytes = 0
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"), UInt8(ascii: "\""), UInt8(ascii: "'"): bytes += 6
            default: bytes += 1
            }
        }
        return bytes
    }

    /// What is kept of one output.
    mutating func output(_ output: NotebookFile.Output) -> NotebookOutput {
        switch output.outputType {
        case "stream":
            let text = shown(Self.withoutEscapes(Self.withoutOverwrittenText(output.text?.text ?? "")))
            return .text(text, stream: output.name == "stderr" ? "stderr" : "stdout")
        case "error":
            return .error(
                name: shown(Self.withoutEscapes(output.ename ?? "")), value: shown(Self.withoutEscapes(output.evalue ?? "")),
                traceback: shown(Self.withoutEscapes((output.traceback ?? []).joined(separator: "\n"))))
        case "display_data", "execute_result", "update_display_data":
            return display(output.data ?? [:])
        default:
            return .omitted("an output of an unknown type (not shown)")
        }
    }

    /// A rich output: the first image that checks, else why an image was not kept, else its
    /// plain text, else a note naming what was left out.
    private mutating func display(_ data: [String: NotebookFile.MimeValue]) -> NotebookOutput {
        var note: String?
        for format in [NotebookImage.Format.png, .jpeg, .svg] {
            guard let value = data[format.mediaType]?.text else { continue }
            switch image(value, format: format) {
            case let .success(image): return .image(image)
            case let .failure(why): note = note ?? why.text
            }
        }
        // An image that was not kept says why: its plain form is only `<Figure size …>`.
        if let note { return .omitted(note) }
        if let plain = data["text/plain"]?.text { return .text(shown(Self.withoutEscapes(plain)), stream: nil) }
        if data["text/html"] != nil { return .omitted("an HTML output (not shown: the site never shows a notebook's HTML)") }
        if data["application/javascript"] != nil || data["text/javascript"] != nil {
            return .omitted("a JavaScript output (never run or shown)")
        }
        if data.keys.contains(where: { $0.hasPrefix("application/vnd.jupyter.widget") }) {
            return .omitted("an interactive widget (not shown)")
        }
        return .omitted("an output of a type the site does not show")
    }

    /// Why an image output was not kept.
    struct Refusal: Error {
        var text: String
    }

    private mutating func image(_ encoded: String, format: NotebookImage.Format) -> Result<NotebookImage, Refusal> {
        let name = format == .svg ? "SVG" : format.rawValue.uppercased()
        guard images < limits.maxNotebookImages else {
            return .failure(Refusal(text: "an image beyond the first \(limits.maxNotebookImages) (not shown)"))
        }
        let bytes: Data
        if format == .svg {
            guard encoded.utf8.count <= limits.maxNotebookImageBytes else {
                return .failure(Refusal(text: "an SVG image over \(limits.maxNotebookImageBytes) bytes (not shown)"))
            }
            guard let clean = SVGSanitizer.sanitize(encoded) else {
                return .failure(Refusal(text: "an SVG image that could not be checked (not shown)"))
            }
            bytes = Data(clean.utf8)
        } else {
            guard encoded.utf8.count / 4 * 3 <= limits.maxNotebookImageBytes + 3,
                let decoded = Data(base64Encoded: encoded, options: .ignoreUnknownCharacters),
                decoded.count <= limits.maxNotebookImageBytes
            else {
                return .failure(Refusal(text: "a \(name) image over \(limits.maxNotebookImageBytes) bytes or not base64 (not shown)"))
            }
            let signature: [UInt8] = format == .png ? [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] : [0xFF, 0xD8, 0xFF]
            guard decoded.starts(with: signature) else {
                return .failure(Refusal(text: "an output that says it is a \(name) image but is not one (not shown)"))
            }
            bytes = decoded
        }
        // On the page as base64, four bytes for every three.
        let cost = (bytes.count + 2) / 3 * 4
        guard cost <= budget else {
            return .failure(Refusal(text: "an image the page has no room left for (limits.max_notebook_shown_bytes; not shown)"))
        }
        budget -= cost
        images += 1
        return .success(NotebookImage(format: format, bytes: bytes))
    }

    /// `text` as a terminal leaves it, as Jupyter shows a stream: on each line, what a
    /// carriage return wrote over is gone (a progress bar shows its last state), and `\r\n`
    /// is a line break.
    static func withoutOverwrittenText(_ text: String) -> String {
        guard text.contains("\r") else { return text }
        return text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
            .map { line in line.lastIndex(of: "\r").map { line[line.index(after: $0)...] } ?? line }
            .joined(separator: "\n")
    }

    /// `text` without terminal escape sequences (colours in tracebacks) and other control
    /// characters than tab and line breaks.
    static func withoutEscapes(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var scalars = text.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            if scalar == "\u{1B}" {
                // CSI (ESC [ … final byte @–~), OSC (ESC ] … BEL or ESC \), or a two-byte escape.
                guard let kind = scalars.next() else { break }
                if kind == "[" {
                    while let c = scalars.next(), !(0x40...0x7E).contains(c.value) {}
                } else if kind == "]" {
                    var previous: Unicode.Scalar?
                    while let c = scalars.next(), c != "\u{07}", !(previous == "\u{1B}" && c == "\\") { previous = c }
                }
                continue
            }
            if scalar.value < 0x20 && scalar != "\n" && scalar != "\t" { continue }
            if scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value) { continue }
            out.append(scalar)
        }
        return String(out)
    }
}
