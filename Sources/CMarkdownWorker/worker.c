// The Markdown rendering process: see include/CMarkdownWorker.h.
#include "CMarkdownWorker.h"

#include <cmark-gfm.h>
#include <cmark-gfm-extension_api.h>
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#ifndef MSG_NOSIGNAL
#define MSG_NOSIGNAL 0
#endif

/// Reads exactly `count` bytes; 0 when they came, -1 at the end or on an error.
static int read_all(int fd, void *buffer, size_t count) {
    char *at = buffer;
    while (count > 0) {
        ssize_t n = read(fd, at, count);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return -1;
        at += n;
        count -= (size_t)n;
    }
    return 0;
}

/// Writes exactly `count` bytes (no SIGPIPE when the parent is gone); 0 when written.
static int write_all(int fd, const void *buffer, size_t count) {
    const char *at = buffer;
    while (count > 0) {
        ssize_t n = send(fd, at, count, MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return -1;
        at += n;
        count -= (size_t)n;
    }
    return 0;
}

/// Keeps `socket` as descriptor 3 and closes every other one, standard ones included.
static int keep_only(int socket) {
    if (socket != 3 && dup2(socket, 3) < 0) return -1;
    for (int fd = 0; fd < 3; fd++) close(fd);
#ifdef __NR_close_range
    if (syscall(__NR_close_range, 4, ~0U, 0) == 0) return 3;
#endif
    long last = sysconf(_SC_OPEN_MAX);
    for (long fd = 4; fd < (last > 0 ? last : 1024); fd++) close((int)fd);
    return 3;
}

/// Kills the process once it has used `seconds` more of CPU time from now (0: never): a
/// timer on the process's CPU clock whose signal is SIGKILL, which no mask or handler
/// inherited from the parent can stop.
static void allow_cpu(timer_t timer, long seconds) {
    struct itimerspec span = {.it_value = {.tv_sec = seconds}};
    if (timer_settime(timer, 0, &span, NULL) != 0) _exit(1);
}

void lb_markdown_serve(
    int socket, int options, void *const *extensions, int extension_count, long cpu_seconds, long memory_bytes) {
    int fd = keep_only(socket);
    struct rlimit memory = {(rlim_t)memory_bytes, (rlim_t)memory_bytes};
    if (fd < 0 || setrlimit(RLIMIT_DATA, &memory) != 0) _exit(1);
    struct sigevent kill_event = {.sigev_notify = SIGEV_SIGNAL, .sigev_signo = SIGKILL};
    timer_t timer;
    if (timer_create(CLOCK_PROCESS_CPUTIME_ID, &kill_event, &timer) != 0) _exit(1);
    for (;;) {
        uint64_t length;
        if (read_all(fd, &length, sizeof length) != 0) _exit(0);  // the parent is done
        char *text = malloc(length > 0 ? length : 1);
        if (text == NULL || read_all(fd, text, length) != 0) _exit(1);
        allow_cpu(timer, cpu_seconds);
        cmark_parser *parser = cmark_parser_new(options);
        if (parser == NULL) _exit(1);
        for (int i = 0; i < extension_count; i++) {
            if (cmark_parser_attach_syntax_extension(parser, (cmark_syntax_extension *)extensions[i]) == 0) _exit(1);
        }
        cmark_parser_feed(parser, text, length);
        free(text);
        cmark_node *document = cmark_parser_finish(parser);
        char *html = document ? cmark_render_html(document, options, cmark_parser_get_syntax_extensions(parser)) : NULL;
        if (html == NULL) _exit(1);
        allow_cpu(timer, 0);
        uint64_t size = strlen(html);
        if (write_all(fd, &size, sizeof size) != 0 || write_all(fd, html, size) != 0) _exit(1);
        // cmark-gfm's default allocator is malloc's.
        free(html);
        cmark_node_free(document);
        cmark_parser_free(parser);
    }
}
