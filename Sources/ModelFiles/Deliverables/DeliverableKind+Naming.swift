import Foundation
import Results

/// Which files of a submission folder are handed in beside the model rather than being one.
///
/// Most kinds are decided by the extension alone. Three extensions are also those of model
/// files (`.txt` is LightGBM's, `.csv` a predictions file's, `.json` XGBoost's and the
/// baseline's): those are decided from the file's first bytes (``ModelCandidacy``).
extension DeliverableKind {
    /// The kind of `fileName` from its name alone; `nil` when the name does not say (an
    /// extension models use, or one this list does not know: those may be the model).
    public init?(fileName: String) {
        let lower = fileName.lowercased()
        if Self.configurationNames.contains(lower) {
            self = .configuration
            return
        }
        let ext = (lower as NSString).pathExtension
        guard let kind = Self.byExtension[ext] else { return nil }
        self = kind
    }

    /// The kind as a refusal names a lone file of it: "a notebook", "an image".
    var phrase: String {
        switch self {
        case .notebook: "a notebook"
        case .pdf: "a PDF"
        case .script: "a script"
        case .image: "an image"
        case .document: "a document"
        case .configuration: "a configuration file"
        case .archive: "an archive"
        case .data: "a data file"
        }
    }

    /// File names that are configurations whatever their extension.
    static let configurationNames: Set<String> = [
        "requirements.txt", "environment.yml", "environment.yaml", "setup.py", "pyproject.toml", "dockerfile",
        "makefile", "license", "license.txt",
    ]

    /// Extensions (lowercased, without the dot) of files that are never a model.
    static let byExtension: [String: DeliverableKind] = {
        var table: [String: DeliverableKind] = ["ipynb": .notebook, "pdf": .pdf]
        let groups: [(DeliverableKind, [String])] = [
            (
                .script,
                [
                    "py", "ipy", "sh", "bash", "zsh", "r", "jl", "c", "cc", "cpp", "cxx", "h", "hh", "hpp", "m", "js", "ts",
                    "java", "scala", "go", "rs", "swift", "sql", "ps1", "bat", "f90", "pl", "rb", "lua",
                ]
            ),
            (.image, ["png", "jpg", "jpeg", "gif", "svg", "webp", "bmp", "tif", "tiff", "eps", "ico"]),
            (
                .document,
                [
                    "tex", "bib", "html", "htm", "docx", "doc", "odt", "pptx", "ppt", "odp", "md", "markdown", "rst",
                    "rtf", "key",
                ]
            ),
            (.configuration, ["yml", "yaml", "toml", "cfg", "ini", "conf", "lock", "env"]),
            (.archive, ["zip", "tar", "gz", "tgz", "bz2", "xz", "7z", "rar", "zst"]),
            (.data, ["xlsx", "xls", "ods", "parquet", "feather", "npy", "npz", "root", "tsv"]),
        ]
        for (kind, extensions) in groups {
            for ext in extensions { table[ext] = kind }
        }
        return table
    }()
}
