import Foundation
import TestSupport
import Testing

/// `check FOLDER` and `check MODEL`, run as a participant runs them, on the example submissions.
@Suite struct CheckFolderTests {
    let dir = TemporaryDirectory()
    var environment: [String: String] { ["LEADERBOARD_CACHE": dir.file("cache")] }
    var examples: String { SharedFixtures.exampleSubmissions }

    /// `check` with `arguments`, from a folder that is no workspace.
    func check(_ arguments: [String], in folder: String? = nil) throws -> CommandRunner.Outcome {
        try CommandRunner.run(["check"] + arguments, in: folder ?? dir.path, environment: environment)
    }

    /// The JSON object `check --json` printed.
    func object(_ run: CommandRunner.Outcome) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any], "\(run.stderr)")
    }

    @Test func aDeliverableFolderIsReportedPartByPartAndScoredOnTheValidationRows() throws {
        let run = try check([examples + "/higgs-hunters", "--json"])
        #expect(run.status == 0, "\(run.stderr)")
        let report = try object(run)
        #expect(report["form"] as? String == "folder")
        let manifest = try #require(report["manifest"] as? [String: Any])
        #expect(manifest["team"] as? String == "Higgs Hunters")
        #expect(manifest["members"] as? [String] == ["Ada", "Grace"])
        let model = try #require(report["model"] as? [String: Any])
        #expect(model["file"] as? String == "my_model.h5")
        #expect((model["reason"] as? String)?.contains("named by manifest.yml's `model`") == true)
        let history = try #require(report["history"] as? [String: Any])
        #expect(history["file"] as? String == "training.log")
        #expect(history["epochs"] as? Int == 10)
        #expect(history["keys"] as? [String] == ["loss", "accuracy", "val_loss", "val_accuracy"])
        #expect((report["readme"] as? [String: Any])?["file"] as? String == "README.md")
        let parts = try #require(report["deliverables"] as? [[String: Any]])
        let kinds = Dictionary(uniqueKeysWithValues: parts.compactMap { p in (p["file"] as? String).map { ($0, p["kind"] as? String) } })
        #expect(
            kinds == [
                "higgs_hunters.ipynb": "notebook", "higgs_hunters.pdf": "PDF", "train.py": "script", "roc.png": "image",
                "training.png": "image",
            ])
        // The notebook is read as the entry's page will show it: Jupyter's figures checked and kept.
        let notebookPart = try #require(parts.first { $0["kind"] as? String == "notebook" })
        #expect(notebookPart["shown"] as? Bool == true)
        #expect((notebookPart["detail"] as? String)?.contains(" figures") == true)
        #expect((notebookPart["detail"] as? String)?.contains(" 0 figures") == false)
        // The rows the notebook validated on, with Keras' own predictions: its printed AUC.
        let notebook = try String(contentsOfFile: examples + "/higgs-hunters/higgs_hunters.ipynb", encoding: .utf8)
        let printed = try #require(notebook.firstMatch(of: /validation AUC (0\.\d{4}) on 700 rows/)).1
        let validation = try #require(report["validation"] as? [String: Any])
        #expect(validation["rows"] as? Int == 700)
        let auc = try #require(validation["auc"] as? Double)
        #expect(String(format: "%.4f", auc) == String(printed))
        let data = try #require(report["data"] as? [String: Any])
        #expect(data["workspace"] == nil)
        #expect(data["rowsUsed"] as? [Int] == [6_300, 7_000])
    }

    @Test func theTextSaysWhatTheJSONSaysAndWhichDataOutsideAWorkspace() throws {
        let run = try check([examples + "/higgs-hunters"])
        #expect(run.status == 0, "\(run.stderr)")
        for line in [
            "manifest    manifest.yml (in the folder): team \"Higgs Hunters\"; members Ada, Grace",
            "model       my_model.h5 (", "named by manifest.yml's `model`",
            "history     training.log: 10 epochs (loss, accuracy, val_loss, val_accuracy)",
            "readme      README.md (", "notebook    higgs_hunters.ipynb: ", "pdf         higgs_hunters.pdf: ",
            "files       ", "train.py (script)",
            "data        the embedded sample of real HIGGS events (no workspace here), 7,500 rows; rows 6,300..<7,000 used: "
                + "the public validation rows",
            "validation rows 700: AUC", "The folder is ready to submit.",
        ] {
            #expect(run.stdout.contains(line), "\(line)\n\(run.stdout)")
        }
    }

    @Test func aFolderThatScoreWouldRefuseFailsWithScoresLine() throws {
        // The same line `score` records for the team.
        let pickled = try check([examples + "/pickled-model"])
        #expect(pickled.status != 0)
        #expect(pickled.stdout.isEmpty)
        #expect(pickled.stderr.split(separator: "\n").count == 1)
        #expect(pickled.stderr.contains("is a Python pickle"))
        // Two files that could be the model and no manifest naming one.
        let fm = FileManager.default
        let folder = dir.file("two-models")
        try fm.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for name in ["a.h5", "b.h5"] {
            try fm.copyItem(atPath: examples + "/notebook-net/model.h5", toPath: folder + "/" + name)
        }
        let several = try check([folder])
        #expect(several.status != 0)
        #expect(several.stderr.split(separator: "\n").count == 1)
        #expect(several.stderr.contains("a.h5") && several.stderr.contains("b.h5"), "\(several.stderr)")
        // --manifest belongs to a model file.
        let manifestOnFolder = try check([examples + "/higgs-hunters", "--manifest", examples + "/higgs-hunters/manifest.yml"])
        #expect(manifestOnFolder.status != 0)
        #expect(manifestOnFolder.stderr.contains("--manifest is for a model file"))
        let missing = try check([dir.file("nowhere")])
        #expect(missing.status != 0)
        #expect(missing.stderr.contains("no such file or folder"))
    }

    @Test func aNotebookThatCannotBeShownIsSaidButTheFolderIsStillReady() throws {
        // The deliverable folder without its manifest (its model is the only candidate), with a
        // notebook of another nbformat and a "PDF" that is HTML: `score` scores it and its page
        // says why each is not shown, so `check` passes and says the same.
        let fm = FileManager.default
        let folder = dir.file("hunters")
        try fm.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for name in ["my_model.h5", "training.log", "higgs_hunters.ipynb", "train.py"] {
            try fm.copyItem(atPath: examples + "/higgs-hunters/" + name, toPath: folder + "/" + name)
        }
        try #"{"nbformat": 3, "nbformat_minor": 0, "worksheets": []}"#.write(
            toFile: folder + "/old.ipynb", atomically: true, encoding: .utf8)
        try "<html><script>alert(1)</script></html>".write(toFile: folder + "/report.pdf", atomically: true, encoding: .utf8)
        let run = try check([folder, "--json"])
        #expect(run.status == 0, "\(run.stderr)")
        let report = try object(run)
        #expect((report["model"] as? [String: Any])?["reason"] as? String == "the only file of the folder that can be the model")
        let parts = try #require(report["deliverables"] as? [[String: Any]])
        let byFile = Dictionary(uniqueKeysWithValues: parts.compactMap { p in (p["file"] as? String).map { ($0, p) } })
        #expect(byFile["higgs_hunters.ipynb"]?["shown"] as? Bool == true)
        #expect(byFile["old.ipynb"]?["shown"] as? Bool == false)
        #expect((byFile["old.ipynb"]?["detail"] as? String)?.contains("nbformat") == true)
        #expect(byFile["report.pdf"]?["shown"] as? Bool == false)
        #expect(byFile["train.py"]?["kind"] as? String == "script")
        let text = try check([folder])
        #expect(text.stdout.contains("notebook    old.ipynb: "), "\(text.stdout)")
        #expect(text.stdout.contains("pdf         report.pdf: "), "\(text.stdout)")
    }

    @Test func aPredictionsFileIsCheckedForItsShapeOnly() throws {
        let run = try check([examples + "/kaggle-style", "--json"])
        #expect(run.status == 0, "\(run.stderr)")
        let report = try object(run)
        #expect(report["validation"] == nil)
        let predictions = try #require(report["predictions"] as? [String: Any])
        #expect(predictions["scores"] as? Int == 500)
        #expect((predictions["why"] as? String)?.contains("scores of the hidden test rows only") == true)
        // A predictions file of the wrong length is refused as `score` would refuse it.
        let folder = dir.file("short")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try "id,score\n0,0.5\n1,0.25\n".write(toFile: folder + "/predictions.csv", atomically: true, encoding: .utf8)
        let short = try check([folder])
        #expect(short.status != 0)
        #expect(short.stderr.split(separator: "\n").count == 1, "\(short.stderr)")
    }

    @Test func aModelFileIsReadWithTheManifestBesideItUnlessAnotherIsGiven() throws {
        // The 7-input network reads only the masses: without its manifest it cannot be scored.
        let run = try check([examples + "/high-level-masses/model.h5", "--json"])
        #expect(run.status == 0, "\(run.stderr)")
        let manifest = try #require(try object(run)["manifest"] as? [String: Any])
        #expect((manifest["source"] as? String)?.hasPrefix("beside the model") == true)
        #expect((manifest["features"] as? [String])?.count == 7)
        let lone = dir.file("lone")
        try FileManager.default.createDirectory(atPath: lone, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: examples + "/high-level-masses/model.h5", toPath: lone + "/model.h5")
        let withoutManifest = try check([lone + "/model.h5"])
        #expect(withoutManifest.status != 0)
        #expect(withoutManifest.stderr.split(separator: "\n").count == 1)
        let given = try check([lone + "/model.h5", "--manifest", examples + "/high-level-masses/manifest.yml", "--json"])
        #expect(given.status == 0, "\(given.stderr)")
        #expect((try object(given)["manifest"] as? [String: Any])?["source"] as? String == "--manifest")
    }

    @Test func insideAWorkspaceItsLimitsApplyAsScoreAppliesThem() throws {
        let ws = try dir.workspace(examples: ["higgs-hunters"], config: "limits:\n  max_file_bytes: 10000\n")
        let run = try check([ws + "/submissions/higgs-hunters"], in: ws)
        #expect(run.status != 0)
        #expect(run.stderr.split(separator: "\n").count == 1)
        #expect(run.stderr.contains("max_file_bytes"), "\(run.stderr)")
        let scored = try CommandRunner.run(["score", "--workspace", ws, "--json"], in: ws, environment: environment)
        let outcome = try #require(try json(scored.stdout).first)
        #expect((outcome["failure"] as? String)?.contains("max_file_bytes") == true)
    }

    @Test func helpExplainsBothForms() throws {
        let run = try check(["--help"])
        #expect(run.status == 0)
        for phrase in ["check FOLDER", "check MODEL", "manifest.yml", "validation rows", "predictions file"] {
            #expect(run.stdout.contains(phrase), "\(phrase)")
        }
    }
}
