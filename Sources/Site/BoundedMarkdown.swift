import CCmarkGFM
import CMarkdownWorker
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// cmark-gfm (GitHub's libcmark, with GitHub's extensions) with a bound on its time. It has
/// inputs that take time quadratic or worse in their size (measured with cmark-gfm 0.29 on
/// this machine: `![[]()` repeated, 0.4 s for 64 KiB and 4.6 s for 128 KiB; a deep block
/// quote holding a run of emphasis, 40 s for 48 KiB), so it runs in a child process that may
/// use `cpuSeconds` of CPU time a text (a timer on its CPU clock) and `memoryBytes` of heap
/// (`RLIMIT_DATA`), and a text is given up after `wallSeconds`.
///
/// One child renders every text, one after another (`lb_markdown_serve`, which runs only C):
/// a child forked for each text cost more than the rendering (profiled with perf, a build of
/// 1,000 entries, each with a README: 16% of its samples in `fork`, copying page tables, and
/// 13% in page faults, most of them the copies on write that follow a fork). A text that
/// exceeds a limit costs the child its life; the next text starts another.
enum BoundedMarkdown {
    /// CPU seconds a rendering may take; an ordinary README takes milliseconds.
    static let cpuSeconds = 1
    /// Wall-clock seconds before a rendering is given up and the child killed, for a machine
    /// too loaded to give it its CPU second.
    static let wallSeconds: Int32 = 20
    /// Heap the child may allocate.
    static let memoryBytes = 1 << 30

    /// The child of this process, started on the first text; its renderings one at a time.
    private static let child = Mutex(Child())

    /// The safe-mode HTML of `markdown`, or `nil` when rendering exceeded a limit or the
    /// child could not be started.
    static func render(_ markdown: [UInt8]) -> [UInt8]? {
        child.withLock { $0.render(markdown) }
    }

    /// The options, as GitHub renders a README: CommonMark with no smart punctuation (which
    /// would turn a table's `---` into dashes), UTF-8 checked, raw HTML left out (safe mode:
    /// `CMARK_OPT_UNSAFE` is never set).
    static let options = CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8

    /// GitHub's extensions, registered: tables, strikethrough, autolinks, task lists, and the
    /// tag filter (which escapes `<script>`, `<iframe>` and the like even where raw HTML passes).
    /// Made once, then only read: the pointers name cmark-gfm's static extension records.
    nonisolated(unsafe) static let extensions: [UnsafeMutableRawPointer?] = {
        cmark_gfm_core_extensions_ensure_registered()
        return ["table", "strikethrough", "autolink", "tasklist", "tagfilter"].compactMap { name in
            name.withCString { cmark_find_syntax_extension($0) }.map { UnsafeMutableRawPointer($0) }
        }
    }()

    /// The rendering child as its parent sees it: its process and its end of their socket.
    private struct Child {
        var pid: pid_t = 0
        var socket: Int32 = -1

        /// `text` rendered by the child (started first if there is none), or `nil` when it
        /// died or ran out of time, after which it is gone.
        mutating func render(_ text: [UInt8]) -> [UInt8]? {
            guard pid > 0 || start() else { return nil }
            var deadline = timespec()
            clock_gettime(CLOCK_MONOTONIC, &deadline)
            deadline.tv_sec += Int(wallSeconds)
            var length = UInt64(text.count)
            let html: [UInt8]? =
                if withUnsafeBytes(of: &length, { send($0) }) && text.withUnsafeBytes({ send($0) }),
                    let header = receive(8, by: deadline)
                {
                    receive(Int(header.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }), by: deadline)
                } else {
                    nil
                }
            if html == nil { stop() }
            return html
        }

        /// Forks the child with its end of a new socket pair; whether it started.
        private mutating func start() -> Bool {
            var ends: [Int32] = [-1, -1]
            guard socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0, &ends) == 0 else {
                return false
            }
            // Everything the child uses is computed before the fork.
            let (mine, its) = (ends[0], ends[1])
            let (options, cpu, memory) = (BoundedMarkdown.options, cpuSeconds, memoryBytes)
            let child = BoundedMarkdown.extensions.withUnsafeBufferPointer { list -> pid_t in
                let (base, count) = (list.baseAddress, Int32(list.count))
                let child = fork()
                if child == 0 { lb_markdown_serve(its, options, base, count, cpu, memory) }
                return child
            }
            close(its)
            guard child > 0 else {
                close(mine)
                return false
            }
            (pid, socket) = (child, mine)
            return true
        }

        /// Kills the child and reaps it.
        private mutating func stop() {
            kill(pid, SIGKILL)
            close(socket)
            var status: Int32 = 0
            while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
            (pid, socket) = (0, -1)
        }

        /// Writes all of `bytes` (no SIGPIPE when the child is gone); whether it could.
        private func send(_ bytes: UnsafeRawBufferPointer) -> Bool {
            var at = 0
            while at < bytes.count {
                let n = Glibc.send(socket, bytes.baseAddress! + at, bytes.count - at, Int32(MSG_NOSIGNAL))
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { return false }
                at += n
            }
            return true
        }

        /// Exactly `count` bytes from the child, or `nil` when it closes its end first or
        /// `deadline` (CLOCK_MONOTONIC) passes.
        private func receive(_ count: Int, by deadline: timespec) -> [UInt8]? {
            var bytes = [UInt8](repeating: 0, count: count)
            var at = 0
            while at < count {
                var now = timespec()
                clock_gettime(CLOCK_MONOTONIC, &now)
                let left = (deadline.tv_sec - now.tv_sec) * 1000 + (deadline.tv_nsec - now.tv_nsec) / 1_000_000
                var poller = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
                let ready = left > 0 ? poll(&poller, 1, Int32(clamping: left)) : 0
                if ready < 0 && errno == EINTR { continue }
                if ready <= 0 { return nil }
                let n = bytes.withUnsafeMutableBytes { read(socket, $0.baseAddress! + at, count - at) }
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { return nil }
                at += n
            }
            return bytes
        }
    }
}
