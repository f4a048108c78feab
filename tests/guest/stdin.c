/* Reading standard input to its end (tests/guest/stdin.stdin feeds it): a
   raw read(2) of the first bytes, then stdio for the rest (stdio has
   buffered nothing yet, so no byte is lost or read twice). Prints counts, a
   checksum, the longest line, and the first lines reversed. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

struct counts {
  unsigned lines, words, bytes, longest, hash;
  int in_word;
};

static void count(struct counts *c, const char *s, size_t n) {
  for (size_t i = 0; i < n; i++) {
    unsigned char ch = (unsigned char)s[i];
    c->words += !c->in_word && !isspace(ch);
    c->in_word = !isspace(ch);
    c->hash = (c->hash ^ ch) * 16777619u;
  }
  c->bytes += (unsigned)n;
}

static void print_escaped(const char *s, size_t n) {
  for (size_t i = 0; i < n; i++) {
    if (s[i] == '\n') fputs("\\n", stdout);
    else putchar(s[i]);
  }
}

int main(void) {
  struct counts c = {0, 0, 0, 0, 2166136261u, 0};
  char head[16];
  ssize_t got = read(0, head, sizeof head);
  printf("read(0, 16) returned %zd: \"", got);
  print_escaped(head, got > 0 ? (size_t)got : 0);
  puts("\"");
  if (got > 0) count(&c, head, (size_t)got);

  char line[4096];
  unsigned current = (unsigned)(got > 0 ? got : 0); /* length of the partial first line */
  while (fgets(line, sizeof line, stdin)) {
    size_t n = strlen(line);
    count(&c, line, n);
    int complete = n && line[n - 1] == '\n';
    current += (unsigned)(n - complete);
    if (!complete) continue;
    c.lines++;
    c.longest = current > c.longest ? current : c.longest;
    current = 0;
    if (c.lines >= 2 && c.lines <= 4) {
      printf("line %u reversed: ", c.lines);
      for (size_t i = n - 1; i-- > 0;) putchar(line[i]);
      putchar('\n');
    }
  }
  printf("%u lines, %u words, %u bytes, longest line %u, hash %08x\n", c.lines, c.words,
         c.bytes, c.longest, c.hash);
  printf("at end of file: feof %s, getchar %d, read returns %zd\n", feof(stdin) ? "yes" : "no",
         getchar(), read(0, line, 1));
  return 0;
}
