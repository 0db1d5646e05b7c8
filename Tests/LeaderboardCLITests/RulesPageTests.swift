import Foundation
import TestSupport
import Testing

@testable import ModelFiles

/// The Rules page `init` writes stays true to what the scorer accepts.
@Suite struct RulesPageTests {
    let dir = TemporaryDirectory()

    /// `pages/rules.md` of a new workspace.
    func rules() throws -> String {
        #expect(try CommandRunner.run(["init", dir.file("ws")], in: dir.path).status == 0)
        return try String(contentsOfFile: dir.file("ws/pages/rules.md"), encoding: .utf8)
    }

    @Test func theManifestKeysListedAreExactlyTheOnesTheParserAccepts() throws {
        let page = try rules()
        let listed = Set(page.matches(of: /\n- `([a-z_]+):`/).map { String($0.1) })
        // `final` selects versions for the final ranking; it is listed whether or not this
        // build's parser has it yet.
        #expect(listed == Set(SubmissionManifest.knownKeys).union(["final"]), "\(listed)")
        // The example manifest on the page is one the parser accepts, key by key.
        let example = try #require(page.firstMatch(of: /```yaml\n((?:.|\n)*?)```/)).1
        let manifest = try SubmissionManifest(parsing: Data(example.utf8), fileName: "manifest.yml", isJSON: false)
        #expect(manifest.features?.count == 7)
        #expect(manifest.standardization?.scale.count == 7)
        for line in example.split(separator: "\n") where !line.hasPrefix(" ") {
            let key = String(line.prefix { $0 != ":" })
            #expect(listed.contains(key), "\(key) is in the example but not in the list")
        }
    }

    @Test func everyFormatIsNamedWithTheCallThatSavesIt() throws {
        let page = try rules()
        for call in [
            "model.save('my_model.h5')", "model.save('my_model.keras')", "torch.onnx.export(", "skl2onnx.to_onnx(",
            "tf2onnx.convert.from_keras(", "save_model('model.json')", "save_model('model.ubj')",
            "booster.save_model('model.txt')", "`id,score`", "leaderboard check submissions/<team>", "final: true",
            ".ipynb", "PDF", "README.md", "training.log", "history.json",
        ] {
            #expect(page.contains(call), "\(call)")
        }
    }
}
