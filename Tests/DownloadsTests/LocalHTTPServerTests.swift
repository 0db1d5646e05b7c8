import Foundation
import TestSupport
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The download tests' server: a server released at once never answers for the server made
/// after it, which may be given the same descriptor number.
struct LocalHTTPServerTests {
    /// The status of a GET of `url`, through the same stack the downloader uses.
    static func status(_ url: String) throws -> Int {
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var status = -1
        URLSession.shared.dataTask(with: URL(string: url)!) { _, response, _ in
            status = (response as? HTTPURLResponse)?.statusCode ?? -1
            done.signal()
        }.resume()
        done.wait()
        return status
    }

    @Test func aReleasedServerAnswersNothingForTheNextOne() throws {
        for _ in 0..<50 {
            _ = try LocalHTTPServer()
            let server = try LocalHTTPServer()
            server.serve(Data("hello".utf8), at: "file")
            #expect(try Self.status(server.url("file")) == 200)
        }
    }
}
