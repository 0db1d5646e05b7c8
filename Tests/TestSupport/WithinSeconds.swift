import Foundation
import Synchronization

/// `body` ran longer than the test allows.
public struct TimedOut: Error, CustomStringConvertible {
    public let seconds: Double
    public var description: String { "still running after \(seconds) s (blocked on a FIFO or a device?)" }
}

/// Runs `body` on its own thread and returns its result, or throws `TimedOut` after
/// `seconds`: a regression that blocks (opening a FIFO, reading a device) fails the test
/// instead of hanging the suite.
public func withinSeconds<T: Sendable>(_ seconds: Double, _ body: @escaping @Sendable () throws -> T) throws -> T {
    let done = DispatchSemaphore(value: 0)
    let result = Mutex<Result<T, any Error>?>(nil)
    Thread.detachNewThread {
        let outcome = Result { try body() }
        result.withLock { $0 = outcome }
        done.signal()
    }
    guard done.wait(timeout: .now() + seconds) == .success, let outcome = result.withLock({ $0 }) else {
        throw TimedOut(seconds: seconds)
    }
    return try outcome.get()
}
