import Foundation

/// The Chrome DevTools protocol over a `PipeTransport`: numbered commands, their replies, and
/// the events that arrive in between.
///
/// One connection carries the browser's own commands and, with `Target.attachToTarget`'s
/// `flatten: true`, every tab's, each tagged by its `sessionId`. Synchronous: `command` sends
/// and then reads until its reply arrives, keeping the events it reads on the way for
/// `waitForEvent`.
final class DevToolsConnection {
    private let transport: PipeTransport
    private let timeout: TimeInterval
    private var nextID = 1
    private var events: [[String: Any]] = []

    /// - Parameter timeout: seconds to wait for any one reply or event.
    init(transport: PipeTransport, timeout: TimeInterval) {
        self.transport = transport
        self.timeout = timeout
    }

    /// Sends `method` with `params` (to the tab of `session`, or to the browser when nil) and
    /// returns the reply's `result`.
    /// - Throws: `BrowserError` (`.protocolError`) when Chromium answers with an error, or the
    ///   transport's errors.
    @discardableResult
    func command(_ method: String, _ params: [String: Any] = [:], session: String? = nil) throws -> [String: Any] {
        let id = nextID
        nextID += 1
        var message: [String: Any] = ["id": id, "method": method, "params": params]
        if let session { message["sessionId"] = session }
        try transport.send(try JSONSerialization.data(withJSONObject: message))
        while true {
            let reply = try receive()
            guard reply["id"] as? Int == id else {
                if reply["method"] != nil { events.append(reply) }
                continue
            }
            if let error = reply["error"] as? [String: Any] {
                throw BrowserError.protocolError("\(method): \(error["message"] as? String ?? "\(error)")")
            }
            return reply["result"] as? [String: Any] ?? [:]
        }
    }

    /// The parameters of the first event `method` of `session`, kept or still to come; events
    /// before it are dropped.
    /// - Throws: `BrowserError` (`.timeout`) when none arrives within the timeout.
    func waitForEvent(_ method: String, session: String?) throws -> [String: Any] {
        while true {
            let event = events.isEmpty ? try receive() : events.removeFirst()
            if event["method"] as? String == method && event["sessionId"] as? String == session {
                return event["params"] as? [String: Any] ?? [:]
            }
        }
    }

    /// Forgets the events read so far, so that a later `waitForEvent` sees only newer ones.
    func discardEvents() { events.removeAll() }

    private func receive() throws -> [String: Any] {
        let data = try transport.receive(timeout: timeout)
        guard let message = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw BrowserError.protocolError("not a DevTools message: \(String(decoding: data.prefix(200), as: UTF8.self))")
        }
        return message
    }
}
