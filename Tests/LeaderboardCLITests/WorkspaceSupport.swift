import Foundation
import TestSupport
import Testing

extension TemporaryDirectory {
    /// A workspace made by `leaderboard init` in folder `name` of this directory, whose
    /// `submissions/` holds the repository's example submissions in place of what `init` put
    /// there: all of them, or only the entries named in `examples` (none for `[]`); `config`,
    /// when given, is appended to its `leaderboard.yml`.
    func workspace(_ name: String = "ws", examples: [String]? = nil, config: String? = nil) throws -> String {
        let ws = file(name)
        #expect(try CommandRunner.run(["init", ws], in: path).status == 0)
        let fm = FileManager.default
        let submissions = ws + "/submissions/"
        for entry in try fm.contentsOfDirectory(atPath: submissions) where !entry.hasPrefix(".") {
            try fm.removeItem(atPath: submissions + entry)
        }
        for entry in try fm.contentsOfDirectory(atPath: SharedFixtures.exampleSubmissions)
        where !entry.hasPrefix(".") && examples.map({ $0.contains(entry) }) ?? true {
            try fm.copyItem(atPath: SharedFixtures.exampleSubmissions + "/" + entry, toPath: submissions + entry)
        }
        if let config {
            let configPath = ws + "/leaderboard.yml"
            let text = try String(contentsOfFile: configPath, encoding: .utf8)
            try (text + "\n" + config).write(toFile: configPath, atomically: true, encoding: .utf8)
        }
        return ws
    }
}

/// A command's `--json` output: a list of objects.
func json(_ text: String) throws -> [[String: Any]] {
    try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
}

/// The lock of workspace `ws`, held as another run (process 4242) holds it, and a command
/// started while it is held.
struct HeldWorkspaceLock {
    let descriptor: Int32
    /// The started command, still waiting for the lock.
    let process: Process
    /// What it had said on standard error by the time it said it waits.
    let said: String

    /// Takes the lock of `ws`, starts `arguments`, and waits (at most 5 s) until the command
    /// says that it waits for the lock.
    init(_ ws: String, starting arguments: [String], in dir: TemporaryDirectory, environment: [String: String]) throws {
        let fd = open(ws + "/.leaderboard.lock", O_RDWR | O_CREAT, 0o644)
        try #require(fd >= 0)
        _ = "4242\n".withCString { pwrite(fd, $0, 5, 0) }
        try #require(flock(fd, LOCK_EX) == 0)
        descriptor = fd
        let errors = dir.file("stderr.txt")
        _ = FileManager.default.createFile(atPath: errors, contents: nil)
        process = try CommandRunner.start(
            arguments, environment: environment,
            standardError: FileHandle(forWritingAtPath: errors))
        var said = ""
        for _ in 0..<100 where !said.contains("waiting") {
            usleep(50_000)
            said = (try? String(contentsOfFile: errors, encoding: .utf8)) ?? ""
        }
        self.said = said
    }

    /// Lets the lock go and waits for the command to end; its exit status.
    func release() -> Int32 {
        flock(descriptor, LOCK_UN)
        close(descriptor)
        process.waitUntilExit()
        return process.terminationStatus
    }
}
