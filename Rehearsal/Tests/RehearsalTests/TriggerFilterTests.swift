import Foundation
import Testing

@testable import Rehearsal

@Suite struct TriggerFilterTests {
    private let workflow = """
        on:
          push:
            branches: [main, 'release/**', '!release/old']
          pull_request:
            branches: [main]
            paths: ['submissions/**', '!submissions/**/*.md']
        permissions: {}
        jobs:
          build:
            steps:
              - run: echo ran
        """

    @Test func branchFiltersDecideWhetherAPushRuns() throws {
        let sandbox = try Sandbox()
        try sandbox.commit(["README.md": "hello\n"])
        for branch in ["feature", "release/1.0", "release/old"] { try sandbox.git("branch", branch) }
        #expect(try sandbox.run(workflow).result == "success")
        #expect(try sandbox.run(workflow, ref: "release/1.0").result == "success")
        for refused in ["feature", "release/old"] {
            let error = try #require(throws: RehearsalError.self) { try sandbox.run(workflow, ref: refused) }
            #expect(
                error.description.hasSuffix(
                    "would not run on this push: branch \(refused) is not in branches: [main, release/**, !release/old]"))
        }
    }

    @Test func pathFiltersReadThePullRequestsChangedFiles() throws {
        let sandbox = try Sandbox()
        try sandbox.commit(["README.md": "hello\n"])
        try sandbox.git("checkout", "--quiet", "-b", "docs")
        try sandbox.commit(["submissions/team/NOTES.md": "notes\n", "README.md": "changed\n"])
        try sandbox.git("checkout", "--quiet", "-b", "model")
        try sandbox.commit(["submissions/team/model.json": "{}\n"])
        try sandbox.git("checkout", "--quiet", "main")
        let error = try #require(throws: RehearsalError.self) {
            try sandbox.run(workflow, event: .pullRequest, ref: "docs", baseRef: "main")
        }
        #expect(error.description.contains("no changed file is in paths"))
        #expect(try sandbox.run(workflow, event: .pullRequest, ref: "model", baseRef: "main").result == "success")
        try sandbox.git("branch", "other")
        #expect(throws: RehearsalError.self, "the base branch is not in branches") {
            try sandbox.run(workflow, event: .pullRequest, ref: "model", baseRef: "other")
        }
    }

    @Test func pathsIgnoreStopsARunOnlyWhenEveryFileIsIgnored() throws {
        let yaml = "on:\n  push:\n    paths-ignore: ['docs/**', '*.md']\njobs: {}\n"
        let filter = try #require(try WorkflowFile.parse(yaml, path: "w.yml").triggers.filters["push"])
        #expect(filter.refusal(branch: "main", changedFiles: ["docs/a.txt", "README.md"]) != nil)
        #expect(filter.refusal(branch: "main", changedFiles: ["docs/a.txt", "Sources/x.swift"]) == nil)
    }
}
