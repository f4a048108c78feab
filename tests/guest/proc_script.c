/* "#!" scripts, as fs/binfmt_script.c reads them: the interpreter and one
   optional argument (blanks inside kept, trailing blanks cut), a line cut
   at 256 bytes (the argument may be cut, the interpreter's name may not),
   scripts whose interpreter is a script, up to the kernel's limit (5
   levels, then ELOOP), the argv the interpreter gets, and the errors of
   each part. The interpreter is this program (an aarch64 one under elfrun),
   or a host program (/bin/echo), which then runs natively. Scripts named
   through a descriptor run as /dev/fd/N, which must stay open (ENOENT when
   it is close-on-exec).
   Everything runs in a temporary directory, by relative names, so that
   the output does not depend on its name. The expected output is Linux's
   (fs/binfmt_script.c, fs/exec.c) and is this program's own output built
   natively for x86-64 (gcc -static). qemu-aarch64 cannot be the oracle:
   without binfmt_misc it cannot exec an aarch64 program. The arm64 chroot
   oracle (scripts/arm64-chroot.sh) agrees on every execve case but one:
   there the chain of 5 scripts is ELOOP, since binfmt_misc starting qemu
   for the final aarch64 program is a sixth level; its qemu 7.2 has no
   execveat (ENOSYS). */
#define _GNU_SOURCE
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
    case ENOENT: return "ENOENT";     case EACCES: return "EACCES";
    case ENOEXEC: return "ENOEXEC";   case ELOOP: return "ELOOP";
    case E2BIG: return "E2BIG";       case ENAMETOOLONG: return "ENAMETOOLONG";
    default: return "E?";
  }
}

/* As the interpreter: what the kernel handed us. Long arguments show as
   their length. */
static int show_interp(int argc, char **argv) {
  printf("  interpreter argv:");
  for (int i = 0; i < argc; i++) {
    if (strlen(argv[i]) > 40) printf(" [%zu bytes]", strlen(argv[i]));
    else printf(" [%s]", argv[i]);
  }
  printf("\n");
  return 0;
}

static void try_exec(const char *what, int dirfd, const char *path, int flags) {
  char *args[] = {"argv0", "arg1", "arg 2", NULL};
  printf("%s\n", what);
  fflush(stdout);
  pid_t pid = fork();
  if (pid == 0) {
    if (dirfd == AT_FDCWD && !flags) syscall(SYS_execve, path, args, environ);
    else syscall(SYS_execveat, dirfd, path, args, environ, flags);
    printf("  error %s\n", errname(errno));
    fflush(stdout);
    _exit(127);
  }
  int status = -1;
  waitpid(pid, &status, 0);
  if (!WIFEXITED(status) || (WEXITSTATUS(status) != 0 && WEXITSTATUS(status) != 127))
    printf("  status %#x\n", status);
}

static void script(const char *name, const char *text, size_t len, mode_t mode) {
  int fd = open(name, O_WRONLY | O_CREAT | O_TRUNC, mode);
  if (write(fd, text, len) != (ssize_t)len) perror("write");
  close(fd);
}

static void line(const char *name, const char *text) { script(name, text, strlen(text), 0755); }

static void copy_self(const char *name) {
  int in = open("/proc/self/exe", O_RDONLY), out = open(name, O_WRONLY | O_CREAT, 0755);
  char buf[65536];
  ssize_t n;
  while ((n = read(in, buf, sizeof buf)) > 0)
    if (write(out, buf, n) != n) perror("write");
  close(in);
  close(out);
}

static const char *const kFiles[] = {
    "prog", "text", "not-executable", "plain", "arg", "spaces", "tabs", "no-newline",
    "empty", "blanks", "missing", "interp-not-executable", "interp-directory",
    "interp-text", "long-arg", "long-name", "script-not-executable", "native",
    "a1", "a2", "a3", "a4", "a5", "b1", "b2", "b3", "b4", "b5", "b6"};

static void set_up(void) {
  strcpy(g_dir, "/tmp/elfrun-proc-script.XXXXXX");
  if (!mkdtemp(g_dir) || chdir(g_dir)) perror("temporary directory");
  copy_self("prog");
  line("text", "hello\n");
  script("not-executable", "#!./prog\n", 9, 0644);
  mkdir("dir", 0755);
  line("plain", "#!./prog\n");
  line("arg", "#!./prog -x\n");
  line("spaces", "#!  ./prog   one  two \t \n");
  line("tabs", "#!\t./prog\t-t\t\n");
  line("no-newline", "#!./prog last-arg");
  line("empty", "#!\n");
  line("blanks", "#! \t \n");
  line("missing", "#!./no-such-interpreter\n");
  line("interp-not-executable", "#!./not-executable\n");
  line("interp-directory", "#!./dir\n");
  line("interp-text", "#!./text\n");
  script("script-not-executable", "#!./prog\n", 9, 0644);
  line("native", "#!/bin/echo native echo:\n");
  char buf[512];
  /* No newline in the first 256 bytes: the argument is cut, the name not. */
  int n = snprintf(buf, sizeof buf, "#!./prog %0300d\n", 0);
  script("long-arg", buf, n, 0755);
  n = snprintf(buf, sizeof buf, "#!./%0300d\n", 0);
  script("long-name", buf, n, 0755);
  /* Chains: aN runs a(N+1), and a5 runs prog (5 scripts); b has 6. */
  for (int i = 1; i <= 6; i++) {
    char name[8];
    if (i <= 5) {
      snprintf(name, sizeof name, "a%d", i);
      if (i < 5) snprintf(buf, sizeof buf, "#!./a%d level%d\n", i + 1, i);
      else snprintf(buf, sizeof buf, "#!./prog level%d\n", i);
      line(name, buf);
    }
    snprintf(name, sizeof name, "b%d", i);
    if (i < 6) snprintf(buf, sizeof buf, "#!./b%d level%d\n", i + 1, i);
    else snprintf(buf, sizeof buf, "#!./prog level%d\n", i);
    line(name, buf);
  }
}

static void tear_down(void) {
  for (size_t i = 0; i < sizeof kFiles / sizeof *kFiles; i++) unlink(kFiles[i]);
  rmdir("dir");
  if (chdir("/")) perror("chdir");
  rmdir(g_dir);
}

static void test_lines(void) {
  puts("-- the #! line");
  try_exec("no argument", AT_FDCWD, "./plain", 0);
  try_exec("one argument", AT_FDCWD, "./arg", 0);
  try_exec("blanks around and inside", AT_FDCWD, "./spaces", 0);
  try_exec("tabs", AT_FDCWD, "./tabs", 0);
  try_exec("no newline at the end", AT_FDCWD, "./no-newline", 0);
  try_exec("argument cut at 256 bytes", AT_FDCWD, "./long-arg", 0);
  try_exec("interpreter name cut at 256 bytes", AT_FDCWD, "./long-name", 0);
  try_exec("no interpreter", AT_FDCWD, "./empty", 0);
  try_exec("only blanks", AT_FDCWD, "./blanks", 0);
  try_exec("native interpreter", AT_FDCWD, "./native", 0);
}

static void test_errors(void) {
  puts("-- errors");
  try_exec("missing interpreter", AT_FDCWD, "./missing", 0);
  try_exec("interpreter not executable", AT_FDCWD, "./interp-not-executable", 0);
  try_exec("interpreter is a directory", AT_FDCWD, "./interp-directory", 0);
  try_exec("interpreter is a text file", AT_FDCWD, "./interp-text", 0);
  try_exec("script not executable", AT_FDCWD, "./script-not-executable", 0);
}

static void test_nesting(void) {
  puts("-- scripts run by scripts");
  try_exec("5 levels", AT_FDCWD, "./a1", 0);
  try_exec("6 levels", AT_FDCWD, "./b1", 0);
}

static void test_descriptors(void) {
  puts("-- named through a descriptor");
  int dir = open(".", O_RDONLY | O_DIRECTORY);
  try_exec("relative to a directory fd", dir, "arg", 0);
  fcntl(dir, F_SETFD, FD_CLOEXEC);
  try_exec("relative to a close-on-exec one", dir, "arg", 0);
  close(dir);
  int fd = open("arg", O_RDONLY);
  try_exec("the script's own fd", fd, "", AT_EMPTY_PATH);
  fcntl(fd, F_SETFD, FD_CLOEXEC);
  try_exec("a close-on-exec one", fd, "", AT_EMPTY_PATH);
  close(fd);
}

int main(int argc, char **argv) {
  setvbuf(stdout, NULL, _IOLBF, 0);
  if (getenv("AS_INTERPRETER")) return show_interp(argc, argv);
  set_up();
  setenv("AS_INTERPRETER", "1", 1);
  test_lines();
  test_errors();
  test_nesting();
  test_descriptors();
  tear_down();
  return 0;
}
