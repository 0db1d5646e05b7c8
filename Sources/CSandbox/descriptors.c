// The descriptors the sandboxed child inherits: see include/CSandbox.h.
#ifdef __linux__
#include "CSandbox.h"

#include <signal.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <errno.h>
#include <unistd.h>

int lb_close_inherited_files(void) {
#ifdef __NR_close_range
    if (syscall(__NR_close_range, 3, ~0U, 0) == 0) return 0;
#endif
    // Before Linux 5.9: one call a descriptor, up to the limit.
    long last = sysconf(_SC_OPEN_MAX);
    for (long fd = 3; fd < (last > 0 ? last : 1024); fd++) close((int)fd);
    return 0;
}

int lb_die_with_parent(void) {
    return prctl(PR_SET_PDEATHSIG, SIGKILL, 0, 0, 0) == 0 ? 0 : errno;
}

#endif
