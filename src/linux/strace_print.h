#ifndef ELFRUN_LINUX_STRACE_PRINT_H_
#define ELFRUN_LINUX_STRACE_PRINT_H_

#include <stddef.h>

#include "base/types.h"

/* One name for one value (an enum) or one bit set (a flag). */
struct strace_name {
  u64 value;
  const char *name;
};
#define STRACE_NAME(x) {(u64)(x), #x}

/* The --strace line being built by the calling thread. */
void strace_line_reset(void);
size_t strace_line_len(void);
void strace_line_truncate(size_t len);
void strace_line_flush(int fd);
const char *strace_line_text(void);

void strace_put(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void strace_put_addr(gaddr a);
void strace_put_bytes(const u8 *p, size_t n, bool cut);
void strace_put_guest_string(gaddr a, size_t cap);
void strace_put_bytes_hex(const u8 *p, size_t n, bool cut);
void strace_put_guest_buffer(gaddr a, u64 len, size_t cap);
void strace_put_guest_buffer_as(gaddr a, u64 len, size_t cap,
                                void (*put)(const u8 *, size_t, bool));
void strace_put_flags(const struct strace_name *t, size_t n, u64 v,
                      const char *unknown);
void strace_put_more_flags(const struct strace_name *t, size_t n, u64 v);
void strace_put_enum(const struct strace_name *t, size_t n, u64 v,
                     const char *unknown);

/* strace(1)'s default -s 32: data buffers show this many bytes. */
#define STRACE_DATA_SHOWN 32
/* Paths are shown whole, up to this many bytes. */
#define STRACE_PATH_SHOWN 1024

#endif
