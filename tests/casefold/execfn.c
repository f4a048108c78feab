/* What an exec'd program learns about its own name: AT_EXECFN (the name
   execve was given, fs/exec.c bprm->exec) and readlink("/proc/self/exe")
   (the file itself, as a path from the program's root).

     execfn show        prints both
     execfn exec PATH   execs PATH as "PATH show"

   tests/casefold/run.sh runs "exec" under elfrun and under the arm64
   chroot oracle (scripts/arm64-chroot.sh) on the same tree, and compares
   what the exec'd program prints: a relative PATH must come back as given,
   and a program the sidecar layer stores under a generated host name must
   see its guest name in both. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/auxv.h>
#include <unistd.h>

static int show(void) {
  const char *execfn = (const char *)getauxval(AT_EXECFN);
  char exe[PATH_MAX];
  ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
  if (n < 0) {
    printf("readlink /proc/self/exe: %s\n", strerror(errno));
    return 1;
  }
  exe[n] = 0;
  printf("AT_EXECFN=%s\n/proc/self/exe=%s\n", execfn ? execfn : "(none)", exe);
  return 0;
}

int main(int argc, char **argv) {
  if (argc >= 2 && !strcmp(argv[1], "show")) return show(); /* a #! line may add one */
  if (argc == 3 && !strcmp(argv[1], "exec")) {
    char *args[] = {argv[2], "show", NULL};
    fflush(stdout);
    execv(argv[2], args);
    printf("execv %s: %s\n", argv[2], strerror(errno));
    return 1;
  }
  fprintf(stderr, "usage: execfn show | execfn exec PATH\n");
  return 2;
}
