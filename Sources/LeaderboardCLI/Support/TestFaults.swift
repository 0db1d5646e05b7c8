import CSandbox
import Foundation
import Scoring

#if canImport(Glibc)
import Glibc
#endif

/// Deliberate faults for the tests of the sandbox, only when `LEADERBOARD_TEST_FAULTS=1` is
/// set, so no submission can trigger them. A model file starting with
/// `LEADERBOARD-TEST-FAULT <kind>` makes the child crash, hang or exhaust its memory, or
/// (`probe <sentinel file>`) try what its containment must refuse and fail with the errno
/// of each try, or (`outputs`) make each file its parent reads a sparse 64 GiB, as a child
/// taken over by its file could. `LEADERBOARD_TEST_NO_LANDLOCK=1` and `LEADERBOARD_TEST_NO_SECCOMP=1` leave a
/// layer of containment out, as a kernel without it would (for the tests of the notice,
/// and the benchmark of what containment costs).
enum TestFaults {
    static let prefix = "LEADERBOARD-TEST-FAULT "

    private static var enabled: Bool { ProcessInfo.processInfo.environment["LEADERBOARD_TEST_FAULTS"] == "1" }

    /// The layers of containment the test switches leave out.
    static var skippedLayers: Set<Containment.Layer> {
        guard enabled else { return [] }
        let environment = ProcessInfo.processInfo.environment
        return Set(Containment.Layer.allCases.filter { environment["LEADERBOARD_TEST_NO_\($0.rawValue.uppercased())"] == "1" })
    }

    /// Acts on the fault the model file of `request` names, if any; `containment` is what
    /// the child applied (a probe does not try to run a program in a child with no layer,
    /// where it would succeed and replace the child).
    static func trigger(for request: ChildRequest, containment: Containment.Report) {
        guard enabled, let handle = FileHandle(forReadingAtPath: request.modelPath),
            let head = try? handle.read(upToCount: 4096)
        else { return }
        let text = String(decoding: head, as: UTF8.self)
        guard text.hasPrefix(prefix) else { return }
        let kind = text.dropFirst(prefix.count).prefix(while: { $0.isLetter })
        switch kind {
        case "crash":
            // A real invalid write, as a reader crashing on a hostile file would make.
            let address = UnsafeMutablePointer<Int>(bitPattern: Int(getpid() & 0) + 16)
            address?.pointee = 1
        case "hang":
            // Ends by itself after 30 s, so a test that loses track of the child leaves nothing behind.
            let end = Date().addingTimeInterval(30)
            while Date() < end { sleep(1) }
            exit(0)
        case "memory":
            var blocks: [UnsafeMutableRawPointer] = []
            while let block = malloc(64 << 20) {
                memset(block, 1, 64 << 20)
                blocks.append(block)
            }
            fatalError("out of memory after \(blocks.count * 64) MiB")
        case "outputs":
            // Contained, the child may still grow the files it writes, and its standard error.
            for path in [request.scoresPath, request.summaryPath, request.containmentPath] {
                let fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC, 0o600)
                ftruncate(fd, 64 << 30)
                close(fd)
            }
            ftruncate(STDERR_FILENO, 64 << 30)
            exit(0)
        case "probe":
            let sentinel =
                text.dropFirst(prefix.count + kind.count).split(separator: "\n").first
                .map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
            let line = probe(sentinel: sentinel, exec: containment.missing.count < Containment.Layer.allCases.count)
            FileHandle.standardError.write(Data((line + "\n").utf8))
            exit(3)
        default: return
        }
    }

    /// Tries what a contained child must not do: read `sentinel` (a file outside its allowed
    /// paths) by its absolute path and by a path relative to the working folder, write beside
    /// it, run a program (when `exec`), open a socket, and reach its parent. One line:
    /// `probes: name=ERRNO …`, `OK` for what succeeded, then how many descriptors it holds
    /// open for writing or on sockets beyond standard error (inherited ones, which no layer stops).
    static func probe(sentinel: String, exec: Bool) -> String {
        let parent = getppid()
        let folder = URL(fileURLWithPath: sentinel).deletingLastPathComponent().path
        let depth = FileManager.default.currentDirectoryPath.split(separator: "/").count
        let relative = String(repeating: "../", count: depth) + sentinel.drop(while: { $0 == "/" })
        let results: [(String, Int32)] = [
            ("read-absolute", lb_probe_open(sentinel, O_RDONLY)),
            ("read-relative", lb_probe_open(relative, O_RDONLY)),
            ("write-outside", lb_probe_open(folder + "/written-by-the-child", O_WRONLY | O_CREAT)),
            ("read-proc-parent", lb_probe_open("/proc/\(parent)/environ", O_RDONLY)),
            ("exec", exec ? lb_probe_exec("/bin/true") : 0),
            ("socket", lb_probe_socket()),
            ("ptrace", lb_probe_ptrace(parent)),
            ("process_vm_readv", lb_probe_process_vm_readv(parent)),
            ("signal-parent", lb_probe_signal(parent)),
        ]
        return "probes: " + results.map { "\($0.0)=\(errnoName($0.1))" }.joined(separator: " ")
            + " writable-descriptors=\(lb_probe_writable_descriptors())"
    }

    private static func errnoName(_ error: Int32) -> String {
        switch error {
        case 0: return "OK"
        case EPERM: return "EPERM"
        case EACCES: return "EACCES"
        case ENOENT: return "ENOENT"
        case ENOSYS: return "ENOSYS"
        default: return "errno\(error)"
        }
    }
}
