/* Syscall tracing for --strace, driven by the format column of syscalls.def. */
#include "linux/strace.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "base/config.h"
#include "linux/abi.h"
#include "linux/process.h"
#include "linux/svc.h"
#include "mem/guest.h"

#define NR_NAMES 512
#define LINE_MAX_LEN 1024
#define STR_SHOWN 48

static const char *const kNames[NR_NAMES] = {
#define SYSCALL(nr, name, flags, fmt) [nr] = #name,
#include "linux/syscalls.def"
#undef SYSCALL
};

static const char *const kFormats[NR_NAMES] = {
#define SYSCALL(nr, name, flags, fmt) [nr] = fmt,
#include "linux/syscalls.def"
#undef SYSCALL
};

static __thread char t_line[LINE_MAX_LEN];
static __thread int t_len;

const char *syscall_name(u64 nr) { return nr < NR_NAMES ? kNames[nr] : NULL; }

static void put(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void put(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int room = LINE_MAX_LEN - t_len;
  int n = vsnprintf(t_line + t_len, room, fmt, ap);
  va_end(ap);
  t_len += n < room ? n : room - 1;
}

static void put_string(gaddr a) {
  char buf[STR_SHOWN + 1];
  long n = copy_str_from_guest(buf, a, sizeof buf);
  if (n == -EFAULT) {
    put("0x%llx", (unsigned long long)a);
    return;
  }
  bool cut = n < 0;
  if (cut) buf[STR_SHOWN] = 0;
  put("\"");
  for (const char *p = buf; *p; p++) {
    if (*p == '"' || *p == '\\') put("\\%c", *p);
    else if (*p == '\n') put("\\n");
    else if ((unsigned char)*p < 32 || *p == 127) put("\\%o", (unsigned char)*p);
    else put("%c", *p);
  }
  put(cut ? "\"..." : "\"");
}

static void put_arg(char kind, u64 v) {
  switch (kind) {
    case 'd': put("%d", (int)v); break;
    case 'f':
      if ((int)v == A64_AT_FDCWD) put("AT_FDCWD");
      else put("%d", (int)v);
      break;
    case 'u': put("%llu", (unsigned long long)v); break;
    case 'o': put("0%llo", (unsigned long long)v); break;
    case 's': put_string(v); break;
    case 'p': if (!v) { put("NULL"); break; } /* fall through */
    default: put("0x%llx", (unsigned long long)v); break;
  }
}

static void flush_line(void) {
  t_line[t_len < LINE_MAX_LEN - 1 ? t_len : LINE_MAX_LEN - 2] = '\n';
  int n = (t_len < LINE_MAX_LEN - 1 ? t_len : LINE_MAX_LEN - 2) + 1;
  if (write(g_config.strace_fd, t_line, n) < 0) { /* tracing is best effort */ }
  t_len = 0;
}

void strace_enter(struct thread *t, u64 nr, const u64 *arg) {
  t_len = 0;
  put("%d ", t->tid);
  const char *name = syscall_name(nr), *fmt = nr < NR_NAMES ? kFormats[nr] : NULL;
  if (!name) {
    put("syscall_%llu(0x%llx, 0x%llx, 0x%llx)", (unsigned long long)nr,
        (unsigned long long)arg[0], (unsigned long long)arg[1],
        (unsigned long long)arg[2]);
    return;
  }
  put("%s(", name);
  for (int i = 0; fmt[i]; i++) {
    if (i) put(", ");
    put_arg(fmt[i], arg[i]);
  }
  put(")");
  if (!strcmp(name, "exit") || !strcmp(name, "exit_group")) {
    put(" = ?");
    flush_line();
  }
}

void strace_exit(struct thread *t, u64 nr, i64 ret) {
  (void)t;
  (void)nr;
  if (ret < 0 && ret >= -4095) {
    const char *name = strerrorname_np((int)-ret);
    put(" = -1 %s (%s)", name ? name : "E?", strerror((int)-ret));
  } else if (ret > 0xffff) put(" = 0x%llx", (unsigned long long)ret);
  else put(" = %lld", (long long)ret);
  flush_line();
}
