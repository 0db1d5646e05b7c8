import CSandbox
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// What the sandboxed child (`leaderboard _predict`) does to itself once its limits are set
/// and the organizer's data is mapped, before it opens the submission: from then on a reader
/// that is tricked into opening a file, running a program or reaching another process fails
/// with a permission error, whatever the mechanism (an HDF5 external link, a plugin path, a
/// memory-corruption exploit). Two layers, each checked at run time because a kernel or a
/// container may lack it:
/// - Landlock: the child may read only its model file and manifest and write only in its
///   output folder (and, where the kernel knows it, neither signal nor connect outside);
/// - seccomp: no program execution, sockets, tracing, namespaces or the kernel's rarer
///   interfaces (`CSandbox.h` lists them).
///
/// Both need `no_new_privs`, which is set first. A missing layer does not stop the child:
/// the report says which one, and the parent says so once (``ContainmentNotice``).
public enum Containment {
    /// One layer of containment.
    public enum Layer: String, Sendable, CaseIterable, Comparable {
        case landlock, seccomp

        /// The layer's name in messages.
        public var name: String { self == .landlock ? "Landlock" : "seccomp" }

        public static func < (a: Layer, b: Layer) -> Bool { a.rawValue < b.rawValue }
    }

    /// Which layers a child applied, and why any other is missing.
    public struct Report: Sendable, Equatable {
        /// The reason of each layer that is missing.
        public var missing: [Layer: String] = [:]
        /// How long applying took, in microseconds (`bench/containment.sh` reads it).
        var microseconds = 0

        /// Whether every layer was applied.
        var isComplete: Bool { missing.isEmpty }

        /// The report as the child writes it: a line per layer, `<layer> applied` or
        /// `<layer> missing <reason>`, then `took <microseconds> us`.
        public var text: String {
            Layer.allCases.map { layer in
                missing[layer].map { "\(layer.rawValue) missing \($0)" } ?? "\(layer.rawValue) applied"
            }.joined(separator: "\n") + "\ntook \(microseconds) us\n"
        }

        /// A report read back from its `text`; `nil` unless it names every layer.
        public init?(text: String) {
            var seen = Set<Layer>()
            for line in text.split(separator: "\n") {
                let words = line.split(separator: " ", maxSplits: 2)
                if words.first == "took", words.count > 1, let value = Int(words[1]) {
                    microseconds = value
                    continue
                }
                guard words.count >= 2, let layer = Layer(rawValue: String(words[0])) else { return nil }
                seen.insert(layer)
                if words[1] == "missing" { missing[layer] = words.count > 2 ? String(words[2]) : "unknown reason" }
            }
            guard seen.count == Layer.allCases.count else { return nil }
        }

        init(missing: [Layer: String], since start: ContinuousClock.Instant) {
            self.missing = missing
            let elapsed = ContinuousClock.now - start
            microseconds = Int(elapsed.components.seconds * 1_000_000 + elapsed.components.attoseconds / 1_000_000_000_000)
        }
    }

    /// The name of the report in the child's output folder.
    static let reportName = "containment.txt"

    /// Contains this process for good: it may then read only the files in `readable` and
    /// write only in the folders in `writable`. Layers in `skipping` are left out (the tests'
    /// and the benchmark's switch), reported as missing.
    ///
    /// Call it while the process has a single thread: Landlock binds only the calling thread
    /// and those it starts later, so it is reported missing otherwise.
    static func apply(readable: [String], writable: [String], skipping: Set<Layer> = []) -> Report {
        let start = ContinuousClock.now
        var missing: [Layer: String] = [:]
        for layer in skipping { missing[layer] = "switched off for a test" }
        let privileges = lb_no_new_privs()
        if privileges != 0 {
            for layer in Layer.allCases { missing[layer] = "no_new_privs refused: " + describe(privileges) }
            return Report(missing: missing, since: start)
        }
        if !skipping.contains(.landlock) {
            let status = withCStrings(readable) { r in
                withCStrings(writable) { w in lb_landlock_restrict(r.baseAddress, r.count, w.baseAddress, w.count) }
            }
            if status != 0 { missing[.landlock] = describe(status, layer: .landlock) }
        }
        if !skipping.contains(.seccomp) {
            let status = lb_seccomp_restrict()
            if status != 0 { missing[.seccomp] = describe(status, layer: .seccomp) }
        }
        return Report(missing: missing, since: start)
    }

    /// Closes every descriptor above standard error. Call it first thing in the child:
    /// whatever is open then was inherited (a socket, a pipe, a file open for writing from
    /// whoever started the run), and no layer stops the use of a descriptor already open.
    static func closeInheritedFiles() {
        lb_close_inherited_files()
    }

    /// Makes the kernel kill this child when its parent ends (`PR_SET_PDEATHSIG`), so that a
    /// `score`, `check` or `predict` killed mid-run leaves no child behind.
    static func dieWithParent() {
        lb_die_with_parent()
    }

    /// The Landlock ABI version of the running kernel, `nil` without Landlock.
    static var landlockABI: Int? {
        let abi = lb_landlock_abi()
        return abi > 0 ? Int(abi) : nil
    }

    /// Whether the running kernel offers seccomp filters.
    static var hasSeccomp: Bool { lb_seccomp_available() != 0 }

    /// Why a layer could not be applied, from the errno its call gave.
    static func describe(_ error: Int32, layer: Layer? = nil) -> String {
        let name = layer?.name ?? "the call"
        let text = String(cString: strerror(error))
        switch error {
        case ENOSYS: return "the kernel has no \(name) (\(text))"
        case EOPNOTSUPP: return "\(name) is disabled in this kernel or unsupported on this architecture (\(text))"
        case EPERM, EACCES: return "\(name) is refused here, as a container's security profile may do (\(text))"
        case EBUSY: return "the child already ran several threads, which \(name) would leave free"
        default: return "\(name) failed (\(text))"
        }
    }

    /// Calls `body` with `strings` as an array of C strings.
    private static func withCStrings<R>(
        _ strings: [String],
        _ body: (UnsafeBufferPointer<UnsafePointer<CChar>?>) -> R
    ) -> R {
        let copies = strings.map { strdup($0) }
        defer { copies.forEach { free($0) } }
        return copies.map { UnsafePointer($0) }.withUnsafeBufferPointer(body)
    }
}
