/* Writes SIZE_MB megabytes of deterministic pseudo-text to stdout (words
   drawn with a skewed distribution from a fixed vocabulary, numbers,
   punctuation, line breaks): input for the xz and gzip rows, compressible
   like prose rather than like noise or zeros. Runs natively, once. */
#include <string.h>

#include "common.h"

#define LINE 256
#define RECENT 4096

static const char *const words[] = {
    "the", "of", "and", "to", "in", "a", "is", "that", "for", "it", "as", "was", "with", "be", "by",
    "on", "not", "he", "this", "are", "or", "his", "from", "at", "which", "but", "have", "an", "had",
    "they", "you", "were", "their", "one", "all", "we", "can", "her", "has", "there", "been", "if",
    "more", "when", "will", "would", "who", "so", "no", "kernel", "process", "thread", "signal",
    "memory", "register", "instruction", "interpreter", "emulator", "syscall", "page", "table",
    "benchmark", "compiler", "function", "pointer", "buffer", "stream", "window", "archive"};

int main(int argc, char **argv) {
  long size = (argc > 1 ? atol(argv[1]) : 20) << 20, out = 0;
  const int nwords = (int)(sizeof words / sizeof *words);
  static char recent[RECENT][LINE];
  static size_t recent_len[RECENT];
  char line[LINE];
  for (long n = 0; out < size; n++) {
    uint64_t pick = bench_next();
    if (n >= RECENT && pick % 4 != 0) { /* three lines in four repeat a recent one */
      size_t k = (size_t)(pick >> 8) % RECENT;
      long take = size - out < (long)recent_len[k] ? size - out : (long)recent_len[k];
      fwrite(recent[k], 1, (size_t)take, stdout);
      out += take;
      continue;
    }
    size_t len = 0;
    while (len < 70) {
      uint64_t r = bench_next();
      /* Squaring a uniform pick skews it towards the common words. */
      int w = (int)((r % 1000) * (r % 1000) / 1000000.0 * nwords);
      if (r >> 60 == 0) len += (size_t)sprintf(line + len, "%u ", (unsigned)(r >> 20) % 100000);
      else len += (size_t)sprintf(line + len, "%s%s", words[w], (r >> 56 & 15) == 1 ? ", " : " ");
    }
    line[len - 1] = '.', line[len++] = '\n';
    memcpy(recent[n % RECENT], line, len);
    recent_len[n % RECENT] = len;
    long take = size - out < (long)len ? size - out : (long)len;
    fwrite(line, 1, (size_t)take, stdout);
    out += take;
  }
  return 0;
}
