/* Synthetic /proc: what the guest reads under /proc describes the guest,
   not elfrun.

   The guest's pid and tids are the host's, so the host's /proc already has
   every entry at the right path, with the right type and permissions: stat,
   access, readlink and directory listings go to it unchanged. Only content
   differs, so the one interception point is open. Once the host has opened
   a file, procfs_open() asks the host which /proc entry it really is
   (fstatfs, then the /proc/self/fd link, which names the canonical
   "/proc/<pid>/[task/<tid>/]<name>" however the guest spelled the path,
   through symlinks, relative to a directory descriptor or under
   thread-self). For an entry of this process that must show the guest
   (the table below), the content is generated into a memfd, which is
   reopened read-only with the guest's flags and put in place of the host's
   descriptor, under the same number: read, lseek, pread, fstat and mmap
   then work as on any file. Like Linux's seq_file the content is a
   snapshot taken at open.

   The process's own links (exe, cwd, root, fd/N) are path.c's: readlink
   shows guest paths there. Directories pass through to the host, except
   that fd/ and fdinfo/ leave out elfrun's own descriptors (>= 1000):
   procfs_getdents64() here, and path.c refuses their names.

   docs/procfs.md lists every entry. */
#include "path/procfs.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "cpu/features.h"
#include "linux/fd.h"
#include "linux/process.h"
#include "mem/guest.h"
#include "path/procfs_files.h"

/* fs/proc/root.c: the magic fstatfs reports for /proc. */
#define PROC_SUPER_MAGIC 0x9fa0

/* Bounds the auxv walk: Linux's AT_VECTOR_SIZE is well below. */
#define AUXV_MAX_PAIRS 64

/* ---- the initial stack ---- */

static gaddr guest_word(gaddr a) {
  u64 w = 0;
  copy_from_guest(&w, a, sizeof w);
  return w;
}

/* The end of the string at a, its NUL included. */
static gaddr string_end(gaddr a) {
  char c = 1;
  while (c && copy_from_guest(&c, a, 1) == 0) a++;
  return a;
}

/* fs/binfmt_elf.c create_elf_tables(): argc, argv[] and NULL, envp[] and
   NULL, then the auxv pairs. The strings the vectors point to are
   contiguous, argv's first; fs/exec.c records their bounds as
   arg_start..arg_end and env_start..env_end. */
void procfs_note_stack(struct process *p, gaddr sp) {
  u64 argc = guest_word(sp);
  gaddr argv = sp + 8, envp = argv + 8 * (argc + 1);
  u64 envc = 0;
  while (envc < (1u << 20) && guest_word(envp + 8 * envc)) envc++;
  p->start_stack = sp;
  p->arg_start = argc ? guest_word(argv) : 0;
  p->arg_end = argc ? string_end(guest_word(argv + 8 * (argc - 1))) : 0;
  p->env_start = envc ? guest_word(envp) : p->arg_end;
  p->env_end = envc ? string_end(guest_word(envp + 8 * (envc - 1))) : p->arg_end;
  if (!argc) p->arg_start = p->arg_end = p->env_start;
  gaddr auxv = envp + 8 * (envc + 1);
  u64 pairs = 1;
  while (pairs < AUXV_MAX_PAIRS && guest_word(auxv + 16 * (pairs - 1))) pairs++;
  p->auxv_at = auxv;
  p->auxv_len = 16 * pairs;
}

/* Copies guest memory [from, to) to out; a range the guest has unmapped
   ends the copy, as access_remote_vm() stops at it. */
static void copy_guest_range(FILE *out, gaddr from, gaddr to) {
  char buf[4096];
  while (from < to) {
    size_t n = to - from < sizeof buf ? to - from : sizeof buf;
    if (copy_from_guest(buf, from, n)) return;
    fwrite(buf, 1, n, out);
    from += n;
  }
}

/* The length of the NUL-terminated string at a, at most max bytes. */
static u64 guest_strnlen(gaddr a, u64 max) {
  u64 n = 0;
  char c = 1;
  while (n < max && copy_from_guest(&c, a + n, 1) == 0 && c) n++;
  return n;
}

/* fs/proc/base.c get_mm_cmdline(): the argv area as it is now. When its
   last byte is no longer a NUL (setproctitle() wrote over it), one string
   from arg_start instead, through the environment area if need be, up to
   its NUL and at most a page (get_mm_proctitle()). */
static int gen_cmdline(const struct proc_node *n, FILE *out) {
  const struct process *p = n->t->proc;
  if (p->arg_end <= p->arg_start) return 0;
  char last = 0;
  copy_from_guest(&last, p->arg_end - 1, 1);
  if (!last) {
    copy_guest_range(out, p->arg_start, p->arg_end);
    return 0;
  }
  u64 len = guest_strnlen(p->arg_start, GUEST_PAGE);
  copy_guest_range(out, p->arg_start, p->arg_start + len + (len < GUEST_PAGE));
  return 0;
}

/* fs/proc/base.c environ_read(): env_start..env_end as they are now. */
static int gen_environ(const struct proc_node *n, FILE *out) {
  const struct process *p = n->t->proc;
  copy_guest_range(out, p->env_start, p->env_end);
  return 0;
}

/* fs/proc/base.c proc_pid_auxv(): the vector exec gave, AT_NULL included. */
static int gen_auxv(const struct proc_node *n, FILE *out) {
  const struct process *p = n->t->proc;
  copy_guest_range(out, p->auxv_at, p->auxv_at + p->auxv_len);
  return 0;
}

/* ---- /proc/cpuinfo ---- */

/* arch/arm64/kernel/cpuinfo.c c_show(), one block per online CPU. The
   numbers come from the host's own list; the rest from elfrun's CPU model:
   Features from the same list as AT_HWCAP, the CPU lines from MIDR_EL1
   (cpu/idregs.c: implementer 0x00, variant 0, part 0, revision 0), and
   BogoMIPS from CNTFRQ_EL0 (1 GHz) as the kernel computes it with the
   architected timer: 2 * rate / 1e6. */
static void cpuinfo_block(FILE *out, long cpu) {
  fprintf(out, "processor\t: %ld\n", cpu);
  fprintf(out, "BogoMIPS\t: %d.%02d\n", 2000, 0);
  fprintf(out, "Features\t: %s\n", features_cpuinfo());
  fprintf(out, "CPU implementer\t: 0x%02x\n", 0);
  fprintf(out, "CPU architecture: 8\n");
  fprintf(out, "CPU variant\t: 0x%x\n", 0);
  fprintf(out, "CPU part\t: 0x%03x\n", 0);
  fprintf(out, "CPU revision\t: %d\n\n", 0);
}

static int gen_cpuinfo(const struct proc_node *n, FILE *out) {
  FILE *host = fdopen(dup(n->hostfd), "r");
  if (!host) return -errno;
  char line[512];
  long cpu;
  while (fgets(line, sizeof line, host))
    if (sscanf(line, "processor : %ld", &cpu) == 1) cpuinfo_block(out, cpu);
  fclose(host);
  return 0;
}

/* ---- which file it is ---- */

struct proc_file {
  const char *name;
  mode_t mode; /* as fs/proc/base.c gives it */
  int (*gen)(const struct proc_node *n, FILE *out);
};

/* fs/proc/base.c tgid_base_stuff[] and tid_base_stuff[]: the entries that
   must show the guest. */
static const struct proc_file kPidFiles[] = {
    {"auxv", 0400, gen_auxv},
    {"cmdline", 0444, gen_cmdline},
    {"environ", 0400, gen_environ},
    {"maps", 0444, procfs_gen_maps},
    {"smaps", 0444, procfs_gen_smaps},
    {"stat", 0444, procfs_gen_stat},
    {"statm", 0444, procfs_gen_statm},
    {"status", 0444, procfs_gen_status},
};

static const struct proc_file kCpuinfo = {"cpuinfo", 0444, gen_cpuinfo};

static bool is_proc(int fd) {
  struct statfs sf;
  return fstatfs(fd, &sf) == 0 && sf.f_type == PROC_SUPER_MAGIC;
}

/* The canonical path of the /proc file open at fd. */
static bool proc_path_of(int fd, char *out, size_t size) {
  char link[32];
  snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
  ssize_t n = readlink(link, out, size - 1);
  if (n <= 0) return false;
  out[n] = 0;
  return true;
}

/* A decimal number followed by '/', as the kernel spells pids. */
static const char *take_id(const char *p, int *id) {
  long v = 0;
  const char *q = p;
  for (; *q >= '0' && *q <= '9' && q - p < 10; q++) v = v * 10 + (*q - '0');
  if (q == p || *q != '/') return NULL;
  *id = (int)v;
  return q + 1;
}

/* What follows "/proc/<our pid>/" (and "task/<tid>/", noted in n). */
static const char *own_entry(const char *path, struct proc_node *n) {
  int pid;
  if (strncmp(path, "/proc/", 6)) return NULL;
  const char *rest = take_id(path + 6, &pid);
  if (!rest || pid != getpid()) return NULL;
  n->tid = pid;
  n->per_task = !strncmp(rest, "task/", 5);
  if (n->per_task) rest = take_id(rest + 5, &n->tid);
  return rest;
}

static const struct proc_file *classify(int fd, struct proc_node *n) {
  char path[256];
  if (!proc_path_of(fd, path, sizeof path)) return NULL;
  if (!strcmp(path, "/proc/cpuinfo")) return &kCpuinfo;
  const char *name = own_entry(path, n);
  if (!name) return NULL;
  for (size_t i = 0; i < ARRAY_LEN(kPidFiles); i++)
    if (!strcmp(name, kPidFiles[i].name)) return &kPidFiles[i];
  return NULL;
}

/* ---- the memfd ---- */

static int write_all(int fd, const char *p, size_t len) {
  while (len) {
    ssize_t w = write(fd, p, len);
    if (w < 0 && errno == EINTR) continue;
    if (w < 0) return -errno;
    p += w;
    len -= (size_t)w;
  }
  return 0;
}

/* The host flags the reopened file keeps: the guest's status flags, minus
   what concerns creating or looking up the name (O_NOFOLLOW would refuse
   the /proc/self/fd link itself). The file is read-only, as 0444 and 0400
   files are for a process without CAP_DAC_OVERRIDE. */
static int reopen_flags(int flags) {
  return (flags & ~(O_ACCMODE | O_CREAT | O_EXCL | O_TRUNC | O_NOFOLLOW | O_DIRECTORY |
                    O_DIRECT | O_NOCTTY)) | O_RDONLY;
}

/* Puts content in place of the host's descriptor fd, under its number. */
static int install(int fd, const char *data, size_t len, mode_t mode, int flags) {
  int mfd = (int)syscall(SYS_memfd_create, "procfs", MFD_CLOEXEC);
  if (mfd < 0) return -errno;
  int err = write_all(mfd, data, len);
  if (!err && fchmod(mfd, mode) != 0) err = -errno;
  char link[32];
  snprintf(link, sizeof link, "/proc/self/fd/%d", mfd);
  int ro = err ? -1 : open(link, reopen_flags(flags));
  if (!err && ro < 0) err = -errno;
  close(mfd);
  if (!err && dup3(ro, fd, flags & O_CLOEXEC) < 0) err = -errno;
  if (ro >= 0) close(ro);
  return err;
}

static int substitute(int fd, const struct proc_file *f, struct proc_node *n, int flags) {
  char *data = NULL;
  size_t len = 0;
  FILE *out = open_memstream(&data, &len);
  if (!out) return -ENOMEM;
  int err = f->gen(n, out);
  if (fclose(out) != 0 && !err) err = -ENOMEM;
  if (!err) err = install(fd, data, len, f->mode, flags);
  free(data);
  return err;
}

long procfs_open(struct thread *t, long fd, int flags) {
  if (fd < 0 || (flags & O_PATH) || !t || !is_proc((int)fd)) return fd;
  struct proc_node n = {.t = t, .hostfd = (int)fd};
  const struct proc_file *f = classify((int)fd, &n);
  if (!f) return fd;
  int err = substitute((int)fd, f, &n, flags);
  if (!err) return fd;
  close((int)fd);
  errno = -err;
  return -1;
}

/* ---- directories ---- */

/* This process's fd/ or fdinfo/ directory (or a task's). */
static bool lists_own_fds(int fd) {
  char path[256];
  struct proc_node n;
  if (!is_proc(fd) || !proc_path_of(fd, path, sizeof path)) return false;
  const char *name = own_entry(path, &n);
  return name && (!strcmp(name, "fd") || !strcmp(name, "fdinfo"));
}

static bool names_elfrun_fd(const char *name) {
  size_t len = strlen(name);
  if (!len || strspn(name, "0123456789") != len) return false;
  return len > 9 || atoi(name) >= FD_GUEST_LIMIT;
}

/* linux_dirent64: d_ino (8), d_off (8), d_reclen (2), d_type (1), d_name.
   Records of hidden names are squeezed out in place. */
static long drop_elfrun_fds(char *buf, long n) {
  long in = 0, kept = 0;
  while (in < n) {
    u16 reclen;
    memcpy(&reclen, buf + in + 16, sizeof reclen);
    if (!names_elfrun_fd(buf + in + 19)) {
      memmove(buf + kept, buf + in, reclen);
      kept += reclen;
    }
    in += reclen;
  }
  return kept;
}

/* A batch made only of hidden names must not read as the end of the
   directory: the next batch is fetched instead. */
long procfs_getdents64(int fd, void *buf, unsigned count) {
  bool filter = lists_own_fds(fd);
  for (;;) {
    long n = syscall(SYS_getdents64, fd, buf, count);
    if (n <= 0 || !filter) return n;
    long kept = drop_elfrun_fds(buf, n);
    if (kept > 0) return kept;
  }
}
