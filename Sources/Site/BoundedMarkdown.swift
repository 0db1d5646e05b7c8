import CCmarkGFM

#if canImport(Glibc)
import Glibc
#endif

/// cmark-gfm (GitHub's libcmark, with GitHub's extensions) with a bound on its time. It has
/// inputs that take time quadratic or worse in their size (measured with cmark-gfm 0.29 on
/// this machine: `![[]()` repeated, 0.4 s for 64 KiB and 4.6 s for 128 KiB; a deep block
/// quote holding a run of emphasis, 40 s for 48 KiB), so it runs in a forked child process
/// that may use `cpuSeconds` of CPU time (`RLIMIT_CPU`) and `memoryBytes` of heap (`RLIMIT_DATA`), and
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
        // Everything the child uses is computed before the fork; the extensions are registered
        // once, in the parent (a table of names the child then only reads).
        let options = Self.options
        let extensions = Self.extensions
        let writeEnd = fds[1]
        var limits = (
            cpu: rlimit(rlim_cur: rlim_t(cpuSeconds), rlim_max: rlim_t(cpuSeconds + 1)),
            memory: rlimit(rlim_cur: rlim_t(memoryBytes), rlim_max: rlim_t(memoryBytes))
        )
        let pid = markdown.withUnsafeBufferPointer { input -> pid_t in
            input.withMemoryRebound(to: CChar.self) { chars in
                let child = fork()
                if child == 0 {
                    renderInChild(chars, options: options, extensions: extensions, limits: &limits, output: writeEnd)
                }
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

    /// The options, as GitHub renders a README: CommonMark with no smart punctuation (which
    /// would turn a table's `---` into dashes), UTF-8 checked, raw HTML left out (safe mode:
    /// `CMARK_OPT_UNSAFE` is never set).
    static let options = CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8

    /// GitHub's extensions, registered: tables, strikethrough, autolinks, task lists, and the
    /// tag filter (which escapes `<script>`, `<iframe>` and the like even where raw HTML passes).
    /// Made once, then only read: the pointers name cmark-gfm's static extension records.
    nonisolated(unsafe) static let extensions: [OpaquePointer] = {
        cmark_gfm_core_extensions_ensure_registered()
        return ["table", "strikethrough", "autolink", "tasklist", "tagfilter"].compactMap { name in
            name.withCString { cmark_find_syntax_extension($0) }
        }
    }()

    /// The child's whole life: limits, one parse and one rendering, the bytes to the pipe,
    /// `_exit`.
    private static func renderInChild(
        _ input: UnsafeBufferPointer<CChar>, options: Int32, extensions: [OpaquePointer],
        limits: inout (cpu: rlimit, memory: rlimit), output: Int32
    ) -> Never {
        setrlimit(__rlimit_resource_t(RLIMIT_CPU.rawValue), &limits.cpu)
        setrlimit(__rlimit_resource_t(RLIMIT_DATA.rawValue), &limits.memory)
        guard let base = input.baseAddress, let parser = cmark_parser_new(options) else { _exit(1) }
        for syntax in extensions where cmark_parser_attach_syntax_extension(parser, syntax) == 0 { _exit(1) }
        cmark_parser_feed(parser, base, input.count)
        guard let document = cmark_parser_finish(parser),
            let html = cmark_render_html(document, options, cmark_parser_get_syntax_extensions(parser))
        else { _exit(1) }
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
