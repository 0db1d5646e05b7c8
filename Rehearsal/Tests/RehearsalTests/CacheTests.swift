import Foundation
import Testing

@testable import Rehearsal

@Suite struct CacheTests {
    /// A job that restores `data/` under a key, reports what it found, and writes the folder.
    private func workflow(key: String, restoreKeys: [String] = [], fail: Bool = false) -> String {
        let restore =
            restoreKeys.isEmpty ? "" : "\n    restore-keys: |\n" + restoreKeys.map { "      \($0)" }.joined(separator: "\n")
        return oneJob(
            """
            - id: cache
              uses: actions/cache@v4
              with:
                path: |
                  data
                key: \(key)\(restore)
            - id: look
              run: |
                echo "found=$(cat data/value 2>/dev/null || echo none)" >> "$GITHUB_OUTPUT"
                echo "hit=${{ steps.cache.outputs.cache-hit }}" >> "$GITHUB_OUTPUT"
                mkdir -p data && echo "\(key)" > data/value
                \(fail ? "exit 1" : "true")
            """)
    }

    @Test func aMissSavesAtTheEndAndTheSameKeyThenHitsExactly() throws {
        let sandbox = try Sandbox()
        try sandbox.commit(["README.md": "hello\n"])
        let cold = try sandbox.run(workflow(key: "data-${{ hashFiles('README.md') }}"))
        #expect(try cold.step("look").outputs["found"] == "none")
        #expect(try cold.step("cache").outputs["cache-hit"] == "false")
        #expect(cold.steps.last?.kind == "post")
        let warm = try sandbox.run(workflow(key: "data-${{ hashFiles('README.md') }}"))
        #expect(try warm.step("cache").outputs["cache-hit"] == "true")
        #expect(try warm.step("look").outputs["found"]?.hasPrefix("data-") == true)
        #expect(warm.steps.allSatisfy { $0.kind != "post" }, "an exact hit saves nothing")
    }

    @Test func restoreKeysTakeTheNewestPrefixMatchAndAreNoHit() throws {
        let sandbox = try Sandbox()
        try sandbox.commit(["README.md": "hello\n"])
        _ = try sandbox.run(workflow(key: "data-old"))
        _ = try sandbox.run(workflow(key: "data-newer"))
        _ = try sandbox.run(workflow(key: "other-newest"))
        let report = try sandbox.run(workflow(key: "data-current", restoreKeys: ["data-"]))
        #expect(try report.step("cache").outputs["cache-hit"] == "false")
        #expect(try report.step("cache").outputs["cache-matched-key"] == "data-newer")
        #expect(try report.step("look").outputs["found"] == "data-newer")
        #expect(try report.step("look").outputs["hit"] == "false")
    }

    @Test func aFailedJobSavesNothing() throws {
        let sandbox = try Sandbox()
        try sandbox.commit(["README.md": "hello\n"])
        let failed = try sandbox.run(workflow(key: "data-1", fail: true))
        #expect(failed.result == "failure")
        let next = try sandbox.run(workflow(key: "data-1"))
        #expect(try next.step("look").outputs["found"] == "none")
    }

    @Test func restoreAndSaveActionsAndTheVersionOfPaths() throws {
        let sandbox = try Sandbox()
        try sandbox.commit(["README.md": "hello\n"])
        let save = oneJob(
            """
            - run: mkdir -p out && echo saved > out/file
            - uses: actions/cache/save@v4
              with: {path: out, key: k1}
            """)
        #expect(try sandbox.run(save).result == "success")
        let restore = oneJob(
            """
            - id: same
              uses: actions/cache/restore@v4
              with: {path: out, key: k1}
            - id: otherPaths
              uses: actions/cache/restore@v4
              with: {path: elsewhere, key: k1}
            - id: read
              run: echo "value=$(cat out/file)" >> "$GITHUB_OUTPUT"
            - id: strict
              uses: actions/cache/restore@v4
              with: {path: out, key: absent, fail-on-cache-miss: true}
            """)
        let report = try sandbox.run(restore)
        #expect(try report.step("same").outputs["cache-hit"] == "true")
        #expect(try report.step("otherPaths").outputs["cache-hit"] == "false", "other paths are another cache version")
        #expect(try report.step("read").outputs["value"] == "saved")
        #expect(try report.step("strict").outcome == "failure")
    }

    @Test func pathsOutsideTheWorkspaceComeBackWhereTheyWere() throws {
        let sandbox = try Sandbox()
        try sandbox.commit(["README.md": "hello\n"])
        let outside = sandbox.root + "/outside"
        let steps = """
            - id: cache
              uses: actions/cache@v4
              with:
                path: |
                  \(outside)
                  .
                key: both
            - id: look
              run: |
                echo "outside=$(cat \(outside)/file 2>/dev/null)" >> "$GITHUB_OUTPUT"
                echo "inside=$(cat made-here 2>/dev/null)" >> "$GITHUB_OUTPUT"
                mkdir -p \(outside) && echo out > \(outside)/file && echo in > made-here
            """
        _ = try sandbox.run(oneJob(steps))
        try FileManager.default.removeItem(atPath: outside)
        let warm = try sandbox.run(oneJob(steps))
        #expect(try warm.step("look").outputs["outside"] == "out")
        #expect(try warm.step("look").outputs["inside"] == "in")
    }

    /// A restored file keeps its modification time to the nanosecond, as actions/cache's pax
    /// archives keep it: a parse cache keyed by it is found again.
    @Test func aRestoredFileKeepsItsTimeToTheNanosecond() throws {
        let sandbox = try Sandbox()
        try sandbox.commit(["README.md": "hello\n"])
        let steps = { (write: Bool) in
            oneJob(
                """
                - uses: actions/checkout@v5
                - id: cache
                  uses: actions/cache@v5
                  with:
                    path: data
                    key: times
                - id: look
                  run: |
                    \(write ? "mkdir -p data && touch -d '2026-11-02 10:00:00.123456789' data/file" : "true")
                    echo "time=$(stat -c %y data/file)" >> "$GITHUB_OUTPUT"
                """)
        }
        let first = try sandbox.run(steps(true))
        let second = try sandbox.run(steps(false))
        #expect(try second.step("cache").outputs["cache-hit"] == "true")
        #expect(try first.step("look").outputs["time"]?.contains("10:00:00.123456789") == true)
        #expect(try second.step("look").outputs["time"] == (try first.step("look").outputs["time"]))
    }
}
