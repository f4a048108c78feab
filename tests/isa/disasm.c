#include "disasm.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "run.h"

bool disasm_undefined(const char *text) { return !strcmp(text, "(undefined)"); }

/* One line of `objdump -D -b binary -m aarch64`: "  1c:\t8b020020 \tadd\tx0, x1, x2".
   Stores the text at texts[offset / 4]. */
static void parse_line(char *line, u32 n, char (*texts)[DISASM_LEN]) {
  char *end;
  unsigned long offset = strtoul(line, &end, 16);
  if (end == line || *end != ':' || offset % 4 || offset / 4 >= n) return;
  char *tab = strchr(end, '\t');
  if (!tab || !(tab = strchr(tab + 1, '\t'))) return;
  char *text = tab + 1, *out = texts[offset / 4];
  if (strstr(text, ".inst") || strstr(text, "undefined")) {
    snprintf(out, DISASM_LEN, "(undefined)");
    return;
  }
  size_t len = 0;
  for (; *text && *text != '\n' && len < DISASM_LEN - 1; text++)
    out[len++] = *text == '\t' ? ' ' : *text;
  out[len] = 0;
}

bool disasm(const u32 *words, u32 n, char (*texts)[DISASM_LEN]) {
  for (u32 i = 0; i < n; i++) snprintf(texts[i], DISASM_LEN, "(no disassembly)");
  if (!n) return true;
  char path[] = "/tmp/isatool-words.XXXXXX";
  int fd = mkstemp(path);
  if (fd < 0) return false;
  bool ok = write(fd, words, n * sizeof *words) == (ssize_t)(n * sizeof *words);
  close(fd);
  const char *objdump = getenv("OBJDUMP") ? getenv("OBJDUMP") : "aarch64-linux-gnu-objdump";
  const char *argv[] = {objdump, "-D", "-z", "-b", "binary", "-m", "aarch64", path, NULL};
  char *out = ok ? capture_output(argv) : NULL;
  unlink(path);
  if (!out) return false;
  for (char *line = strtok(out, "\n"); line; line = strtok(NULL, "\n")) parse_line(line, n, texts);
  free(out);
  return true;
}
