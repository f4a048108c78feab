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

/* open(2) flags as the aarch64 guest spells them (asm/fcntl.h). */
static const struct {
  u32 bit;
  const char *name;
} kOpenFlagNames[] = {
    {0100, "O_CREAT"},          {0200, "O_EXCL"},
    {0400, "O_NOCTTY"},         {01000, "O_TRUNC"},
    {02000, "O_APPEND"},        {04000, "O_NONBLOCK"},
    {010000, "O_DSYNC"},        {A64_O_DIRECTORY, "O_DIRECTORY"},
    {A64_O_NOFOLLOW, "O_NOFOLLOW"}, {A64_O_DIRECT, "O_DIRECT"},
    {A64_O_LARGEFILE, "O_LARGEFILE"}, {01000000, "O_NOATIME"},
    {02000000, "O_CLOEXEC"},    {04000000, "__O_SYNC"},
    {010000000, "O_PATH"},      {020000000, "__O_TMPFILE"},
};

static void put_open_flags(u64 v) {
  static const char *const kAccess[] = {"O_RDONLY", "O_WRONLY", "O_RDWR", "O_ACCMODE"};
  put("%s", kAccess[v & 3]);
  v &= ~3ull;
  for (size_t i = 0; i < ARRAY_LEN(kOpenFlagNames); i++) {
    if (!(v & kOpenFlagNames[i].bit)) continue;
    put("|%s", kOpenFlagNames[i].name);
    v &= ~(u64)kOpenFlagNames[i].bit;
  }
  if (v) put("|0x%llx", (unsigned long long)v);
}

static void put_signal(u64 v) {
  static const char *const kSigNames[] = {
      NULL, "SIGHUP", "SIGINT", "SIGQUIT", "SIGILL", "SIGTRAP", "SIGABRT",
      "SIGBUS", "SIGFPE", "SIGKILL", "SIGUSR1", "SIGSEGV", "SIGUSR2",
      "SIGPIPE", "SIGALRM", "SIGTERM", "SIGSTKFLT", "SIGCHLD", "SIGCONT",
      "SIGSTOP", "SIGTSTP", "SIGTTIN", "SIGTTOU", "SIGURG", "SIGXCPU",
      "SIGXFSZ", "SIGVTALRM", "SIGPROF", "SIGWINCH", "SIGIO", "SIGPWR",
      "SIGSYS"};
  int sig = (int)v;
  if (sig > 0 && sig < (int)ARRAY_LEN(kSigNames)) put("%s", kSigNames[sig]);
  else if (sig >= 32 && sig <= A64_NSIG) put("SIGRT_%d", sig - 32);
  else put("%d", sig);
}

static void put_arg(char kind, u64 v) {
  switch (kind) {
    case 'd': put("%d", (int)v); break;
    case 'f':
      if ((int)v == A64_AT_FDCWD) put("AT_FDCWD");
      else put("%d", (int)v);
      break;
    case 'l': put("%lld", (long long)v); break;
    case 'u': put("%llu", (unsigned long long)v); break;
    case 'O': put_open_flags(v); break;
    case 'S': put_signal(v); break;
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
