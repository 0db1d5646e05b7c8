/// Why a download failed; one line with what to do.
public enum DownloadError: Error, Equatable, CustomStringConvertible {
    /// The address is not an `http` or `https` URL with a host.
    case unsupportedAddress(String)
    /// The digest is not 64 hexadecimal digits.
    case malformedDigest(String)
    /// The server answered with a status other than success.
    case httpStatus(url: String, status: Int)
    /// No byte arrived (no connection, a name that does not resolve); nothing was kept.
    case unreachable(url: String, why: String)
    /// The connection failed or ended early; what arrived is kept to resume from.
    case interrupted(url: String, received: Int, expected: Int?, why: String)
    /// The bytes did not have the expected digest; nothing was kept.
    case digestMismatch(url: String, expected: String, actual: String)
    /// Another fetch is downloading the same file now.
    case busy(path: String)
    /// A file of the download folder could not be read or written.
    case file(path: String, why: String)

    public var description: String {
        switch self {
        case .unsupportedAddress(let url):
            "\(url): not an http or https address. Give the data's URL, e.g. https://archive.ics.uci.edu/…/HIGGS.csv.gz."
        case .malformedDigest(let digest):
            "'\(digest)': a sha256 is 64 hexadecimal digits. Copy it from where the data is published."
        case .httpStatus(let url, let status):
            "\(url): the server answered HTTP \(status); nothing was downloaded. Check the address."
        case .unreachable(let url, let why):
            "\(url): cannot download (\(why)); nothing was kept. Check the address and the network."
        case .interrupted(let url, let received, let expected, let why):
            "\(url): the download stopped at \(received)\(expected.map { " of \($0)" } ?? "") bytes (\(why)); "
                + "run `leaderboard data fetch` again to resume."
        case .digestMismatch(let url, let expected, let actual):
            "\(url): the file's sha256 is \(actual), not the expected \(expected); nothing was kept. "
                + "Check the digest in leaderboard.yml, or the address."
        case .busy(let path):
            "\(path): another `leaderboard data fetch` is downloading this file now; wait for it to finish."
        case .file(let path, let why):
            "\(path): cannot write the download (\(why)). Check the cache folder's space and permissions."
        }
    }
}
