/* A fork/exec/wait tree three levels deep: every node forks two children,
   which exec this program again (by /proc/self/exe at one level, by its
   path at the others), and waits for each in turn. Each node checks what
   exec gives it: its parent (getppid), the environment its parent set,
   /proc/self/exe and AT_EXECFN naming the program, and argv; the exit
   statuses, one of them a death by signal, travel back up the tree.
   The expected output is Linux's (execve(2), wait(2)) and is this
   program's own output built natively for x86-64 (gcc -static).
   qemu-aarch64 cannot be the oracle: without binfmt_misc it cannot exec an
   aarch64 program. The arm64 chroot oracle (scripts/arm64-chroot.sh,
   build/sysroot/static, the work tree bound in) prints the same. */
#define _GNU_SOURCE
#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/wait.h>
#include <unistd.h>

#define DEPTH 3

extern char **environ;

static char g_exe[PATH_MAX]; /* this program, as /proc/self/exe names it */

static void read_exe(char *buf) {
  ssize_t n = readlink("/proc/self/exe", buf, PATH_MAX - 1);
  buf[n > 0 ? n : 0] = 0;
}

/* What a node knows when it starts. */
static void check_start(const char *name, int argc, char **argv) {
  char exe[PATH_MAX];
  read_exe(exe);
  const char *parent = getenv("TREE_PARENT_PID"), *root = getenv("TREE_EXE");
  const char *execfn = (const char *)getauxval(AT_EXECFN);
  bool by_path = !strcmp(argv[2], "path");
  printf("%-6s argc %d, argv[0] %s, parent %s, exe %s, AT_EXECFN %s\n", name, argc, argv[0],
         parent && atoi(parent) == getppid() ? "ok" : "wrong",
         root && !strcmp(exe, root) ? "ok" : "wrong",
         !by_path ? "-" : execfn && !strcmp(execfn, root) ? "ok" : "wrong");
}

/* The status a node ends with: the leaf "abb" dies of SIGTERM, the
   others exit with a code built from their children's. */
static int run_node(const char *name, int depth);

static int spawn_child(const char *parent_name, char which, int depth) {
  char name[16];
  snprintf(name, sizeof name, "%s%c", parent_name, which);
  char pid[16];
  snprintf(pid, sizeof pid, "%d", getpid());
  setenv("TREE_PARENT_PID", pid, 1);
  fflush(stdout);
  pid_t child = fork();
  if (child == 0) {
    bool by_path = depth != 2;
    char *args[] = {name, "node", by_path ? "path" : "proc", NULL};
    execve(by_path ? g_exe : "/proc/self/exe", args, environ);
    printf("execve: %s\n", strerror(errno));
    _exit(127);
  }
  int status = -1;
  waitpid(child, &status, 0);
  const char *me = *parent_name ? parent_name : "root";
  if (WIFSIGNALED(status)) printf("%-6s child %s killed by signal %d\n", me, name,
                                  WTERMSIG(status));
  else printf("%-6s child %s exited %d\n", me, name, WEXITSTATUS(status));
  return WIFEXITED(status) ? WEXITSTATUS(status) : 100 + WTERMSIG(status);
}

static int run_node(const char *name, int depth) {
  if (!strcmp(name, "abb")) {
    fflush(stdout);
    raise(SIGTERM);
  }
  if (depth == DEPTH) return (int)strlen(name) + (name[depth - 1] == 'b');
  int a = spawn_child(name, 'a', depth + 1);
  int b = spawn_child(name, 'b', depth + 1);
  return (a + b) % 200;
}

int main(int argc, char **argv) {
  setvbuf(stdout, NULL, _IOLBF, 0);
  read_exe(g_exe);
  if (argc == 3 && !strcmp(argv[1], "node")) {
    check_start(argv[0], argc, argv);
    return run_node(argv[0], (int)strlen(argv[0]));
  }
  setenv("TREE_EXE", g_exe, 1);
  int code = run_node("", 0);
  printf("root exits %d\n", code);
  return 0;
}
