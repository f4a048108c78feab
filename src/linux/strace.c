/* Syscall tracing for --strace, driven by the format column of syscalls.def.

   Each argument has one format letter (the list is at the top of
   syscalls.def). Arguments the kernel reads are printed when the call is
   entered; from the first one it writes (a struct stat, a read buffer, an
   old sigaction) on, the rest wait until the call returns, and are shown
   as addresses if it failed, as strace(1) does. The line is written in one
   write(2) when the call returns ("= 3", "= -1 ENOENT (No such file or
   directory)"), or at once with "= ?" for calls that never return.

   Once the guest has made a thread or a child process, lines start with
   "[pid TID] ", as with strace -f: they then come from several threads or
   processes writing to the same descriptor. A child's return from clone
   is not shown; the parent's line shows the child's id. */
#include "linux/strace.h"

#include <errno.h>
#include <string.h>

#include "base/config.h"
#include "linux/abi.h"
#include "linux/process.h"
#include "linux/strace_call.h"
#include "linux/strace_dependent.h"
#include "linux/strace_flags.h"
#include "linux/strace_output.h"
#include "linux/strace_print.h"
#include "linux/strace_struct.h"
#include "linux/svc.h"
#include "mem/guest.h"

#define NR_NAMES 512
#define MAX_ARGS STRACE_MAX_ARGS

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

const char *syscall_name(u64 nr) { return nr < NR_NAMES ? kNames[nr] : NULL; }

static __thread struct strace_call t_call;
/* A clone's own record: a vfork child runs on its parent's thread-local
   storage (fork.c) and traces its own calls in t_call meanwhile. */
static __thread struct strace_call t_clone;

static bool is_call(const struct strace_call *c, const char *name) {
  return strace_call_is(c, name);
}

static bool is_clone(const char *name) {
  return name && (!strcmp(name, "clone") || !strcmp(name, "clone3"));
}

/* The size argument of a sigset, the call's last argument (rt_sigprocmask,
   rt_sigaction, ppoll, pselect6's is inside a struct and not decoded). */
static u64 sigset_size(const struct strace_call *c) {
  return c->arg[strlen(c->fmt) - 1];
}

static void put_in_arg(const struct strace_call *c, int i) {
  const u64 *a = c->arg;
  u64 v = a[i], next = i + 1 < MAX_ARGS ? a[i + 1] : 0;
  switch (c->fmt[i]) {
    case 'd': strace_put("%d", (int)v); break;
    case 'f':
      if ((int)v == A64_AT_FDCWD) strace_put("AT_FDCWD");
      else strace_put("%d", (int)v);
      break;
    case 'l': strace_put("%lld", (long long)v); break;
    case 'u': strace_put("%llu", (unsigned long long)v); break;
    case 'o': strace_put("%#03llo", (unsigned long long)v); break;
    case 's': strace_put_guest_string(v, STRACE_PATH_SHOWN); break;
    case 'p': strace_put_addr(v); break;
    case 'O': strace_put_open_flags(v); break;
    case 'S': strace_put_signal(v); break;
    case 'A':
      if (is_call(c, "faccessat2")) strace_put_eaccess_flags(v);
      else if (is_call(c, "statx")) strace_put_statx_at_flags(v);
      else strace_put_at_flags(v);
      break;
    case 'a': strace_put_access_mode(v); break;
    case 'P': strace_put_prot(v); break;
    case 'M': strace_put_map_flags(v); break;
    case 'C': strace_put_clone_flags(v); break;
    case 'H': strace_put_sigmask_how(v); break;
    case 'F': strace_put_fcntl_cmd(v); break;
    case 'c': strace_put_dependent(c, i); break;
    case 'I': strace_put_ioctl_request(v); break;
    case 'E': strace_put_epoll_op(v); break;
    case 'e': strace_put_epoll_event(v); break;
    case 'h': strace_put_open_how(v, next); break;
    case 'N': strace_put_socket_family(v); break;
    case 'T': strace_put_socket_type(v); break;
    case 'm': strace_put_msg_flags(v); break;
    case 'L': strace_put_sock_level(v); break;
    case 'j': strace_put_sockopt_name(a[i - 1], v); break;
    case 'X': strace_put_futex_op(v); break;
    case 'W': strace_put_wait_options(v); break;
    case 'b': strace_put_guest_buffer(v, next, STRACE_DATA_SHOWN); break;
    case 'q': strace_put_sockaddr(v, next); break;
    case 'g': strace_put_msghdr(v, STRACE_ALL_DATA); break;
    case 't': strace_put_timespec(v); break;
    case 'v': strace_put_iovec(v, next, STRACE_ALL_DATA); break;
    case 'i': strace_put_pollfds(v, next); break;
    case 'Y': strace_put_sigset(v, sigset_size(c)); break;
    case 'K': strace_put_sigaction(v); break;
    case 'R': strace_put_rlimit_resource(v); break;
    case 'r': strace_put_rlimit(v); break;
    case 'k': strace_put_clock_id(v); break;
    case 'w': strace_put_clone_args(v, next); break;
    case '*': strace_put_string_array(v); break;
    case '#': strace_put_string_array_count(v); break;
    default: strace_put("%#llx", (unsigned long long)v); break;
  }
}

/* Letters of arguments the kernel writes, printed once the call returned. */
static bool is_out_arg(char letter) { return letter && strchr("BVQGZznyUDJ!$@%", letter); }

static void put_out_arg(const struct strace_call *c, int i) {
  u64 v = c->arg[i], next = i + 1 < MAX_ARGS ? c->arg[i + 1] : 0;
  if (c->ret < 0) {
    strace_put_addr(v);
    if (c->fmt[i] == 'Q' || c->fmt[i] == '%') strace_put(", "), strace_put_addr(next);
    return;
  }
  switch (c->fmt[i]) {
    case 'B':
      strace_put_guest_buffer_as(v, (u64)c->ret, STRACE_DATA_SHOWN,
                                 is_call(c, "getrandom") ? strace_put_bytes_hex : strace_put_bytes);
      break;
    case 'V': strace_put_iovec(v, next, (u64)c->ret); break;
    case 'Q': strace_put_sockaddr_out(v, next, c->before[i]); break;
    case 'G': strace_put_msghdr(v, (u64)c->ret); break;
    case 'Z': strace_put_stat(v); break;
    case 'z': strace_put_rlimit(v); break;
    case 'n': strace_put_utsname(v); break;
    case 'y': strace_put_sigset(v, sigset_size(c)); break;
    case 'U': strace_put_sigaction(v); break;
    case 'D': strace_put_fd_pair(v); break;
    case 'J': strace_put_timespec(v); break;
    case '!': strace_put_wait_status_ptr(v); break;
    case '$': strace_put_statx(v); break;
    case '@': strace_put_epoll_events_array(v, (u64)c->ret); break;
    case '%': strace_put_sockopt_out(v, next); break;
  }
}

/* Prints arguments from c->next while they are known: all of them on
   return, up to the first out-argument on entry. An argument that prints
   nothing (fcntl(fd, F_GETFL)) takes its separator with it. */
static void put_args(struct strace_call *c, bool returned) {
  for (int i = c->next; i < MAX_ARGS && c->fmt[i]; i++) {
    char letter = c->fmt[i];
    if (is_out_arg(letter) && !returned) {
      c->next = i;
      return;
    }
    size_t mark = strace_line_len();
    if (i) strace_put(", ");
    size_t start = strace_line_len();
    if (is_out_arg(letter)) put_out_arg(c, i);
    else put_in_arg(c, i);
    if (strace_line_len() == start) strace_line_truncate(mark);
    /* An out sockaddr or option value prints its length pointer with it. */
    if (letter == 'Q' || letter == '%') i++;
  }
  c->next = MAX_ARGS;
}

/* What an out-argument held before the call: the socklen_t an accept or
   recvfrom was given, shown as "[110 => 16]" afterwards. */
static void note_before(struct strace_call *c) {
  for (int i = 0; i + 1 < MAX_ARGS && c->fmt[i]; i++) {
    u32 len = 0;
    if (c->fmt[i] == 'Q' && c->arg[i + 1] &&
        copy_from_guest(&len, c->arg[i + 1], sizeof len) == 0)
      c->before[i] = len;
  }
}

static void put_result(const struct strace_call *c, i64 ret);

static void put_prefix(const struct thread *t) {
  if (strace_many_tasks()) strace_put("[pid %5d] ", t->tid); /* strace -f's width */
}

/* clone and clone3 only read their arguments: the whole line is made when
   the call returns in the parent. The child's return (0) is not shown, as
   with strace -f; from then on lines carry the tid. */
static void clone_exit(struct thread *t, i64 ret) {
  struct strace_call *c = &t_clone;
  if (ret == 0) {
    strace_line_reset();
    return;
  }
  c->ret = ret;
  strace_line_reset();
  put_prefix(t);
  strace_put("%s(", c->name);
  if (is_call(c, "clone")) strace_put_clone_call(c);
  else put_args(c, true);
  strace_put(")");
  put_result(c, ret);
  strace_line_flush(g_config.strace_fd);
}

void strace_enter(struct thread *t, u64 nr, const u64 *arg) {
  struct strace_call *c = &t_call;
  strace_line_reset();
  memset(c, 0, sizeof *c);
  const char *name = syscall_name(nr);
  if (is_clone(name)) {
    t_clone = (struct strace_call){.name = name, .fmt = kFormats[nr], .active = true};
    memcpy(t_clone.arg, arg, sizeof t_clone.arg);
    /* Set before the child runs: a vfork child runs first. */
    strace_note_many_tasks();
    return;
  }
  put_prefix(t);
  if (!name) {
    strace_put("syscall_%#llx(%#llx, %#llx, %#llx, %#llx, %#llx, %#llx)",
               (unsigned long long)nr, (unsigned long long)arg[0],
               (unsigned long long)arg[1], (unsigned long long)arg[2],
               (unsigned long long)arg[3], (unsigned long long)arg[4],
               (unsigned long long)arg[5]);
    c->active = true;
    return;
  }
  c->name = name;
  c->fmt = kFormats[nr];
  memcpy(c->arg, arg, sizeof c->arg);
  c->active = true;
  note_before(c);
  strace_put("%s(", name);
  put_args(c, false);
  if (is_call(c, "exit") || is_call(c, "exit_group")) {
    strace_put(") = ?");
    strace_line_flush(g_config.strace_fd);
    c->active = false;
  }
}

/* Calls whose result is an address, shown in hex like strace. */
static bool returns_address(const struct strace_call *c) {
  return is_call(c, "mmap") || is_call(c, "mremap") || is_call(c, "brk") ||
         is_call(c, "shmat");
}

/* What poll and ppoll found, after the count: "= 1 ([{fd=4,
   revents=POLLIN}], left {tv_sec=0, tv_nsec=0})", or "= 0 (Timeout)". */
static void put_poll_result(const struct strace_call *c, i64 ret) {
  if (ret == 0) {
    strace_put(" (Timeout)");
    return;
  }
  strace_put(" (");
  strace_put_poll_revents(c->arg[0], c->arg[1]);
  if (c->arg[2]) {
    strace_put(", left ");
    strace_put_timespec(c->arg[2]);
  }
  strace_put(")");
}

static void put_result(const struct strace_call *c, i64 ret) {
  if (ret < 0 && ret >= -4095) {
    const char *name = strerrorname_np((int)-ret);
    if (name) strace_put(" = -1 %s (%s)", name, strerror((int)-ret));
    else strace_put(" = -1 E??? (errno %d)", (int)-ret);
    return;
  }
  if (returns_address(c)) {
    strace_put(" = %#llx", (unsigned long long)ret);
  } else if (is_call(c, "fcntl") && ((u32)c->arg[1] == 1 || (u32)c->arg[1] == 3)) {
    /* F_GETFD, F_GETFL: the flags by name, as "= 0x2 (flags O_RDWR)". */
    strace_put(" = %#llx (flags ", (unsigned long long)ret);
    if ((u32)c->arg[1] == 1) strace_put_fd_flags((u64)ret);
    else strace_put_open_flags((u64)ret);
    strace_put(")");
  } else if (is_call(c, "umask")) {
    strace_put(" = %#03llo", (unsigned long long)ret);
  } else {
    strace_put(" = %lld", (long long)ret);
    if (is_call(c, "ppoll")) put_poll_result(c, ret);
  }
}

void strace_exit(struct thread *t, u64 nr, i64 ret) {
  struct strace_call *c = &t_call;
  if (is_clone(syscall_name(nr))) {
    if (t_clone.active) clone_exit(t, ret);
    t_clone.active = false;
    return;
  }
  if (!c->active) return;
  c->ret = ret;
  if (c->name) {
    put_args(c, true);
    strace_put(")");
  }
  put_result(c, ret);
  strace_line_flush(g_config.strace_fd);
  c->active = false;
}
