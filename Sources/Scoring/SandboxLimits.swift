import ModelFiles

/// What one sandboxed prediction may use. Every limit has a default and a setting, and a
/// message that names it when it is hit.
public struct SandboxLimits: Sendable, Equatable {
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

extension SandboxLimits: SettableLimits {
    /// The defaults.
    public static var defaults: SandboxLimits { SandboxLimits() }

    /// The child's limits, as settings under `limits:` in `leaderboard.yml`.
    public static let settings: [LimitSetting<SandboxLimits>] = [
        LimitSetting("memory_bytes", \.memoryBytes, unit: "bytes",
                     meaning: "heap of each sandboxed prediction (RLIMIT_DATA); the mapped data set does not count"),
        LimitSetting("cpu_seconds", \.cpuSeconds, unit: "CPU seconds", meaning: "CPU time of each sandboxed prediction"),
        LimitSetting("wall_seconds", \.wallSeconds, unit: "seconds",
                     meaning: "wall-clock time of each sandboxed prediction before it is killed"),
    ]
}
