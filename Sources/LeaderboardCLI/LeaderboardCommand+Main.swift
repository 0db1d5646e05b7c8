import ArgumentParser
import Foundation

extension LeaderboardCommand {
    /// Parses the arguments and runs the command, as ArgumentParser's `main()` does, except
    /// that an error's message goes through `TerminalText`: errors quote submissions (team
    /// names, paths, what a file held), and none of that may act on the terminal.
    public static func main() {
        var command: ParsableCommand
        do {
            command = try parseAsRoot()
        } catch {
            exit(withError: error)
        }
        do {
            try command.run()
        } catch {
            let code = exitCode(for: error)
            guard !code.isSuccess, !(error is ExitCode) else { exit(withError: error) }
            let message = TerminalText.escaped(message(for: error), keepingLines: true)
            FileHandle.standardError.write(Data("Error: \(message)\n".utf8))
            Foundation.exit(code.rawValue)
        }
    }
}
