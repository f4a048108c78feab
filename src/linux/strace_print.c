/* The --strace line buffer and the printers every decoder shares: quoted
   and escaped guest strings, flag sets and enums by name, with strace(1)'s
   conventions for what is unknown: hex with a comment naming the kind
   (MAP_???), or hex after the known names (O_RDONLY|0x40000000). */
#include "linux/strace_print.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "mem/guest.h"

#define LINE_MAX_LEN 4096

static __thread char t_line[LINE_MAX_LEN];
static __thread size_t t_len;

void strace_line_reset(void) { t_len = 0; }
size_t strace_line_len(void) { return t_len; }
void strace_line_truncate(size_t len) {
  if (len < t_len) t_len = len;
}

/* The line so far, NUL-terminated (for the unit tests). */
const char *strace_line_text(void) {
  t_line[t_len < LINE_MAX_LEN ? t_len : LINE_MAX_LEN - 1] = 0;
  return t_line;
}

void strace_put(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  size_t room = LINE_MAX_LEN - t_len;
  int n = vsnprintf(t_line + t_len, room, fmt, ap);
  va_end(ap);
  if (n > 0) t_len += (size_t)n < room ? (size_t)n : room - 1;
}

/* Writes the line and a newline in one write(2), so that lines of threads
   and processes sharing the descriptor never interleave mid-line. */
void strace_line_flush(int fd) {
  size_t n = t_len < LINE_MAX_LEN - 1 ? t_len : LINE_MAX_LEN - 1;
  t_line[n++] = '\n';
  if (write(fd, t_line, n) < 0) { /* tracing is best effort */ }
  t_len = 0;
}

void strace_put_addr(gaddr a) {
  if (a) strace_put("0x%llx", (unsigned long long)a);
  else strace_put("NULL");
}

/* strace's escapes: \t \n \v \f \r by letter, other unprintable bytes in
   octal, three digits only when a digit follows (so "\0" + "1" stays
   unambiguous). */
void strace_put_bytes(const u8 *p, size_t n, bool cut) {
  strace_put("\"");
  for (size_t i = 0; i < n; i++) {
    u8 c = p[i];
    const char *esc = c == '\t' ? "\\t" : c == '\n' ? "\\n" : c == '\v' ? "\\v"
                    : c == '\f' ? "\\f" : c == '\r' ? "\\r" : NULL;
    if (esc) strace_put("%s", esc);
    else if (c == '"' || c == '\\') strace_put("\\%c", c);
    else if (c >= 32 && c < 127) strace_put("%c", c);
    else if (i + 1 < n && p[i + 1] >= '0' && p[i + 1] <= '7') strace_put("\\%03o", c);
    else strace_put("\\%o", c);
  }
  strace_put(cut ? "\"..." : "\"");
}

/* Random bytes (getrandom): every byte as \xNN, as strace forces for them. */
void strace_put_bytes_hex(const u8 *p, size_t n, bool cut) {
  strace_put("\"");
  for (size_t i = 0; i < n; i++) strace_put("\\x%02x", p[i]);
  strace_put(cut ? "\"..." : "\"");
}

void strace_put_guest_string(gaddr a, size_t cap) {
  char buf[STRACE_PATH_SHOWN + 1];
  if (cap > STRACE_PATH_SHOWN) cap = STRACE_PATH_SHOWN;
  if (!a) {
    strace_put("NULL");
    return;
  }
  long n = copy_str_from_guest(buf, a, cap + 1);
  if (n == -EFAULT) {
    strace_put_addr(a);
    return;
  }
  bool cut = n < 0;
  strace_put_bytes((const u8 *)buf, cut ? cap : (size_t)n, cut);
}

/* A data buffer of len bytes; a page that faults part-way shows as the
   address, as strace does when its read fails. */
void strace_put_guest_buffer(gaddr a, u64 len, size_t cap) {
  strace_put_guest_buffer_as(a, len, cap, strace_put_bytes);
}

void strace_put_guest_buffer_as(gaddr a, u64 len, size_t cap,
                                void (*put)(const u8 *, size_t, bool)) {
  u8 buf[STRACE_DATA_SHOWN];
  if (cap > sizeof buf) cap = sizeof buf;
  size_t n = len < cap ? (size_t)len : cap;
  if (copy_from_guest(buf, a, n) < 0) {
    strace_put_addr(a);
    return;
  }
  put(buf, n, len > n);
}

void strace_put_flags(const struct strace_name *t, size_t n, u64 v,
                      const char *unknown) {
  bool any = false;
  for (size_t i = 0; i < n && v; i++) {
    if (!t[i].value || (v & t[i].value) != t[i].value) continue;
    strace_put("%s%s", any ? "|" : "", t[i].name);
    v &= ~t[i].value;
    any = true;
  }
  if (any && v) strace_put("|%#llx", (unsigned long long)v);
  else if (!any && v) strace_put("%#llx /* %s */", (unsigned long long)v, unknown);
  else if (!any) strace_put("0");
}

void strace_put_enum(const struct strace_name *t, size_t n, u64 v,
                     const char *unknown) {
  for (size_t i = 0; i < n; i++) {
    if (t[i].value != v) continue;
    strace_put("%s", t[i].name);
    return;
  }
  strace_put("%#llx /* %s */", (unsigned long long)v, unknown);
}

/* Flags that follow a name already printed (O_RDONLY, MAP_PRIVATE): each
   known bit and then the rest in hex, every one after a '|'. */
void strace_put_more_flags(const struct strace_name *t, size_t n, u64 v) {
  for (size_t i = 0; i < n && v; i++) {
    if (!t[i].value || (v & t[i].value) != t[i].value) continue;
    strace_put("|%s", t[i].name);
    v &= ~t[i].value;
  }
  if (v) strace_put("|%#llx", (unsigned long long)v);
}
