import Foundation

/// What a submission folder held beside its model, as the entry records it: each notebook
/// read (or why it is not shown), each PDF (its bytes are stored apart, in `entry_pdf`), and
/// the other files by name.
public struct EntryDeliverables: Codable, Sendable, Equatable {
    /// A notebook of the folder: read, or the one line that says why it is not shown.
    public struct SubmittedNotebook: Codable, Sendable, Equatable {
        /// Its file name.
        public var name: String
        /// The notebook, when it was read.
        public var notebook: Notebook?
        /// Why it is not shown, when it was not read.
        public var problem: String?

        /// A notebook read, or not (then `problem` says why).
        public init(name: String, notebook: Notebook?, problem: String?) {
            self.name = name
            self.notebook = notebook
            self.problem = problem
        }
    }

    /// A PDF of the folder: published when `problem` is `nil`.
    public struct SubmittedPDF: Codable, Sendable, Equatable {
        /// Its file name in the folder.
        public var name: String
        /// Its size.
        public var bytes: Int
        /// Why it is not published (not a PDF, over the limit…).
        public var problem: String?

        /// A PDF, published unless `problem` says why not.
        public init(name: String, bytes: Int, problem: String?) {
            self.name = name
            self.bytes = bytes
            self.problem = problem
        }
    }

    /// The notebooks, in name order.
    public var notebooks: [SubmittedNotebook]
    /// The PDFs, in name order.
    public var pdfs: [SubmittedPDF]
    /// Every other file handed in beside the model (scripts, images…), by name.
    public var files: [DeliverableFile]

    /// What a folder held.
    public init(notebooks: [SubmittedNotebook], pdfs: [SubmittedPDF], files: [DeliverableFile]) {
        self.notebooks = notebooks
        self.pdfs = pdfs
        self.files = files
    }

    /// Whether the folder held nothing beside its model.
    public var isEmpty: Bool { notebooks.isEmpty && pdfs.isEmpty && files.isEmpty }
}

/// A PDF handed in beside the model, with its bytes (checked: `%PDF-`, within the limit), as
/// the entry stores it for the site to publish.
public struct DeliverablePDF: Sendable, Equatable {
    /// Its file name in the folder.
    public var name: String
    /// Its bytes.
    public var bytes: Data

    /// A PDF of these bytes.
    public init(name: String, bytes: Data) {
        self.name = name
        self.bytes = bytes
    }
}
