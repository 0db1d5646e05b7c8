// The same functions on systems other than Linux, which have neither Landlock nor seccomp:
// every layer is reported missing, and the probes find nothing refused.
#ifndef __linux__
#include "CSandbox.h"

#include <errno.h>

int lb_landlock_abi(void) { return -ENOSYS; }
int lb_no_new_privs(void) { return 0; }
int lb_close_inherited_files(void) { return 0; }
int lb_die_with_parent(void) { return 0; }
int lb_landlock_restrict(const char *const *readable, size_t readable_count,
                         const char *const *writable, size_t writable_count) {
    (void)readable, (void)readable_count, (void)writable, (void)writable_count;
    return ENOSYS;
}
int lb_seccomp_restrict(void) { return ENOSYS; }
int lb_seccomp_available(void) { return 0; }
int lb_probe_exec(const char *path) { (void)path; return 0; }
int lb_probe_socket(void) { return 0; }
int lb_probe_ptrace(pid_t pid) { (void)pid; return 0; }
int lb_probe_process_vm_readv(pid_t pid) { (void)pid; return 0; }
int lb_probe_open(const char *path, int flags) { (void)path, (void)flags; return 0; }
int lb_probe_signal(pid_t pid) { (void)pid; return 0; }
int lb_probe_writable_descriptors(void) { return 0; }

#endif
