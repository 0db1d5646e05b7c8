import Foundation
import Testing
import TestSupport

extension TemporaryDirectory {
    /// A workspace made by `leaderboard init` in folder `name` of this directory, whose
    /// `submissions/` holds the repository's example submissions in place of what `init` put
    /// there: all of them, or only the entries named in `examples` (none for `[]`); `config`,
    /// when given, is appended to its `leaderboard.yml`.
    func workspace(_ name: String = "ws", examples: [String]? = nil, config: String? = nil) throws -> String {
        let ws = file(name)
        #expect(try CommandRunner.run(["init", ws], in: path).status == 0)
        let fm = FileManager.default
        let submissions = ws + "/submissions/"
        for entry in try fm.contentsOfDirectory(atPath: submissions) where !entry.hasPrefix(".") {
            try fm.removeItem(atPath: submissions + entry)
        }
        for entry in try fm.contentsOfDirectory(atPath: SharedFixtures.exampleSubmissions)
        where !entry.hasPrefix(".") && examples.map({ $0.contains(entry) }) ?? true {
            try fm.copyItem(atPath: SharedFixtures.exampleSubmissions + "/" + entry, toPath: submissions + entry)
        }
        if let config {
            let configPath = ws + "/leaderboard.yml"
            let text = try String(contentsOfFile: configPath, encoding: .utf8)
            try (text + "\n" + config).write(toFile: configPath, atomically: true, encoding: .utf8)
        }
        return ws
    }
}

/// A command's `--json` output: a list of objects.
func json(_ text: String) throws -> [[String: Any]] {
    try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
}
