import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// What an entry of a submission folder is, as `lstat` sees it.
public enum FileKind: Sendable, Equatable {
    case file, folder, link, other

    init(mode: mode_t) {
        switch mode & S_IFMT {
        case S_IFREG: self = .file
        case S_IFDIR: self = .folder
        case S_IFLNK: self = .link
        default: self = .other
        }
    }
}
