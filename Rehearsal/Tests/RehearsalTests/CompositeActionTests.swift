import Foundation
import Testing

@testable import Rehearsal

/// Local composite actions (`uses: ./.github/actions/NAME`), read from the checkout as GitHub
/// reads them: their inputs with defaults, their own `steps` context, failure stopping them.
@Suite struct CompositeActionTests {
    static let action = """
        name: greet
        outputs:
          text:
            value: ${{ steps.make.outputs.text }}
        inputs:
          who:
            description: whom
            default: world
          shout:
            default: 'false'
        runs:
          using: composite
          steps:
            - id: make
              shell: bash
              run: echo "text=hello ${{ inputs.who }}" >> "$GITHUB_OUTPUT"
            - if: inputs.shout == 'true'
              shell: bash
              run: echo "${{ steps.make.outputs.text }}!" > shouted
            - shell: bash
              run: echo "${{ steps.make.outputs.text }}" >> said
        """

    @Test func inputsDefaultsAndItsOwnStepsContextApply() throws {
        let sandbox = try Sandbox()
        try sandbox.commit([".github/actions/greet/action.yml": Self.action])
        let report = try sandbox.run(
            oneJob(
                """
                - uses: actions/checkout@v4
                - uses: ./.github/actions/greet
                - id: loud
                  uses: ./.github/actions/greet
                  with:
                    who: rehearsal
                    shout: 'true'
                - id: after
                  run: echo "heard=${{ steps.loud.outputs.text }}" >> "$GITHUB_OUTPUT"
                """))
        #expect(report.result == "success")
        #expect(try sandbox.read(sandbox.workspace + "/said") == "hello world\nhello rehearsal\n")
        #expect(try sandbox.read(sandbox.workspace + "/shouted") == "hello rehearsal!\n")
        // Its declared outputs are the step's, evaluated over its own steps' outputs.
        #expect(try report.step("loud").outputs["text"] == "hello rehearsal")
        #expect(try report.step("after").outputs["heard"] == "hello rehearsal")
        // The action's own steps are reported under its step's name; the first call skipped its shout.
        let inner = report.steps.filter { $0.name.hasPrefix("Run ./.github/actions/greet › ") }
        #expect(inner.count == 6)
        #expect(inner.filter { $0.outcome == "skipped" }.count == 1)
    }

    @Test func aFailingStepFailsTheActionAndSkipsTheRest() throws {
        let sandbox = try Sandbox()
        try sandbox.commit([
            ".github/actions/broken/action.yml": """
            runs:
              using: composite
              steps:
                - shell: bash
                  run: exit 3
                - shell: bash
                  run: touch after
            """
        ])
        let report = try sandbox.run(
            oneJob(
                """
                - uses: actions/checkout@v4
                - id: broken
                  uses: ./.github/actions/broken
                """))
        #expect(report.result == "failure")
        #expect(try report.step("broken").outcome == "failure")
        #expect(!FileManager.default.fileExists(atPath: sandbox.workspace + "/after"))
    }

    @Test func aRunStepWithoutShellOrAnotherKindOfActionIsRefused() throws {
        let sandbox = try Sandbox()
        try sandbox.commit([
            ".github/actions/noshell/action.yml": "runs:\n  using: composite\n  steps:\n    - run: echo hi\n",
            ".github/actions/node/action.yml": "runs:\n  using: node20\n  main: index.js\n",
        ])
        for name in ["noshell", "node"] {
            #expect(throws: RehearsalError.self) {
                try sandbox.run(oneJob("- uses: actions/checkout@v4\n- uses: ./.github/actions/\(name)"))
            }
        }
    }
}
