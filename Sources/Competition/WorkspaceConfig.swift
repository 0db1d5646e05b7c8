import Foundation
import HiggsData
import Results
import Yams

/// The settings in a workspace's `leaderboard.yml`. Paths are relative to the file's folder.
public struct WorkspaceConfig: Codable, Sendable, Equatable {
    /// The competition's title, shown on the site.
    public var title: String
    /// The data: the embedded sample, a file (HIGGS.csv or HIGGS.csv.gz), or a URL and SHA-256.
    public var data: DataSource
    /// How the rows are split.
    public var split: SplitSettings
    /// The SQLite database file.
    public var database: String
    /// The folder of submissions.
    public var submissions: String
    /// The folder the site is built into.
    public var site: String
    /// The site's templates and stylesheet.
    public var templates: String
    /// The Markdown content pages.
    public var pages: String
    /// Limits that differ from their defaults, by key (`memory_bytes`, `max_file_bytes`…);
    /// `leaderboard limits` lists every key, its default and its value.
    public var limits: [String: Double]
    /// The rules on versions (`rules:`): deadline, daily limit, final selections.
    public var rules: CompetitionRules

    /// The defaults of a new workspace.
    public init(title: String = "HIGGS hackathon") {
        self.title = title
        data = .sample
        split = SplitSettings()
        database = "leaderboard.sqlite"
        submissions = "submissions"
        site = "site"
        templates = "templates"
        pages = "pages"
        limits = [:]
        rules = CompetitionRules()
    }

    enum CodingKeys: String, CodingKey {
        case title, data, split, database, submissions, site, templates, pages, limits, rules
    }

    /// Reads a config; keys left out keep their defaults.
    public init(from decoder: Decoder) throws {
        let defaults = WorkspaceConfig()
        let c = try decoder.container(keyedBy: CodingKeys.self)
        title = try c.decodeIfPresent(String.self, forKey: .title) ?? defaults.title
        data = try c.decodeIfPresent(DataSourceConfig.self, forKey: .data)?.source ?? defaults.data
        split = try c.decodeIfPresent(SplitConfig.self, forKey: .split)?.settings ?? defaults.split
        database = try c.decodeIfPresent(String.self, forKey: .database) ?? defaults.database
        submissions = try c.decodeIfPresent(String.self, forKey: .submissions) ?? defaults.submissions
        site = try c.decodeIfPresent(String.self, forKey: .site) ?? defaults.site
        templates = try c.decodeIfPresent(String.self, forKey: .templates) ?? defaults.templates
        pages = try c.decodeIfPresent(String.self, forKey: .pages) ?? defaults.pages
        limits = try c.decodeIfPresent([String: Double].self, forKey: .limits) ?? defaults.limits
        rules = try c.decodeIfPresent(RulesConfig.self, forKey: .rules)?.rules ?? defaults.rules
    }

    /// Writes the config.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(title, forKey: .title)
        try c.encode(DataSourceConfig(data), forKey: .data)
        try c.encode(SplitConfig(split), forKey: .split)
        try c.encode(database, forKey: .database)
        try c.encode(submissions, forKey: .submissions)
        try c.encode(site, forKey: .site)
        try c.encode(templates, forKey: .templates)
        try c.encode(pages, forKey: .pages)
        if !limits.isEmpty { try c.encode(limits, forKey: .limits) }
        // The defaults are left to the comments `init` writes, so that a `rules:` section added
        // below them is the only one.
        if rules != CompetitionRules() { try c.encode(RulesConfig(rules), forKey: .rules) }
    }

    /// Parses the text of a `leaderboard.yml`.
    static func parse(_ text: String) throws -> WorkspaceConfig {
        if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { return WorkspaceConfig() }
        return try YAMLDecoder().decode(WorkspaceConfig.self, from: text)
    }
}

/// The `split:` section as written in YAML, with snake_case keys and `test_rows: auto`.
struct SplitConfig: Codable {
    var settings: SplitSettings

    init(_ settings: SplitSettings) { self.settings = settings }

    enum CodingKeys: String, CodingKey {
        case testRows = "test_rows", validationFraction = "validation_fraction"
        case publicFraction = "public_fraction", seed
    }

    init(from decoder: Decoder) throws {
        let defaults = SplitSettings()
        let c = try decoder.container(keyedBy: CodingKeys.self)
        var testRows: Int?
        if let text = try? c.decodeIfPresent(String.self, forKey: .testRows), text == "auto" {
            testRows = nil
        } else {
            testRows = try c.decodeIfPresent(Int.self, forKey: .testRows)
        }
        settings = SplitSettings(
            testRows: testRows,
            validationFraction: try c.decodeIfPresent(Double.self, forKey: .validationFraction) ?? defaults.validationFraction,
            publicFraction: try c.decodeIfPresent(Double.self, forKey: .publicFraction) ?? defaults.publicFraction,
            seed: try c.decodeIfPresent(UInt64.self, forKey: .seed) ?? defaults.seed)
    }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        if let rows = settings.testRows { try c.encode(rows, forKey: .testRows) } else { try c.encode("auto", forKey: .testRows) }
        try c.encode(settings.validationFraction, forKey: .validationFraction)
        try c.encode(settings.publicFraction, forKey: .publicFraction)
        try c.encode(settings.seed, forKey: .seed)
    }
}
