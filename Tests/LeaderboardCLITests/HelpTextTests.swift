import ArgumentParser
import Testing

@testable import LeaderboardCLI

/// Every command's `--help` reads cleanly in an 80-column terminal. ArgumentParser wraps each
/// paragraph and each option's help to the terminal's width itself, so text broken into lines
/// in the source is broken twice, leaving ragged short lines; a line of a paragraph that
/// could have held the next line's first word is such a break.
@Suite struct HelpTextTests {
    static let columns = 80

    /// The shown commands beneath `command`, itself first.
    static func commands(_ command: any ParsableCommand.Type) -> [any ParsableCommand.Type] {
        guard command.configuration.shouldDisplay else { return [] }
        return [command] + command.configuration.subcommands.flatMap(commands)
    }

    /// The lines of `help` that end a line early: within a run of lines that start at
    /// `column` (0 for paragraphs, the help column for the options' texts), one followed by a
    /// line whose first word would have fitted after it.
    static func raggedLines(_ help: String, column: Int) -> [String] {
        let lines = help.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        func startsAt(_ line: String) -> Bool {
            line.count > column && line.prefix(column).allSatisfy { $0 == " " } && line.dropFirst(column).first != " "
        }
        func continues(_ line: String) -> Bool {
            // The options' texts: the option's own line or a continuation, both with text at `column`.
            column == 0
                ? startsAt(line)
                : line.count > column && line[line.index(line.startIndex, offsetBy: column - 1)] == " "
                    && line.dropFirst(column).first.map { $0 != " " } == true
        }
        var ragged: [String] = []
        for (line, next) in zip(lines, lines.dropFirst()) where continues(line) && startsAt(next) && !line.hasPrefix("USAGE:") {
            let word = next.split(separator: " ").first ?? ""
            // ArgumentParser fills a line to one column less than the width.
            if line.count + 1 + word.count <= columns - 1 { ragged.append(line + " ⏎ " + word) }
        }
        return ragged
    }

    @Test func paragraphsAndOptionTextsAreWrappedOnceAt80Columns() throws {
        let commands = Self.commands(LeaderboardCommand.self)
        #expect(commands.count >= 19, "every shown command and subcommand")
        for command in commands {
            let help = LeaderboardCommand.helpMessage(for: command, columns: Self.columns)
            let name = command.configuration.commandName ?? "\(command)"
            // The column where the options' texts start, from the line every command has.
            let helpLine = try #require(help.split(separator: "\n").first { $0.hasPrefix("  -h, --help") })
            let helpColumn = helpLine.distance(from: helpLine.startIndex, to: try #require(helpLine.range(of: "Show help")).lowerBound)
            for column in [0, helpColumn] {
                #expect(Self.raggedLines(help, column: column).isEmpty, "\(name) --help: \(Self.raggedLines(help, column: column))")
            }
            for line in help.split(separator: "\n") where !line.hasPrefix("USAGE:") {
                #expect(line.count <= Self.columns, "\(name) --help: \(line)")
            }
        }
    }

    @Test func aParagraphBrokenInTheSourceIsFound() {
        // The check itself: a discussion hard-wrapped at 60 columns, as ArgumentParser shows it.
        let help = """
            OVERVIEW: Score every new or changed submission.

            PATH is a submissions folder (each subfolder is a team's
            submission, each model file at its top a submission of its own)

              --json                  Print JSON instead of a table, one object
                                      per line.
            """
        #expect(Self.raggedLines(help, column: 0).count == 1)
        #expect(Self.raggedLines(help, column: 26).count == 1)
    }
}
