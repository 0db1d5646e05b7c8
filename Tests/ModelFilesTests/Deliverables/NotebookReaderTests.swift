import Foundation
import Results
import TestSupport
import Testing

@testable import ModelFiles

/// The notebook reader on notebooks Jupyter made and on hostile ones: what is kept, what is
/// left out, and the one-line refusals.
@Suite("Notebook reader")
struct NotebookReaderTests {
    private func fixture(_ name: String) throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: SharedFixtures.model("Notebooks/" + name)))
    }

    private func outputs(_ notebook: Notebook) -> [NotebookOutput] {
        notebook.cells.flatMap { cell -> [NotebookOutput] in
            if case let .code(_, _, outputs) = cell { return outputs }
            return []
        }
    }

    @Test("a notebook Jupyter executed: markdown, code, stream, PNG, SVG, DataFrame, error")
    func realNotebook() throws {
        let notebook = try Notebook(parsing: fixture("real.ipynb"), fileName: "real.ipynb")
        #expect(notebook.language == "python")
        #expect(notebook.cells.count == 7)
        guard case let .markdown(title) = notebook.cells[0] else { throw Failure("cell 1 is not Markdown") }
        #expect(title.hasPrefix("# Higgs or top?"))
        guard case let .code(source, count, streams) = notebook.cells[1] else { throw Failure("cell 2 is not code") }
        #expect(source.hasPrefix("import numpy as np") && count == 1)
        guard case let .text(printed, stream)? = streams.first else { throw Failure("no stream output") }
        #expect(printed.hasPrefix("mean ") && stream == "stdout")
        let images = outputs(notebook).compactMap { output -> NotebookImage? in
            if case let .image(image) = output { return image }
            return nil
        }
        #expect(images.map(\.format) == [.png, .svg])
        #expect(images[0].bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        let svg = String(decoding: images[1].bytes, as: UTF8.self)
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(svg.contains("<path") && svg.contains("clip-path=\"url(#"))
        // The DataFrame's HTML is dropped, its plain text kept.
        guard case let .code(_, _, frame) = notebook.cells[4], case let .text(table, nil)? = frame.first else {
            throw Failure("no DataFrame text")
        }
        #expect(table.contains("epoch") && table.contains("0.69") && !table.contains("<table"))
        // The error keeps its text, without colour codes.
        guard case let .code(_, _, failed) = notebook.cells[6], case let .error(name, _, traceback)? = failed.first else {
            throw Failure("no error output")
        }
        #expect(name == "ZeroDivisionError")
        #expect(traceback.contains("ZeroDivisionError") && !traceback.contains("\u{1B}"))
    }

    @Test("a hostile notebook: no HTML, no JavaScript, no widget, no fake PNG, SVG rebuilt")
    func hostileNotebook() throws {
        let notebook = try Notebook(parsing: fixture("hostile.ipynb"), fileName: "hostile.ipynb")
        let kept = outputs(notebook)
        #expect(kept.count == 7)
        #expect(kept[0] == .text("<DataFrame plain>", stream: nil))
        #expect(kept[1] == .omitted("a JavaScript output (never run or shown)"))
        #expect(kept[2] == .omitted("an interactive widget (not shown)"))
        guard case let .image(svg) = kept[3] else { throw Failure("the SVG was not kept") }
        let text = String(decoding: svg.bytes, as: UTF8.self)
        for banned in ["script", "onload", "alert", "evil", "foreignObject", "iframe", "javascript", "<a", "<image", "<set", "<animate"] {
            #expect(!text.contains(banned), "the SVG keeps \(banned): \(text)")
        }
        #expect(text.contains("<circle") && text.contains("fill=\"#0a0\""))
        #expect(kept[4] == .omitted("an output that says it is a PNG image but is not one (not shown)"))
        #expect(kept[5] == .text("<script>alert(13)</script>\n", stream: "stdout"))
        guard case let .error(_, _, traceback) = kept[6] else { throw Failure("no error") }
        #expect(traceback == "ValueError: <img src=x onerror=alert(14)>")
    }

    @Test("nbformat 3 is named, not read")
    func otherVersion() throws {
        let error = try #require(throws: SubmissionError.self) {
            try Notebook(parsing: fixture("nbformat3.ipynb"), fileName: "old.ipynb")
        }
        #expect(error.reason == .deliverable(.notebookVersion(found: "3")))
        #expect(error.description.hasPrefix("'old.ipynb' is a notebook of nbformat '3', not 4"))
    }

    /// A notebook of `cells` (JSON texts), nbformat 4.
    private func notebook(cells: [String]) -> Data {
        Data(#"{"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": [\#(cells.joined(separator: ","))]}"#.utf8)
    }

    @Test("100,000 cells are refused with the limit named")
    func tooManyCells() throws {
        let cells = Array(repeating: #"{"cell_type": "markdown", "source": "x", "metadata": {}}"#, count: 100_000)
        let error = try #require(throws: SubmissionError.self) { try Notebook(parsing: notebook(cells: cells), fileName: "n.ipynb") }
        #expect(error.reason == .deliverable(.tooManyCells(count: 100_000, limit: 2_000)))
        #expect(error.description.contains("limits.max_notebook_cells"))
    }

    @Test("deep nesting is refused before it is parsed")
    func deepNesting() throws {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        let data = notebook(cells: [#"{"cell_type": "raw", "source": "", "metadata": {"x": \#(deep)}}"#])
        let error = try #require(throws: SubmissionError.self) { try Notebook(parsing: data, fileName: "n.ipynb") }
        #expect(error.reason == .deliverable(.notebookTooDeep(limit: Notebook.maxDepth)))
        // Brackets inside strings do not count.
        let quoted = notebook(cells: [#"{"cell_type": "raw", "source": "\#(String(repeating: "[{", count: 1000))", "metadata": {}}"#])
        #expect(try Notebook(parsing: quoted, fileName: "n.ipynb").cells.count == 1)
    }

    @Test("a 10 MB cell source is cut to the text limit, saying how much was left out")
    func hugeSource() throws {
        let source = String(repeating: "é", count: 5 << 20)  // 10 MiB of UTF-8
        let data = notebook(cells: [#"{"cell_type": "code", "source": "\#(source)", "metadata": {}, "outputs": [], "execution_count": 1}"#])
        let read = try Notebook(parsing: data, fileName: "n.ipynb")
        guard case let .code(kept, _, _) = read.cells[0] else { throw Failure("not code") }
        let limit = SubmissionLimits().maxNotebookTextBytes
        #expect(kept.hasPrefix(String(repeating: "é", count: limit / 2)))
        #expect(kept.hasSuffix("… (\((10 << 20) - limit) more bytes not shown)"))
    }

    @Test("images over the size or count limits are left out with a note")
    func imageLimits() throws {
        let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array(repeating: 0, count: 100)).base64EncodedString()
        let output = #"{"output_type": "display_data", "metadata": {}, "data": {"image/png": "\#(png)"}}"#
        let data = notebook(cells: [
            #"{"cell_type": "code", "source": "", "metadata": {}, "execution_count": null, "outputs": [\#(output), \#(output)]}"#
        ])
        let read = try Notebook(parsing: data, fileName: "n.ipynb", limits: SubmissionLimits(maxNotebookImages: 1))
        let kept = outputs(read)
        guard case .image = kept[0] else { throw Failure("first image not kept") }
        #expect(kept[1] == .omitted("an image beyond the first 1 (not shown)"))
        let small = try Notebook(parsing: data, fileName: "n.ipynb", limits: SubmissionLimits(maxNotebookImageBytes: 50))
        #expect(outputs(small)[0] == .omitted("a PNG image over 50 bytes or not base64 (not shown)"))
    }

    @Test(
        "not a notebook: one line each",
        arguments: [
            ("[1, 2]", "no JSON object at the top level"), (#"{"nbformat": 4}"#, "has no list of 'cells'"),
            (#"{"cells": []}"#, "has no 'nbformat'"), ("{\"nbformat\": 4, \"cells\": [{}]}", "cell 1 has no 'cell_type'"),
            ("{", "is not valid JSON"),
        ])
    func notANotebook(text: String, phrase: String) throws {
        let error = try #require(throws: SubmissionError.self) { try Notebook(parsing: Data(text.utf8), fileName: "n.ipynb") }
        #expect(error.description.contains(phrase), "\(error.description)")
        #expect(!error.description.contains("\n"))
    }

    @Test("terminal escapes and control characters are removed from outputs")
    func escapes() {
        #expect(
            NotebookContent.withoutEscapes("\u{1B}[0;31mred\u{1B}[0m \u{1B}]8;;http://x\u{07}link\u{1B}]8;;\u{07} a\u{0}b\tc")
                == "red link ab\tc")
    }

    @Test("a training loop's writes are one block per stream, as Jupyter shows them")
    func streamsJoined() throws {
        // The demo's notebook, executed by Jupyter: Keras wrote each epoch in two writes.
        let data = try Data(contentsOf: URL(fileURLWithPath: SharedFixtures.exampleSubmissions + "/higgs-hunters/higgs_hunters.ipynb"))
        let training = try Notebook(parsing: data, fileName: "higgs_hunters.ipynb").cells.compactMap { cell -> [NotebookOutput]? in
            guard case let .code(source, _, outputs) = cell, source.contains("train.fit(") else { return nil }
            return outputs
        }.first
        let outputs = try #require(training)
        let texts = outputs.compactMap { output -> String? in
            if case let .text(text, "stdout") = output { return text }
            return nil
        }
        #expect(texts.count == 1)
        #expect(texts.first?.contains("Epoch 1/10\n99/99 - ") == true)
        #expect(texts.first?.contains("Epoch 10/10\n") == true)
    }

    @Test("what a carriage return wrote over is gone; stderr stays apart from stdout")
    func carriageReturns() throws {
        let cell = #"""
            {"cell_type": "code", "execution_count": 1, "metadata": {}, "source": "fit()", "outputs": [
             {"output_type": "stream", "name": "stdout", "text": "\r 1/99 [.....]"},
             {"output_type": "stream", "name": "stdout", "text": "\r50/99 [==...]"},
             {"output_type": "stream", "name": "stdout", "text": "\r99/99 [=====] done\r\n"},
             {"output_type": "stream", "name": "stderr", "text": "warning\n"},
             {"output_type": "stream", "name": "stdout", "text": "saved\n"}]}
            """#
        let read = try Notebook(parsing: notebook(cells: [cell]), fileName: "n.ipynb")
        guard case let .code(_, _, outputs)? = read.cells.first else { throw Failure("not a code cell") }
        #expect(
            outputs == [
                .text("99/99 [=====] done\n", stream: "stdout"), .text("warning\n", stream: "stderr"), .text("saved\n", stream: "stdout"),
            ])
    }

    @Test("the page's budget: text counted escaped, images as base64, shared by a folder's notebooks")
    func pageBudget() throws {
        let limits = SubmissionLimits(maxNotebookShownBytes: 10_000)
        // 1,000 bytes of `<` cost 6,000 on the page: the first cell fits, the second does not.
        let cell = #"{"cell_type": "markdown", "metadata": {}, "source": "\#(String(repeating: "<", count: 1_000))"}"#
        let read = try Notebook(parsing: notebook(cells: [cell, cell]), fileName: "n.ipynb", limits: limits)
        #expect(read.cells.first == .markdown(String(repeating: "<", count: 1_000)))
        guard case let .markdown(second)? = read.cells.last else { throw Failure("not Markdown") }
        #expect(second.contains("limits.max_notebook_shown_bytes"))
        #expect(!second.contains("<"))
        // The real notebook's PNG is left out when the budget is smaller than its base64.
        let small = try Notebook(
            parsing: fixture("real.ipynb"), fileName: "real.ipynb", limits: SubmissionLimits(maxNotebookShownBytes: 2_000))
        #expect(!outputs(small).contains { if case .image = $0 { true } else { false } })
        #expect(
            outputs(small).contains {
                switch $0 {
                case let .omitted(note), let .text(note, _): note.contains("max_notebook_shown_bytes")
                default: false
                }
            })
        // Two notebooks of a folder share it: what the first took, the second does not get.
        var budget = 10_000
        _ = try Notebook(parsing: notebook(cells: [cell]), fileName: "a.ipynb", limits: limits, budget: &budget)
        #expect(budget == 4_000)
        let next = try Notebook(parsing: notebook(cells: [cell]), fileName: "b.ipynb", limits: limits, budget: &budget)
        guard case let .markdown(shown)? = next.cells.first else { throw Failure("not Markdown") }
        #expect(shown.contains("max_notebook_shown_bytes") && budget == 0)
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }
}
