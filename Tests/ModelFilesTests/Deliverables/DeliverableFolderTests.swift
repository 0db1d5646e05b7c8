import Foundation
import ModelFiles
import Results
import TestSupport
import Testing

/// A team's whole deliverable folder is scored: only files that can be a model are
/// candidates, decided by extension and, for `.txt`, `.csv` and `.json`, by their first bytes.
@Suite("Deliverable folders")
struct DeliverableFolderTests {
    /// A folder `team-a` holding copies of fixtures (name in the folder → fixture path under
    /// `Tests/ModelFilesTests/Fixtures`) and inline texts.
    private func folder(copies: [String: String], texts: [String: String] = [:]) throws -> (TemporaryDirectory, URL) {
        let base = TemporaryDirectory("deliverables")
        let root = URL(fileURLWithPath: base.path).appendingPathComponent("team-a")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for (name, fixture) in copies {
            try FileManager.default.copyItem(atPath: SharedFixtures.model(fixture), toPath: root.appendingPathComponent(name).path)
        }
        for (name, text) in texts { try Data(text.utf8).write(to: root.appendingPathComponent(name)) }
        return (base, root)
    }

    /// What the starter notebook asks for, with what teams keep beside it.
    private let fullFolder = [
        "my_model.h5": "notebook_keras3.h5", "analysis.ipynb": "Notebooks/real.ipynb", "analysis.pdf": "Notebooks/real.pdf",
        "lgbm_notes.txt": "trees/README.md", "rows.csv": "trees/nan_rows.csv",
    ]
    private let fullTexts = [
        "train.py": "import keras\n", "roc.png": "\u{89}PNG", "loss.jpg": "x", "README.md": "# Team A\n",
        "history.csv": "epoch,loss,accuracy\n0,0.6,0.7\n", "requirements.txt": "keras==3\n", "run.sh": "python train.py\n",
        "config.json": #"{"epochs": 10, "batch": 256}"#, "slides.pptx": "x", "figures.zip": "PK",
        "efficiencies.csv": "id,cut,efficiency\n0,0.5,0.7\n",
    ]

    @Test("a full deliverable folder: the model is found, everything else listed by kind")
    func fullFolderIsScored() throws {
        let (base, root) = try folder(copies: fullFolder, texts: fullTexts)
        let loaded = try SubmissionFolder.load(root, displayName: "submissions/team-a")
        #expect(loaded.modelName == "my_model.h5")
        #expect(loaded.historyName == "history.csv" && loaded.readmeName == "README.md")
        let kinds = Dictionary(uniqueKeysWithValues: loaded.deliverables.map { ($0.name, $0.kind) })
        #expect(
            kinds == [
                "analysis.ipynb": .notebook, "analysis.pdf": .pdf, "train.py": .script, "run.sh": .script, "roc.png": .image,
                "loss.jpg": .image, "requirements.txt": .configuration, "lgbm_notes.txt": .document, "rows.csv": .data,
                "config.json": .data, "slides.pptx": .document, "figures.zip": .archive, "efficiencies.csv": .data,
            ])
        #expect(loaded.deliverables.map(\.name) == loaded.deliverables.map(\.name).sorted())
        #expect(loaded.notebooks.map(\.name) == ["analysis.ipynb"])
        #expect(loaded.pdfs.map(\.name) == ["analysis.pdf"])
        #expect(loaded.pdfs.first?.bytes == 102_774)
        #expect(loaded.otherFiles.count == 11)
        #expect(loaded.ignored.isEmpty)
        _ = base
    }

    @Test(
        "files whose extension models share are candidates when their first bytes say model",
        arguments: [
            ("model.txt", "trees/lgbm4_deep.txt"), ("model.json", "trees/xgb1_deep.json"),
            ("predictions.csv", "../../../submissions/kaggle-style/predictions.csv"),
        ])
    func sniffedModels(name: String, fixture: String) throws {
        // Beside a real Keras model, each makes two candidates: the several-candidates refusal.
        let (base, root) = try folder(copies: ["net.h5": "notebook_keras3.h5", name: fixture], texts: fullTexts)
        let error = try #require(throws: SubmissionError.self) { try SubmissionFolder.load(root, displayName: "submissions/team-a") }
        #expect(error.reason == .folder(.severalModels(candidates: [name, "net.h5"].sorted())))
        #expect(error.description.contains("several files that could be the model"))
        // Alone with the deliverables, it is the model.
        try FileManager.default.removeItem(at: root.appendingPathComponent("net.h5"))
        #expect(try SubmissionFolder.load(root).modelName == name)
        _ = base
    }

    @Test("the manifest may name any file as the model, a deliverable too")
    func manifestNamesDeliverable() throws {
        let (base, root) = try folder(
            copies: ["net.h5": "notebook_keras3.h5"], texts: ["manifest.yml": "model: notes.txt\n", "notes.txt": "hello\n"])
        let loaded = try SubmissionFolder.load(root)
        #expect(loaded.modelName == "notes.txt")
        #expect(loaded.deliverables.isEmpty)
        #expect(loaded.ignored == ["net.h5"])
        _ = base
    }

    @Test("a folder of deliverables only has no model, and says what it found")
    func noModel() throws {
        let (base, root) = try folder(copies: ["analysis.ipynb": "Notebooks/real.ipynb"], texts: ["train.py": "x"])
        let error = try #require(throws: SubmissionError.self) { try SubmissionFolder.load(root, displayName: "submissions/team-a") }
        #expect(error.reason == .folder(.noModel(found: ["analysis.ipynb", "train.py"])))
        _ = base
    }

    @Test("a lone notebook, PDF or image given as a submission is not a model, and says so")
    func loneDeliverable() throws {
        let (base, root) = try folder(copies: ["analysis.ipynb": "Notebooks/real.ipynb"], texts: ["roc.png": "x"])
        for (name, kind) in [("analysis.ipynb", "a notebook"), ("roc.png", "an image")] {
            let error = try #require(throws: SubmissionError.self) {
                try SubmissionFolder.load(root.appendingPathComponent(name), displayName: "submissions/" + name)
            }
            #expect(error.reason == .folder(.notAModel(name: name, kind: kind)))
            #expect(error.description == "'submissions/\(name)': '\(name)' is \(kind), not a model: submit it in a folder with the model")
        }
        _ = base
    }

    @Test("the refusals stay: a linked notebook is refused like any linked file")
    func linkedDeliverable() throws {
        let (base, root) = try folder(copies: ["net.h5": "notebook_keras3.h5"])
        try FileManager.default.createSymbolicLink(
            atPath: root.appendingPathComponent("analysis.ipynb").path, withDestinationPath: "/etc/passwd")
        let error = try #require(throws: SubmissionError.self) { try SubmissionFolder.load(root, displayName: "submissions/team-a") }
        #expect(error.reason == .folder(.file(name: "analysis.ipynb", problem: .symbolicLink)))
        _ = base
    }

    @Test("notebooks and PDFs are read beneath the folder: checked, in name order, within the count limits")
    func readsDeliverables() throws {
        let (base, root) = try folder(
            copies: [
                "net.h5": "notebook_keras3.h5", "a.ipynb": "Notebooks/real.ipynb", "b.ipynb": "Notebooks/nbformat3.ipynb",
                "c.ipynb": "Notebooks/hostile.ipynb", "report.pdf": "Notebooks/real.pdf", "fake.pdf": "Notebooks/hostile.ipynb",
            ],
            texts: ["train.py": "x"])
        let loaded = try SubmissionFolder.load(root, displayName: "submissions/team-a")
        let read = try #require(loaded.readDeliverables(displayName: "submissions/team-a", limits: SubmissionLimits(maxNotebooks: 2)))
        #expect(read.record.notebooks.map(\.name) == ["a.ipynb", "b.ipynb", "c.ipynb"])
        #expect(read.record.notebooks[0].notebook != nil && read.record.notebooks[0].problem == nil)
        #expect(
            read.record.notebooks[1].problem
                == "'submissions/team-a/b.ipynb' is a notebook of nbformat '3', not 4: it is not shown (the entry is "
                + "scored all the same); save it again with Jupyter 4 or later (jupyter nbconvert --to notebook)")
        #expect(read.record.notebooks[2].problem?.contains("beyond the first 2") == true)
        #expect(read.record.pdfs.map(\.name) == ["fake.pdf", "report.pdf"])
        #expect(read.record.pdfs[0].problem?.contains("does not start with %PDF-") == true)
        #expect(read.record.pdfs[1].problem == nil)
        #expect(read.pdfs.map(\.name) == ["report.pdf"])
        #expect(read.pdfs.first?.bytes == (try Data(contentsOf: URL(fileURLWithPath: SharedFixtures.model("Notebooks/real.pdf")))))
        #expect(read.record.files == [DeliverableFile(name: "train.py", kind: .script, bytes: 1)])
        // A PDF over its limit is recorded as not shown, with the setting named.
        let small = try #require(loaded.readDeliverables(limits: SubmissionLimits(maxPDFBytes: 1000)))
        #expect(small.pdfs.isEmpty)
        #expect(small.record.pdfs[1].problem?.contains("limits.max_pdf_bytes") == true)
        _ = base
    }
}
