import Foundation
import Synchronization

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// One HTTP GET appending to a partial file: asks for the bytes after those already there,
/// and starts afresh when the server sends the whole file instead.
enum HTTPTransfer {
    /// How the transfer ended.
    enum Ending: Equatable {
        /// Every byte arrived; the whole file's digest.
        case complete(String)
        /// The server answered with this status.
        case status(Int)
        /// The server refused the range asked for (416): the partial file is longer than its file.
        case rangeRefused(Int)
        /// The connection failed or ended before the announced length.
        case failed(String)
        /// The partial file could not be written.
        case unwritable(String)
    }

    /// What happened, with the byte counts the report needs.
    struct Result {
        var ending: Ending
        /// Bytes in the partial file at the end.
        var written: Int
        /// The file's whole size, when the server said it.
        var expected: Int?
        /// Bytes received in this transfer.
        var fetched: Int
        /// Whether the server continued the partial file (rather than sending it all again).
        var resumed: Bool
    }

    /// Fetches `url` into `partial` (after its bytes, when it has some); blocks the calling
    /// thread until the transfer ends.
    static func run(url: URL, partial: sending PartialFile, progress: (@Sendable (Int, Int?) -> Void)?) -> Result {
        var request = URLRequest(url: url)
        request.setValue("identity", forHTTPHeaderField: "Accept-Encoding")
        if partial.offset > 0 { request.setValue("bytes=\(partial.offset)-", forHTTPHeaderField: "Range") }
        let receiver = Receiver(partial: partial, progress: progress)
        let configuration = URLSessionConfiguration.ephemeral
        configuration.urlCache = nil
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.timeoutIntervalForRequest = 120
        let queue = OperationQueue()
        queue.maxConcurrentOperationCount = 1
        let session = URLSession(configuration: configuration, delegate: receiver, delegateQueue: queue)
        session.dataTask(with: request).resume()
        receiver.done.wait()
        session.finishTasksAndInvalidate()
        return receiver.result()
    }
}

/// The session's delegate: writes and hashes what arrives. Its callbacks run one at a time on
/// the session's serial queue; the state is read after `done` is signalled.
private final class Receiver: NSObject, URLSessionDataDelegate, Sendable {
    private struct State {
        var partial: PartialFile
        var startOffset: Int
        var ending: HTTPTransfer.Ending?
        var expected: Int?
        var fetched = 0
        var resumed = false
    }

    let done = DispatchSemaphore(value: 0)
    private let state: Mutex<State>
    private let progress: (@Sendable (Int, Int?) -> Void)?

    init(partial: sending PartialFile, progress: (@Sendable (Int, Int?) -> Void)?) {
        let offset = partial.offset
        state = Mutex(State(partial: partial, startOffset: offset))
        self.progress = progress
    }

    func result() -> HTTPTransfer.Result {
        state.withLock { s in
            if case .complete = s.ending {} else { s.partial.close() }
            return
                HTTPTransfer.Result(
                    ending: s.ending ?? .failed("no answer"), written: s.partial.offset, expected: s.expected, fetched: s.fetched,
                    resumed: s.resumed)
        }
    }

    func urlSession(
        _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
        completionHandler: @escaping @Sendable (URLSession.ResponseDisposition) -> Void
    ) {
        let proceed: Bool = state.withLock { s in
            guard let http = response as? HTTPURLResponse else {
                s.ending = .failed("not an HTTP answer")
                return false
            }
            switch http.statusCode {
            case 206 where Self.rangeStart(http) == s.startOffset:
                s.resumed = true
                s.expected = Self.rangeTotal(http)
            case 200, 206:
                // The whole file (a server that ignores ranges), or a range other than the one asked for.
                do { try s.partial.restart() } catch {
                    s.ending = .unwritable(error.localizedDescription)
                    return false
                }
                s.expected = http.statusCode == 200 && http.expectedContentLength >= 0 ? Int(http.expectedContentLength) : nil
            case 416 where s.startOffset > 0:
                s.ending = .rangeRefused(416)
                return false
            default:
                s.ending = .status(http.statusCode)
                return false
            }
            return true
        }
        completionHandler(proceed ? .allow : .cancel)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        let report: (Int, Int?)? = state.withLock { s in
            guard s.ending == nil else { return nil }
            do { try s.partial.append(data) } catch {
                s.ending = .unwritable(error.localizedDescription)
                dataTask.cancel()
                return nil
            }
            s.fetched += data.count
            return (s.partial.offset, s.expected)
        }
        if let report { progress?(report.0, report.1) }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: Error?) {
        state.withLock { s in
            guard s.ending == nil else { return }
            if let error {
                s.ending = .failed(error.localizedDescription)
            } else if let expected = s.expected, s.partial.offset != expected {
                s.ending = .failed("\(s.partial.offset) bytes of \(expected) arrived")
            } else {
                do { s.ending = .complete(try s.partial.finish()) } catch {
                    s.ending = .unwritable(error.localizedDescription)
                }
            }
        }
        done.signal()
    }

    /// The first byte of a `Content-Range: bytes FIRST-LAST/TOTAL` answer.
    private static func rangeStart(_ response: HTTPURLResponse) -> Int? {
        guard let range = contentRange(response) else { return nil }
        return Int(range.dropFirst("bytes ".count).prefix { $0 != "-" })
    }

    /// The whole size of a `Content-Range: bytes FIRST-LAST/TOTAL` answer.
    private static func rangeTotal(_ response: HTTPURLResponse) -> Int? {
        guard let range = contentRange(response), let slash = range.lastIndex(of: "/") else { return nil }
        return Int(range[range.index(after: slash)...])
    }

    private static func contentRange(_ response: HTTPURLResponse) -> String? {
        guard let value = response.value(forHTTPHeaderField: "Content-Range"), value.hasPrefix("bytes ") else { return nil }
        return value
    }
}
