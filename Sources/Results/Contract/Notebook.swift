import Foundation

/// A Jupyter notebook as the entry's page shows it: read (by ModelFiles) from an `.ipynb`
/// file of nbformat 4 and already checked, so the site only escapes and lays it out.
///
/// What is kept is what can be shown without running anything: Markdown cells as written
/// (rendered later through the site's safe Markdown), code cells as plain text with their
/// execution count, text outputs, error outputs with their colour codes removed, and images
/// — PNG and JPEG whose signature was checked, SVG rebuilt from an allow-list (no script,
/// no event handler, no reference outside the drawing). HTML, JavaScript and widget outputs
/// are never kept: their plain-text form is, or a note saying what was left out.
public struct Notebook: Codable, Sendable, Equatable {
    /// The kernel's language (`python`), when the notebook names it.
    public var language: String?
    /// The cells, in order.
    public var cells: [NotebookCell]

    /// A notebook of these cells.
    public init(language: String?, cells: [NotebookCell]) {
        self.language = language
        self.cells = cells
    }
}

/// One cell of a ``Notebook``.
public enum NotebookCell: Codable, Sendable, Equatable {
    /// Markdown, as written.
    case markdown(String)
    /// Code, with the count Jupyter gave its run (`nil` when never run) and its outputs.
    case code(source: String, executionCount: Int?, outputs: [NotebookOutput])
    /// A raw cell, shown as plain text.
    case raw(String)
}

/// One output of a code cell.
public enum NotebookOutput: Codable, Sendable, Equatable {
    /// Text: a stream (`stdout`, `stderr`) or a result's `text/plain`.
    case text(String, stream: String?)
    /// An exception: its name, value and traceback, colour codes removed.
    case error(name: String, value: String, traceback: String)
    /// A checked image.
    case image(NotebookImage)
    /// An output that is not shown, and why (an HTML or JavaScript output without a plain
    /// form, an image over a limit…).
    case omitted(String)
}

/// An image output, checked when read.
public struct NotebookImage: Codable, Sendable, Equatable {
    /// The image's type.
    public enum Format: String, Codable, Sendable, Equatable {
        case png, jpeg, svg

        /// The media type of a `data:` URL.
        public var mediaType: String {
            switch self {
            case .png: "image/png"
            case .jpeg: "image/jpeg"
            case .svg: "image/svg+xml"
            }
        }
    }

    /// PNG, JPEG or (sanitized) SVG.
    public var format: Format
    /// The image's bytes: the decoded PNG or JPEG, or the rebuilt SVG's UTF-8 text.
    public var bytes: Data

    /// An image of `format`.
    public init(format: Format, bytes: Data) {
        self.format = format
        self.bytes = bytes
    }
}
