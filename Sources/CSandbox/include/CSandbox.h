// The kernel-facing part of the sandboxed child's containment (Scoring/Containment.swift
// wraps it): Landlock for files, a seccomp filter for system calls, and the probes the
// tests use to show both hold. Every function returns 0 or a positive errno, never sets
// errno for the caller to read, and never prints.
#ifndef CSANDBOX_H
#define CSANDBOX_H

#include <stddef.h>
#include <sys/types.h>

/// The Landlock ABI version the kernel offers (1 or more), or -errno when it has none
/// (ENOSYS: built without Landlock; EOPNOTSUPP: disabled at boot; EPERM: refused by a
/// container's seccomp profile).
int lb_landlock_abi(void);

/// Closes every file descriptor above standard error. The child calls it first: anything
/// open then was inherited from whoever started the run (a socket, a pipe, a file opened
/// for writing), and Landlock would not stop its use.
int lb_close_inherited_files(void);

/// Asks the kernel to kill this process when the process that started it ends: a child
/// left blocked or busy when its parent is killed does not live on as an orphan.
int lb_die_with_parent(void);

/// Sets `no_new_privs`: nothing this process executes can gain privileges (a set-uid
/// program, file capabilities). Both layers below require it.
int lb_no_new_privs(void);

/// Restricts this process (and its threads created later, and children) for good: from now
/// on it can open for reading only the files in `readable` (exact files, not folders), and
/// write only in the folders `writable` (create, write and truncate regular files there, not
/// read back, delete or make anything else). Every filesystem right the running kernel's
/// Landlock knows is handled, so everything else is refused with EACCES. Where the kernel
/// knows them (ABI 4 and later), TCP bind and connect are refused too, and (ABI 6) signals
/// to and abstract unix sockets of processes outside this domain. EBUSY when the process
/// has more than one thread: the threads already running would stay unrestricted.
int lb_landlock_restrict(const char *const *readable, size_t readable_count,
                         const char *const *writable, size_t writable_count);

/// Installs a seccomp filter (after `lb_no_new_privs`) that refuses with EPERM: executing
/// programs, sockets, tracing or reading other processes, namespaces and mounts, and the
/// kernel interfaces a prediction never needs (bpf, io_uring, userfaultfd, keyrings,
/// perf events, modules); signals to any other process; `clone` into new namespaces.
/// `clone3` gets ENOSYS (its flags cannot be inspected), so the C library falls back to
/// `clone`. A call made under another architecture's ABI kills the process.
/// EOPNOTSUPP when the architecture is not one the filter knows (x86_64, aarch64).
int lb_seccomp_restrict(void);

/// Whether the kernel offers seccomp filters (a container may still refuse installing one).
int lb_seccomp_available(void);

/// Probes for the tests: each tries what a contained child must not do and returns 0 if it
/// succeeded, else the errno it got.
int lb_probe_exec(const char *path);
int lb_probe_socket(void);
int lb_probe_ptrace(pid_t pid);
int lb_probe_process_vm_readv(pid_t pid);
int lb_probe_open(const char *path, int flags);
int lb_probe_signal(pid_t pid);
/// How many descriptors above standard error are open for writing, or are sockets.
int lb_probe_writable_descriptors(void);

#endif
