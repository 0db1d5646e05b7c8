import Foundation
import Yams

extension Workspace {
    /// Makes a new workspace in `directory` (created if missing): the config, the database,
    /// and the `submissions/`, `templates/`, `pages/` and `site/` folders with editable
    /// starting content.
    ///
    /// - Throws: `WorkspaceError.alreadyExists` if `directory` already has a config.
    @discardableResult
    public static func create(at directory: String, config: WorkspaceConfig = WorkspaceConfig()) throws -> Workspace {
        let root = URL(fileURLWithPath: directory).standardizedFileURL.path
        let fm = FileManager.default
        let configPath = root + "/" + configFileName
        if fm.fileExists(atPath: configPath) { throw WorkspaceError.alreadyExists(root) }
        do {
            for folder in [config.submissions, config.templates, config.pages, config.site] {
                try fm.createDirectory(atPath: root + "/" + folder, withIntermediateDirectories: true)
            }
            try (configHeader + plainNumbers(YAMLEncoder().encode(config))).write(
                toFile: configPath, atomically: true, encoding: .utf8)
            for (name, text) in StarterContent.pages {
                let path = root + "/" + config.pages + "/" + name
                if !fm.fileExists(atPath: path) { try text.write(toFile: path, atomically: true, encoding: .utf8) }
            }
            let readme = root + "/" + config.submissions + "/README.md"
            if !fm.fileExists(atPath: readme) {
                try StarterContent.submissionsReadme.write(toFile: readme, atomically: true, encoding: .utf8)
            }
        } catch {
            throw WorkspaceError.unwritable(root, "\(error)")
        }
        let workspace = try Workspace(at: root)
        _ = try workspace.openDatabase()
        return workspace
    }

    /// `yaml` with each value the encoder wrote in exponent form (`1e-1`) written as a person
    /// would (`0.1`): the same number when read back, as the rest of the tool writes numbers.
    static func plainNumbers(_ yaml: String) -> String {
        yaml.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            guard let colon = line.range(of: ": ", options: .backwards) else { return String(line) }
            let value = line[colon.upperBound...]
            guard value.contains("e"), value.first?.isNumber == true || value.first == "-", let number = Double(value),
                number.isFinite
            else { return String(line) }
            return line[..<colon.upperBound] + plain(number)
        }.joined(separator: "\n")
    }

    /// `number` in positional notation with as many digits as it needs to read back the same.
    static func plain(_ number: Double) -> String {
        let formatter = NumberFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.numberStyle = .decimal
        formatter.usesGroupingSeparator = false
        formatter.minimumFractionDigits = 0
        formatter.minimumIntegerDigits = 1
        for digits in 1...17 {
            formatter.maximumFractionDigits = digits
            if let text = formatter.string(from: NSNumber(value: number)), Double(text) == number { return text }
        }
        return "\(number)"
    }

    static let configHeader = """
        # leaderboard.yml: the settings of one competition. Paths are relative to this file.
        # data: HIGGS.csv or HIGGS.csv.gz (empty: the embedded 7,500-event sample), or a file
        #   named by URL and sha256 that `leaderboard data fetch` downloads into the cache folder:
        #   data: {url: https://archive.ics.uci.edu/ml/machine-learning-databases/00280/HIGGS.csv.gz,
        #          sha256: ea302c18164d4e3d916a1e2e83a9a8d07069fa6ebc7771e4c0540d54e593b698}
        # split.test_rows: hidden test rows at the end of the file ("auto": the last 1/15,
        #   at most 500,000, which is the canonical 500,000 of HIGGS and 500 of the sample).
        # split.validation_fraction: end of the training rows kept for validation.
        # split.public_fraction: share of the hidden test rows on the public leaderboard;
        #   the rest decides the final, private ranking.
        # rules.deadline: an ISO 8601 time (2026-12-20T23:59:59Z); versions recorded after it
        #   are scored and shown as late, and never count. Left out: no deadline.
        # rules.max_per_day: versions a team may have scored per UTC day; later ones that day
        #   are recorded and held, not scored (failed versions do not count). Left out: no limit.
        # rules.final_selections: versions a team may mark `final: true` for the final ranking
        #   (the latest ones count when it marks more; with none, its best public version).

        """
}
