/// Why the browser could not do what the check asked of it.
public struct BrowserError: Error, CustomStringConvertible {
    public enum Reason: Sendable {
        /// No Chromium executable was found, or it could not be started.
        case launch
        /// The pipe to Chromium closed or failed: Chromium exited or crashed.
        case pipe
        /// Chromium did not answer within the timeout.
        case timeout
        /// Chromium answered a command with an error, or a reply was not what the protocol says.
        case protocolError
        /// A page did not load, or its script threw.
        case page
    }

    public let reason: Reason
    public let detail: String

    public var description: String { detail }

    static func launchFailed(_ detail: String) -> BrowserError { BrowserError(reason: .launch, detail: detail) }
    static func pipeClosed(_ detail: String) -> BrowserError { BrowserError(reason: .pipe, detail: detail) }
    static func timedOut(_ detail: String) -> BrowserError { BrowserError(reason: .timeout, detail: detail) }
    static func protocolError(_ detail: String) -> BrowserError { BrowserError(reason: .protocolError, detail: detail) }
    static func pageFailed(_ detail: String) -> BrowserError { BrowserError(reason: .page, detail: detail) }
}
