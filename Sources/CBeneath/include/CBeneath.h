// Opening a path beneath a folder without following a symbolic link at any depth and
// without leaving the folder. Sources/ModelFiles/Submission/SubmissionRoot.swift is the one
// Swift caller and documents the promise; this header is all Swift sees of it.
#ifndef CBENEATH_H
#define CBENEATH_H

/// How `lb_open_beneath` resolves a path.
typedef enum {
    /// `openat2` with RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS | RESOLVE_NO_MAGICLINKS, and the
    /// component walk where the kernel lacks `openat2` (ENOSYS) or a filter forbids it (EPERM).
    LB_RESOLVE_BEST = 0,
    /// The component walk only (for tests of the fallback).
    LB_RESOLVE_WALK = 1,
} LBResolve;

/// Opens `path` (relative, `/`-separated) beneath the folder `dirfd` with `flags` plus
/// O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK (O_NONBLOCK left out beside O_PATH), refusing a
/// symbolic link in any component (errno ELOOP) and an absolute path or `..` (errno EXDEV).
/// Returns the descriptor, or -1 with errno.
int lb_open_beneath(int dirfd, const char *path, int flags, LBResolve resolve);

/// `O_PATH`: a descriptor that only names a file (for `fstat`), opening nothing for reading;
/// Swift's Glibc module does not export the constant.
int lb_o_path(void);

#endif
