/// What counts as pinned: an action at a version tag or a full commit, a container image at an
/// exact version or a digest. A moving name (`@main`, `:latest`, `:6.3`) can change under the
/// workflow without a commit to the repository.
enum Pinning {
    /// Why `uses:` is not pinned, or nil when it is (local actions `./…` are part of the commit).
    static func actionProblem(_ uses: String) -> String? {
        if uses.hasPrefix("./") { return nil }
        if uses.hasPrefix("docker://") {
            let image = String(uses.dropFirst("docker://".count))
            return isPinnedImage(image) ? nil : "action image '\(image)' is not pinned to an exact version"
        }
        let parts = uses.split(separator: "@", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2 else { return "action '\(uses)' names no version" }
        let ref = parts[1]
        if isVersionTag(ref) || isCommit(ref) { return nil }
        return "action '\(uses)' is not pinned to a version tag or a commit"
    }

    /// `name:1.2.3`, `name:1.2.3-suffix`, `name:v1.2.3`, or `name@sha256:<64 hex>`.
    static func isPinnedImage(_ image: String) -> Bool {
        if let at = image.range(of: "@sha256:") {
            let digest = image[at.upperBound...]
            return digest.count == 64 && digest.allSatisfy(\.isHexDigit)
        }
        let lastSegment = image.split(separator: "/").last ?? ""
        guard let colon = lastSegment.lastIndex(of: ":") else { return false }
        var tag = lastSegment[lastSegment.index(after: colon)...]
        if tag.hasPrefix("v") { tag = tag.dropFirst() }
        let version = tag.prefix { $0 != "-" }
        let numbers = version.split(separator: ".", omittingEmptySubsequences: false)
        return numbers.count >= 3 && numbers.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isNumber) }
    }

    /// `v4`, `v4.1`, `v4.1.7` (also without the `v`).
    private static func isVersionTag(_ ref: Substring) -> Bool {
        let numbers = (ref.hasPrefix("v") ? ref.dropFirst() : ref).split(separator: ".", omittingEmptySubsequences: false)
        return (1...3).contains(numbers.count) && numbers.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isNumber) }
    }

    /// A full 40-hex-digit commit.
    private static func isCommit(_ ref: Substring) -> Bool { ref.count == 40 && ref.allSatisfy(\.isHexDigit) }
}
