import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A headless Chromium started by this process, talking DevTools over `--remote-debugging-pipe`.
///
/// Started with `--headless --no-sandbox --disable-gpu` (the sandbox needs a non-root user,
/// which CI does not have) and a fresh temporary profile, removed by `stop()`. Its own output
/// goes to `chromium.log` beside that profile, so a failed launch can be read afterwards.
final class ChromiumProcess {
    let pid: pid_t
    let transport: PipeTransport
    /// The temporary folder holding the profile and the log.
    let folder: URL
    private var stopped = false

    /// The Chromium to use: `/usr/bin/chromium`, else the first `chromium` or
    /// `chromium-browser` on PATH; nil when there is none.
    static func locate(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        var candidates = ["/usr/bin/chromium"]
        for folder in (environment["PATH"] ?? "").split(separator: ":") {
            candidates += ["chromium", "chromium-browser"].map { "\(folder)/\($0)" }
        }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Starts `executable` with its fd 3 reading our commands and its fd 4 writing its replies.
    /// - Throws: `BrowserError` (`.launch`) when the process cannot be started.
    init(executable: String) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("check-site-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let arguments = [
            executable, "--headless", "--no-sandbox", "--disable-gpu", "--remote-debugging-pipe",
            "--user-data-dir=\(folder.appendingPathComponent("profile").path)",
            "--no-first-run", "--no-default-browser-check", "--hide-scrollbars", "--mute-audio",
            "--disable-extensions", "--disable-background-networking", "--disable-sync", "about:blank",
        ]
        let commands = try Self.makePipe()  // we write [1], Chromium reads [0] as fd 3
        let replies = try Self.makePipe()  // Chromium writes [1] as fd 4, we read [0]

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(
            &actions, 1, folder.appendingPathComponent("chromium.log").path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        posix_spawn_file_actions_adddup2(&actions, commands[0], 3)
        posix_spawn_file_actions_adddup2(&actions, replies[1], 4)

        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let status = posix_spawn(&pid, executable, &actions, nil, argv, environ)
        close(commands[0])
        close(replies[1])
        guard status == 0 else {
            close(commands[1])
            close(replies[0])
            throw BrowserError.launchFailed("cannot start \(executable): \(String(cString: strerror(status)))")
        }
        self.pid = pid
        transport = PipeTransport(output: commands[1], input: replies[0])
        // A write to a pipe whose reader died must fail with EPIPE, not kill this process.
        signal(SIGPIPE, SIG_IGN)
    }

    /// A pipe whose two ends are close-on-exec and numbered 10 or above, so that the dup2 onto
    /// fds 3 and 4 in the child never lands on a descriptor it still has to copy (nor onto
    /// itself, which would leave close-on-exec set).
    private static func makePipe() throws -> [Int32] {
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { throw BrowserError.launchFailed("pipe: \(String(cString: strerror(errno)))") }
        defer { ends.forEach { close($0) } }
        let moved = ends.map { fcntl($0, F_DUPFD_CLOEXEC, 10) }
        guard !moved.contains(-1) else { throw BrowserError.launchFailed("fcntl: \(String(cString: strerror(errno)))") }
        return moved
    }

    /// The end of `chromium.log`, for an error message.
    func logTail(lines: Int = 12) -> String {
        let log = (try? String(contentsOf: folder.appendingPathComponent("chromium.log"), encoding: .utf8)) ?? ""
        return log.split(separator: "\n").suffix(lines).joined(separator: "\n")
    }

    /// Waits up to `grace` seconds for Chromium to exit (after `Browser.close` or the pipe's
    /// closing), kills it if it has not, and removes the temporary profile.
    func stop(grace: TimeInterval = 5) {
        guard !stopped else { return }
        stopped = true
        transport.closePipes()
        let deadline = Date().addingTimeInterval(grace)
        var status: Int32 = 0
        while waitpid(pid, &status, WNOHANG) == 0 {
            if Date() > deadline {
                kill(pid, SIGKILL)
                waitpid(pid, &status, 0)
                break
            }
            usleep(20_000)
        }
        try? FileManager.default.removeItem(at: folder)
    }

    deinit { stop(grace: 0) }
}
