import Foundation

/// One headless Chromium for a whole check: started once, each page loaded in the same tab,
/// so that a site of a thousand pages costs one browser start, not a thousand.
public final class Browser {
    private let process: ChromiumProcess
    private let connection: DevToolsConnection

    /// Starts Chromium and waits for its first reply.
    /// - Parameters:
    ///   - executable: the Chromium to run (`Browser.locate()` finds the system's).
    ///   - timeout: seconds to wait for any one reply; a page's load and measurement must fit in it.
    /// - Throws: `BrowserError` when Chromium cannot be started or does not answer (the message
    ///   ends with the last lines Chromium printed).
    public init(executable: String, timeout: TimeInterval = 60) throws {
        process = try ChromiumProcess(executable: executable)
        connection = DevToolsConnection(transport: process.transport, timeout: timeout)
        do {
            try connection.command("Browser.getVersion")
        } catch {
            let log = process.logTail()
            process.stop(grace: 0)
            throw BrowserError.launchFailed("Chromium (\(executable)) did not start: \(error)\n\(log)")
        }
    }

    /// The system's Chromium (`/usr/bin/chromium`, else `chromium` on PATH), or nil.
    public static func locate() -> String? { ChromiumProcess.locate() }

    /// A new tab, attached with its own session (`Target.attachToTarget`, flattened).
    public func openTab() throws -> BrowserTab {
        let target = try connection.command("Target.createTarget", ["url": "about:blank"])
        guard let targetID = target["targetId"] as? String else { throw BrowserError.protocolError("Target.createTarget: no targetId") }
        let attached = try connection.command("Target.attachToTarget", ["targetId": targetID, "flatten": true])
        guard let session = attached["sessionId"] as? String else {
            throw BrowserError.protocolError("Target.attachToTarget: no sessionId")
        }
        return try BrowserTab(connection: connection, session: session)
    }

    /// Asks Chromium to close (`Browser.close`), then waits for it and removes its profile.
    public func close() {
        _ = try? connection.command("Browser.close")
        process.stop()
    }

    deinit { process.stop(grace: 0) }
}
