import Foundation
import HiggsData
import TestSupport
import Testing

@testable import Competition

@Suite struct WorkspaceTests {
    @Test func initMakesTheFoldersTheConfigAndTheDatabase() throws {
        let dir = TemporaryDirectory()
        let ws = try Workspace.create(at: dir.file("comp"))
        for folder in ["submissions", "templates", "pages", "site"] {
            var isDir: ObjCBool = false
            #expect(FileManager.default.fileExists(atPath: ws.root + "/" + folder, isDirectory: &isDir) && isDir.boolValue)
        }
        #expect(FileManager.default.fileExists(atPath: ws.databasePath))
        #expect(FileManager.default.fileExists(atPath: ws.pagesPath + "/overview.md"))
        #expect(try ws.openDatabase().schemaVersion() == 10)
        let reopened = try Workspace(at: dir.file("comp"))
        #expect(reopened.config == WorkspaceConfig())
        #expect(reopened.usesEmbeddedSample)
        #expect(try reopened.dataPath(cacheDirectory: dir.file("cache")) == KnownDataSets.samplePath)
    }

    /// The config `init` writes reads as a person would write it: `0.1`, not `1e-1`.
    @Test func initWritesNumbersInPlainNotation() throws {
        let dir = TemporaryDirectory()
        var config = WorkspaceConfig()
        config.split.validationFraction = 0.000123
        let ws = try Workspace.create(at: dir.file("comp"), config: config)
        let text = try String(contentsOfFile: ws.root + "/leaderboard.yml", encoding: .utf8)
        #expect(text.contains("  validation_fraction: 0.000123\n"))
        #expect(text.contains("  public_fraction: 0.3\n"))
        #expect(!text.split(separator: "\n").contains { !$0.hasPrefix("#") && $0.contains("e-") })
        #expect(try Workspace(at: ws.root).config == config)
        #expect(
            Workspace.plainNumbers("a: 1e+20\nb: -2.5e-7\nc: e-mail\nd: 3") == "a: 100000000000000000000\nb: -0.00000025\nc: e-mail\nd: 3")
    }

    @Test func initRefusesToOverwriteAWorkspace() throws {
        let dir = TemporaryDirectory()
        try Workspace.create(at: dir.path)
        #expect(throws: WorkspaceError.alreadyExists(dir.path)) { try Workspace.create(at: dir.path) }
    }

    @Test func aWorkspaceIsFoundFromASubfolder() throws {
        let dir = TemporaryDirectory()
        let ws = try Workspace.create(at: dir.path)
        let found = try Workspace.find(from: ws.submissionsPath)
        #expect(found.root == ws.root)
        let outside = TemporaryDirectory()
        #expect { try Workspace.find(from: outside.path) } throws: { "\($0)".contains("Run `leaderboard init DIR`") }
    }

    @Test func settingsAreReadWithDefaultsForWhatIsLeftOut() throws {
        let config = try WorkspaceConfig.parse(
            """
            title: Test
            data: data/HIGGS.csv.gz
            split:
              test_rows: 1000
              public_fraction: 0.5
            """)
        #expect(config.title == "Test")
        #expect(config.split.testRows == 1000)
        #expect(config.split.publicFraction == 0.5)
        #expect(config.split.validationFraction == 0.1)
        #expect(config.site == "site")
        #expect(try WorkspaceConfig.parse("split:\n  test_rows: auto\n").split.testRows == nil)
        #expect(try WorkspaceConfig.parse("") == WorkspaceConfig())
    }

    @Test func aBrokenConfigIsOneClearLine() throws {
        let dir = TemporaryDirectory()
        try dir.write("split: [1, 2\n", to: Workspace.configFileName)
        #expect { try Workspace(at: dir.path) } throws: {
            "\($0)".contains("leaderboard.yml: cannot read the settings") && !"\($0)".contains("\n")
        }
    }

    @Test func dataPathsAreResolvedAgainstTheWorkspace() throws {
        let dir = TemporaryDirectory()
        try dir.write("data: raw/HIGGS.csv.gz\n", to: Workspace.configFileName)
        let ws = try Workspace(at: dir.path)
        #expect(try ws.dataPath(cacheDirectory: dir.file("cache")) == ws.root + "/raw/HIGGS.csv.gz")
        #expect(ws.resolve("/abs/file") == "/abs/file")
    }
}
