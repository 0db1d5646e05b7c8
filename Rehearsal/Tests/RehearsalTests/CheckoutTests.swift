import Foundation
import Testing

@testable import Rehearsal

@Suite struct CheckoutTests {
    private func workflow(depth: String?) -> String {
        let with = depth.map { "\n  with: {fetch-depth: \($0)}" } ?? ""
        return oneJob(
            on: "[push, pull_request]",
            """
            - uses: actions/checkout@v4\(with)
            - id: git
              run: |
                echo "count=$(git rev-list --count HEAD)" >> "$GITHUB_OUTPUT"
                echo "parents=$(git cat-file -p HEAD | grep -c '^parent ')" >> "$GITHUB_OUTPUT"
                echo "files=$(ls | tr '\\n' ' ')" >> "$GITHUB_OUTPUT"
                echo "sha=$GITHUB_SHA $GITHUB_REF" >> "$GITHUB_OUTPUT"
            - id: history
              continue-on-error: true
              run: git log --oneline HEAD~2
            """)
    }

    private func threeCommits() throws -> Sandbox {
        let sandbox = try Sandbox()
        try sandbox.commit(["a.txt": "1\n"])
        try sandbox.commit(["b.txt": "2\n"])
        try sandbox.commit(["c.txt": "3\n"])
        return sandbox
    }

    @Test func theDefaultIsAOneCommitShallowClone() throws {
        let sandbox = try threeCommits()
        let report = try sandbox.run(workflow(depth: nil))
        #expect(try report.step("git").outputs["count"] == "1")
        #expect(try report.step("git").outputs["files"] == "a.txt b.txt c.txt ")
        #expect(try report.step("history").outcome == "failure", "a step that needs history fails as on GitHub")
        let head = try sandbox.git("rev-parse", "HEAD")
        #expect(try report.step("git").outputs["sha"] == "\(head) refs/heads/main")
    }

    @Test func fetchDepthZeroGivesAllHistory() throws {
        let sandbox = try threeCommits()
        let report = try sandbox.run(workflow(depth: "0"))
        #expect(try report.step("git").outputs["count"] == "3")
        #expect(try report.step("history").outcome == "success")
    }

    @Test func aPullRequestChecksOutTheMergeOfHeadIntoBase() throws {
        let sandbox = try threeCommits()
        try sandbox.git("checkout", "--quiet", "-b", "feature", "HEAD~1")
        try sandbox.commit(["feature.txt": "new\n"])
        try sandbox.git("checkout", "--quiet", "main")
        let report = try sandbox.run(workflow(depth: nil), event: .pullRequest, ref: "feature", baseRef: "main")
        let git = try report.step("git")
        #expect(git.outputs["files"] == "a.txt b.txt c.txt feature.txt ")
        #expect(git.outputs["parents"] == "2", "a merge commit")
        #expect(git.outputs["sha"]?.hasSuffix(" refs/pull/1/merge") == true)
        #expect(git.outputs["count"] == "1")
        #expect(try sandbox.git("branch", "--list").contains("pull") == false, "the repository itself is not touched")
    }
}
