import ArgumentParser
import Competition
import Foundation
import Results

/// What every ruling command (`withdraw`, `disqualify`, `restore`) takes: a team (all its
/// versions, those recorded later too) or one version of it, by number or by entry id, and
/// the reason the site shows.
struct RulingOptions: ParsableArguments {
    @Argument(help: "The team: its key (its folder beneath submissions/, e.g. alpha) or its name as the site shows it.")
    var team: String?
    @Argument(help: "Only this version of the team: its number (1 is its first, as its team page numbers them).")
    var version: Int?
    @Option(help: "Only this version, by its entry id (entries/ID.html), instead of a team.")
    var entry: Int64?
    @Option(help: "Why, in one line; shown on the site beside the entry (required).")
    var reason: String
    @Option(help: "Who rules, as recorded (default: your login name).")
    var by: String?
    @Flag(help: "Print JSON instead of a line.") var json = false

    func validate() throws {
        guard (team == nil) != (entry == nil) else { throw ValidationError("Give a team, or --entry ID, not both.") }
        let trimmed = reason.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, trimmed.count <= 1000,
            !trimmed.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
        else {
            throw ValidationError("--reason must be one line of text, at most 1000 characters.")
        }
    }
}

/// Why a ruling cannot be recorded; one line.
struct RulingError: Error, CustomStringConvertible {
    let description: String
}

/// A ruling as recorded, for `--json` and the line printed.
struct RulingJSON: Codable {
    var id: Int64?, action: String, teamKey: String, team: String, version: Int?, entryID: Int64?, versions: Int
    var reason: String, ruledBy: String, ruledAt: String
}

/// Records a ruling: finds its team or version among the latest data set's entries, under
/// the workspace's lock (as `score` takes it), and prints what was ruled.
enum Ruling {
    /// The help every ruling command shows: one paragraph, not wrapped here, since the help
    /// wraps it to the terminal's width.
    static let discussion =
        "TEAM is a team's key (its folder beneath submissions/) or its shown name; the ruling covers all its versions, those "
        + "recorded later too. TEAM VERSION, or --entry ID, rules on one version. The reason is required and shown on the "
        + "site. Rulings are kept: restore undoes what was ruled before on the same team or version, and the latest one that "
        + "applies decides. Takes the workspace's lock, as score does; run `leaderboard build` to publish."

    static func record(_ action: RulingRecord.Action, _ options: RulingOptions, global: GlobalOptions) throws {
        let ws = try global.openWorkspace()
        let session = try WorkspaceSession(workspace: ws, lock: try global.lock(ws))
        defer { withExtendedLifetime(session) {} }
        let database = session.database
        guard let datasetID = try database.datasets().last?.id else {
            throw RulingError(description: "nothing is recorded in this workspace yet: there is no team to rule on")
        }
        let rulings = try database.rulings()
        let standings = Standings(versions: try database.entries(datasetID: datasetID), rulings: rulings, rules: ws.config.rules)
        let (team, version) = try target(options, in: standings)
        if action == .restore {
            let ruled = version.map { $0.ruling != nil } ?? team.versions.contains { $0.ruling != nil }
            guard ruled else {
                throw RulingError(
                    description: "\(name(team, version)): nothing is withdrawn or disqualified, so there is nothing to restore")
            }
        }
        let stored = try database.record(
            RulingRecord(
                teamKey: team.key, entryID: version?.entry.entry.id, action: action,
                reason: options.reason.trimmingCharacters(in: .whitespaces),
                ruledBy: options.by ?? ProcessInfo.processInfo.environment["USER"] ?? NSUserName(),
                ruledAt: CompetitionRules.recordedText(Date())))
        let shown = RulingJSON(
            id: stored.id, action: action.rawValue, teamKey: team.key, team: team.name, version: version?.number,
            entryID: stored.entryID, versions: version == nil ? team.versions.count : 1, reason: stored.reason,
            ruledBy: stored.ruledBy, ruledAt: stored.ruledAt)
        if options.json {
            print(try Formatting.json(shown))
        } else {
            let done = ["withdraw": "withdrawn", "disqualify": "disqualified", "restore": "restored"][action.rawValue] ?? action.rawValue
            print(
                TerminalText.escaped(
                    "\(done): \(name(team, version))"
                        + (version == nil ? " (all \(team.versions.count) version\(team.versions.count == 1 ? "" : "s"))" : "")
                        + ": \(stored.reason). Run `leaderboard build` to publish it."))
        }
    }

    /// The team and, when one is named, the version the options name.
    static func target(_ options: RulingOptions, in standings: Standings) throws -> (Standings.Team, Standings.Version?) {
        if let id = options.entry {
            for team in standings.teams {
                if let version = team.versions.first(where: { $0.entry.entry.id == id }) { return (team, version) }
            }
            throw RulingError(description: "entry \(id): no such entry (entry ids are in the site's entries/ID.html)")
        }
        let given = options.team ?? ""
        // A team's key or a team's shown name; the name is the team's own choice, so a team
        // showing itself under another's key makes the word ambiguous, never a silent choice.
        let isKey = { (team: Standings.Team) in team.key.utf8.elementsEqual(given.utf8) }
        let matches = standings.teams.filter(isKey) + standings.teams.filter { $0.name == given && !isKey($0) }
        guard let team = matches.first else {
            throw RulingError(
                description: "team '\(given)': no such team (give its folder beneath submissions/, or its name as the site shows it)")
        }
        guard matches.count == 1 else {
            throw RulingError(
                description: "several teams are named '\(given)' (by key or shown name): give one's key "
                    + "(\(matches.map(\.key).joined(separator: ", "))) or --entry ID")
        }
        guard let number = options.version else { return (team, nil) }
        guard number >= 1, number <= team.versions.count else {
            throw RulingError(description: "team '\(given)' has no version \(number) (it has \(team.versions.count))")
        }
        return (team, team.versions[number - 1])
    }

    /// How messages name a team or one of its versions.
    static func name(_ team: Standings.Team, _ version: Standings.Version?) -> String {
        "team \(team.name) [\(team.key)]" + (version.map { ", version \($0.number) (entry \($0.entry.entry.id ?? 0))" } ?? "")
    }
}
