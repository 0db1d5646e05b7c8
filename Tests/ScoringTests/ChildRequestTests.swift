import Competition
import Foundation
import Testing

@testable import Scoring

/// The parent's request to a `leaderboard _predict` child, as its command line: what the
/// parent encodes, the child decodes, limits included.
@Suite("The child's request")
struct ChildRequestTests {
    /// The request a runner with `limits` makes for a child in `/tmp/work`, decoded from its
    /// command line as the child decodes it.
    func sentAndReceived(_ limits: RunLimits) throws -> (sent: ChildRequest, received: ChildRequest) {
        let runner = SandboxedPrediction(executable: "/bin/true", limits: limits)
        let request = SandboxedPrediction.Request(
            modelPath: "sub/model.onnx", manifestPath: "sub/manifest.yml",
            dataPath: "HIGGS.csv", cacheDirectory: "cache", rows: 7_000..<7_500)
        let sent = runner.childRequest(request, in: URL(fileURLWithPath: "/tmp/work"))
        return (sent, try ChildRequest(arguments: sent.arguments))
    }

    @Test("the child decodes what the parent encodes")
    func roundTrip() throws {
        let limits = try RunLimits(settings: [
            "memory_bytes": 1_073_741_824, "wall_seconds": 2.5, "max_graph_depth": 7,
            "max_members": 3,
        ])
        let (sent, received) = try sentAndReceived(limits)
        #expect(received == sent)
        #expect(received.rows == 7_000..<7_500)
        #expect(received.manifestPath == URL(fileURLWithPath: "sub/manifest.yml").standardizedFileURL.path)
        #expect(received.sandbox == limits.sandbox && received.readers == limits.readers)
        #expect(Set([received.scoresPath, received.summaryPath, received.containmentPath]).count == 3)
    }

    @Test("hostile file names reach the child exactly, as one argument")
    func hostileNames() throws {
        let runner = SandboxedPrediction(executable: "/bin/true")
        let names = [
            "-model.onnx", "--request", "a\"b\\\"c.onnx", "line\nbreak\r.onnx", "nul\u{0}.onnx",
            "bad\u{FFFD}utf8.onnx", "\u{202E}xnno.h5", String(repeating: "long-", count: 2_000) + ".onnx",
            "} , \"rows\": {\"lowerBound\": 0", "/",
        ]
        for name in names {
            let request = SandboxedPrediction.Request(
                modelPath: "/tmp/snap/" + name, manifestPath: "/tmp/snap/" + name + ".yml",
                dataPath: "HIGGS.csv", cacheDirectory: "cache", rows: 10..<20)
            let sent = runner.childRequest(request, in: URL(fileURLWithPath: "/tmp/work"))
            #expect(sent.arguments.count == 3 && sent.arguments[2].hasPrefix("{"))
            let received = try ChildRequest(arguments: sent.arguments)
            #expect(received == sent, "\(name.prefix(40))")
            #expect(received.rows == 10..<20)
        }
    }

    @Test("a command line the parent did not write is refused in one line")
    func foreignArguments() {
        for arguments in [["_predict", "--model", "m.h5"], ["_predict", "--request", "{\"modelPath\": 1}"]] {
            #expect {
                _ = try ChildRequest(arguments: arguments)
            } throws: { error in
                "\(error)".hasPrefix("_predict ") && !"\(error)".contains("\n")
            }
        }
    }

    @Test("every limits key reaches the field of its name in the child, the ONNX ones included")
    func everySettingReachesItsField() throws {
        let defaults = Self.fields(try sentAndReceived(RunLimits()).received)
        var settable = Set<String>()
        for (index, setting) in RunLimits.settings.enumerated() {
            let value = Double(1_000 + index)
            let received = Self.fields(try sentAndReceived(RunLimits(settings: [setting.key: value])).received)
            let changed = received.filter { defaults[$0.key] != $0.value }
            #expect(changed.count == 1, "\(setting.key) changed \(changed.keys.sorted())")
            let field = try #require(changed.first, "\(setting.key) reached no field")
            #expect(field.key.split(separator: ".").last.map(String.init) == "\(setting.limit)", "\(setting.key) set \(field.key)")
            #expect(field.value == value, "\(setting.key) set \(field.key) to \(field.value)")
            settable.insert(field.key)
        }
        // Every field the child is given has a setting, but the decoder's own guard.
        #expect(Set(defaults.keys).subtracting(settable) == ["readers.modelFile.onnx.maxMessageDepth"])
    }

    /// Every number among the limits `request` carries, by its path (`readers.modelFile.onnx.maxGraphDepth`).
    static func fields(_ request: ChildRequest) -> [String: Double] {
        func leaves(_ value: Any, path: String) -> [String: Double] {
            if let number = value as? Int { return [path: Double(number)] }
            if let number = value as? Double { return [path: number] }
            return Mirror(reflecting: value).children.reduce(into: [:]) { out, child in
                out.merge(leaves(child.value, path: path + "." + (child.label ?? "?"))) { a, _ in a }
            }
        }
        return leaves(request.sandbox, path: "sandbox").merging(leaves(request.readers, path: "readers")) { a, _ in a }
    }
}
