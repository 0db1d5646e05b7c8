import Foundation

/// The parts of an `.ipynb` file the reader uses, decoded straight from the JSON: every other
/// key (metadata, widget state, attachments) is skipped by the decoder, never built into
/// values. Every field is optional, so that a notebook of another version decodes far
/// enough for its version to be named.
struct NotebookFile: Decodable {
    var nbformat: Version?
    var cells: [Cell]?
    var metadata: Metadata?

    /// `nbformat` as written: a number, or anything else (named in the refusal).
    enum Version: Decodable {
        case number(Int)
        case other(String)

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let number = try? container.decode(Int.self) {
                self = .number(number)
            } else if let text = try? container.decode(String.self) {
                self = .other(text)
            } else {
                self = .other("a value that is not a number")
            }
        }
    }

    /// The kernel's language, wherever the notebook names it; anything malformed is skipped.
    struct Metadata: Decodable {
        var language: String?

        private struct Named: Decodable {
            var name: String?
            var language: String?
        }

        private enum Keys: String, CodingKey {
            case kernelspec, languageInfo = "language_info"
        }

        init(from decoder: any Decoder) throws {
            let container = try? decoder.container(keyedBy: Keys.self)
            let info = try? container?.decodeIfPresent(Named.self, forKey: .languageInfo)
            let spec = try? container?.decodeIfPresent(Named.self, forKey: .kernelspec)
            language = info?.name ?? spec?.language
        }
    }

    struct Cell: Decodable {
        var cellType: String?
        var source: MultilineText?
        var executionCount: Int?
        var outputs: [Output]?

        enum CodingKeys: String, CodingKey {
            case source, outputs
            case cellType = "cell_type", executionCount = "execution_count"
        }
    }

    struct Output: Decodable {
        var outputType: String?
        var name: String?
        var text: MultilineText?
        var ename: String?
        var evalue: String?
        var traceback: [String]?
        var data: [String: MimeValue]?

        enum CodingKeys: String, CodingKey {
            case name, text, ename, evalue, traceback, data
            case outputType = "output_type"
        }
    }

    /// nbformat's multiline string: a string, or a list of lines to join.
    struct MultilineText: Decodable {
        var text: String

        init(_ text: String) { self.text = text }

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let lines = try? container.decode([String].self) {
                text = lines.joined()
            } else {
                text = try container.decode(String.self)
            }
        }
    }

    /// A rich output's value for one media type: text (or lines), or JSON of another shape
    /// (a widget's state, a chart's spec), which is never shown.
    enum MimeValue: Decodable {
        case text(String)
        case other

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let text = try? container.decode(String.self) {
                self = .text(text)
            } else if let lines = try? container.decode([String].self) {
                self = .text(lines.joined())
            } else {
                self = .other
            }
        }

        var text: String? {
            if case let .text(text) = self { return text }
            return nil
        }
    }
}

extension NotebookFile.Output {
    /// `outputs` with each run of consecutive stream outputs to the same stream joined into
    /// one, as Jupyter shows them: a program that prints line by line (a training loop's
    /// progress) gives one block of text, not a block per write.
    static func joiningStreams(_ outputs: [Self]) -> [Self] {
        var joined: [Self] = []
        // The run being joined: its first output and its texts, joined once when it ends (so
        // that many small writes cost linear time).
        var run: (first: Self, texts: [String])?
        func endRun() {
            guard let (start, texts) = run else { return }
            var first = start
            if texts.count > 1 { first.text = NotebookFile.MultilineText(texts.joined()) }
            joined.append(first)
            run = nil
        }
        for output in outputs {
            if output.outputType == "stream" {
                if let current = run, current.first.name == output.name {
                    run?.texts.append(output.text?.text ?? "")
                    continue
                }
                endRun()
                run = (output, [output.text?.text ?? ""])
            } else {
                endRun()
                joined.append(output)
            }
        }
        endRun()
        return joined
    }
}
