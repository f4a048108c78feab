/* /proc/<pid>/stat, statm and status (and a task's): the host's own file,
   which already has the guest's pid, tids, comm (start.c sets the host comm
   to the program's name, PR_SET_NAME keeps them equal), credentials,
   states, times and resident memory, with the fields that describe elfrun
   rather than the guest replaced: the address-space sizes and bounds (the
   host counts elfrun's reservation of the whole guest window), and the
   signal masks and dispositions (the host's include elfrun's own
   handlers and the signals it keeps unblocked). fs/proc/array.c. */
#include "path/procfs_files.h"

#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "linux/process.h"
#include "linux/thread.h"
#include "mem/guest.h"

/* The host file, whole: it is a few kB at most. */
static char *read_host(int fd) {
  size_t cap = 8192, len = 0;
  char *buf = malloc(cap);
  if (!buf) return NULL;
  ssize_t n;
  while ((n = pread(fd, buf + len, cap - len - 1, (off_t)len)) > 0) {
    len += (size_t)n;
    if (len + 1 < cap) continue;
    char *more = realloc(buf, cap *= 2);
    if (!more) break;
    buf = more;
  }
  buf[len] = 0;
  return buf;
}

static void copy_mask(struct thread *t, void *arg) { *(u64 *)arg = t->sigmask; }

/* The task's blocked set (the main thread's for the process's own file,
   as task_sig() reads it from the task the entry names). */
static u64 blocked(const struct proc_node *n) {
  u64 mask = 0;
  thread_with_tid(n->t, n->tid, copy_mask, &mask);
  return mask;
}

/* collect_sigign_sigcatch(): bit n-1 for signal n. */
static void dispositions(const struct process *p, u64 *ign, u64 *cgt) {
  *ign = *cgt = 0;
  for (int sig = 1; sig <= A64_NSIG; sig++) {
    u64 h = p->sigactions[sig].handler;
    if (h == (u64)(uintptr_t)SIG_IGN) *ign |= 1ull << (sig - 1);
    else if (h != (u64)(uintptr_t)SIG_DFL) *cgt |= 1ull << (sig - 1);
  }
}

/* ---- stat ---- */

/* do_task_stat(): the fields after "pid (comm) ", numbered as in proc(5). */
enum {
  STAT_FIRST = 3, STAT_VSIZE = 23, STAT_STARTCODE = 26, STAT_ENDCODE = 27,
  STAT_STARTSTACK = 28, STAT_BLOCKED = 32, STAT_SIGIGNORE = 33, STAT_SIGCATCH = 34,
  STAT_START_DATA = 45, STAT_END_DATA, STAT_START_BRK, STAT_ARG_START, STAT_ARG_END,
  STAT_ENV_START, STAT_ENV_END,
};

/* The guest's value of field k, or false to keep the host's. */
static bool stat_field(int k, const struct proc_node *n, const struct vm_totals *vm, u64 *v) {
  const struct process *p = n->t->proc;
  u64 ign, cgt;
  dispositions(p, &ign, &cgt);
  switch (k) {
    case STAT_VSIZE: *v = vm->size; return true;
    case STAT_STARTCODE: *v = vm->start_code; return true;
    case STAT_ENDCODE: *v = vm->end_code; return true;
    case STAT_STARTSTACK: *v = p->start_stack; return true;
    case STAT_BLOCKED: *v = blocked(n); return true;
    case STAT_SIGIGNORE: *v = ign; return true;
    case STAT_SIGCATCH: *v = cgt; return true;
    case STAT_START_DATA: *v = vm->start_data; return true;
    case STAT_END_DATA: *v = vm->end_data; return true;
    case STAT_START_BRK: *v = vm->start_brk; return true;
    case STAT_ARG_START: *v = p->arg_start; return true;
    case STAT_ARG_END: *v = p->arg_end; return true;
    case STAT_ENV_START: *v = p->env_start; return true;
    case STAT_ENV_END: *v = p->env_end; return true;
    default: return false;
  }
}

int procfs_gen_stat(const struct proc_node *n, FILE *out) {
  char *host = read_host(n->hostfd);
  if (!host) return -ENOMEM;
  struct vm_totals vm;
  procfs_vm_totals(n->t, &vm);
  /* comm may hold spaces and parentheses: the fields start after the last
     ')', as every parser of this file assumes. */
  char *close = strrchr(host, ')');
  char *rest = close ? close + 1 : host + strlen(host);
  fwrite(host, 1, (size_t)(rest - host), out);
  int k = STAT_FIRST;
  for (char *tok = strtok(rest, " \n"); tok; tok = strtok(NULL, " \n"), k++) {
    u64 v;
    if (stat_field(k, n, &vm, &v)) fprintf(out, " %lu", (unsigned long)v);
    else fprintf(out, " %s", tok);
  }
  fputc('\n', out);
  free(host);
  return 0;
}

/* ---- statm ---- */

/* proc_pid_statm(): size resident shared text lib data dt, in pages;
   resident and shared are the host's, lib and dt are always 0. */
int procfs_gen_statm(const struct proc_node *n, FILE *out) {
  char *host = read_host(n->hostfd);
  if (!host) return -ENOMEM;
  unsigned long hsize = 0, resident = 0, shared = 0;
  sscanf(host, "%lu %lu %lu", &hsize, &resident, &shared);
  free(host);
  struct vm_totals vm;
  procfs_vm_totals(n->t, &vm);
  fprintf(out, "%lu %lu %lu %lu 0 %lu 0\n", (unsigned long)(vm.size / GUEST_PAGE), resident,
          shared, (unsigned long)((vm.end_code - vm.start_code) / GUEST_PAGE),
          (unsigned long)((vm.data + vm.stack) / GUEST_PAGE));
  return 0;
}

/* ---- status ---- */

static void status_kb(FILE *out, const char *key, u64 bytes) {
  fprintf(out, "%s:\t%8lu kB\n", key, (unsigned long)(bytes >> 10));
}

static void status_mask(FILE *out, const char *key, u64 mask) {
  fprintf(out, "%s:\t%016lx\n", key, (unsigned long)mask);
}

/* Lines only an x86-64 kernel prints (arch_proc_pid_thread_features(),
   LAM's untag_mask). */
static bool x86_only(const char *key) {
  return !strncmp(key, "x86_", 4) || !strcmp(key, "untag_mask");
}

/* task_mem() and task_sig(): the guest's value of the line key, written to
   out, or false to keep the host's line. */
static bool status_line(FILE *out, const char *key, const struct proc_node *n,
                        const struct vm_totals *vm) {
  u64 code = vm->end_code - vm->start_code, ign, cgt;
  if (!strcmp(key, "VmPeak") || !strcmp(key, "VmSize")) status_kb(out, key, vm->size);
  else if (!strcmp(key, "VmData")) status_kb(out, key, vm->data);
  else if (!strcmp(key, "VmStk")) status_kb(out, key, vm->stack);
  else if (!strcmp(key, "VmExe")) status_kb(out, key, code);
  else if (!strcmp(key, "VmLib")) status_kb(out, key, vm->exec > code ? vm->exec - code : 0);
  else if (!strcmp(key, "SigBlk")) status_mask(out, key, blocked(n));
  else if (!strcmp(key, "SigIgn") || !strcmp(key, "SigCgt")) {
    dispositions(n->t->proc, &ign, &cgt);
    status_mask(out, key, key[3] == 'I' ? ign : cgt);
  } else {
    return x86_only(key);
  }
  return true;
}

int procfs_gen_status(const struct proc_node *n, FILE *out) {
  char *host = read_host(n->hostfd);
  if (!host) return -ENOMEM;
  struct vm_totals vm;
  procfs_vm_totals(n->t, &vm);
  for (char *line = host; *line;) {
    size_t len = strcspn(line, "\n");
    size_t klen = strcspn(line, ":\n");
    char key[64] = "";
    if (klen < sizeof key) {
      memcpy(key, line, klen);
      key[klen] = 0;
    }
    if (!status_line(out, key, n, &vm)) fprintf(out, "%.*s\n", (int)len, line);
    line += len + (line[len] == '\n');
  }
  free(host);
  return 0;
}
