// Landlock for the sandboxed child: see include/CSandbox.h. The system's linux/landlock.h
// may predate the rights of the running kernel, so the few constants and structures used
// are spelled out here, from the kernel's stable user-space ABI.
#ifdef __linux__
#define _GNU_SOURCE
#include "CSandbox.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

#ifndef __NR_landlock_create_ruleset
#define __NR_landlock_create_ruleset 444
#define __NR_landlock_add_rule 445
#define __NR_landlock_restrict_self 446
#endif

#define LB_CREATE_RULESET_VERSION (1U << 0)
#define LB_RULE_PATH_BENEATH 1

// Filesystem rights, by the ABI that introduced them.
#define LB_FS_EXECUTE (1ULL << 0)
#define LB_FS_WRITE_FILE (1ULL << 1)
#define LB_FS_READ_FILE (1ULL << 2)
#define LB_FS_MAKE_REG (1ULL << 8)
#define LB_FS_ABI1 ((1ULL << 13) - 1) // EXECUTE .. MAKE_SYM
#define LB_FS_REFER (1ULL << 13)      // ABI 2
#define LB_FS_TRUNCATE (1ULL << 14)   // ABI 3
#define LB_FS_IOCTL_DEV (1ULL << 15)  // ABI 5
// Network rights (ABI 4) and scopes (ABI 6).
#define LB_NET_BIND_TCP (1ULL << 0)
#define LB_NET_CONNECT_TCP (1ULL << 1)
#define LB_SCOPE_ABSTRACT_UNIX_SOCKET (1ULL << 0)
#define LB_SCOPE_SIGNAL (1ULL << 1)

struct lb_ruleset_attr {
    uint64_t handled_access_fs;
    uint64_t handled_access_net;
    uint64_t scoped;
};

struct lb_path_beneath_attr {
    uint64_t allowed_access;
    int32_t parent_fd;
} __attribute__((packed));

int lb_landlock_abi(void) {
    long abi = syscall(__NR_landlock_create_ruleset, NULL, 0, LB_CREATE_RULESET_VERSION);
    return abi < 0 ? -errno : (int)abi;
}

int lb_no_new_privs(void) {
    return prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) == 0 ? 0 : errno;
}

/// Every filesystem right `abi` knows.
static uint64_t handled_fs(int abi) {
    uint64_t rights = LB_FS_ABI1;
    if (abi >= 2) rights |= LB_FS_REFER;
    if (abi >= 3) rights |= LB_FS_TRUNCATE;
    if (abi >= 5) rights |= LB_FS_IOCTL_DEV;
    return rights;
}

/// Allows `rights` on `path` (a file or a folder) in `ruleset`.
static int allow(int ruleset, const char *path, uint64_t rights) {
    int fd = open(path, O_PATH | O_CLOEXEC);
    if (fd < 0) return errno;
    struct lb_path_beneath_attr rule = {.allowed_access = rights, .parent_fd = fd};
    int result = syscall(__NR_landlock_add_rule, ruleset, LB_RULE_PATH_BENEATH, &rule, 0) == 0 ? 0 : errno;
    close(fd);
    return result;
}

/// Whether this process has one thread: a Landlock domain binds the calling thread and those
/// it starts later, not threads that already run.
static int single_threaded(void) {
    DIR *tasks = opendir("/proc/self/task");
    if (!tasks) return 0;
    int count = 0;
    for (struct dirent *entry; (entry = readdir(tasks));) {
        if (entry->d_name[0] != '.') count++;
    }
    closedir(tasks);
    return count == 1;
}

int lb_landlock_restrict(const char *const *readable, size_t readable_count,
                         const char *const *writable, size_t writable_count) {
    int abi = lb_landlock_abi();
    if (abi < 0) return -abi;
    if (!single_threaded()) return EBUSY;
    struct lb_ruleset_attr attr = {.handled_access_fs = handled_fs(abi)};
    if (abi >= 4) attr.handled_access_net = LB_NET_BIND_TCP | LB_NET_CONNECT_TCP;
    if (abi >= 6) attr.scoped = LB_SCOPE_ABSTRACT_UNIX_SOCKET | LB_SCOPE_SIGNAL;
    // An older kernel accepts the larger structure as long as the fields it does not know are zero.
    int ruleset = (int)syscall(__NR_landlock_create_ruleset, &attr, sizeof attr, 0);
    if (ruleset < 0) return errno;
    int result = 0;
    for (size_t i = 0; i < readable_count && result == 0; i++) {
        result = allow(ruleset, readable[i], LB_FS_READ_FILE);
    }
    uint64_t write = LB_FS_WRITE_FILE | LB_FS_MAKE_REG | (abi >= 3 ? LB_FS_TRUNCATE : 0);
    for (size_t i = 0; i < writable_count && result == 0; i++) {
        result = allow(ruleset, writable[i], write);
    }
    if (result == 0 && syscall(__NR_landlock_restrict_self, ruleset, 0) != 0) result = errno;
    close(ruleset);
    return result;
}

#endif
