import Foundation
import TestSupport
import Testing

/// The built command, run end to end on the embedded sample.
@Suite struct DataCommandsTests {
    let dir = TemporaryDirectory()
    var cache: [String: String] { ["LEADERBOARD_CACHE": dir.file("cache")] }

    @Test func demoMakesAWorkspaceAndReportsTheDataAndSplit() throws {
        let run = try CommandRunner.run(["demo", "--workspace", "demo"], in: dir.path, environment: cache)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("7,500 real HIGGS events (signal 3,988, background 3,512)"))
        #expect(run.stdout.contains("training 6,300, validation 700, hidden test 500 (public 140, private 360)"))
        #expect(FileManager.default.fileExists(atPath: dir.file("demo/leaderboard.sqlite")))
        // Running it again replaces the earlier demo; a folder that is not a demo is refused.
        #expect(try CommandRunner.run(["demo", "--workspace", "demo"], in: dir.path, environment: cache).status == 0)
        try FileManager.default.createDirectory(atPath: dir.file("mine"), withIntermediateDirectories: true)
        let refused = try CommandRunner.run(["demo", "--workspace", "mine"], in: dir.path, environment: cache)
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("is not a demo workspace; nothing was changed"))
    }

    @Test func infoAsJSONHasCountsStatisticsAndTheHash() throws {
        let run = try CommandRunner.run(["data", "info", "--json"], in: dir.path, environment: cache)
        #expect(run.status == 0, "\(run.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(json["rows"] as? Int == 7_500)
        #expect(json["signal"] as? Int == 3_988)
        #expect(json["official"] as? Bool == false)
        #expect(json["sha256"] as? String == "2c5eba3c34c8ebdfcdc0b7c7d46bf8585ddc6ffc044e4f60712f0c025b8d2146")
        let features = try #require(json["features"] as? [[String: Any]])
        #expect(features.count == 28)
        #expect(features[0]["name"] as? String == "lepton pT")
        #expect(features[0]["min"] as? Double == 0.275)
    }

    @Test func synthThenInfoThenCacheWorkTogether() throws {
        let synth = try CommandRunner.run(
            ["data", "synth", "--rows", "3000", "--out", "s.csv.gz", "--seed", "5"],
            in: dir.path, environment: cache)
        #expect(synth.status == 0, "\(synth.stderr)")
        let first = try CommandRunner.run(["data", "cache", "s.csv.gz", "--json"], in: dir.path, environment: cache)
        #expect(first.stdout.contains("\"fromCache\" : false"))
        let second = try CommandRunner.run(["data", "cache", "s.csv.gz", "--json"], in: dir.path, environment: cache)
        #expect(second.stdout.contains("\"fromCache\" : true"))
        #expect(second.stdout.contains("\"rows\" : 3000"))
        let split = try CommandRunner.run(["data", "split", "s.csv.gz"], in: dir.path, environment: cache)
        #expect(split.stdout.contains("hidden test rows 2,801–3,000  (200: public"), "row numbers grouped as counts are")
    }

    @Test func badDataIsOneLineOnStandardErrorAndAFailingStatus() throws {
        try dir.write("1,2,3\n", to: "bad.csv")
        let run = try CommandRunner.run(["data", "info", "bad.csv"], in: dir.path, environment: cache)
        #expect(run.status != 0)
        let lines = run.stderr.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(lines.first?.contains("bad.csv: line 1: expected 29 comma-separated values") == true)
    }

    @Test func verifyRefusesUnofficialFiles() throws {
        let sample = try CommandRunner.run(["data", "verify"], in: dir.path, environment: cache)
        #expect(sample.status == 0)
        #expect(sample.stdout.contains("not the official full data set"))
        try dir.write(
            String(repeating: "0," + Array(repeating: "1", count: 28).joined(separator: ",") + "\n", count: 3),
            to: "other.csv")
        let other = try CommandRunner.run(["data", "verify", "other.csv"], in: dir.path, environment: cache)
        #expect(other.status != 0)
        #expect(other.stderr.contains("is not the official HIGGS.csv.gz"))
    }

    @Test func initMakesAWorkspaceAndRefusesASecondTime() throws {
        let made = try CommandRunner.run(["init", "comp"], in: dir.path)
        #expect(made.status == 0)
        #expect(FileManager.default.fileExists(atPath: dir.file("comp/leaderboard.yml")))
        let again = try CommandRunner.run(["init", "comp"], in: dir.path)
        #expect(again.status != 0)
        #expect(again.stderr.contains("already a workspace"))
    }

    @Test func everyCommandExplainsItself() throws {
        for command in [
            ["demo"], ["init"], ["data"], ["data", "info"], ["data", "synth"], ["data", "cache"],
            ["data", "verify"], ["data", "split"],
        ] {
            let run = try CommandRunner.run(command + ["--help"], in: dir.path)
            #expect(run.status == 0)
            #expect(run.stdout.contains("OVERVIEW:") || run.stdout.contains("USAGE:"), "\(command)")
        }
    }
}
