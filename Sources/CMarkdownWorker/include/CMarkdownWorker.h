#pragma once

/// The whole life of the process that renders Markdown for the site (`BoundedMarkdown`), forked
/// once and then asked again and again over `socket` (one end of a stream socket pair):
///
/// - a request is the text's length in bytes (8 bytes, the machine's order), then the text;
/// - the answer is the HTML's length the same way, then the HTML (cmark-gfm with `options`
///   and the `extension_count` syntax extensions of `extensions`, registered by the parent).
///
/// Each rendering may use `cpu_seconds` of CPU time (a timer on the process's CPU clock whose
/// signal is SIGKILL): a text that takes longer costs the process its life, and its answer
/// never comes: the parent sees the socket close. Its heap is limited to `memory_bytes`
/// (RLIMIT_DATA) throughout. It closes every descriptor it inherited but
/// `socket` first, so it holds open no pipe of the parent's or of another child's, and exits
/// when the parent closes its end (or exits). It runs no code but C's: the parent may hold
/// locks of other threads when it forks (glibc makes `malloc` safe in the child).
void lb_markdown_serve(
    int socket, int options, void *const *extensions, int extension_count, long cpu_seconds, long memory_bytes)
    __attribute__((noreturn));
