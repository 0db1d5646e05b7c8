/// Finds `${{ }}` in a `run:` script that splices text an outsider controls (the event payload,
/// the pull request's branch name) into the shell source: such a value must reach the script
/// through `env:` instead, where the shell treats it as data.
enum ScriptInjection {
    /// The contexts whose text a pull request's author chooses.
    private static let untrusted = ["github.event", "github.head_ref"]

    static func problems(in script: String) -> [String] {
        let sources: [String]
        do {
            sources = try Interpolation.expressions(in: script)
        } catch {
            return ["run: script: \(error.description)"]
        }
        var problems: [String] = []
        for source in sources {
            let paths: [String]
            do {
                paths = try ExpressionParser.parse(source).propertyPaths
            } catch {
                problems.append("run: script: \(error.description)")
                continue
            }
            let hazards = paths.filter { path in
                let lowered = path.lowercased()
                return untrusted.contains { lowered == $0 || lowered.hasPrefix($0 + ".") }
            }
            if let first = hazards.first {
                problems.append("run: script interpolates ${{ \(first) }} directly (pass it through env: instead)")
            }
        }
        return problems
    }
}
