import Foundation
import Models
import Results
import Testing

@testable import ModelFiles

/// Damaged, hostile and unsupported XGBoost and LightGBM files are refused with one line
/// that names the file and says what is wrong. Each case edits a real fixture.
@Suite("XGBoost and LightGBM refusals")
struct TreeModelRefusalTests {
    /// `fixture` with the first `old` replaced by `new`.
    static func edited(_ fixture: String, _ old: String, _ new: String) throws -> Data {
        let text = try String(contentsOf: Fixtures.url("trees/\(fixture)"), encoding: .utf8)
        let range = try #require(text.range(of: old), "\(old) not in \(fixture)")
        return Data(text.replacingCharacters(in: range, with: new).utf8)
    }

    /// The one-line refusal of `data`, read as a file named `name`.
    static func refusal(_ data: Data, name: String, limits: ModelFileLimits = ModelFileLimits()) throws -> String {
        let error = try #require(throws: ModelFileError.self) {
            try ModelFileReader.read(data, fileName: name, limits: limits)
        }
        let message = error.description
        #expect(message.hasPrefix("'\(name)'"))
        #expect(!message.contains("\n"))
        print(message)
        return message
    }

    @Test(
        "XGBoost JSON: each defect is refused with a reason",
        arguments: [
            ("\"left_children\":[1,", "\"left_children\":[9,", "outside the tree's 3 nodes"),
            ("\"left_children\":[1,", "\"left_children\":[0,", "reached twice"),
            ("\"split_indices\":[25,", "\"split_indices\":[28,", "feature 28, not among the 28 features"),
            ("\"name\":\"binary:logistic\"", "\"name\":\"multi:softprob\"", "objective 'multi:softprob', which this tool does not read"),
            ("\"split_conditions\":[1.067E0,1.3967001E-1", "\"split_conditions\":[1.067E0,1E39", "not finite"),
            ("\"base_score\":\"[5.3085715E-1]\"", "\"base_score\":\"[NaN]\"", "\"base_score\" 'NaN' is not one probability"),
            ("\"num_nodes\":\"3\"", "\"num_nodes\":\"1000000000000\"", "\"left_children\" has 3 entries for 1000000000000 nodes"),
            ("\"split_type\":[0,0,0]", "\"split_type\":[1,0,0]", "categorical splits"),
            ("\"name\":\"gbtree\"", "\"name\":\"dart\"", "booster 'dart'"),
            ("\"num_trees\":\"40\"", "\"num_trees\":\"41\"", "\"num_trees\" says 41 but 40 trees"),
            ("\"default_left\":[0,0,0]", "\"default_left\":[0,\"x\",0]", "\"default_left\" holds text"),
        ])
    func xgboostJSON(old: String, new: String, message: String) throws {
        let data = try Self.edited("xgb3_stumps.json", old, new)
        let text = try Self.refusal(data, name: "edited.json")
        #expect(text.contains(message), "\(text)")
    }

    @Test("XGBoost: truncated files are refused, JSON and UBJSON")
    func truncated() throws {
        for file in ["xgb3_stumps.json", "xgb1_stumps.ubj", "xgb3_stumps.ubj"] {
            let data = try Data(contentsOf: Fixtures.url("trees/\(file)"))
            for fraction in [0.01, 0.5, 0.999] {
                let text = try Self.refusal(data.prefix(Int(Double(data.count) * fraction)), name: file)
                #expect(text.contains("damaged"))
                if file.hasSuffix(".ubj") { #expect(text.contains("truncated")) }
            }
        }
    }

    @Test("XGBoost: too many nodes, naming the limit")
    func nodeLimit() throws {
        var limits = ModelFileLimits()
        limits.maxTreeNodes = 50
        for file in ["xgb3_stumps.json", "xgb3_stumps.ubj"] {
            let text = try Self.refusal(try Data(contentsOf: Fixtures.url("trees/\(file)")), name: file, limits: limits)
            #expect(text.contains("more tree nodes than the limit of 50 nodes (limits.max_tree_nodes in leaderboard.yml)"))
        }
    }

    /// `{` then key `learner` holding `value` (UBJSON).
    static func ubjson(learner value: [UInt8]) -> Data {
        Data([UInt8(ascii: "{"), UInt8(ascii: "i"), 7] + Array("learner".utf8) + value + [UInt8(ascii: "}")])
    }

    /// Hostile values (as text for their markers, then raw bytes) and what their refusal says.
    static let hostileUBJSON: [(markers: String, bytes: [UInt8], message: String)] = [
        // a float32 array declaring 2^62 elements
        ("[$d#L", [0x40, 0, 0, 0, 0, 0, 0, 0], "declared count of 4611686018427387904"),
        // an untyped array declaring 10^9 elements
        ("[#l", [0x3B, 0x9A, 0xCA, 0x00], "declared count of 1000000000"),
        // a string declaring 2^31 - 1 bytes
        ("Sl", [0x7F, 0xFF, 0xFF, 0xFF], "string length of 2147483647"),
        // a negative length
        ("Si", [0xFF], "negative string length"),
        // a typed array of nulls (elements of no size)
        ("[$Z#i", [100], "typed 'Z'"),
        // an unknown marker
        ("?", [], "unknown marker '?'"),
    ]

    @Test(
        "UBJSON: lengths past the end refused before allocating",
        arguments: hostileUBJSON.indices)
    func ubjsonLengths(index: Int) throws {
        let (markers, bytes, message) = Self.hostileUBJSON[index]
        let text = try Self.refusal(Self.ubjson(learner: Array(markers.utf8) + bytes), name: "hostile.ubj")
        #expect(text.contains(message), "\(text)")
    }

    @Test("UBJSON: deep nesting refused, no stack overflow")
    func ubjsonDepth() throws {
        let text = try Self.refusal(
            Self.ubjson(learner: [UInt8](repeating: UInt8(ascii: "["), count: 100_000)),
            name: "deep.ubj")
        #expect(text.contains("nest more than 64 deep"))
    }

    @Test("UBJSON: every container, number type and no-op")
    func ubjsonValues() throws {
        func ascii(_ text: String) -> [UInt8] { Array(text.utf8) }
        var bytes = ascii("{i") + [1] + ascii("a[$d#i") + [2] + [0x3F, 0x80, 0, 0, 0xC0, 0, 0, 0]
        bytes += ascii("i") + [1] + ascii("b[i") + [0x7F] + ascii("U") + [0xFF] + ascii("I") + [0x80, 0x00]
        bytes += ascii("l") + [0xFF, 0xFF, 0xFF, 0xFE] + ascii("L") + [0, 0, 0, 1, 0, 0, 0, 0]
        bytes += ascii("D") + [0x3F, 0xB9, 0x99, 0x99, 0x99, 0x99, 0x99, 0x9A]
        bytes += ascii("NTFZSi") + [3] + ascii("abcCxHi") + [3] + ascii("1e3]")
        bytes += ascii("i") + [1] + ascii("c{#i") + [1] + ascii("i") + [1] + ascii("dSi") + [0] + ascii("}N")
        let value = try UBJSONReader.decode(Data(bytes), maxValues: 100)
        #expect(value["a"] == .array([.number(1), .number(-2)]))
        #expect(
            value["b"]
                == .array([
                    .number(127), .number(255), .number(-32768), .number(-2), .number(4_294_967_296),
                    .number(0.1), .bool(true), .bool(false), .null, .string("abc"), .string("x"),
                    .number(1000),
                ]))
        #expect(value["c"] == .object(["d": .string("")]))
        #expect(throws: UBJSONReader.SyntaxError.self) { try UBJSONReader.decode(Data(bytes), maxValues: 10) }
        #expect(throws: UBJSONReader.SyntaxError.self) { try UBJSONReader.decode(Data(bytes + [0x5A]), maxValues: 100) }
    }

    @Test(
        "LightGBM: each defect is refused with a reason",
        arguments: [
            ("left_child=1 10 5", "left_child=99 10 5", "has child 99, but the tree has 14 splits"),
            ("left_child=1 10 5", "left_child=-99 10 5", "outside the tree's 29 nodes"),
            ("left_child=1 10 5", "left_child=0 10 5", "reached twice"),
            ("split_feature=25 25 26", "split_feature=28 25 26", "feature 28, not among the 28 features"),
            ("objective=binary sigmoid:0.7", "objective=multiclass num_class:3", "objective 'multiclass', which this tool does not read"),
            ("objective=binary sigmoid:0.7", "objective=binary sigmoid:nan", "sigmoid 'sigmoid:nan'"),
            ("decision_type=10 10 8", "decision_type=11 10 8", "categorical splits"),
            ("decision_type=10 10 8", "decision_type=14 10 8", "unknown missing type"),
            ("is_linear=0", "is_linear=1", "linear trees"),
            ("num_cat=0", "num_cat=2", "categorical splits"),
            ("leaf_value=-0.019952634602959513", "leaf_value=inf", "\"leaf_value\" holds 'inf'"),
            ("threshold=1.2149999737739565", "threshold=nan", "\"threshold\" holds 'nan'"),
            ("num_leaves=15", "num_leaves=16", "\"leaf_value\" has 15 entries for 16"),
            ("num_leaves=15", "num_leaves=14", "\"leaf_value\" has more than 14 entries for 14"),
            (
                "num_leaves=15", "num_leaves=4000000000",
                "more tree nodes than the limit of 4000000 nodes (limits.max_tree_nodes in leaderboard.yml)"
            ),
            ("num_leaves=15", "num_leaves=0", "no positive \"num_leaves\""),
            ("num_class=1", "num_class=3", "several classes"),
            ("end of trees", "end of tree", "'end of trees' was expected (is the file truncated?)"),
            ("shrinkage=1\n", "shrinkage=1\nshrinkage=2\n", "gives 'shrinkage' twice"),
        ])
    func lightgbm(old: String, new: String, message: String) throws {
        let data = try Self.edited("lgbm4_nan.txt", old, new)
        let text = try Self.refusal(data, name: "edited.txt")
        #expect(text.contains(message), "\(text)")
    }

    @Test("LightGBM: truncated files are refused")
    func lightgbmTruncated() throws {
        let data = try Data(contentsOf: Fixtures.url("trees/lgbm4_nan.txt"))
        for fraction in [0.01, 0.3, 0.5, 0.9] {
            let text = try Self.refusal(data.prefix(Int(Double(data.count) * fraction)), name: "cut.txt")
            #expect(text.contains("damaged"))
        }
    }

    @Test("UBJSON and LightGBM detected by first bytes")
    func detection() {
        #expect(ModelFileFormat.detect(Data("{L\0\0\0\0\0\0\0\u{7}learner{}}".utf8)) == .ubjson)
        #expect(ModelFileFormat.detect(Data("{i\u{1}a}".utf8)) == .ubjson)
        #expect(ModelFileFormat.detect(Data("{}".utf8)) == .json)
        #expect(ModelFileFormat.detect(Data("{\"learner\": {}}".utf8)) == .json)
        #expect(ModelFileFormat.detect(Data("tree\nversion=v4\nnum_class=1\n".utf8)) == .lightgbm)
        #expect(ModelFileFormat.detect(Data("tree\r\nversion=v3\r\n".utf8)) == .lightgbm)
        #expect(ModelFileFormat.detect(Data("tree,score\n1,0.5\n".utf8)) == .text)
    }
}
