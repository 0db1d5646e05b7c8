/// What a file of a submission folder is, when it is handed in beside the model rather than
/// being one: a notebook, a PDF, a script, an image… Such files are listed on the entry's
/// page and never taken as the model, so that a team's whole deliverable folder is scored.
///
/// ModelFiles decides the kind (by extension, and for the extensions models share with other
/// files, by the first bytes); the entry stores it with the file's name.
public enum DeliverableKind: String, Sendable, Equatable, Codable, CaseIterable {
    case notebook, pdf, script, image, document, configuration, archive, data

    /// How the entry's page and `check` name the kind.
    public var label: String {
        switch self {
        case .notebook: "notebook"
        case .pdf: "PDF"
        case .script: "script"
        case .image: "image"
        case .document: "document"
        case .configuration: "configuration"
        case .archive: "archive"
        case .data: "data"
        }
    }
}

/// A file handed in beside the model, as listed: its name, kind and size.
public struct DeliverableFile: Codable, Sendable, Equatable {
    /// Its name in the submission folder.
    public var name: String
    /// What it is.
    public var kind: DeliverableKind
    /// Its size when listed.
    public var bytes: Int

    /// A listed file.
    public init(name: String, kind: DeliverableKind, bytes: Int) {
        self.name = name
        self.kind = kind
        self.bytes = bytes
    }
}
