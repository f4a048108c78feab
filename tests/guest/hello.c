/* The smallest guest: stdout through stdio (flushed at exit), stderr
   through write(2), exit status from main's return. */
#include <stdio.h>
#include <unistd.h>

int main(void) {
  printf("hello, world\n");
  fflush(stdout);
  static const char msg[] = "hello, stderr\n";
  if (write(2, msg, sizeof msg - 1) != sizeof msg - 1) return 1;
  puts("goodbye");
  return 0;
}
