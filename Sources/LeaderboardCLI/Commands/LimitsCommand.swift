import ArgumentParser
import Competition
import Foundation

/// `leaderboard limits`: every limit a run enforces, its default, its value in this
/// workspace, and the key that sets it under `limits:` in `leaderboard.yml`.
struct LimitsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "limits",
        abstract: "List every limit on submissions and sandboxed predictions, with its default and its setting.",
        discussion: """
            Set a limit in leaderboard.yml, e.g.
              limits:
                memory_bytes: 8589934592
                max_file_bytes: 104857600
            A message that hits a limit names its key.
            """)

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let limits = try global.workspaceIfAny().map { try RunLimits(workspace: $0) } ?? RunLimits()
        let width = RunLimits.allKeys.map(\.count).max() ?? 0
        print("key".padding(toLength: width, withPad: " ", startingAt: 0) + "  value          default        meaning")
        for row in limits.table {
            let changed = row.value != row.defaultValue ? "*" : " "
            print(
                row.key.padding(toLength: width, withPad: " ", startingAt: 0) + " " + changed
                    + Limit.text(row.value).padding(toLength: 15, withPad: " ", startingAt: 0)
                    + Limit.text(row.defaultValue).padding(toLength: 15, withPad: " ", startingAt: 0)
                    + row.meaning + " (" + row.unit + ")")
        }
    }
}
