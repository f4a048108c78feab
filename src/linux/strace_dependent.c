/* Format letter 'c' for --strace: arguments whose meaning depends on the
   call or on the arguments before them, shown as strace(1) shows them. An
   argument the call does not use prints nothing and loses its separator
   (strace.c), so that fcntl(3, F_GETFD) and futex(..., FUTEX_WAKE, 1) read
   as in a native trace. */
#include "linux/strace_dependent.h"

#include "linux/strace_call.h"
#include "linux/strace_flags.h"
#include "linux/strace_print.h"
#include "linux/strace_struct.h"

/* open's mode counts only with O_CREAT or O_TMPFILE (fs/open.c,
   build_open_how). */
static void put_open_mode(const struct strace_call *c, int i) {
  if (c->arg[i - 1] & (0100 | 020000000)) strace_put("%#03llo", (unsigned long long)c->arg[i]);
}

/* fcntl's third argument by command (fs/fcntl.c, do_fcntl). */
static void put_fcntl_arg(const struct strace_call *c, u64 v) {
  switch ((u32)c->arg[1]) {
    case 1: case 3: case 9: case 11: case 1025: case 1032: case 1034: case 1035: case 1037:
      return; /* F_GETFD, F_GETFL, F_GETOWN, F_GETSIG, F_GETLEASE... take none */
    case 2: strace_put_fd_flags(v); return;
    case 4: strace_put_open_flags(v); return;
    case 5: case 6: case 7: case 15: case 16: case 36: case 37: case 38:
      strace_put_addr(v); /* struct flock, struct f_owner_ex */
      return;
    default: strace_put("%d", (int)v); return;
  }
}

/* futex's arguments after val by operation (kernel/futex/syscalls.c):
   a timeout for the waits, val2 and uaddr2 for requeues, val3 for the
   bitset and compare operations. */
static void put_futex_arg(const struct strace_call *c, int i) {
  u32 op = (u32)c->arg[1] & 127;
  u64 v = c->arg[i];
  bool timeout = op == 0 || op == 6 || op == 9 || op == 11 || op == 13;
  bool requeue = op == 3 || op == 4 || op == 5 || op == 12;
  if (i == 3 && timeout) strace_put_timespec(v);
  else if (i == 3 && requeue) strace_put("%u", (u32)v);
  else if (i == 4 && (requeue || op == 11)) strace_put_addr(v);
  else if (i == 5 && (op == 9 || op == 10)) {
    if ((u32)v == 0xffffffffu) strace_put("FUTEX_BITSET_MATCH_ANY");
    else strace_put("%#x", (u32)v);
  } else if (i == 5 && (op == 4 || op == 12)) strace_put("%u", (u32)v);
  else if (i == 5 && op == 5) strace_put("%#x", (u32)v);
}

/* prctl: the option by name, then only the arguments it reads, for the
   common options (kernel/sys.c); others show all four in hex. */
static void put_prctl_arg(const struct strace_call *c, int i) {
  u64 option = c->arg[0], v = c->arg[i];
  if (i == 0) {
    strace_put_prctl_option(v);
    return;
  }
  switch (option) {
    case 15: /* PR_SET_NAME */
      if (i == 1) strace_put_guest_string(v, 16);
      return;
    case 1: /* PR_SET_PDEATHSIG */
      if (i == 1) strace_put_signal(v);
      return;
    case 2: case 16: /* PR_GET_PDEATHSIG, PR_GET_NAME: where the answer goes */
      if (i == 1) strace_put_addr(v);
      return;
    case 3: case 37: case 39: case 42: /* PR_GET_*: no argument */
      return;
    case 4: case 36: /* PR_SET_DUMPABLE, PR_SET_CHILD_SUBREAPER */
      if (i == 1) strace_put("%llu", (unsigned long long)v);
      return;
    default: strace_put("%#llx", (unsigned long long)v); return;
  }
}

void strace_put_dependent(const struct strace_call *c, int i) {
  u64 v = c->arg[i];
  if (strace_put_fd_creation_flags(c->name, v)) return;
  if (strace_call_is(c, "socket") || strace_call_is(c, "socketpair")) {
    strace_put_socket_protocol(c->arg[0], v);
  } else if (strace_call_is(c, "setsockopt")) {
    /* An int option, as most are, shows its value. */
    if (c->arg[i + 1] == 4) strace_put_int_ptr(v);
    else strace_put_addr(v);
  } else if (strace_call_is(c, "fcntl")) {
    put_fcntl_arg(c, v);
  } else if (strace_call_is(c, "futex")) {
    put_futex_arg(c, i);
  } else if (strace_call_is(c, "prctl")) {
    put_prctl_arg(c, i);
  } else if (strace_call_is(c, "lseek")) {
    strace_put_seek_whence(v);
  } else if (strace_call_is(c, "madvise")) {
    strace_put_madvice(v);
  } else if (strace_call_is(c, "statx")) {
    strace_put_statx_mask(v);
  } else if (strace_call_is(c, "getrandom")) {
    strace_put_getrandom_flags(v);
  } else if (strace_call_is(c, "openat") || strace_call_is(c, "mq_open")) {
    put_open_mode(c, i);
  } else {
    strace_put("%#llx", (unsigned long long)v);
  }
}

/* clone as strace names its arguments. aarch64's order is flags, stack,
   parent_tid, tls, child_tid (kernel/fork.c, CONFIG_CLONE_BACKWARDS);
   each pointer is shown only when a flag makes the kernel use it. */
void strace_put_clone_call(const struct strace_call *c) {
  u64 flags = c->arg[0];
  strace_put("child_stack=");
  strace_put_addr(c->arg[1]);
  strace_put(", flags=");
  strace_put_clone_flags(flags);
  if (flags & 0x100000) { /* CLONE_PARENT_SETTID */
    strace_put(", parent_tid=");
    if (c->ret > 0) strace_put_int_ptr(c->arg[2]);
    else strace_put_addr(c->arg[2]);
  }
  if (flags & 0x80000) strace_put(", tls=%#llx", (unsigned long long)c->arg[3]);
  if (flags & (0x1000000 | 0x200000)) { /* CLONE_CHILD_SETTID, _CLEARTID */
    strace_put(", child_tidptr=");
    strace_put_addr(c->arg[4]);
  }
}
