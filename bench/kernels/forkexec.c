/* fork + execve + waitpid in a loop; the child execs argv[2] with the
   arguments after it: a tiny static program (exit0.c), so the row measures
   process creation and exec, not the work of the child. */
#include <sys/wait.h>
#include <unistd.h>

#include "common.h"

int main(int argc, char **argv) {
  if (argc < 3) return 2;
  long n = 200L * bench_scale(argc, argv), ok = 0;
  for (long i = 0; i < n; i++) {
    pid_t pid = fork();
    if (pid == 0) {
      execv(argv[2], argv + 2);
      _exit(127);
    }
    int status;
    ok += pid > 0 && waitpid(pid, &status, 0) == pid && WIFEXITED(status) && WEXITSTATUS(status) == 0;
  }
  bench_result("forkexec", (uint64_t)ok);
  return 0;
}
