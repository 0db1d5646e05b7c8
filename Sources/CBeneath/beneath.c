#define _GNU_SOURCE
#include "CBeneath.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#ifdef __linux__
#include <linux/openat2.h>
#endif

enum { extra_flags = O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK };

/// The flags the last component is opened with: `flags` plus the extra ones (openat2 refuses
/// O_NONBLOCK beside O_PATH, which opens nothing that could block anyway).
static int final_flags(int flags) {
#ifdef O_PATH
    if (flags & O_PATH) return flags | O_NOFOLLOW | O_CLOEXEC;
#endif
    return flags | extra_flags;
}

/// ELOOP when `name` beneath `dirfd` is a symbolic link, else the `errno` of the failure.
static int link_or(int dirfd, const char *name, int error) {
    struct stat s;
    if (fstatat(dirfd, name, &s, AT_SYMLINK_NOFOLLOW) == 0 && S_ISLNK(s.st_mode)) return ELOOP;
    return error;
}

/// Opens `path` one component at a time, each with O_NOFOLLOW: the same refusals as
/// `openat2`'s RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS, on any kernel.
static int open_walk(int dirfd, const char *path, int flags) {
    if (path[0] == '\0') { errno = ENOENT; return -1; }
    if (path[0] == '/') { errno = EXDEV; return -1; }
    char component[4096];
    int current = dirfd;
    const char *start = path;
    for (;;) {
        const char *slash = strchr(start, '/');
        size_t length = slash ? (size_t)(slash - start) : strlen(start);
        if (length == 0 || length >= sizeof component) {
            if (current != dirfd) close(current);
            errno = length == 0 ? ENOENT : ENAMETOOLONG;
            return -1;
        }
        memcpy(component, start, length);
        component[length] = '\0';
        if (strcmp(component, "..") == 0) {
            if (current != dirfd) close(current);
            errno = EXDEV;
            return -1;
        }
        int last = slash == NULL || slash[1] == '\0';
        int next = openat(current, component, last ? final_flags(flags) : (O_RDONLY | O_DIRECTORY | extra_flags));
        int error = errno;
        if (next < 0) error = link_or(current, component, error);
        if (current != dirfd) close(current);
        if (next < 0) { errno = error; return -1; }
        if (last) return next;
        current = next;
        start = slash + 1;
    }
}

int lb_open_beneath(int dirfd, const char *path, int flags, LBResolve resolve) {
#if defined(__linux__) && defined(SYS_openat2)
    if (resolve == LB_RESOLVE_BEST) {
        struct open_how how;
        memset(&how, 0, sizeof how);
        how.flags = (unsigned long long)final_flags(flags);
        how.resolve = RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS | RESOLVE_NO_MAGICLINKS;
        long fd = syscall(SYS_openat2, dirfd, path, &how, sizeof how);
        if (fd >= 0) return (int)fd;
        if (errno != ENOSYS && errno != EPERM) return -1;
    }
#else
    (void)resolve;
#endif
    return open_walk(dirfd, path, flags);
}

int lb_o_path(void) {
#ifdef O_PATH
    return O_PATH;
#else
    return 0;
#endif
}
