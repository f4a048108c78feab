/* execve and execveat: every error a shell relies on (ENOENT, ENOTDIR,
   EACCES, ENOEXEC, ELOOP, E2BIG, EFAULT, EINVAL), then what a new program
   gets: its argv (an empty one becomes {""}), exactly its environment, its
   /proc/self/exe, whether it was named by path, by a directory descriptor
   or by its own descriptor (fexecve); and a native x86-64 program
   (/bin/echo, /bin/false), which elfrun runs natively.
   The expected output is Linux's (execve(2), execveat(2), fs/exec.c) and is
   this program's own output built natively for x86-64 (gcc -static).
   qemu-aarch64 cannot be the oracle: without binfmt_misc it cannot exec an
   aarch64 program. The arm64 chroot oracle (scripts/arm64-chroot.sh)
   agrees on every execve case but for the order of the environment (qemu
   reverses it); its qemu 7.2 has no execveat (ENOSYS). Not checked: ETXTBSY (elfrun does not see that the file
   is open for writing) and execute-only files (elfrun must read the file
   to know its format, and gives EACCES). */
#define _GNU_SOURCE
#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

static char g_dir[64];

static const char *errname(int e) {
  switch (e) {
    case 0: return "0";               case ENOENT: return "ENOENT";
    case ENOTDIR: return "ENOTDIR";   case EACCES: return "EACCES";
    case ENOEXEC: return "ENOEXEC";   case ELOOP: return "ELOOP";
    case E2BIG: return "E2BIG";       case EFAULT: return "EFAULT";
    case EINVAL: return "EINVAL";     case EBADF: return "EBADF";
    case ENAMETOOLONG: return "ENAMETOOLONG";
    default: return "E?";
  }
}

/* The raw calls, libc wrappers may check or rewrite their arguments:
   execve unless a descriptor or flags need execveat. */
static long raw_execveat(int dirfd, const char *path, char *const *argv, char *const *envp,
                         int flags) {
  if (dirfd == AT_FDCWD && !flags) return syscall(SYS_execve, path, argv, envp);
  return syscall(SYS_execveat, dirfd, path, argv, envp, flags);
}

static char *in_dir(const char *name) {
  static char buf[PATH_MAX];
  snprintf(buf, sizeof buf, "%s/%s", g_dir, name);
  return buf;
}

/* ---- the new program's side ---- */

static int show_self(int argc, char **argv) {
  printf("  argc %d:", argc);
  for (int i = 0; i < argc; i++) printf(" [%s]", argv[i]);
  printf("\n  env:");
  for (char **e = environ; *e; e++) /* the temporary directory's name varies */
    printf(" [%s]", strncmp(*e, "PROG=", 5) ? *e : "PROG=<the program>");
  char exe[PATH_MAX];
  ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
  exe[n > 0 ? n : 0] = 0;
  const char *want = getenv("PROG");
  printf("\n  /proc/self/exe is the program: %s\n", want && !strcmp(exe, want) ? "yes" : "no");
  return 9;
}

/* ---- the caller's side ---- */

/* Runs an exec in a child and shows how it went: its errno, or what the
   new program printed and its status. */
static void try_exec(const char *what, int dirfd, const char *path, char *const *argv,
                     char *const *envp, int flags) {
  printf("%s\n", what);
  fflush(stdout);
  pid_t pid = fork();
  if (pid == 0) {
    raw_execveat(dirfd, path, argv, envp, flags);
    printf("  error %s\n", errname(errno));
    fflush(stdout);
    _exit(127);
  }
  int status = -1;
  waitpid(pid, &status, 0);
  if (WIFEXITED(status) && WEXITSTATUS(status) != 127) printf("  exit %d\n", WEXITSTATUS(status));
  else if (WIFSIGNALED(status)) printf("  killed by signal %d\n", WTERMSIG(status));
}

static void make_file(const char *name, const void *data, size_t len, mode_t mode) {
  int fd = open(in_dir(name), O_WRONLY | O_CREAT | O_TRUNC, mode);
  if (write(fd, data, len) != (ssize_t)len) perror("write");
  close(fd);
  chmod(in_dir(name), mode);
}

/* A copy of this program, so that its name is known. */
static void copy_self(const char *name) {
  int in = open("/proc/self/exe", O_RDONLY), out = open(in_dir(name), O_WRONLY | O_CREAT, 0755);
  char buf[65536];
  ssize_t n;
  while ((n = read(in, buf, sizeof buf)) > 0)
    if (write(out, buf, n) != n) perror("write");
  close(in);
  close(out);
}

/* The first bytes of an ELF header for another machine or class. */
static void make_elf(const char *name, unsigned char cls, unsigned short machine) {
  Elf64_Ehdr eh;
  memset(&eh, 0, sizeof eh);
  memcpy(eh.e_ident, ELFMAG, SELFMAG);
  eh.e_ident[EI_CLASS] = cls;
  eh.e_ident[EI_DATA] = ELFDATA2LSB;
  eh.e_ident[EI_VERSION] = EV_CURRENT;
  eh.e_type = ET_EXEC;
  eh.e_machine = machine;
  eh.e_version = EV_CURRENT;
  make_file(name, &eh, sizeof eh, 0755);
}

static void set_up(void) {
  strcpy(g_dir, "/tmp/elfrun-proc-exec.XXXXXX");
  if (!mkdtemp(g_dir)) perror("mkdtemp");
  copy_self("prog");
  make_file("text", "hello\n", 6, 0755);
  make_file("empty", "", 0, 0755);
  make_file("not-executable", "", 0, 0644);
  make_file("plain-file", "", 0, 0755);
  mkdir(in_dir("dir"), 0755);
  symlink("loop", in_dir("loop"));
  symlink("prog", in_dir("link"));
  make_elf("riscv", ELFCLASS64, EM_RISCV);
  make_elf("elf32", ELFCLASS32, EM_ARM);
  char prog[PATH_MAX];
  snprintf(prog, sizeof prog, "%s", in_dir("prog"));
  setenv("PROG", prog, 1);
}

static void tear_down(void) {
  static const char *const kNames[] = {"prog", "text", "empty", "not-executable",
                                       "plain-file", "loop", "link", "riscv", "elf32"};
  for (size_t i = 0; i < sizeof kNames / sizeof *kNames; i++) unlink(in_dir(kNames[i]));
  rmdir(in_dir("dir"));
  rmdir(g_dir);
}

static void test_errors(void) {
  puts("-- errors");
  char *args[] = {"x", NULL};
  try_exec("missing", AT_FDCWD, in_dir("missing"), args, environ, 0);
  try_exec("empty path", AT_FDCWD, "", args, environ, 0);
  try_exec("through a file", AT_FDCWD, in_dir("plain-file/x"), args, environ, 0);
  try_exec("directory", AT_FDCWD, in_dir("dir"), args, environ, 0);
  try_exec("not executable", AT_FDCWD, in_dir("not-executable"), args, environ, 0);
  try_exec("text file", AT_FDCWD, in_dir("text"), args, environ, 0);
  try_exec("empty file", AT_FDCWD, in_dir("empty"), args, environ, 0);
  try_exec("RISC-V ELF", AT_FDCWD, in_dir("riscv"), args, environ, 0);
  try_exec("32-bit ELF", AT_FDCWD, in_dir("elf32"), args, environ, 0);
  try_exec("symlink loop", AT_FDCWD, in_dir("loop"), args, environ, 0);
  try_exec("symlink, AT_SYMLINK_NOFOLLOW", AT_FDCWD, in_dir("link"), args, environ,
           AT_SYMLINK_NOFOLLOW);
  try_exec("bad flags", AT_FDCWD, in_dir("prog"), args, environ, 0x8000);
  try_exec("bad argv", AT_FDCWD, in_dir("prog"), (char **)8, environ, 0);
  char *bad_arg[] = {"x", (char *)8, NULL};
  try_exec("bad argv[1]", AT_FDCWD, in_dir("prog"), bad_arg, environ, 0);
  try_exec("bad envp", AT_FDCWD, in_dir("prog"), args, (char **)8, 0);
  try_exec("bad path", AT_FDCWD, (const char *)8, args, environ, 0);
  try_exec("bad dirfd", 999, "prog", args, environ, 0);

  /* One string longer than MAX_ARG_STRLEN (32 pages), then many that
     together pass a quarter of the stack limit. */
  size_t big = 32 * 4096 + 1;
  char *huge = malloc(big);
  memset(huge, 'a', big - 1);
  huge[big - 1] = 0;
  char *one_huge[] = {"x", huge, NULL};
  try_exec("one string too long", AT_FDCWD, in_dir("prog"), one_huge, environ, 0);
  huge[big - 2] = 0;
  char *just_fits[] = {"x", "show", huge, NULL};
  char *small_env[] = {NULL};
  printf("(the longest string allowed:)\n");
  fflush(stdout);
  pid_t pid = fork();
  if (pid == 0) {
    /* Quiet: the string itself would fill the output. */
    int null = open("/dev/null", O_WRONLY);
    dup2(null, 1);
    raw_execveat(AT_FDCWD, in_dir("prog"), just_fits, small_env, 0);
    _exit(127);
  }
  int status = -1;
  waitpid(pid, &status, 0);
  printf("  exit %d\n", WEXITSTATUS(status));
  size_t n = 8 * 1024 * 1024 / 4 / (big - 2) + 2;
  char **many = calloc(n + 2, sizeof *many);
  many[0] = "x";
  for (size_t i = 1; i <= n; i++) many[i] = huge;
  try_exec("strings past the stack limit", AT_FDCWD, in_dir("prog"), many, environ, 0);
  free(many);
  free(huge);
}

static void test_success(void) {
  puts("-- new programs");
  char *env[] = {"ZED=last", "A=1", "PROG=", "B=two words", NULL};
  char prog[PATH_MAX];
  snprintf(prog, sizeof prog, "%s", in_dir("prog"));
  env[2] = malloc(strlen(prog) + 6);
  sprintf(env[2], "PROG=%s", prog);
  char *args[] = {"custom-argv0", "show", "arg with spaces", "", "last", NULL};
  try_exec("by path", AT_FDCWD, prog, args, env, 0);
  try_exec("through a symlink", AT_FDCWD, in_dir("link"), args, env, 0);
  char *no_env[] = {NULL};
  try_exec("empty environment", AT_FDCWD, prog, args, no_env, 0);
  int dirfd = open(g_dir, O_RDONLY | O_DIRECTORY);
  try_exec("relative to a directory fd", dirfd, "prog", args, env, 0);
  int fd = open(prog, O_RDONLY | O_CLOEXEC);
  try_exec("fexecve: AT_EMPTY_PATH", fd, "", args, env, AT_EMPTY_PATH);
  try_exec("fd without AT_EMPTY_PATH", fd, "", args, env, 0);
  close(fd);
  close(dirfd);
  /* argv NULL: the kernel gives the program {""}. It reads argv[1] first,
     so "show" comes through the environment here. */
  char *show_env[] = {"SHOW=1", env[2], NULL};
  try_exec("argv NULL", AT_FDCWD, prog, NULL, show_env, 0);
}

static void test_native(void) {
  puts("-- native x86-64 programs");
  char *echo[] = {"echo", "native", "echo", NULL};
  try_exec("/bin/echo", AT_FDCWD, "/bin/echo", echo, environ, 0);
  char *false_args[] = {"false", NULL};
  try_exec("/bin/false", AT_FDCWD, "/bin/false", false_args, environ, 0);
}

int main(int argc, char **argv) {
  setvbuf(stdout, NULL, _IOLBF, 0);
  if ((argc > 1 && !strcmp(argv[1], "show")) || getenv("SHOW")) return show_self(argc, argv);
  set_up();
  test_errors();
  test_success();
  test_native();
  tear_down();
  return 0;
}
