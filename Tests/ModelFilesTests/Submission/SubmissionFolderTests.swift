import Foundation
import ModelFiles
import Results
import TestSupport
import Testing

@Suite("Submission folder")
struct SubmissionFolderTests {
    /// A folder `team` under a fresh temporary directory, holding `files` (name → text;
    /// names may contain `/`).
    private func makeFolder(_ files: [String: String], team: String = "team-a") throws -> (TemporaryDirectory, URL) {
        let base = TemporaryDirectory("submission")
        let root = URL(fileURLWithPath: base.path).appendingPathComponent(team)
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for (name, text) in files {
            let url = root.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return (base, root)
    }

    private func link(_ root: URL, _ name: String, to destination: String) throws {
        try FileManager.default.createSymbolicLink(
            atPath: root.appendingPathComponent(name).path,
            withDestinationPath: destination)
    }

    private func loadError(_ url: URL, limits: SubmissionLimits = SubmissionLimits()) throws -> SubmissionError {
        try #require(throws: SubmissionError.self) {
            try SubmissionFolder.load(url, displayName: "submissions/team-a", limits: limits)
        }
    }

    @Test("complete folder: manifest, README, history, model")
    func complete() throws {
        let folder = try SubmissionFolder.load(SubmissionFixtures.url("team-complete"))
        #expect(!folder.isSingleFile)
        #expect(folder.team == "Muon Hunters")
        #expect(folder.entryName == "Masses only")
        #expect(folder.modelName == "predictions.csv")
        #expect(folder.model.lastPathComponent == "predictions.csv")
        #expect(folder.manifestName == "manifest.yml")
        #expect(folder.manifest?.members == ["Ada", "Grace"])
        #expect(folder.historyName == "training_log.csv")
        #expect(folder.history?.epochCount == 3)
        #expect(folder.readmeName == "README.md")
        #expect(folder.readme?.hasPrefix("# Muon Hunters") == true)
        #expect(folder.ignored == ["README.txt", "notebooks/", "predictions_old.csv"])
        // The model it names is a predictions file that reads.
        let predictions = try PredictionsFile.read(from: folder.model, expectedRows: 3)
        #expect(predictions.scores == [0.9, 0.1, 0.5])
    }

    @Test("defaults: team from folder, entry from model file")
    func defaults() throws {
        let (base, root) = try makeFolder(["model.h5": "x", ".DS_Store": "x", "Thumbs.db": "x", ".git/HEAD": "x"])
        let folder = try SubmissionFolder.load(root)
        #expect(folder.team == "team-a")
        #expect(folder.entryName == "model.h5")
        #expect(folder.manifest == nil && folder.history == nil && folder.readme == nil)
        #expect(folder.ignored == [".DS_Store", ".git", "Thumbs.db"])
        _ = base
    }

    @Test("a manifest may name a model in a sub-folder")
    func namedInSubfolder() throws {
        let (base, root) = try makeFolder([
            "manifest.json": #"{"model": "models/net.h5"}"#, "models/net.h5": "x", "notes.txt": "x",
        ])
        let folder = try SubmissionFolder.load(root)
        #expect(folder.modelName == "models/net.h5")
        #expect(folder.modelBytes == 1)
        #expect(folder.ignored == ["models/"])
        #expect(folder.deliverables == [DeliverableFile(name: "notes.txt", kind: .document, bytes: 1)])
        _ = base
    }

    @Test("a linked team folder is refused unread")
    func linkedFolder() throws {
        let (base, root) = try makeFolder(["model.keras": "x", "README.md": "SENTINEL-README"], team: "elsewhere")
        let alias = URL(fileURLWithPath: base.path).appendingPathComponent("team-a")
        try FileManager.default.createSymbolicLink(at: alias, withDestinationURL: root)
        let error = try loadError(alias)
        #expect(error.reason == .folder(.submissionIsLink))
        #expect(
            error.description == "'submissions/team-a' is a symbolic link: links are never followed in "
                + "submissions; submit a real folder (or the file itself)")
    }

    @Test("a single file: team is its base name")
    func singleFile() throws {
        let (base, root) = try makeFolder(["alice.h5": "x"])
        let folder = try SubmissionFolder.load(root.appendingPathComponent("alice.h5"))
        #expect(folder.isSingleFile)
        #expect(folder.team == "alice")
        #expect(folder.entryName == "alice.h5")
        #expect(folder.modelName == "alice.h5")
        _ = base
    }

    @Test(
        "lone README, manifest, history, hidden file: no model",
        arguments: [
            "README.md", "manifest.yml", "history.json", ".DS_Store",
        ])
    func singleNonModel(name: String) throws {
        let (base, root) = try makeFolder([name: "x"])
        let error = try loadError(root.appendingPathComponent(name))
        guard case .folder(.notAModel(name, _)) = error.reason else {
            Issue.record("expected notAModel, got \(error.reason)")
            return
        }
        #expect(error.description.contains("not a model"))
        _ = base
    }

    @Test(
        "folder errors and their messages",
        arguments: [
            (["README.md": "# hi"], SubmissionError.FolderReason.noModel(found: ["README.md"]), "no model file"),
            (
                ["a.h5": "x", "b.onnx": "x", "README.md": "x"], .severalModels(candidates: ["a.h5", "b.onnx"]),
                "keep one, or name it in manifest.yml"
            ),
            (["manifest.yml": "model: net.h5", "other.h5": "x"], .namedModelMissing(name: "net.h5", found: ["other.h5"]), "fix 'model:'"),
            (["manifest.yml": "model: sub", "sub/x.h5": "x"], .namedModelMissing(name: "sub", found: []), "not in the folder"),
            (
                ["manifest.yml": "", "manifest.json": "{}", "m.h5": "x"], .severalManifests(["manifest.json", "manifest.yml"]),
                "several manifests"
            ),
            (["manifest.txt": "team: A", "m.h5": "x"], .unsupportedManifest(name: "manifest.txt"), "name it manifest.yml"),
            (
                ["history.json": "{}", "training.log": "", "m.h5": "x"], .severalHistories(["history.json", "training.log"]),
                "several training histories"
            ),
        ])
    func folderErrors(files: [String: String], reason: SubmissionError.FolderReason, phrase: String) throws {
        let (base, root) = try makeFolder(files)
        let error = try loadError(root)
        #expect(error.reason == .folder(reason))
        #expect(error.description.hasPrefix("'submissions/team-a'"))
        #expect(error.description.contains(phrase), "\(error.description)")
        #expect(!error.description.contains("\n"))
        _ = base
    }

    @Test("invalid manifest or history: its own message")
    func wrapped() throws {
        let (base, root) = try makeFolder(["manifest.yml": "featurs: [m_jj]", "m.h5": "x"])
        let manifest = try loadError(root)
        guard case .manifest = manifest.reason else { Issue.record("got \(manifest.reason)"); return }
        #expect(manifest.subject == "submissions/team-a/manifest.yml")

        let (base2, root2) = try makeFolder(["history.csv": "epoch,loss\n0,x\n", "m.h5": "x"])
        let history = try loadError(root2)
        #expect(history.reason == .history(.notANumber(column: "loss", line: 2, index: 0)))
        #expect(history.description.hasPrefix("'submissions/team-a/history.csv'"))
        _ = (base, base2)
    }

    @Test("a manifest's model path may not leave the folder")
    func manifestEscape() throws {
        let (base, root) = try makeFolder(["manifest.yml": "model: ../team-b/model.h5", "m.h5": "x", "../team-b/model.h5": "x"])
        let error = try loadError(root)
        #expect(error.reason == .manifest(.unsafeModelPath(path: "../team-b/model.h5")))
        _ = base
    }

    /// Every entry that is a link is refused, wherever it leads (outside, inside, nowhere),
    /// and whatever it stands for: the model, the README, the manifest, the history, a
    /// sub-folder. Nothing of the target is read: the sentinel never appears.
    @Test(
        "no link is followed in a folder, at any depth",
        arguments: [
            ("model.h5", "../outside/secret.h5"), ("model.h5", "OUTSIDE/secret.h5"), ("model.h5", "inside.bin"),
            ("model.h5", "nowhere.h5"), ("README.md", "../outside/README.md"), ("manifest.yml", "../outside/manifest.yml"),
            ("history.csv", "../outside/history.csv"), ("sub", "../outside"),
        ])
    func noLinkFollowed(name: String, target: String) throws {
        let (base, root) = try makeFolder([
            "inside.bin": "x", "../outside/secret.h5": "SENTINEL", "../outside/README.md": "SENTINEL",
            "../outside/manifest.yml": "team: SENTINEL", "../outside/history.csv": "loss\nSENTINEL\n",
        ])
        if name != "model.h5" { try Data("x".utf8).write(to: root.appendingPathComponent("model.h5")) }
        try link(root, name, to: target.replacingOccurrences(of: "OUTSIDE", with: base.path + "/outside"))
        let error = try loadError(root)
        #expect(error.reason == .folder(.file(name: name, problem: .symbolicLink)), "\(error.reason)")
        #expect(error.description.contains("is a symbolic link"), "\(error.description)")
        #expect(!error.description.contains("SENTINEL"))
    }

    @Test("a link within the model path is refused")
    func linkOnTheModelPath() throws {
        let (base, root) = try makeFolder([
            "manifest.yml": "model: real/models/net.h5", "real/keep.txt": "x",
            "../outside/net.h5": "SENTINEL",
        ])
        try link(root.appendingPathComponent("real"), "models", to: base.path + "/outside")
        let error = try loadError(root)
        #expect(error.reason == .folder(.file(name: "real/models/net.h5", problem: .symbolicLink)))
        #expect(!error.description.contains("SENTINEL"))
    }

    @Test("a linked single file is refused")
    func singleFileLink() throws {
        let (base, root) = try makeFolder(["real.h5": "x"])
        try link(root, "single.h5", to: "real.h5")
        #expect(try loadError(root.appendingPathComponent("single.h5")).reason == .folder(.submissionIsLink))
        _ = base
    }

    @Test(
        "manifest naming a non-model file: one failure",
        arguments: [
            ("manifest.yml", "a manifest"), ("README.md", "a README"), ("history.csv", "a training history"),
            (".hidden.h5", "a hidden or system file"), ("sub/.git/config", "a hidden or system file"),
            ("Thumbs.db", "a hidden or system file"),
        ])
    func manifestNamesNonModel(named: String, kind: String) throws {
        let (base, root) = try makeFolder([
            "manifest.yml": "model: \(named)", "README.md": "# hi", "history.csv": "loss\n1\n",
            "m.h5": "x", ".hidden.h5": "x",
        ])
        let error = try loadError(root)
        #expect(error.reason == .folder(.manifestNamesNonModel(manifest: "manifest.yml", name: named, kind: kind)))
        #expect(
            error.description == "'submissions/team-a': manifest.yml names '\(named)' as the model, which is \(kind); "
                + "name the model file (.h5, .keras, .onnx, or a predictions .csv with id,score)")
        _ = base
    }

    @Test("README and history text stay out of failures")
    func secretsStayOut() throws {
        let secret = "SECRET-CONTENT-42"
        for (name, text) in [
            ("history.csv", "epoch,loss\n0,\(secret)\n"), ("history.json", "{\"\(secret)\": 1}"),
            ("training.log", "epoch,\(secret)\n0,1\n"),
        ] {
            let (base, root) = try makeFolder([name: text, "m.h5": "x", "README.md": secret])
            let error = try loadError(root)
            #expect(!error.description.contains(secret), "\(error.description)")
            _ = base
        }
        let (base, root) = try makeFolder(["m.h5": "x", "README.md": secret + String(repeating: "x", count: 100)])
        let error = try loadError(root, limits: SubmissionLimits(maxReadmeBytes: 10))
        #expect(!error.description.contains(secret), "\(error.description)")
        _ = base
    }

    @Test("README: size limit, UTF-8, and the preferred name")
    func readme() throws {
        let (base, root) = try makeFolder(["m.h5": "x", "readme.markdown": "md", "README": "plain"])
        let folder = try SubmissionFolder.load(root)
        #expect(folder.readmeName == "readme.markdown")
        #expect(folder.readme == "md")
        #expect(folder.ignored == ["README"])

        let big = try loadError(root, limits: SubmissionLimits(maxReadmeBytes: 1))
        #expect(big.reason == .folder(.readmeTooLarge(name: "readme.markdown", bytes: 2, limit: 1)))
        #expect(big.description.contains("more than the 1"))

        try Data([0xFF, 0xFE, 0x00]).write(to: root.appendingPathComponent("readme.markdown"))
        #expect(try loadError(root).reason == .folder(.readmeNotText(name: "readme.markdown")))
        _ = base
    }

    @Test("a pipe in the folder is refused, not read")
    func fifo() throws {
        let (base, root) = try makeFolder(["m.h5": "x"])
        #expect(mkfifo(root.appendingPathComponent("README.md").path, 0o600) == 0)
        let error = try loadError(root)
        #expect(error.reason == .folder(.file(name: "README.md", problem: .notRegular(kind: .other))))
        #expect(error.description.contains("not a regular file"))
        _ = base
    }

    @Test("an unreadable model file", .enabled(if: getuid() != 0, "root reads every file"))
    func unreadable() throws {
        let (base, root) = try makeFolder(["m.h5": "x"])
        try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: root.appendingPathComponent("m.h5").path)
        #expect(try loadError(root).reason == .folder(.file(name: "m.h5", problem: .unreadable(detail: "permission denied"))))
        _ = base
    }

    @Test("too many entries; a missing path")
    func limitsAndMissing() throws {
        let (base, root) = try makeFolder(["a.h5": "x", "b": "x", "c": "x"])
        #expect(try loadError(root, limits: SubmissionLimits(maxFolderEntries: 2)).reason == .folder(.tooManyFiles(count: 3, limit: 2)))
        let missing = try loadError(root.appendingPathComponent("nothing-here"))
        #expect(missing.reason == .folder(.unreadable(name: "nothing-here", detail: "no such file or folder")))
        _ = base
    }
}
