// The probes of include/CSandbox.h: what a contained child must not be able to do, tried
// for real by the tests' fault mechanism (LeaderboardCLI's TestFaults) and nothing else.
#ifdef __linux__
#define _GNU_SOURCE
#include "CSandbox.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/ptrace.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <netinet/in.h>
#include <unistd.h>

int lb_probe_exec(const char *path) {
    char *const argv[] = {(char *)path, NULL};
    char *const envp[] = {NULL};
    execve(path, argv, envp);
    return errno;
}

int lb_probe_socket(void) {
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) return errno;
    close(fd);
    return 0;
}

int lb_probe_ptrace(pid_t pid) {
    if (ptrace(PTRACE_ATTACH, pid, NULL, NULL) != 0) return errno;
    ptrace(PTRACE_DETACH, pid, NULL, NULL);
    return 0;
}

int lb_probe_process_vm_readv(pid_t pid) {
    char byte;
    int variable = 0;
    struct iovec local = {.iov_base = &byte, .iov_len = 1};
    // Any address of the other process: the call is refused before the address matters.
    struct iovec remote = {.iov_base = &variable, .iov_len = 1};
    return process_vm_readv(pid, &local, 1, &remote, 1, 0) < 0 ? errno : 0;
}

int lb_probe_open(const char *path, int flags) {
    int fd = open(path, flags | O_CLOEXEC, 0600);
    if (fd < 0) return errno;
    close(fd);
    return 0;
}

int lb_probe_signal(pid_t pid) {
    return kill(pid, 0) == 0 ? 0 : errno;
}

int lb_probe_writable_descriptors(void) {
    int count = 0;
    for (int fd = 3; fd < 1024; fd++) {
        int flags = fcntl(fd, F_GETFL);
        if (flags < 0) continue;
        struct stat info;
        if ((flags & O_ACCMODE) != O_RDONLY || (fstat(fd, &info) == 0 && S_ISSOCK(info.st_mode))) count++;
    }
    return count;
}

#endif
