/// What one sandboxed prediction may use.
public struct SandboxLimits: Sendable, Equatable, Codable {
    /// Heap and other private memory of the child (RLIMIT_DATA), in bytes. The data set is
    /// mapped read-only from its cache and does not count.
    public var memoryBytes: Int
    /// CPU seconds of the child (RLIMIT_CPU).
    public var cpuSeconds: Int
    /// Wall-clock seconds before the child is killed.
    public var wallSeconds: Double

    /// Defaults: 4 GiB of memory, 300 CPU seconds, 600 s of wall time.
    public init(memoryBytes: Int = 4 << 30, cpuSeconds: Int = 300, wallSeconds: Double = 600) {
        self.memoryBytes = memoryBytes
        self.cpuSeconds = cpuSeconds
        self.wallSeconds = wallSeconds
    }
}
