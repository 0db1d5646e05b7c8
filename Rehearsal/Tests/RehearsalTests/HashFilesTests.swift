import Foundation
import Testing

@testable import Rehearsal

@Suite struct HashFilesTests {
    @Test func sha256MatchesTheStandardVectors() {
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex([UInt8]()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        // Two blocks: the padding spills into a second block.
        let twoBlocks = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"
        #expect(SHA256.hex(Array(twoBlocks.utf8)) == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    /// The expected digest was computed outside the package, from the same two files:
    /// `for f in Package.resolved Sources/a/x.swift; do sha256sum "$f" | cut -c1-64; done | xxd -r -p | sha256sum`.
    @Test func hashFilesIsTheDigestOfTheSortedFilesDigests() throws {
        let sandbox = try Sandbox()
        let workspace = sandbox.root + "/ws"
        try sandbox.write(workspace + "/Package.resolved", "pins\n")
        try sandbox.write(workspace + "/Sources/a/x.swift", "let x = 1\n")
        try sandbox.write(workspace + "/Sources/a/notes.txt", "not swift\n")
        try sandbox.write(workspace + "/Tests/y.swift", "let y = 2\n")
        let digest = try HashFiles.hash(patterns: ["Sources/**/*.swift", "Package.resolved"], workspace: workspace)
        #expect(digest == "4fc782b63067d6c96060152d26d16b5f21cf788aaa43e77bf4b5ee81c9731821")
        #expect(
            try HashFiles.matchingFiles(patterns: ["**/*.swift", "!Tests/**"], workspace: workspace) == ["Sources/a/x.swift"])
        #expect(try HashFiles.hash(patterns: ["nothing/**/*.c"], workspace: workspace) == "")
        #expect(try HashFiles.hash(patterns: [workspace + "/Package.resolved"], workspace: workspace) != "")
    }

    @Test func globsMatchWholeSegments() {
        #expect(Glob("**/*.swift").matches("a/b/c.swift"))
        #expect(Glob("**/*.swift").matches("c.swift"))
        #expect(!Glob("*.swift").matches("a/c.swift"))
        #expect(Glob("Sources/**").matches("Sources/a/b"))
        #expect(Glob("file-[0-9].txt").matches("file-3.txt"))
        #expect(!Glob("file-[!0-9].txt").matches("file-3.txt"))
        #expect(Glob("a?c").matches("abc"))
        #expect(!Glob("a*c").matches("ab/c"))
    }
}
