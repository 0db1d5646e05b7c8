import Testing

@testable import Rehearsal

@Suite struct CommandFilesTests {
    @Test func assignmentsAndHeredocs() throws {
        let text = "a=1\nb=x=y\nnotes<<EOF\nline one\nb=not an assignment\nEOF\na=2\n"
        let pairs = try CommandFiles.parseAssignments(text, file: "GITHUB_OUTPUT")
        #expect(pairs.map(\.0) == ["a", "b", "notes", "a"])
        #expect(pairs.map(\.1) == ["1", "x=y", "line one\nb=not an assignment", "2"])
    }

    @Test func anUnclosedHeredocOrABareLineIsRefused() {
        #expect(throws: RehearsalError.self) { try CommandFiles.parseAssignments("notes<<END\ntext\n", file: "GITHUB_ENV") }
        #expect(throws: RehearsalError.self) { try CommandFiles.parseAssignments("just words\n", file: "GITHUB_ENV") }
    }
}
