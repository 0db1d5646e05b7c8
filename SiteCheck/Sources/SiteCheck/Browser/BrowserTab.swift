import Foundation

/// One tab of a `Browser`: sized, pointed at a page, asked to run a script or take a picture.
public final class BrowserTab {
    private let connection: DevToolsConnection
    private let session: String

    init(connection: DevToolsConnection, session: String) throws {
        self.connection = connection
        self.session = session
        try command("Page.enable")
    }

    /// Lays pages out in `viewport` from now on (`Emulation.setDeviceMetricsOverride`), at one
    /// device pixel per CSS pixel so that screenshots are at CSS size.
    public func resize(to viewport: Viewport) throws {
        try command(
            "Emulation.setDeviceMetricsOverride",
            ["width": viewport.width, "height": viewport.height, "deviceScaleFactor": 1, "mobile": viewport.mobile])
    }

    /// Loads `url` and returns once its `load` event has fired (styles and images in).
    /// - Throws: `BrowserError` (`.page`) when the navigation fails (a missing file, say).
    public func load(_ url: URL) throws {
        connection.discardEvents()
        let reply = try command("Page.navigate", ["url": url.absoluteString])
        if let failure = reply["errorText"] as? String, !failure.isEmpty {
            throw BrowserError.pageFailed("\(url.path): \(failure)")
        }
        _ = try connection.waitForEvent("Page.loadEventFired", session: session)
    }

    /// The value of `expression` evaluated in the page, awaited when it is a promise, as JSON
    /// value (string, number, array, object).
    /// - Throws: `BrowserError` (`.page`) with the exception's text when the script throws.
    public func evaluate(_ expression: String) throws -> Any? {
        let reply = try command("Runtime.evaluate", ["expression": expression, "awaitPromise": true, "returnByValue": true])
        if let exception = reply["exceptionDetails"] as? [String: Any] {
            let thrown = (exception["exception"] as? [String: Any])?["description"] as? String
            throw BrowserError.pageFailed("script error: \(thrown ?? exception["text"] as? String ?? "\(exception)")")
        }
        return (reply["result"] as? [String: Any])?["value"]
    }

    /// A PNG of the whole page (not only the window), at most `maximumHeight` CSS px tall.
    public func screenshot(maximumHeight: Double = 16_384) throws -> Data {
        let metrics = try command("Page.getLayoutMetrics")
        let size = metrics["cssContentSize"] as? [String: Any]
        let width = (size?["width"] as? Double) ?? 0
        let height = min((size?["height"] as? Double) ?? 0, maximumHeight)
        var parameters: [String: Any] = ["format": "png", "captureBeyondViewport": true]
        if width > 0 && height > 0 {
            parameters["clip"] = ["x": 0, "y": 0, "width": width.rounded(.up), "height": height.rounded(.up), "scale": 1]
        }
        let reply = try command("Page.captureScreenshot", parameters)
        guard let encoded = reply["data"] as? String, let png = Data(base64Encoded: encoded) else {
            throw BrowserError.protocolError("Page.captureScreenshot: no image")
        }
        return png
    }

    @discardableResult
    private func command(_ method: String, _ params: [String: Any] = [:]) throws -> [String: Any] {
        try connection.command(method, params, session: session)
    }
}
