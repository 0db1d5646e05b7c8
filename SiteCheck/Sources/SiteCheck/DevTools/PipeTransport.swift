import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Whole messages to and from a child process over two pipes, each message ended by a NUL
/// byte: the framing of Chromium's `--remote-debugging-pipe` (it reads commands from its fd 3
/// and writes replies and events to its fd 4).
///
/// Blocking and single-threaded: `receive` waits (with `poll`) until a whole message has
/// arrived or the timeout has passed, so the DevTools session above it needs no threads.
final class PipeTransport {
    private let output: Int32
    private let input: Int32
    /// Bytes read past the last whole message; `scanned` of them hold no NUL.
    private var pending: [UInt8] = []
    private var scanned = 0
    /// The read buffer: a screenshot's reply is megabytes, so it is read a mebibyte at a time.
    private var chunk = [UInt8](repeating: 0, count: 1 << 20)

    /// Takes ownership of `output` (written to) and `input` (read from); both are closed by `close()`.
    init(output: Int32, input: Int32) {
        self.output = output
        self.input = input
    }

    /// Writes `message` and its NUL terminator whole.
    /// - Throws: `BrowserError.pipeClosed` when the reader has gone (Chromium exited).
    func send(_ message: Data) throws {
        var bytes = [UInt8](message)
        bytes.append(0)
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(output, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                throw BrowserError.pipeClosed("writing: \(String(cString: strerror(errno)))")
            }
            offset += written
        }
    }

    /// The next whole message, without its NUL.
    /// - Throws: `BrowserError.timedOut` after `timeout` seconds without one;
    ///   `BrowserError.pipeClosed` when Chromium closed its end (it exited or crashed).
    func receive(timeout: TimeInterval) throws -> Data {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if let end = pending[scanned...].firstIndex(of: 0) {
                let message = Data(pending[..<end])
                pending.removeSubrange(...end)
                scanned = 0
                return message
            }
            scanned = pending.count
            let left = deadline.timeIntervalSinceNow
            if left <= 0 { throw BrowserError.timedOut("no message from Chromium in \(Int(timeout)) s") }
            var descriptor = pollfd(fd: input, events: Int16(POLLIN), revents: 0)
            let ready = poll(&descriptor, 1, Int32(min(left * 1000, 60_000).rounded(.up)))
            if ready < 0 && errno != EINTR { throw BrowserError.pipeClosed("waiting: \(String(cString: strerror(errno)))") }
            if ready <= 0 { continue }
            try readAvailable()
        }
    }

    /// Appends what the pipe holds now (at most a chunk) to `pending`.
    private func readAvailable() throws {
        let count = chunk.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
        if count > 0 { pending.append(contentsOf: chunk[..<count]) }
        if count == 0 { throw BrowserError.pipeClosed("Chromium closed the pipe") }
        if count < 0 && errno != EINTR && errno != EAGAIN {
            throw BrowserError.pipeClosed("reading: \(String(cString: strerror(errno)))")
        }
    }

    /// Closes both ends; Chromium, seeing its command pipe closed, exits.
    func closePipes() {
        close(output)
        close(input)
    }
}
