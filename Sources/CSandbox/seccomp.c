// The seccomp filter of the sandboxed child: see include/CSandbox.h. A list of refusals,
// not of permissions: the readers, Foundation and the C library make many ordinary calls
// (memory, files through Landlock, threads, time), and a call missing from an allow-list
// would turn into a failed submission on the next library update. What is refused is what
// a prediction never needs and an attacker would: other programs, the network, other
// processes, and the kernel's larger attack surfaces.
#ifdef __linux__
#include "CSandbox.h"

#include <errno.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <linux/sched.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

#if defined(__x86_64__)
#define LB_AUDIT_ARCH AUDIT_ARCH_X86_64
#elif defined(__aarch64__)
#define LB_AUDIT_ARCH AUDIT_ARCH_AARCH64
#endif

#ifndef CLONE_NEWCGROUP
#define CLONE_NEWCGROUP 0x02000000
#endif

/// Refused with EPERM, whatever their arguments. Those a kernel or architecture lacks are
/// left out by the preprocessor.
static const int refused[] = {
    // Programs: nothing is executed.
    __NR_execve, __NR_execveat,
    // The network, and local sockets.
    __NR_socket, __NR_socketpair, __NR_connect, __NR_bind, __NR_listen,
    // Other processes: tracing, reading or writing their memory, taking their files.
    __NR_ptrace, __NR_process_vm_readv, __NR_process_vm_writev, __NR_kcmp,
#ifdef __NR_pidfd_open
    __NR_pidfd_open, __NR_pidfd_send_signal, __NR_pidfd_getfd,
#endif
#ifdef __NR_process_madvise
    __NR_process_madvise,
#endif
    __NR_tkill,
    // Namespaces and mounts, which would open the kernel's larger surfaces.
    __NR_unshare, __NR_setns, __NR_mount, __NR_umount2, __NR_pivot_root, __NR_chroot,
#ifdef __NR_open_tree
    __NR_open_tree, __NR_move_mount, __NR_fsopen, __NR_fsconfig, __NR_fsmount, __NR_fspick,
#endif
#ifdef __NR_mount_setattr
    __NR_mount_setattr,
#endif
    // Kernel interfaces a prediction never needs, and that have carried exploits.
    __NR_bpf, __NR_perf_event_open, __NR_userfaultfd, __NR_keyctl, __NR_add_key, __NR_request_key,
#ifdef __NR_io_uring_setup
    // io_uring's own operations (sockets, connects) would pass by this filter.
    __NR_io_uring_setup, __NR_io_uring_enter, __NR_io_uring_register,
#endif
    __NR_personality, __NR_init_module, __NR_finit_module, __NR_delete_module,
    __NR_kexec_load, __NR_reboot, __NR_swapon, __NR_swapoff, __NR_acct,
};

/// Signals go only to this process: these calls name their target process first.
static const int signalling[] = {__NR_kill, __NR_tgkill, __NR_rt_sigqueueinfo, __NR_rt_tgsigqueueinfo};

#define LB_NAMESPACES (CLONE_NEWNS | CLONE_NEWUSER | CLONE_NEWPID | CLONE_NEWNET | CLONE_NEWIPC \
                       | CLONE_NEWUTS | CLONE_NEWCGROUP)

#define LB_FILTER_MAX 256

/// A filter under construction.
struct program {
    struct sock_filter code[LB_FILTER_MAX];
    unsigned short length;
};

static void append(struct program *p, struct sock_filter instruction) {
    if (p->length < LB_FILTER_MAX) p->code[p->length++] = instruction;
}

// The kernel's BPF_STMT and BPF_JUMP are initializers; this makes them values.
#define emit(p, ...) append(p, (struct sock_filter)__VA_ARGS__)

#define LB_LOAD(field) BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, field))
// The low 32 bits of argument `i` (both architectures are little-endian).
#define LB_LOAD_ARG(i) BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, args[i]))
#define LB_RETURN(value) BPF_STMT(BPF_RET | BPF_K, (value))
#define LB_REFUSE(error) LB_RETURN(SECCOMP_RET_ERRNO | ((error) & SECCOMP_RET_DATA))

int lb_seccomp_restrict(void) {
#ifndef LB_AUDIT_ARCH
    return EOPNOTSUPP;
#else
    struct program p = {.length = 0};
    // Another ABI (x86's 32-bit calls) numbers its calls differently: never let one through.
    emit(&p, LB_LOAD(arch));
    emit(&p, BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, LB_AUDIT_ARCH, 1, 0));
    emit(&p, LB_RETURN(SECCOMP_RET_KILL_PROCESS));
    emit(&p, LB_LOAD(nr));
#if defined(__x86_64__)
    // x32 calls: the same numbers with bit 30 set.
    emit(&p, BPF_JUMP(BPF_JMP | BPF_JGE | BPF_K, 0x40000000, 0, 1));
    emit(&p, LB_RETURN(SECCOMP_RET_KILL_PROCESS));
#endif
    for (size_t i = 0; i < sizeof refused / sizeof refused[0]; i++) {
        emit(&p, BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, refused[i], 0, 1));
        emit(&p, LB_REFUSE(EPERM));
    }
#ifdef __NR_clone3
    emit(&p, BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, __NR_clone3, 0, 1));
    emit(&p, LB_REFUSE(ENOSYS));
#endif
    // clone(flags, ...): threads and processes, but no new namespace.
    emit(&p, BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, __NR_clone, 0, 4));
    emit(&p, LB_LOAD_ARG(0));
    emit(&p, BPF_JUMP(BPF_JMP | BPF_JSET | BPF_K, LB_NAMESPACES, 0, 1));
    emit(&p, LB_REFUSE(EPERM));
    emit(&p, LB_RETURN(SECCOMP_RET_ALLOW));
    uint32_t self = (uint32_t)getpid();
    for (size_t i = 0; i < sizeof signalling / sizeof signalling[0]; i++) {
        emit(&p, BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, signalling[i], 0, 4));
        emit(&p, LB_LOAD_ARG(0));
        emit(&p, BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, self, 0, 1));
        emit(&p, LB_RETURN(SECCOMP_RET_ALLOW));
        emit(&p, LB_REFUSE(EPERM));
    }
    emit(&p, LB_RETURN(SECCOMP_RET_ALLOW));
    if (p.length >= LB_FILTER_MAX) return E2BIG;

    struct sock_fprog program = {.len = p.length, .filter = p.code};
    // The filter applies to every thread the process has, not only the caller.
    long result = syscall(__NR_seccomp, SECCOMP_SET_MODE_FILTER, SECCOMP_FILTER_FLAG_TSYNC, &program);
    if (result == 0) return 0;
    // A kernel without seccomp(2) (before 3.17) still has the prctl; it filters this thread only.
    if (errno == ENOSYS && prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &program, 0, 0) == 0) return 0;
    return errno;
#endif
}

int lb_seccomp_available(void) {
    return prctl(PR_GET_SECCOMP, 0, 0, 0, 0) >= 0;
}

#endif
