import Foundation
import ModelFiles
import Testing

@Suite("Submission manifest")
struct SubmissionManifestTests {
    private let highLevel = Array(21..<28)

    @Test("the committed YAML and JSON manifests say the same", arguments: ["manifest_full.yml", "manifest_full.json"])
    func full(name: String) throws {
        let manifest = try SubmissionManifest.read(from: SubmissionFixtures.url(name))
        #expect(manifest.team == "Muon Hunters")
        #expect(manifest.members == ["Ada", "Grace"])
        #expect(manifest.title == "Deep net on the 7 masses")
        #expect(manifest.model == "net.h5")
        #expect(manifest.featureIndices == highLevel)
        #expect(manifest.features == ["m_jj", "m_jjj", "m_lv", "m_jlv", "m_bb", "m_wbb", "m_wwbb"])
        #expect(manifest.featureCount == 7)
        let standardization = try #require(manifest.standardization)
        #expect(standardization.mean == [1.03, 1.02, 1.05, 1.01, 0.97, 1.03, 0.96])
        #expect(standardization.scale == [0.67, 0.38, 0.16, 0.40, 0.53, 0.36, 0.31])
    }

    @Test("empty manifest: all 28 features, no names", arguments: ["", "\n# only a comment\n", "{}"])
    func empty(text: String) throws {
        let manifest = try SubmissionManifest(parsing: .text(text), fileName: "manifest.yml", isJSON: text == "{}")
        #expect(manifest == SubmissionManifest())
        #expect(manifest.featureIndices == Array(0..<28))
        #expect(manifest.features == nil)
        #expect(manifest.members.isEmpty)
    }

    @Test(
        "feature names match ignoring case, spaces, '_' and '-'",
        arguments: [
            ("lepton pT", 0), ("LEPTON_PT", 0), ("missing-energy-magnitude", 3), ("jet1pt", 5),
            ("Jet 1 b-tag", 8), ("jet_4_btag", 20), ("jet 4 b tag", 20), ("m_jj", 21), ("MWWBB", 27),
        ])
    func featureSpelling(name: String, index: Int) throws {
        let manifest = try SubmissionManifest(parsing: .text("features: [\"\(name)\"]"), fileName: "manifest.yml")
        #expect(manifest.featureIndices == [index])
    }

    @Test("YAML niceties: one member, nulls, quoted numbers, BOM")
    func yamlNiceties() throws {
        let text = "\u{FEFF}team: 1984\nmembers: Ada\ntitle: ~\nmodel: ./sub/net.h5\nstandardization: null\n"
        let manifest = try SubmissionManifest(parsing: .text(text), fileName: "manifest.yml")
        #expect(manifest.team == "1984")
        #expect(manifest.members == ["Ada"])
        #expect(manifest.title == nil)
        #expect(manifest.model == "sub/net.h5")
        #expect(manifest.standardization == nil)
    }

    @Test("a standardization of all 28 features")
    func standardizationOf28() throws {
        let ones = Array(repeating: "1", count: 28).joined(separator: ", ")
        let text = "standardization:\n  mean: [\(ones)]\n  scale: [\(ones)]\n"
        let manifest = try SubmissionManifest(parsing: .text(text), fileName: "manifest.yml")
        #expect(manifest.standardization?.mean.count == 28)
    }

    /// Invalid manifests: the reason, and a word the message must contain.
    @Test(
        "invalid manifests refused, naming the problem",
        arguments: [
            (
                "featurs: [m_jj]", SubmissionError.ManifestReason.unknownKey(key: "featurs", line: 1, suggestion: "features"),
                "did you mean 'features'"
            ),
            ("team: A\nteam: B", .duplicateKey(key: "team", line: nil), "twice"),
            ("- a\n- b", .notAMapping(found: "a list"), "not a mapping"),
            ("team: [a, b]", .wrongType(key: "team", line: 1, expected: "text", found: "a list"), "should be text"),
            ("team: '  '", .badText(key: "team", line: 1, detail: "is empty: give a value or leave the key out"), "empty"),
            (
                "title: \"two\\nlines\"",
                .badText(key: "title", line: 1, detail: "holds a line break or control character: keep it on one line"), "one line"
            ),
            ("members: [Ada, [Bob]]", .wrongType(key: "members[2]", line: 1, expected: "a name", found: "a list"), "members[2]"),
            ("features: [m_jj, jet 5 pT]", .unknownFeature(name: "jet 5 pT", line: 1, suggestion: "jet 1 pT"), "not a HIGGS feature"),
            ("features: [m_jj, M_JJ]", .duplicateFeature(name: "M_JJ", line: 1), "twice"),
            ("features: []", .noFeatures, "empty 'features'"),
            (
                "features: m_jj", .wrongType(key: "features", line: 1, expected: "a list of feature names", found: "text"),
                "list of feature names"
            ),
            (
                "features: [m_jj]\nstandardization: {mean: [0, 1], scale: [1, 1]}",
                .standardizationLength(key: "standardization.mean", expected: 1, found: 2), "1 features"
            ),
            (
                "features: [m_jj]\nstandardization: {mean: [0], scale: [0]}",
                .badStandardization(key: "standardization.scale", index: 0, value: "0"), "non-zero"
            ),
            (
                "features: [m_jj]\nstandardization: {mean: [.nan], scale: [1]}",
                .badStandardization(key: "standardization.mean", index: 0, value: ".nan"), "finite"
            ),
            (
                "features: [m_jj]\nstandardization: {mean: ['0.5'], scale: [1]}",
                .wrongType(key: "standardization.mean[1]", line: 2, expected: "a number", found: "the text '0.5'"), "a number"
            ),
            (
                "features: [m_jj]\nstandardization: {mean: [0]}",
                .wrongType(
                    key: "standardization", line: 2, expected: "a mapping with both 'mean' and 'scale'", found: "one without 'scale'"),
                "'scale'"
            ),
            (
                "features: [m_jj]\nstandardization: {mean: [0], scale: [1], std: [1]}",
                .unknownKey(key: "standardization.std", line: 2, suggestion: nil), "mean, scale"
            ),
            (
                "standardization: [1, 2]",
                .wrongType(key: "standardization", line: 1, expected: "a mapping with 'mean' and 'scale'", found: "a list"), "mapping"
            ),
            ("model: ../other-team/model.h5", .unsafeModelPath(path: "../other-team/model.h5"), "inside the submission folder"),
            ("model: /etc/passwd", .unsafeModelPath(path: "/etc/passwd"), "inside"),
            ("model: a//b.h5", .unsafeModelPath(path: "a//b.h5"), "inside"),
            ("model: 'C:\\model.h5'", .unsafeModelPath(path: "C:\\model.h5"), "inside"),
        ])
    func invalid(text: String, reason: SubmissionError.ManifestReason, phrase: String) throws {
        let error = try #require(throws: SubmissionError.self) {
            try SubmissionManifest(parsing: .text(text), fileName: "team/manifest.yml")
        }
        #expect(error.reason == .manifest(reason))
        #expect(error.description.hasPrefix("'team/manifest.yml'"))
        #expect(error.description.contains(phrase), "\(error.description)")
        #expect(!error.description.contains("\n"))
    }

    @Test("YAML syntax errors give the line")
    func yamlSyntax() throws {
        let error = try #require(throws: SubmissionError.self) {
            try SubmissionManifest(parsing: .text("team: A\nmembers: [Ada, Grace\n"), fileName: "manifest.yml")
        }
        guard case let .manifest(.syntax(detail)) = error.reason else {
            Issue.record("expected a syntax error, got \(error.reason)")
            return
        }
        #expect(detail.contains("line"))
        #expect(!error.description.contains("\n"))
    }

    @Test(
        "JSON manifests: syntax errors, unknown keys, wrong types",
        arguments: [
            ("{\"team\": \"A\"", "not valid JSON: unexpected end of file"),
            ("{\"Team\": \"A\", \"modle\": \"x.h5\"}", "did you mean 'model'"),
            ("{\"members\": {\"a\": 1}}", "should be a list of names"),
            ("[1, 2]", "not a mapping"),
            ("{\"team\": \"A\",\n \"x\": }", "line 2, column"),
        ])
    func json(text: String, phrase: String) throws {
        let error = try #require(throws: SubmissionError.self) {
            try SubmissionManifest(parsing: .text(text), fileName: "manifest.json", isJSON: true)
        }
        #expect(error.description.contains(phrase), "\(error.description)")
    }

    @Test("JSON: numbers stay numbers, keys ignore case")
    func jsonTypes() throws {
        let text = #"{"TEAM": "A", "features": ["m_bb"], "standardization": {"mean": [-1e-3], "scale": [2]}}"#
        let manifest = try SubmissionManifest(parsing: .text(text), fileName: "manifest.json", isJSON: true)
        #expect(manifest.team == "A")
        #expect(manifest.standardization == .init(mean: [-0.001], scale: [2]))
    }

    @Test("not UTF-8")
    func notText() throws {
        let error = try #require(throws: SubmissionError.self) {
            try SubmissionManifest(parsing: Data([0x74, 0x3A, 0xFF, 0xFE]), fileName: "manifest.yml")
        }
        #expect(error.reason == .manifest(.notText))
    }

    @Test("size limits: bytes, text length, members, and YAML alias bombs")
    func limits() throws {
        let small = SubmissionLimits(maxManifestBytes: 10)
        let tooBig = try #require(throws: SubmissionError.self) {
            try SubmissionManifest(parsing: .text("team: Muon Hunters"), fileName: "manifest.yml", limits: small)
        }
        #expect(tooBig.description.contains("too large"))

        let longName = String(repeating: "x", count: 201)
        let long = try #require(throws: SubmissionError.self) {
            try SubmissionManifest(parsing: .text("team: \(longName)"), fileName: "manifest.yml")
        }
        #expect(long.description.contains("201 characters"))

        let crowd = "members: [" + (0..<101).map { "m\($0)" }.joined(separator: ", ") + "]"
        let many = try #require(throws: SubmissionError.self) {
            try SubmissionManifest(parsing: .text(crowd), fileName: "manifest.yml")
        }
        #expect(many.description.contains("101 names"))

        // Each level doubles the nodes an alias-expanding walk visits: 2^20 at the end.
        var bomb = "a0: &a0 [x, x]\n"
        for level in 1...20 { bomb += "a\(level): &a\(level) [*a\(level - 1), *a\(level - 1)]\n" }
        let bombError = try #require(throws: SubmissionError.self) {
            try SubmissionManifest(parsing: .text(bomb), fileName: "manifest.yml")
        }
        #expect(bombError.description.contains("aliases"))
    }

    @Test("read failures: missing, a folder, over the limit")
    func readFailures() throws {
        let missing = try #require(throws: SubmissionError.self) {
            try SubmissionManifest.read(from: SubmissionFixtures.folder.appendingPathComponent("no-such-manifest.yml"))
        }
        #expect(missing.description.contains("could not be read"))
        let folder = try #require(throws: SubmissionError.self) {
            try SubmissionManifest.read(from: SubmissionFixtures.folder, displayName: "fixtures")
        }
        #expect(folder.reason == .manifest(.unreadable(detail: "it is a folder")))
        let big = try #require(throws: SubmissionError.self) {
            try SubmissionManifest.read(from: SubmissionFixtures.url("manifest_full.yml"), limits: SubmissionLimits(maxManifestBytes: 100))
        }
        guard case .manifest(.tooLarge) = big.reason else {
            Issue.record("expected tooLarge, got \(big.reason)")
            return
        }
    }
}
