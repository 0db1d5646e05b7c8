/// Glob patterns as GitHub's `hashFiles` and `actions/cache` read them: `*` and `?` within one
/// path segment, `**` across any number of segments, `[abc]` classes; paths use `/`.
struct Glob: Sendable {
    private let segments: [String]
    /// The leading segments without wildcards: where a search can start (the whole path when the
    /// pattern has no wildcard, so a plain file name is looked at alone).
    let literalPrefix: String

    init(_ pattern: String) {
        var cleaned = pattern
        while cleaned.hasPrefix("./") { cleaned.removeFirst(2) }
        segments = cleaned.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        literalPrefix = segments.prefix { !Glob.hasWildcard($0) }.joined(separator: "/")
    }

    static func hasWildcard(_ text: String) -> Bool { text.contains { "*?[".contains($0) } }

    /// Whether the relative path (segments joined by `/`) matches the whole pattern.
    func matches(_ path: String) -> Bool {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        var memo: [Int: Bool] = [:]
        return match(0, parts, 0, &memo)
    }

    /// Segment-wise matching; `**` tries every split, memoised so long paths stay linear per pattern.
    private func match(_ pattern: Int, _ parts: [String], _ part: Int, _ memo: inout [Int: Bool]) -> Bool {
        let key = pattern * (parts.count + 1) + part
        if let known = memo[key] { return known }
        let result: Bool
        if pattern == segments.count {
            result = part == parts.count
        } else if segments[pattern] == "**" {
            result = match(pattern + 1, parts, part, &memo) || (part < parts.count && match(pattern, parts, part + 1, &memo))
        } else {
            result =
                part < parts.count && Glob.segment(Array(segments[pattern]), Array(parts[part]))
                && match(pattern + 1, parts, part + 1, &memo)
        }
        memo[key] = result
        return result
    }

    /// One segment against one name, with `*`, `?` and `[…]` (dotfiles match, as GitHub's globber allows).
    private static func segment(_ pattern: [Character], _ name: [Character]) -> Bool {
        var p = 0
        var n = 0
        var star: (p: Int, n: Int)?
        while n < name.count {
            if p < pattern.count, pattern[p] == "*" {
                star = (p, n)
                p += 1
            } else if p < pattern.count, let width = matchOne(pattern, p, name[n]) {
                p += width
                n += 1
            } else if let saved = star {
                p = saved.p + 1
                n = saved.n + 1
                star = (saved.p, saved.n + 1)
            } else {
                return false
            }
        }
        while p < pattern.count, pattern[p] == "*" { p += 1 }
        return p == pattern.count
    }

    /// The width of the pattern element at `p` when it matches `character`, else nil.
    private static func matchOne(_ pattern: [Character], _ p: Int, _ character: Character) -> Int? {
        switch pattern[p] {
        case "?": return 1
        case "[":
            guard let close = pattern[(p + 1)...].firstIndex(of: "]") else { return pattern[p] == character ? 1 : nil }
            var members = Array(pattern[(p + 1)..<close])
            let negated = members.first == "!" || members.first == "^"
            if negated { members.removeFirst() }
            var found = false
            var i = 0
            while i < members.count {
                if i + 2 < members.count, members[i + 1] == "-" {
                    if members[i] <= character && character <= members[i + 2] { found = true }
                    i += 3
                } else {
                    if members[i] == character { found = true }
                    i += 1
                }
            }
            return found != negated ? close - p + 1 : nil
        default:
            return pattern[p] == character ? 1 : nil
        }
    }
}
