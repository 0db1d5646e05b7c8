import Foundation

/// The files a step writes to talk to the runner (GITHUB_OUTPUT, GITHUB_ENV, GITHUB_PATH,
/// GITHUB_STEP_SUMMARY), fresh for each step, and how they are read back.
struct CommandFiles {
    let output: String
    let env: String
    let path: String
    let summary: String

    /// Empty files for the step numbered `index`, in `folder`.
    init(folder: String, index: Int) throws(RehearsalError) {
        let base = "\(folder)/step-\(index)"
        output = base + "-output"
        env = base + "-env"
        path = base + "-path"
        summary = base + "-summary.md"
        for file in [output, env, path, summary] where !FileManager.default.createFile(atPath: file, contents: nil) {
            throw .command("cannot create \(file)")
        }
    }

    /// The variables pointing the step at its files.
    var variables: [String: String] {
        ["GITHUB_OUTPUT": output, "GITHUB_ENV": env, "GITHUB_PATH": path, "GITHUB_STEP_SUMMARY": summary]
    }

    /// `name=value` lines and `name<<DELIMITER` … `DELIMITER` blocks, in order (a later name wins).
    static func parseAssignments(_ text: String, file: String) throws(RehearsalError) -> [(String, String)] {
        var pairs: [(String, String)] = []
        var lines = text.components(separatedBy: "\n")[...]
        if lines.last == "" { lines = lines.dropLast() }
        while let line = lines.popFirst() {
            let line = line.hasSuffix("\r") ? String(line.dropLast()) : line
            if line.isEmpty { continue }
            let heredoc = line.range(of: "<<")
            let equals = line.firstIndex(of: "=")
            if let heredoc, equals.map({ heredoc.lowerBound < $0 }) ?? true {
                let name = String(line[..<heredoc.lowerBound])
                let delimiter = String(line[heredoc.upperBound...])
                var body: [String] = []
                var closed = false
                while let next = lines.popFirst() {
                    let next = next.hasSuffix("\r") ? String(next.dropLast()) : next
                    if next == delimiter {
                        closed = true
                        break
                    }
                    body.append(next)
                }
                guard closed else { throw .command("\(file): '\(name)<<\(delimiter)' has no closing '\(delimiter)'") }
                pairs.append((name, body.joined(separator: "\n")))
            } else if let equals {
                pairs.append((String(line[..<equals]), String(line[line.index(after: equals)...])))
            } else {
                throw .command("\(file): cannot read the line '\(line)'")
            }
        }
        return pairs
    }

    /// The outputs the step set.
    func readOutputs() throws(RehearsalError) -> [String: String] {
        Dictionary(try Self.parseAssignments(Self.read(output), file: "GITHUB_OUTPUT"), uniquingKeysWith: { $1 })
    }

    /// The variables the step exported for later steps, in order.
    func readEnvironment() throws(RehearsalError) -> [(String, String)] {
        try Self.parseAssignments(Self.read(env), file: "GITHUB_ENV")
    }

    /// The folders the step added to PATH, in the order written.
    func readPath() -> [String] {
        Self.read(path).split(whereSeparator: \.isNewline).map(String.init).filter { !$0.isEmpty }
    }

    /// The summary the step wrote (Markdown).
    func readSummary() -> String { Self.read(summary) }

    private static func read(_ file: String) -> String { (try? String(contentsOfFile: file, encoding: .utf8)) ?? "" }
}
