import Foundation
import TestSupport
import Testing

/// A model of 985 ONNX nodes, as a participant checks it and as its entry page shows it:
/// a row an operator type with its count, not a row a node.
@Suite struct LargeGraphSummaryTests {
    let dir = TemporaryDirectory()
    var environment: [String: String] { ["LEADERBOARD_CACHE": dir.file("cache")] }

    @Test func checkPrintsARowAnOperatorType() throws {
        let run = try CommandRunner.run(["check", SharedFixtures.largeGraph], in: dir.path, environment: environment)
        #expect(run.status == 0, "\(run.stderr)")
        let operators = try SharedFixtures.largeGraphOperators()
        let lines = run.stdout.split(separator: "\n").map(String.init)
        let heading = try #require(lines.firstIndex { $0.hasPrefix("985 nodes by operator type (") }, "\(run.stdout)")
        let rows = lines[(heading + 1)...].prefix { $0.hasPrefix("  ") }
        #expect(rows.map { String($0.dropFirst(2).prefix { $0 != ":" }) } == operators.map(\.type))
        for (row, expected) in zip(rows, operators) {
            #expect(row.hasPrefix("  \(expected.type): \(expected.nodes) node"), "\(row)")
        }
        #expect(!run.stdout.contains("/blocks.0/"), "no node is listed by name")
    }

    @Test func theEntryPageShowsARowAnOperatorType() throws {
        let ws = try dir.workspace(examples: [])
        let team = ws + "/submissions/deep-net"
        try FileManager.default.createDirectory(atPath: team, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: SharedFixtures.largeGraph, toPath: team + "/model.onnx")
        try "team: Deep Net\ntitle: residual MLP of 70 blocks\n".write(toFile: team + "/manifest.yml", atomically: true, encoding: .utf8)
        let scored = try CommandRunner.run(["score", "--workspace", ws], in: dir.path, environment: environment)
        #expect(scored.status == 0, "\(scored.stderr)")
        let built = try CommandRunner.run(
            ["build", "--workspace", ws, "--output", dir.file("site")], in: dir.path, environment: environment)
        #expect(built.status == 0, "\(built.stderr)")

        let entries = try FileManager.default.contentsOfDirectory(atPath: dir.file("site/entries")).filter { $0.hasSuffix(".html") }
        let pages = try entries.map { try String(contentsOfFile: dir.file("site/entries/" + $0), encoding: .utf8) }
        let page = try #require(pages.first { $0.contains("residual MLP of 70 blocks") })
        #expect(page.contains("<p>985 nodes by operator type</p>"))
        let table = try #require(page.firstRange(of: "<th>type</th><th>count</th><th>parameters</th>"))
        let body = try #require(page[table.upperBound...].split(separator: "</tbody>").first)
        let rows = body.matches(of: /<tr><td>([^<]*)<\/td><td class="num">([^<]*)<\/td>/)
        let operators = try SharedFixtures.largeGraphOperators()
        #expect(rows.map { String($0.1) } == operators.map(\.type))
        #expect(rows.map { String($0.2) } == operators.map { String($0.nodes) })
        #expect(!page.contains("/blocks.0/"), "no node is listed by name")
    }
}
