import Foundation
import HiggsData
import TestSupport
import Testing

@testable import Scoring

#if canImport(Glibc)
import Glibc
#endif

/// The containment of the sandboxed child, shown on its own: the test-only probe
/// (`LEADERBOARD-TEST-FAULT probe`) is a file no reader refuses, that makes the contained
/// child try to read a file outside its own, write outside its output folder, run a program,
/// open a socket and reach its parent, each for real. Every try must fail with EACCES or EPERM.
extension SandboxedPredictionTests {
    /// The probes each layer stops on its own.
    static let stoppedBy: [Containment.Layer: Set<String>] = [
        .landlock: [
            "read-absolute", "read-relative", "write-outside", "read-proc-parent", "exec", "ptrace",
            "process_vm_readv",
        ],
        .seccomp: ["exec", "socket", "ptrace", "process_vm_readv", "signal-parent"],
    ]

    /// The layers this machine offers; a layer it lacks must be reported missing instead.
    static var layersHere: Set<Containment.Layer> {
        var layers = Set<Containment.Layer>()
        if Containment.landlockABI != nil { layers.insert(.landlock) }
        if Containment.hasSeccomp { layers.insert(.seccomp) }
        return layers
    }

    /// Runs the probe child with `skipping` left out; returns each probe's result and what
    /// the child reported.
    func probe(skipping: Set<Containment.Layer> = []) throws -> (results: [String: String], report: Containment.Report?) {
        let sentinel = try dir.write("the organizer's secret\n", to: "sentinel.txt")
        let model = try dir.write("LEADERBOARD-TEST-FAULT probe \(sentinel)\n", to: "probe-\(UUID().uuidString).h5")
        var sandbox = sandbox(faults: true)
        let notice = ContainmentNotice { _ in }
        sandbox.containmentNotice = notice
        for layer in skipping { sandbox.environment["LEADERBOARD_TEST_NO_\(layer.rawValue.uppercased())"] = "1" }
        guard case let .failed(line) = sandbox.run(request(model)), line.hasPrefix("probes: ") else {
            Issue.record("the probe child must fail with its probes' line")
            return ([:], nil)
        }
        let report = notice.childReports.last
        if report?.missing[.landlock] == nil {
            #expect(!FileManager.default.fileExists(atPath: dir.file("written-by-the-child")))
        }
        let pairs = line.dropFirst("probes: ".count).split(separator: " ").map { $0.split(separator: "=") }
        return (Dictionary(uniqueKeysWithValues: pairs.map { (String($0[0]), String($0[1])) }), report)
    }

    @Test func containedChildReachesOnlyItsFiles() throws {
        // A pipe this process leaves open across exec, as a careless caller of `score` might.
        var ends: [Int32] = [0, 0]
        #expect(pipe(&ends) == 0)
        defer { ends.forEach { close($0) } }
        let (results, report) = try probe()
        #expect(results["writable-descriptors"] == "0", "the child holds what it inherited")
        let here = Self.layersHere
        #expect(Set(report?.missing.keys.map { $0 } ?? []) == Set(Containment.Layer.allCases).subtracting(here))
        let stopped = here.reduce(into: Set<String>()) { $0.formUnion(Self.stoppedBy[$1] ?? []) }
        #expect(results.count == 10)
        for (name, result) in results where stopped.contains(name) {
            #expect(["EACCES", "EPERM"].contains(result), "\(name) gave \(result)")
        }
    }

    @Test(.enabled(if: Containment.landlockABI != nil, "this kernel has no Landlock"))
    func landlockAloneStopsItsProbes() throws {
        try layerAloneStopsItsProbes(.landlock)
    }

    @Test(.enabled(if: Containment.hasSeccomp, "this kernel has no seccomp"))
    func seccompAloneStopsItsProbes() throws {
        try layerAloneStopsItsProbes(.seccomp)
    }

    func layerAloneStopsItsProbes(_ layer: Containment.Layer) throws {
        let others = Set(Containment.Layer.allCases).subtracting([layer])
        let (results, report) = try probe(skipping: others)
        #expect(report?.missing[layer] == nil)
        for name in Self.stoppedBy[layer] ?? [] {
            #expect(["EACCES", "EPERM"].contains(results[name] ?? "missing"), "\(name) gave \(results[name] ?? "nothing")")
        }
    }

    @Test func aContainedChildStillScoresAModelWithItsManifest() throws {
        let manifest = try dir.write("features: [m_jj, m_jjj, m_lv, m_jlv, m_bb, m_wbb, m_wwbb]\n", to: "manifest.yml")
        var sandbox = sandbox()
        let notice = ContainmentNotice { _ in }
        sandbox.containmentNotice = notice
        let outcome = sandbox.run(request(SharedFixtures.model("highlevel7_keras3.h5"), manifest: manifest))
        guard case let .scores(scores, _, _, _) = outcome else {
            Issue.record("no scores: \(outcome)")
            return
        }
        #expect(scores.count == 500)
        #expect(Set(notice.childReports.flatMap { $0.missing.keys }) == Set(Containment.Layer.allCases).subtracting(Self.layersHere))
    }

    @Test func aMissingLayerIsSaidOnceForTheWholeRun() throws {
        let lines = Counter(0)
        var sandbox = sandbox(faults: true)
        sandbox.environment["LEADERBOARD_TEST_NO_LANDLOCK"] = "1"
        sandbox.containmentNotice = ContainmentNotice { line in
            #expect(line.contains("without Landlock (switched off for a test)") && line.contains("SECURITY.md"))
            lines.add()
        }
        for model in ["notebook_keras3.h5", "notebook_keras3.keras"] {
            guard case .scores = sandbox.run(request(SharedFixtures.model(model))) else {
                Issue.record("a child without Landlock must still score \(model)")
                return
            }
        }
        #expect(lines.value == 1)
    }

    @Test func aReportReadsBackAsTheChildWroteIt() throws {
        var report = try #require(Containment.Report(text: "landlock applied\nseccomp applied\n"))
        report.missing[.seccomp] = "the kernel has no seccomp (Function not implemented)"
        report.microseconds = 84
        #expect(Containment.Report(text: report.text) == report)
        #expect(Containment.Report(text: "landlock applied\n") == nil, "a report names every layer")
    }

    @Test func theChildInheritsNoneOfTheOrganizersEnvironment() throws {
        setenv("HDF5_PLUGIN_PATH", dir.path, 1)
        setenv("HDF5_EXT_PREFIX", dir.path, 1)
        defer {
            unsetenv("HDF5_PLUGIN_PATH")
            unsetenv("HDF5_EXT_PREFIX")
        }
        let environment = sandbox(faults: true).childEnvironment
        #expect(environment.keys.allSatisfy { $0.hasPrefix("LEADERBOARD_") || $0 == "SWIFT_BACKTRACE" })
        #expect(environment["LEADERBOARD_TEST_FAULTS"] == "1")
    }
}

/// A counter the notice's closure can bump from any thread.
private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count: Int

    init(_ count: Int) { self.count = count }

    func add() { lock.withLock { count += 1 } }

    var value: Int { lock.withLock { count } }
}
