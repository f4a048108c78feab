/* execve and execveat.

   Linux makes every check that can fail before its point of no return
   (fs/exec.c): the file (ENOENT, ENOTDIR, ELOOP, EACCES), the argument and
   environment strings (EFAULT, E2BIG), then its format, found by reading
   its first BINPRM_BUF_SIZE bytes: a "#!" script (fs/binfmt_script.c) names
   an interpreter, which is opened and looked at in turn, at most 5 levels
   deep; an ELF for another machine, or anything else, is ENOEXEC. Shells
   depend on those errors: they search PATH by trying execve, and run an
   ENOEXEC file as a script themselves. elfrun makes the same checks in the
   same order, before anything changes, and then:
   - an aarch64 ELF runs in a new elfrun: execveat() on the O_PATH
     descriptor of elfrun's own binary opened at start-up, with this run's
     options (--sysroot, --strace), the guest's argv[0] as --argv0, the
     name the guest gave as --execfn (AT_EXECFN) and the guest's
     environment untouched, so `env` shows exactly the guest's;
   - an x86-64 ELF runs natively, with the guest's argv and environment.
   #! lines are parsed here, so a script runs under elfrun exactly when its
   interpreter is an aarch64 program, and natively when it is a host one.

   Just before the host execveat the host's signal dispositions and mask
   become the guest's (signal_prepare_exec), which the new program inherits
   as on Linux and a new elfrun reads back. A host execveat that fails does
   so before the host kernel's own point of no return: only those signal
   settings have changed, they are put back, and the guest gets the error.

   elfrun allocates here, also in a vfork child (see fork.c): the parent
   thread is suspended, and the heap's locks protect it from the others. */
#include "linux/exec.h"

#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "base/config.h"
#include "cpu/jit/jit.h"
#include "base/log.h"
#include "linux/process.h"
#include "linux/strace.h"
#include "linux/strace_output.h"
#include "linux/svc.h"
#include "loader/elf.h"
#include "mem/fault.h"
#include "mem/guest.h"
#include "path/path.h"
#include "path/sidecar.h"
#include "path/sysroot.h"

#define BINPRM_BUF_SIZE 256
#define MAX_ARG_STRLEN (32 * 4096)  /* one string, its NUL included */
#define MAX_ARG_STRINGS 0x7fffffff
#define ARG_MAX_FLOOR (32 * 4096)   /* ARG_MAX: allowed whatever the stack */
#define STK_LIM (8 << 20)           /* _STK_LIM */
#define MAX_INTERP_DEPTH 5          /* exec_binprm(): "depth > 5" is ELOOP */
#define FILENAME_MAX_LEN (PATH_MAX + 32) /* "/dev/fd/N/" and a path */
/* Arena bytes beyond the guest's strings: what #! lines add (at most two
   names a level, each from a BINPRM_BUF_SIZE buffer), and the "" of an
   empty argv. */
#define ARENA_EXTRA ((MAX_INTERP_DEPTH + 1) * 2 * (BINPRM_BUF_SIZE + 1) + 1)

static int g_self_fd = -1; /* elfrun's own binary, O_PATH */

void exec_init(void) {
  int fd = open("/proc/self/exe", O_PATH | O_CLOEXEC);
  if (fd < 0) return; /* execve of aarch64 programs will be ENOEXEC */
  g_self_fd = fcntl(fd, F_DUPFD_CLOEXEC, ELFRUN_FD_BASE);
  close(fd);
}

/* One file exec looks at: the program, then each #! interpreter. */
struct exec_file {
  struct host_path hp;
  bool have_hp;                  /* hp holds a resolved path (path_put) */
  int fd;                        /* open for reading, or -1 */
  char buf[BINPRM_BUF_SIZE + 1]; /* its first bytes, zero-padded: bprm->buf */
};

/* What the new program gets, in elfrun's memory. */
struct exec_args {
  char **argv;       /* argc strings, then NULL */
  size_t argc;
  char **envp;       /* envc strings, then NULL */
  size_t envc;
  char *arena;       /* every string copied from the guest or the #! lines */
  size_t arena_used, arena_size;
  u64 room;          /* bytes left for strings under the stack limit */
};

struct exec {
  struct exec_file file;
  struct exec_args args;
  const char *filename;     /* bprm->interp: the name a script is run by */
  const char *execfn;       /* bprm->exec: the first filename, which the new
                               program's AT_EXECFN names (a script's too) */
  bool path_inaccessible;   /* BINPRM_FLAGS_PATH_INACCESSIBLE */
  char given[PATH_MAX];     /* the path the guest passed */
  char filename_buf[FILENAME_MAX_LEN];
};

enum binfmt { BIN_A64 = 1, BIN_NATIVE, BIN_SCRIPT };

/* ---- the file ---- */

static int open_host_path(const struct host_path *hp, int flags) {
  int fd;
  if (hp->path[0]) {
    fd = openat(hp->dirfd, hp->path, flags);
  } else { /* AT_EMPTY_PATH: the descriptor itself */
    char self[32];
    snprintf(self, sizeof self, "/proc/self/fd/%d", hp->dirfd);
    fd = open(self, flags & ~O_NOFOLLOW);
  }
  return fd < 0 ? -errno : fd;
}

static int reopen_for_reading(int opath) {
  char self[32];
  snprintf(self, sizeof self, "/proc/self/fd/%d", opath);
  int fd = open(self, O_RDONLY | O_CLOEXEC);
  return fd < 0 ? -errno : fd;
}

/* do_open_execat(): a regular file the caller may execute, on a mount
   that allows it; a final symlink is ELOOP under AT_SYMLINK_NOFOLLOW. The
   kernel needs no read permission, elfrun does: an execute-only file is
   EACCES here. */
static int open_exec_file(struct exec_file *f, bool nofollow) {
  int opath = open_host_path(&f->hp, O_PATH | O_CLOEXEC | (nofollow ? O_NOFOLLOW : 0));
  if (opath < 0) return opath;
  struct stat st;
  int err = 0;
  if (fstat(opath, &st) != 0) err = -errno;
  else if (S_ISLNK(st.st_mode)) err = -ELOOP;
  else if (!S_ISREG(st.st_mode)) err = -EACCES;
  else if (syscall(SYS_faccessat2, opath, "", X_OK, AT_EMPTY_PATH | AT_EACCESS) != 0)
    err = -errno;
  if (!err && (f->fd = reopen_for_reading(opath)) < 0) err = f->fd;
  close(opath);
  if (err) return err;
  memset(f->buf, 0, sizeof f->buf);
  return pread(f->fd, f->buf, BINPRM_BUF_SIZE, 0) < 0 ? -errno : 0;
}

static void close_exec_file(struct exec_file *f) {
  if (f->fd >= 0) close(f->fd);
  f->fd = -1;
  if (f->have_hp) path_put(&f->hp);
  f->have_hp = false;
}

/* bprm->filename: the path as given, or "/dev/fd/N[/path]" when it is
   relative to a descriptor, in which case a script cannot be run by that
   name once the descriptor closes on exec. */
static void set_filename(struct exec *e, int dirfd, const char *name) {
  if (dirfd == A64_AT_FDCWD || name[0] == '/') {
    e->filename = name;
    return;
  }
  if (name[0]) snprintf(e->filename_buf, sizeof e->filename_buf, "/dev/fd/%d/%s", dirfd, name);
  else snprintf(e->filename_buf, sizeof e->filename_buf, "/dev/fd/%d", dirfd);
  e->filename = e->filename_buf;
  int fdflags = fcntl(dirfd, F_GETFD);
  e->path_inaccessible = fdflags >= 0 && (fdflags & FD_CLOEXEC);
}

/* getname(), the flags, then the lookup and do_open_execat(). */
static i64 open_program(struct thread *t, struct exec *e, int dirfd, gaddr path, int flags) {
  struct host_path *hp = &e->file.hp;
  long n = path_copy_from_guest(hp->buf, path, flags & AT_EMPTY_PATH);
  if (n < 0) return n;
  if (flags & ~(AT_EMPTY_PATH | AT_SYMLINK_NOFOLLOW)) return -EINVAL;
  memcpy(e->given, hp->buf, (size_t)n + 1); /* hp->buf becomes the host path */
  set_filename(e, dirfd, e->given);
  e->execfn = e->filename;
  unsigned how = (flags & AT_SYMLINK_NOFOLLOW ? PATH_NOFOLLOW : PATH_FOLLOW) |
                 (flags & AT_EMPTY_PATH ? PATH_EMPTY_OK : 0);
  int err = path_resolve(t, dirfd, how, hp);
  if (err) return err;
  e->file.have_hp = true;
  return open_exec_file(&e->file, flags & AT_SYMLINK_NOFOLLOW);
}

/* ---- argv and envp ---- */

/* count(): the number of pointers before NULL; a NULL vector is empty. */
static i64 count_vector(gaddr vec, size_t *n) {
  *n = 0;
  if (!vec) return 0;
  for (;; ++*n) {
    u64 p;
    if (*n >= MAX_ARG_STRINGS) return -E2BIG;
    if (copy_from_guest(&p, vec + *n * sizeof p, sizeof p)) return -EFAULT;
    if (!p) return 0;
  }
}

/* bprm_stack_limits(): the strings may fill a quarter of the stack limit,
   at most 3/4 of _STK_LIM and at least ARG_MAX, less the pointers. */
static i64 stack_limit(size_t argc, size_t envc, u64 *room) {
  struct rlimit rl;
  u64 limit = STK_LIM / 4 * 3;
  if (getrlimit(RLIMIT_STACK, &rl) == 0 && rl.rlim_cur / 4 < limit) limit = rl.rlim_cur / 4;
  if (limit < ARG_MAX_FLOOR) limit = ARG_MAX_FLOOR;
  u64 ptrs = ((argc ? argc : 1) + (u64)envc) * sizeof(u64);
  if (limit <= ptrs) return -E2BIG;
  *room = limit - ptrs;
  return 0;
}

/* Accounts for one string of len bytes (its NUL included). */
static i64 take_room(struct exec_args *a, size_t len) {
  if (len > MAX_ARG_STRLEN || len > a->room) return -E2BIG;
  a->room -= len;
  return 0;
}

/* A string elfrun holds (a #! line's names), copied into the arena. */
static char *add_string(struct exec_args *a, const char *s, i64 *err) {
  size_t len = strlen(s) + 1;
  if ((*err = take_room(a, len))) return NULL;
  ASSERT(len <= a->arena_size - a->arena_used); /* ARENA_EXTRA is enough */
  char *p = memcpy(a->arena + a->arena_used, s, len);
  a->arena_used += len;
  return p;
}

/* copy_strings(): each string from guest memory into the arena. */
static i64 copy_vector(struct exec_args *a, gaddr vec, size_t n, char **out) {
  for (size_t i = 0; i < n; i++) {
    u64 p;
    if (copy_from_guest(&p, vec + i * sizeof p, sizeof p)) return -EFAULT;
    u64 max = a->room < MAX_ARG_STRLEN ? a->room : MAX_ARG_STRLEN;
    long len = copy_str_from_guest(a->arena + a->arena_used, p, max);
    if (len == -ENAMETOOLONG) return -E2BIG;
    if (len < 0) return len;
    out[i] = a->arena + a->arena_used;
    a->arena_used += (size_t)len + 1;
    a->room -= (u64)len + 1;
  }
  out[n] = NULL;
  return 0;
}

/* do_execveat_common(): count both vectors, check the limit, then copy
   the file name's share, the environment and the arguments. An empty argv
   gets "" as argv[0], as since Linux 5.18. */
static i64 copy_args(struct exec *e, gaddr argv, gaddr envp) {
  struct exec_args *a = &e->args;
  i64 err = count_vector(argv, &a->argc);
  if (!err) err = count_vector(envp, &a->envc);
  if (!err) err = stack_limit(a->argc, a->envc, &a->room);
  if (err) return err;
  a->arena_size = a->room + ARENA_EXTRA;
  a->arena = malloc(a->arena_size);
  a->argv = malloc((a->argc + 2) * sizeof *a->argv);
  a->envp = malloc((a->envc + 1) * sizeof *a->envp);
  if (!a->arena || !a->argv || !a->envp) return -ENOMEM;
  if ((err = take_room(a, strlen(e->filename) + 1))) return err;
  if ((err = copy_vector(a, envp, a->envc, a->envp))) return err;
  if ((err = copy_vector(a, argv, a->argc, a->argv))) return err;
  if (a->argc == 0) {
    if (!(a->argv[0] = add_string(a, "", &err))) return err;
    a->argv[a->argc = 1] = NULL;
  }
  return 0;
}

static void free_args(struct exec_args *a) {
  free(a->arena);
  free(a->argv);
  free(a->envp);
}

/* ---- #! scripts (fs/binfmt_script.c) ---- */

static bool is_blank(char c) { return c == ' ' || c == '\t'; }

/* The first byte of [p, last] that is not a blank, or NULL. */
static char *skip_blanks(char *p, char *last) {
  for (; p <= last; p++)
    if (!is_blank(*p)) return p;
  return NULL;
}

/* The first blank or NUL in [p, last], or NULL. */
static char *find_separator(char *p, char *last) {
  for (; p <= last; p++)
    if (is_blank(*p) || !*p) return p;
  return NULL;
}

/* load_script(): the interpreter is the first word after "#!", and the
   rest of the line, trailing blanks cut, is one optional argument. Without
   a newline in the buffer the line may be cut short: the argument may be,
   the interpreter's name may not (ENOEXEC). The last byte of a buffer
   without a newline is never part of the line. */
static i64 parse_shebang(char *buf, char **interp, char **optarg) {
  char *buf_end = buf + BINPRM_BUF_SIZE - 1;
  char *end = memchr(buf, '\n', BINPRM_BUF_SIZE);
  if (!end) {
    char *name = skip_blanks(buf + 2, buf_end);
    if (!name || !find_separator(name, buf_end)) return -ENOEXEC;
    end = buf_end;
  }
  while (is_blank(end[-1])) end--;
  char *name = skip_blanks(buf + 2, end);
  if (!name || name == end) return -ENOEXEC;
  char *sep = find_separator(name, end);
  *optarg = sep && *sep ? skip_blanks(sep, end) : NULL;
  *end = 0;
  if (*optarg) *sep = 0;
  *interp = name;
  return 0;
}

/* argv becomes [interpreter, optional argument, script name, argv[1]...]
   (remove_arg_zero(), then three copy_string_kernel()), and the
   interpreter's name is what a further script level is run by. */
static i64 rewrite_argv(struct exec *e, const char *interp, const char *optarg) {
  struct exec_args *a = &e->args;
  a->room += strlen(a->argv[0]) + 1;
  i64 err = take_room(a, strlen(e->filename) + 1);
  char *arg = NULL, *name = NULL;
  if (!err && optarg) arg = add_string(a, optarg, &err);
  if (!err) name = add_string(a, interp, &err);
  if (err) return err;
  size_t extra = optarg ? 2 : 1;
  char **v = malloc((a->argc + extra + 1) * sizeof *v);
  if (!v) return -ENOMEM;
  size_t n = 0;
  v[n++] = name;
  if (arg) v[n++] = arg;
  v[n++] = (char *)e->filename;
  memcpy(v + n, a->argv + 1, a->argc * sizeof *v); /* argv[1..] and NULL */
  free(a->argv);
  a->argv = v;
  a->argc += extra;
  e->filename = name;
  return 0;
}

/* The interpreter is opened as open_exec() does: relative to the current
   directory, through the guest's view of paths (the sysroot). */
static i64 open_interpreter(struct thread *t, struct exec_file *f, const char *name) {
  size_t len = strlen(name);
  if (len >= sizeof f->hp.buf) return -ENAMETOOLONG;
  memcpy(f->hp.buf, name, len + 1);
  int err = path_resolve(t, A64_AT_FDCWD, PATH_FOLLOW, &f->hp);
  if (err) return err;
  f->have_hp = true;
  return open_exec_file(f, false);
}

static i64 follow_script(struct thread *t, struct exec *e) {
  char *interp, *optarg;
  i64 err = parse_shebang(e->file.buf, &interp, &optarg);
  if (err) return err;
  if (e->path_inaccessible) return -ENOENT;
  if ((err = rewrite_argv(e, interp, optarg))) return err;
  close_exec_file(&e->file);
  return open_interpreter(t, &e->file, e->filename);
}

/* ---- ELF images ---- */

/* What load_elf_binary() checks before its point of no return, as the
   loader does: a broken image is ENOEXEC, a missing interpreter (in the
   sysroot, where the new elfrun will look) its lookup error. */
static i64 check_a64_elf(struct thread *t, int fd) {
  struct stat st;
  if (fstat(fd, &st) != 0) return -errno;
  void *image = mmap(NULL, st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
  if (image == MAP_FAILED) return -ENOEXEC;
  struct elf_info info;
  const char *why;
  i64 err = elf_parse(image, st.st_size, &info, &why) ? 0 : -ENOEXEC;
  if (!err && info.interp) {
    int ifd = path_open_guest_file(t, info.interp, O_PATH | O_CLOEXEC);
    if (ifd < 0) err = ifd;
    else close(ifd);
  }
  munmap(image, st.st_size);
  return err;
}

/* search_binary_handler() for the formats elfrun knows. */
static i64 classify(struct thread *t, const struct exec_file *f) {
  const char *b = f->buf;
  if (b[0] == '#' && b[1] == '!') return BIN_SCRIPT;
  Elf64_Ehdr eh;
  memcpy(&eh, b, sizeof eh);
  if (memcmp(eh.e_ident, ELFMAG, SELFMAG) || eh.e_ident[EI_CLASS] != ELFCLASS64 ||
      eh.e_ident[EI_DATA] != ELFDATA2LSB)
    return -ENOEXEC;
  if (eh.e_machine == EM_AARCH64) {
    i64 err = check_a64_elf(t, f->fd);
    return err ? err : BIN_A64;
  }
  if (eh.e_machine == EM_X86_64 && (eh.e_type == ET_EXEC || eh.e_type == ET_DYN))
    return BIN_NATIVE;
  return -ENOEXEC;
}

/* exec_binprm(): scripts lead to their interpreters until an ELF. */
static i64 find_binary(struct thread *t, struct exec *e) {
  for (int depth = 0;; depth++) {
    if (depth > MAX_INTERP_DEPTH) return -ELOOP;
    i64 kind = classify(t, &e->file);
    if (kind != BIN_SCRIPT) return kind;
    i64 err = follow_script(t, e);
    if (err) return err;
  }
}

/* ---- the host exec ---- */

static bool same_file(const char *path, int fd) {
  struct stat a, b;
  return stat(path, &a) == 0 && fstat(fd, &b) == 0 && a.st_dev == b.st_dev &&
         a.st_ino == b.st_ino;
}

/* The host path a new elfrun opens the program by: the resolved path when
   it is one, else the open file's name. A file without one (deleted, a
   memfd) is passed as a descriptor kept open across the exec, above the
   guest's range. */
static const char *program_path(const struct exec_file *f, char *buf, size_t size) {
  if (f->hp.dirfd == AT_FDCWD && f->hp.path[0]) return f->hp.path;
  char self[32];
  snprintf(self, sizeof self, "/proc/self/fd/%d", f->fd);
  ssize_t n = readlink(self, buf, size - 1);
  if (n > 0 && buf[0] == '/') {
    buf[n] = 0;
    if (same_file(buf, f->fd)) return buf;
  }
  int keep = fcntl(f->fd, F_DUPFD, ELFRUN_FD_BASE);
  snprintf(buf, size, "/proc/self/fd/%d", keep);
  return buf;
}

/* elfrun [options of this run] --argv0 ARGV0 --execfn EXECFN -- PROGRAM
   ARGV[1]...: PROGRAM is a host path, EXECFN the name the guest gave. */
static char **elfrun_argv(const struct exec *e, const char *program) {
  const struct exec_args *a = &e->args;
  char **v = malloc((a->argc + 15) * sizeof *v);
  if (!v) return NULL;
  size_t n = 0;
  v[n++] = g_config.host_argv[0];
  if (path_sysroot()) {
    v[n++] = "--sysroot";
    v[n++] = (char *)path_sysroot(); /* canonical: the cwd may have moved */
  }
  if (g_config.strace) v[n++] = (char *)strace_exec_option(); /* keeps its output */
  if (g_config.casefold == CASEFOLD_ON) v[n++] = "--casefold=on";
  if (g_config.casefold == CASEFOLD_OFF) v[n++] = "--casefold=off";
  n = jit_options_argv(v, n);
  v[n++] = "--argv0";
  v[n++] = a->argv[0];
  v[n++] = "--execfn";
  v[n++] = (char *)e->execfn;
  v[n++] = "--";
  v[n++] = (char *)program;
  memcpy(v + n, a->argv + 1, a->argc * sizeof *v); /* argv[1..] and NULL */
  return v;
}

/* Returns only if the host execveat failed, with elfrun as it was. */
static i64 host_exec(struct thread *t, int dirfd, const char *path, char **argv,
                     char **envp, int flags) {
  signal_prepare_exec(t);
  /* The call has succeeded as far as the guest can tell; a successful
     execveat never returns to end the --strace line. */
  if (UNLIKELY(g_config.strace)) strace_exit(t, t->cpu.x[8], 0);
  syscall(SYS_execveat, dirfd, path, argv, envp, flags);
  i64 err = -errno;
  signal_host_sync(t); /* the exec failed: put the host state back */
  return err;
}

static i64 exec_elfrun(struct thread *t, struct exec *e) {
  if (g_self_fd < 0) return -ENOEXEC;
  char buf[PATH_MAX];
  char **argv = elfrun_argv(e, program_path(&e->file, buf, sizeof buf));
  if (!argv) return -ENOMEM;
  i64 err = host_exec(t, g_self_fd, "", argv, e->args.envp, AT_EMPTY_PATH);
  free(argv);
  return err;
}

static i64 exec_native(struct thread *t, struct exec *e) {
  const struct host_path *hp = &e->file.hp;
  return host_exec(t, hp->dirfd, hp->path, e->args.argv, e->args.envp,
                   hp->path[0] ? 0 : AT_EMPTY_PATH);
}

static i64 do_execveat(struct thread *t, int dirfd, gaddr path, gaddr argv, gaddr envp,
                       int flags) {
  struct exec *e = calloc(1, sizeof *e);
  if (!e) return -ENOMEM;
  e->file.fd = -1;
  i64 err = open_program(t, e, dirfd, path, flags);
  if (!err) err = copy_args(e, argv, envp);
  if (!err) err = find_binary(t, e);
  if (err == BIN_A64) err = exec_elfrun(t, e);
  else if (err == BIN_NATIVE) err = exec_native(t, e);
  close_exec_file(&e->file);
  free_args(&e->args);
  free(e);
  return err;
}

SYSCALL_HANDLER(execve) { return do_execveat(t, A64_AT_FDCWD, arg[0], arg[1], arg[2], 0); }

SYSCALL_HANDLER(execveat) {
  return do_execveat(t, (int)arg[0], arg[1], arg[2], arg[3], (int)arg[4]);
}
