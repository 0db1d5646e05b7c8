import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// A small HTTP/1.1 server on 127.0.0.1 serving files from memory, one connection at a time,
/// for download tests: it honours `Range: bytes=N-` or ignores it, and can cut a response
/// after a number of bytes. Each response closes its connection. Stopped when released.
public final class LocalHTTPServer: Sendable {
    /// How the server answers.
    public struct Behaviour: Sendable {
        /// Whether `Range: bytes=N-` is answered with 206 and the bytes from N (else 200 and all).
        public var honoursRange = true
        /// The next response closes its connection after this many body bytes, once.
        public var cutAfter: Int?

        public init(honoursRange: Bool = true, cutAfter: Int? = nil) {
            self.honoursRange = honoursRange
            self.cutAfter = cutAfter
        }
    }

    /// One request served.
    public struct Served: Sendable {
        /// The path asked for.
        public var path: String
        /// The `Range` header, if any.
        public var range: String?
        /// The status answered.
        public var status: Int
        /// Body bytes sent.
        public var bodyBytes: Int
    }

    /// The port it listens on.
    public let port: UInt16
    private let listener: Int32
    private let responder = Responder()

    /// Starts listening on an ephemeral port of 127.0.0.1.
    public init() throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw POSIXError(.EIO) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { raw in
                bind(fd, raw, length) == 0 && listen(fd, 8) == 0 && getsockname(fd, raw, &length) == 0
            }
        }
        guard bound else {
            close(fd)
            throw POSIXError(.EADDRINUSE)
        }
        listener = fd
        port = UInt16(bigEndian: address.sin_port)
        let thread = Thread { [responder] in responder.acceptLoop(fd) }
        thread.start()
    }

    /// Shuts the socket down, which ends the accepting thread's `accept` (at once, or as soon
    /// as the thread gets to it); the thread closes the socket itself. Closing it here could let
    /// a thread that had not yet reached `accept` wait on the descriptor's next owner, another
    /// test's server, and answer that server's requests from these files (a 404 seen in CI).
    deinit {
        shutdown(listener, Int32(SHUT_RDWR))
    }

    /// `http://127.0.0.1:PORT/path`.
    public func url(_ path: String) -> String { "http://127.0.0.1:\(port)/" + path }

    /// Serves `data` at `/path`.
    public func serve(_ data: Data, at path: String) { responder.state.withLock { $0.files["/" + path] = data } }

    /// Changes how the following requests are answered.
    public func behave(_ behaviour: Behaviour) { responder.state.withLock { $0.behaviour = behaviour } }

    /// The requests answered so far, in order.
    public var served: [Served] { responder.state.withLock { $0.served } }
}

/// The server's files, behaviour and record, and the answering of connections; held by the
/// accepting thread, which ends when the server closes its socket.
private final class Responder: Sendable {
    struct State {
        var files: [String: Data] = [:]
        var behaviour = LocalHTTPServer.Behaviour()
        var served: [LocalHTTPServer.Served] = []
    }

    let state = Mutex(State())

    /// Answers connections until the listener is shut down, then closes it.
    func acceptLoop(_ listener: Int32) {
        defer { close(listener) }
        while true {
            let client = accept(listener, nil, nil)
            if client < 0 {
                if errno == EINTR { continue }
                return
            }
            answer(client)
            close(client)
        }
    }

    private func answer(_ client: Int32) {
        guard let head = readHead(client) else { return }
        let lines = head.components(separatedBy: "\r\n")
        let parts = lines.first?.split(separator: " ") ?? []
        let path = parts.count > 1 ? String(parts[1]) : "/"
        let range = lines.dropFirst().first { $0.lowercased().hasPrefix("range:") }
            .map { String($0.dropFirst("range:".count)).trimmingCharacters(in: .whitespaces) }
        let (file, behaviour): (Data?, LocalHTTPServer.Behaviour) = state.withLock { s in
            let b = s.behaviour
            s.behaviour.cutAfter = nil
            return (s.files[path], b)
        }
        guard let file else {
            let body = Data("not found\n".utf8)
            send(client, head: "404 Not Found", headers: ["Content-Length: \(body.count)"], body: body, cutAfter: nil)
            record(LocalHTTPServer.Served(path: path, range: range, status: 404, bodyBytes: body.count))
            return
        }
        var start = 0
        if behaviour.honoursRange, let range, range.hasPrefix("bytes="), let first = Int(range.dropFirst(6).prefix { $0 != "-" }) {
            start = first
        }
        if start >= file.count && start > 0 {
            send(
                client, head: "416 Range Not Satisfiable", headers: ["Content-Range: bytes */\(file.count)", "Content-Length: 0"],
                body: Data(), cutAfter: nil)
            record(LocalHTTPServer.Served(path: path, range: range, status: 416, bodyBytes: 0))
            return
        }
        let body = file[start...]
        var headers = ["Content-Length: \(body.count)", "Content-Type: application/octet-stream"]
        if start > 0 { headers.append("Content-Range: bytes \(start)-\(file.count - 1)/\(file.count)") }
        let status = start > 0 ? 206 : 200
        let sent = send(
            client, head: status == 206 ? "206 Partial Content" : "200 OK", headers: headers, body: Data(body),
            cutAfter: behaviour.cutAfter)
        record(LocalHTTPServer.Served(path: path, range: range, status: status, bodyBytes: sent))
    }

    private func record(_ served: LocalHTTPServer.Served) { state.withLock { $0.served.append(served) } }

    /// Reads up to the blank line ending the request's head.
    private func readHead(_ client: Int32) -> String? {
        var bytes = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 1024)
        while bytes.count < 65_536 {
            let count = recv(client, &buffer, buffer.count, 0)
            guard count > 0 else { return nil }
            bytes += buffer[0..<count]
            if let text = String(bytes: bytes, encoding: .utf8), text.contains("\r\n\r\n") { return text }
        }
        return nil
    }

    /// Sends a response, its body cut after `cutAfter` bytes; returns the body bytes sent.
    @discardableResult
    private func send(_ client: Int32, head: String, headers: [String], body: Data, cutAfter: Int?) -> Int {
        let text = "HTTP/1.1 \(head)\r\n" + (headers + ["Connection: close"]).joined(separator: "\r\n") + "\r\n\r\n"
        guard sendAll(client, Data(text.utf8)) else { return 0 }
        let shown = body.prefix(cutAfter ?? body.count)
        var sent = 0
        var offset = shown.startIndex
        while offset < shown.endIndex {
            let end = min(offset + 65_536, shown.endIndex)
            guard sendAll(client, shown[offset..<end]) else { break }
            sent += end - offset
            offset = end
        }
        return sent
    }

    private func sendAll(_ client: Int32, _ data: Data) -> Bool {
        data.withUnsafeBytes { raw in
            var done = 0
            while done < raw.count {
                let count = Glibc.send(client, raw.baseAddress! + done, raw.count - done, Int32(MSG_NOSIGNAL))
                if count <= 0 { return false }
                done += count
            }
            return true
        }
    }
}
