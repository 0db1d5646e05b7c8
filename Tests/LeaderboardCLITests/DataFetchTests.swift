import Foundation
import HiggsData
import TestSupport
import Testing

/// `leaderboard data fetch` end to end, against an HTTP server in the test process serving
/// the embedded sample: the workspace names its data by URL and digest, and the commands that
/// read the data find the download through the config.
@Suite struct DataFetchTests {
    let dir = TemporaryDirectory()
    let server: LocalHTTPServer
    let sample: Data
    let sampleDigest = "2c5eba3c34c8ebdfcdc0b7c7d46bf8585ddc6ffc044e4f60712f0c025b8d2146"
    var environment: [String: String] { ["LEADERBOARD_CACHE": dir.file("cache")] }
    var downloads: String { dir.file("cache/downloads") }

    init() throws {
        server = try LocalHTTPServer()
        sample = try Data(contentsOf: URL(fileURLWithPath: KnownDataSets.samplePath))
        server.serve(sample, at: "higgs/HIGGS.csv")
    }

    /// A workspace whose `data:` is `value`.
    func workspace(data value: String) throws -> String {
        let ws = try dir.workspace(examples: [])
        let configPath = ws + "/leaderboard.yml"
        let lines = try String(contentsOfFile: configPath, encoding: .utf8).components(separatedBy: "\n")
        try lines.map { $0.hasPrefix("data:") ? "data: " + value : $0 }.joined(separator: "\n")
            .write(toFile: configPath, atomically: true, encoding: .utf8)
        return ws
    }

    func run(_ arguments: [String]) throws -> CommandRunner.Outcome {
        try CommandRunner.run(arguments, in: dir.path, environment: environment)
    }

    /// The lines of standard error, blank ones left out.
    func lines(_ text: String) -> [Substring] { text.split(separator: "\n") }

    @Test func aWorkspaceNamingItsDataByURLFetchesResumesAndThenReadsIt() throws {
        let ws = try workspace(data: "{url: \(server.url("higgs/HIGGS.csv")), sha256: \(sampleDigest)}")
        let early = try run(["data", "info", "--workspace", ws])
        #expect(early.status != 0 && lines(early.stderr).count == 1)
        #expect(early.stderr.contains("not downloaded yet. Run `leaderboard data fetch`"))

        server.behave(.init(cutAfter: 500_000))
        let cut = try run(["data", "fetch", "--workspace", ws])
        #expect(cut.status != 0 && lines(cut.stderr).count == 1, "\(cut.stderr)")
        #expect(cut.stderr.contains("the download stopped at 500000 of \(sample.count) bytes"))
        #expect(cut.stderr.contains("run `leaderboard data fetch` again to resume"))

        let resumed = try run(["data", "fetch", "--workspace", ws, "--json"])
        #expect(resumed.status == 0, "\(resumed.stderr)")
        let outcome = try #require(try JSONSerialization.jsonObject(with: Data(resumed.stdout.utf8)) as? [String: Any])
        #expect(outcome["resumedFrom"] as? Int == 500_000)
        #expect(outcome["fetchedBytes"] as? Int == sample.count - 500_000)
        #expect(outcome["bytes"] as? Int == sample.count)
        #expect(server.served.last?.range == "bytes=500000-")

        let again = try run(["data", "fetch", "--workspace", ws])
        #expect(again.status == 0)
        let kept = "\(downloads)/\(sampleDigest)-HIGGS.csv"
        #expect(again.stdout.hasPrefix("already here, verified, the embedded 7,500-event HIGGS sample: \(kept)"))
        #expect(server.served.count == 2)

        let info = try run(["data", "info", "--workspace", ws, "--json"])
        #expect(info.status == 0, "\(info.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(info.stdout.utf8)) as? [String: Any])
        #expect(report["rows"] as? Int == 7_500 && report["sha256"] as? String == sampleDigest)
        let scored = try run(["score", "--workspace", ws])
        #expect(scored.status == 0, "\(scored.stderr)")
    }

    @Test func aWrongDigestIsOneLineAndKeepsNothing() throws {
        let wrong = String(sampleDigest.reversed())
        let run = try run(["data", "fetch", "--url", server.url("higgs/HIGGS.csv"), "--sha256", wrong])
        #expect(run.status != 0)
        #expect(
            lines(run.stderr) == [
                "Error: \(server.url("higgs/HIGGS.csv")): the file's sha256 is \(sampleDigest), not the expected "
                    + "\(wrong); nothing was kept. Check the digest in leaderboard.yml, or the address."
            ])
        #expect(try FileManager.default.contentsOfDirectory(atPath: downloads).isEmpty)
    }

    @Test func aMissingFileIsOneLine() throws {
        let run = try run(["data", "fetch", "--url", server.url("nowhere.csv.gz"), "--sha256", sampleDigest])
        #expect(run.status != 0)
        let expected = "Error: \(server.url("nowhere.csv.gz")): the server answered HTTP 404; nothing was downloaded. Check the address."
        #expect(lines(run.stderr) == [Substring(expected)])
        #expect(try FileManager.default.contentsOfDirectory(atPath: downloads).isEmpty)
    }

    @Test func aConfigThatCannotNameDataSaysWhyInWords() throws {
        let cases = [
            "{url: ftp://example.org/HIGGS.csv.gz, sha256: \(sampleDigest)}": "not an http or https address",
            "{url: https://example.org/HIGGS.csv.gz, sha256: 1234}": "a sha256 is 64 hexadecimal digits",
            "{url: https://example.org/HIGGS.csv.gz}": "data.sha256 is missing",
            "[HIGGS.csv]": "data: give a file path, or a mapping {url: …, sha256: …}",
        ]
        for (value, words) in cases {
            let ws = try workspace(data: value)
            let run = try run(["data", "info", "--workspace", ws])
            #expect(run.status != 0 && lines(run.stderr).count == 1, "\(value)")
            #expect(run.stderr.contains(words), "\(value): \(run.stderr)")
            try FileManager.default.removeItem(atPath: ws)
        }
        let path = try workspace(data: "raw/HIGGS.csv.gz")
        let plain = try run(["data", "fetch", "--workspace", path])
        #expect(plain.status != 0 && plain.stderr.contains("the workspace's data is not named by URL"))
        // What CI runs whatever the data: nothing to do is a success, said in one line.
        let ci = try run(["data", "fetch", "--if-named", "--workspace", path])
        #expect(ci.status == 0 && lines(ci.stdout).count == 1)
        #expect(ci.stdout.hasPrefix("nothing to download: the workspace's data is not named by URL"))
    }

    @Test func theURLAndDigestComeTogether() throws {
        let run = try run(["data", "fetch", "--url", server.url("higgs/HIGGS.csv")])
        #expect(run.status != 0 && run.stderr.contains("Give --url and --sha256 together."))
        #expect(server.served.isEmpty)
    }
}
