import CCmark

#if canImport(Glibc)
import Glibc
#endif

/// libcmark with a bound on its time. libcmark 0.30.2 has inputs that take time quadratic
/// or worse in their size (`![[]()` repeated: 37 s for 256 KiB; a deep block quote holding
/// a run of emphasis: 87 s for 128 KiB), so it runs in a forked child process that may use
/// `cpuSeconds` of CPU time (`RLIMIT_CPU`) and `memoryBytes` of heap (`RLIMIT_DATA`), and
/// is killed after `wallSeconds`. The child calls one C function and writes its result to a
/// pipe; it runs no Swift code that could need a lock another thread of the parent held
/// when it forked (glibc's `fork` makes `malloc` safe in the child).
enum BoundedMarkdown {
    /// CPU seconds a rendering may take; an ordinary README takes milliseconds.
    static let cpuSeconds = 1
    /// Wall-clock seconds before the child is killed, for a machine too loaded to give it
    /// its CPU second.
    static let wallSeconds: Int32 = 20
    /// Heap the child may allocate.
    static let memoryBytes = 1 << 30

    /// The safe-mode HTML of `markdown`, or `nil` when rendering exceeded a limit or the
    /// child could not be started.
    static func render(_ markdown: [UInt8]) -> [UInt8]? {
        var fds: [Int32] = [-1, -1]
        guard let pipe2, pipe2(&fds, O_CLOEXEC) == 0 else { return nil }
        // Everything the child uses is computed before the fork.
        let options = CMARK_OPT_DEFAULT | CMARK_OPT_SMART | CMARK_OPT_VALIDATE_UTF8
        let writeEnd = fds[1]
        var limits = (
            cpu: rlimit(rlim_cur: rlim_t(cpuSeconds), rlim_max: rlim_t(cpuSeconds + 1)),
            memory: rlimit(rlim_cur: rlim_t(memoryBytes), rlim_max: rlim_t(memoryBytes))
        )
        let pid = markdown.withUnsafeBufferPointer { input -> pid_t in
            input.withMemoryRebound(to: CChar.self) { chars in
                let child = fork()
                if child == 0 { renderInChild(chars, options: options, limits: &limits, output: writeEnd) }
                return child
            }
        }
        close(fds[1])
        guard pid > 0 else {
            close(fds[0])
            return nil
        }
        let output = readAll(fds[0], child: pid)
        close(fds[0])
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        // Exited normally (signal bits 0) with status 0.
        return status & 0x7F == 0 && (status >> 8) & 0xFF == 0 ? output : nil
    }

    /// The child's whole life: limits, one libcmark call, the bytes to the pipe, `_exit`.
    private static func renderInChild(
        _ input: UnsafeBufferPointer<CChar>, options: Int32,
        limits: inout (cpu: rlimit, memory: rlimit), output: Int32
    ) -> Never {
        setrlimit(__rlimit_resource_t(RLIMIT_CPU.rawValue), &limits.cpu)
        setrlimit(__rlimit_resource_t(RLIMIT_DATA.rawValue), &limits.memory)
        guard let base = input.baseAddress, let html = cmark_markdown_to_html(base, input.count, options) else { _exit(1) }
        var rest = strlen(html)
        var at = UnsafeRawPointer(html)
        while rest > 0 {
            let n = write(output, at, rest)
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { _exit(1) }
            at += n
            rest -= n
        }
        _exit(0)
    }

    /// `pipe2(2)`, which Swift's Glibc module does not declare: a pipe whose ends no other
    /// program started meanwhile by another thread inherits.
    private typealias Pipe2 = @convention(c) (UnsafeMutablePointer<Int32>, Int32) -> Int32
    private static let pipe2: Pipe2? = dlsym(nil, "pipe2").map { unsafeBitCast($0, to: Pipe2.self) }

    /// Everything the child writes to `fd`, killing it once `wallSeconds` have passed.
    private static func readAll(_ fd: Int32, child: pid_t) -> [UInt8] {
        var output: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        var deadline = timespec()
        clock_gettime(CLOCK_MONOTONIC, &deadline)
        deadline.tv_sec += Int(wallSeconds)
        while true {
            var now = timespec()
            clock_gettime(CLOCK_MONOTONIC, &now)
            let left = (deadline.tv_sec - now.tv_sec) * 1000 + (deadline.tv_nsec - now.tv_nsec) / 1_000_000
            var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let ready = left > 0 ? poll(&poller, 1, Int32(clamping: left)) : 0
            if ready < 0 && errno == EINTR { continue }
            if ready <= 0 {
                kill(child, SIGKILL)
                return []
            }
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { return output }
            output.append(contentsOf: buffer[..<n])
        }
    }
}
