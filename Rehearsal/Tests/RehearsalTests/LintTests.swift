import Testing

@testable import Rehearsal

@Suite struct LintTests {
    private func problems(_ text: String) throws -> [String] {
        WorkflowLint.problems(in: try WorkflowFile.parse(text, path: "w.yml"), path: "w.yml")
    }

    private let clean = """
        on:
          pull_request:
          push:
            branches: [main]
        permissions:
          contents: read
        jobs:
          check:
            runs-on: ubuntu-latest
            container: swift:6.3.1-bookworm
            steps:
              - uses: actions/checkout@v4
              - uses: actions/cache@0c45773b623bea8c8e75f6c82b208c3cf94ea4f9
                with: {path: x, key: k}
              - uses: ./local-action
              - env:
                  HEAD: ${{ github.head_ref }}
                  TITLE: ${{ github.event.pull_request.title }}
                run: echo "$HEAD $TITLE ${{ github.sha }} ${{ github.event_name }}"
        """

    @Test func aCleanWorkflowPasses() throws {
        #expect(try problems(clean) == [])
    }

    @Test func eachRuleIsCaught() throws {
        #expect(try problems("on: pull_request_target\npermissions: {}\njobs: {}\n").count == 1)
        #expect(
            try problems("on: push\njobs: {}\n") == [
                "w.yml: no top-level permissions: block (the token would get the repository's default scopes)"
            ])
        #expect(try problems("on: pull_request\npermissions:\n  contents: write\njobs: {}\n").count == 1)
        #expect(try problems("on: pull_request\npermissions: write-all\njobs: {}\n").count == 1)
        let jobWrite = "on: [pull_request]\npermissions: {}\njobs:\n  a:\n    permissions: {pull-requests: write}\n    steps: [{run: x}]\n"
        #expect(try problems(jobWrite) == ["w.yml: job a: a pull_request workflow grants write permission (pull-requests)"])
        #expect(try problems("on: push\npermissions:\n  contents: write\njobs: {}\n") == [], "write is fine off pull requests")
        for moving in ["actions/checkout@main", "actions/checkout", "actions/checkout@v4-beta", "docker://alpine:3"] {
            let found = try problems(clean.replacingOccurrences(of: "actions/checkout@v4", with: moving))
            #expect(found.count == 1, "\(moving)")
        }
        for image in ["swift:latest", "swift:6.3", "swift", "swift:6.3-bookworm", "registry:5000/swift"] {
            let found = try problems(clean.replacingOccurrences(of: "swift:6.3.1-bookworm", with: image))
            #expect(found == ["w.yml: job check: container image '\(image)' is not pinned to an exact version"])
        }
        let digest = "swift@sha256:" + String(repeating: "a", count: 64)
        #expect(try problems(clean.replacingOccurrences(of: "swift:6.3.1-bookworm", with: digest)) == [])
        for injected in [
            "${{ github.head_ref }}", "${{ github.event.pull_request.title }}", "${{ toJSON(github.event) }}",
            "${{ github['head_ref'] }}",
        ] {
            let found = try problems(clean.replacingOccurrences(of: "${{ github.sha }}", with: injected))
            #expect(found.count == 1, "\(injected)")
            #expect(found.first?.contains("pass it through env:") == true)
        }
    }
}
