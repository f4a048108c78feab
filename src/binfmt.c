/* binfmt_misc registration: `elfrun --install-binfmt` asks the kernel to
   run every aarch64 ELF program through elfrun, so `./prog` works without
   typing elfrun; `--uninstall-binfmt` removes the entry. elfrun never needs
   it (a guest's execve re-runs elfrun by itself); it is for programs that
   elfrun does not start: a native shell, make, a container runtime.

   The entry (Documentation/admin-guide/binfmt-misc.rst):

     :elfrun-aarch64:M::MAGIC:MASK:ELFRUN:FP

   M with MAGIC and MASK matches the first 20 bytes of an ELF header with
   EI_CLASS 64-bit, EI_DATA little-endian, EI_VERSION 1, e_type ET_EXEC (2)
   or ET_DYN (3) (the mask's 0xfe on e_type keeps both) and e_machine
   EM_AARCH64 (183); EI_OSABI is ignored (the same magic and mask as
   Debian's qemu-aarch64 entry, so the two recognise the same files).
   ELFRUN is the absolute path of the running elfrun (/proc/self/exe).
   Flags:
   - F: the kernel opens elfrun now and keeps it, so the entry also works
     inside chroots and containers where that path does not exist. A
     rebuilt elfrun needs --install-binfmt again (which replaces the entry).
   - P: the kernel keeps the program's own argv[0] and passes it as an
     extra argument, telling elfrun so with AT_FLAGS_PRESERVE_ARGV0 in
     AT_FLAGS (Linux 5.12, fs/binfmt_misc.c): see binfmt_command_line().
   - not C (nor O): C would give elfrun the credentials of a set-user-ID
     aarch64 program, and elfrun is not written to run set-user-ID (it
     trusts its environment and command line). elfrun opens the program by
     its path, so the program must be readable by its caller.
   An existing entry for aarch64 ELF files (qemu-aarch64's, from
   qemu-user-binfmt or qemu-user-static) is reported and left alone: the
   kernel tries the newest entry first, so adding ours would silently
   shadow it; the message says how to remove it. */
#include "binfmt.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <unistd.h>

#define BINFMT_DIR "/proc/sys/fs/binfmt_misc"
#define ENTRY_NAME "elfrun-aarch64"
#define FLAGS "FP"
#define MAGIC_LEN 20

/* include/uapi/linux/binfmts.h */
#ifndef AT_FLAGS_PRESERVE_ARGV0
#define AT_FLAGS_PRESERVE_ARGV0 1
#endif

static const unsigned char kMagic[MAGIC_LEN] = {
    0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0xb7, 0};
static const unsigned char kMask[MAGIC_LEN] = {
    0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x00, 0xff, 0xff,
    0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xfe, 0xff, 0xff, 0xff};

/* ---- the kernel's invocation --------------------------------------- */

/* With flag P the kernel starts elfrun as
     elfrun PROGRAM-PATH ORIGINAL-ARGV0 ARGS...
   and says so in AT_FLAGS. Returns the equivalent ordinary command line,
     elfrun --argv0 ORIGINAL-ARGV0 -- PROGRAM-PATH ARGS...
   so that option parsing and any re-exec of elfrun see one form; argv
   itself in every other case. */
char **binfmt_command_line(int *argc, char **argv) {
  if (!(getauxval(AT_FLAGS) & AT_FLAGS_PRESERVE_ARGV0) || *argc < 3) return argv;
  char **v = malloc((size_t)(*argc + 3) * sizeof *v);
  if (!v) return argv;
  int n = 0;
  v[n++] = argv[0];
  v[n++] = "--argv0";
  v[n++] = argv[2];
  v[n++] = "--";
  v[n++] = argv[1];
  for (int i = 3; i < *argc; i++) v[n++] = argv[i];
  v[n] = NULL;
  *argc = n;
  return v;
}

/* ---- reporting ------------------------------------------------------ */

/* One line on stderr for a failed access to FILE of binfmt_misc; returns
   the exit status 1. */
static int explain(const char *what, const char *file, int err) {
  if (err == EACCES || err == EPERM) {
    fprintf(stderr,
            "elfrun: cannot %s: %s: %s (binfmt_misc takes root: CAP_SYS_ADMIN in the user "
            "namespace that mounted it)\n", what, file, strerror(err));
  } else if (err == ENOENT && access(BINFMT_DIR "/register", F_OK) != 0) {
    fprintf(stderr,
            "elfrun: cannot %s: binfmt_misc is not mounted on " BINFMT_DIR
            " (as root: mount -t binfmt_misc binfmt_misc " BINFMT_DIR ")\n", what);
  } else {
    fprintf(stderr, "elfrun: cannot %s: %s: %s\n", what, file, strerror(err));
  }
  return 1;
}

/* ---- existing entries ----------------------------------------------- */

static void hex(char *out, const unsigned char *bytes, size_t n) {
  for (size_t i = 0; i < n; i++) sprintf(out + 2 * i, "%02x", bytes[i]);
}

/* Reads entry NAME of binfmt_misc into buf; false if it cannot. */
static bool read_entry(const char *name, char *buf, size_t size) {
  char path[PATH_MAX];
  snprintf(path, sizeof path, BINFMT_DIR "/%s", name);
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  ssize_t n = read(fd, buf, size - 1);
  close(fd);
  if (n < 0) return false;
  buf[n] = '\0';
  return true;
}

/* The value of "KEY value" line in an entry's text, copied into out. */
static bool entry_field(const char *text, const char *key, char *out, size_t size) {
  size_t len = strlen(key);
  for (const char *line = text; line && *line; line = strchr(line, '\n')) {
    if (*line == '\n') line++;
    if (!strncmp(line, key, len) && line[len] == ' ') {
      snprintf(out, size, "%.*s", (int)strcspn(line + len + 1, "\n"), line + len + 1);
      return true;
    }
  }
  return false;
}

/* Is this enabled entry one that matches what ours would (the same magic,
   whatever its name)? */
static bool handles_aarch64(const char *text) {
  char magic[2 * MAGIC_LEN + 1], mine[2 * MAGIC_LEN + 1];
  if (strncmp(text, "enabled", 7) || !entry_field(text, "magic", magic, sizeof magic))
    return false;
  hex(mine, kMagic, MAGIC_LEN);
  return !strcasecmp(magic, mine);
}

/* Finds an entry other than ours that handles aarch64 ELF files:
   name_out gets its name, interp_out its interpreter. */
static bool find_rival(char *name_out, size_t name_size, char *interp_out, size_t interp_size) {
  DIR *dir = opendir(BINFMT_DIR);
  if (!dir) return false;
  struct dirent *d;
  bool found = false;
  char text[4096];
  while (!found && (d = readdir(dir))) {
    const char *name = d->d_name;
    if (name[0] == '.' || !strcmp(name, "register") || !strcmp(name, "status") ||
        !strcmp(name, ENTRY_NAME) || !read_entry(name, text, sizeof text))
      continue;
    if (!handles_aarch64(text)) continue;
    snprintf(name_out, name_size, "%s", name);
    if (!entry_field(text, "interpreter", interp_out, interp_size))
      snprintf(interp_out, interp_size, "?");
    found = true;
  }
  closedir(dir);
  return found;
}

/* Writes "-1" to entry NAME: the kernel removes it. */
static int remove_entry(const char *name) {
  char path[PATH_MAX];
  snprintf(path, sizeof path, BINFMT_DIR "/%s", name);
  int fd = open(path, O_WRONLY | O_CLOEXEC);
  if (fd < 0) return -errno;
  int r = write(fd, "-1", 2) == 2 ? 0 : -errno;
  close(fd);
  return r;
}

/* ---- registration --------------------------------------------------- */

/* binfmt_misc takes any character as the field separator: the first one
   of these that the interpreter's path does not contain. */
static char pick_separator(const char *path) {
  for (const char *c = ":|#%!"; *c; c++)
    if (!strchr(path, *c)) return *c;
  return 0;
}

static void append_escaped(char *out, const unsigned char *bytes, size_t n) {
  out += strlen(out);
  for (size_t i = 0; i < n; i++) out += sprintf(out, "\\x%02x", bytes[i]);
}

/* The registration string, into out (PATH_MAX + 256 bytes); false if the
   path cannot be written in it. */
static bool registration(char *out, const char *interp) {
  char sep = pick_separator(interp);
  if (!sep || strchr(interp, '\n')) return false;
  sprintf(out, "%c" ENTRY_NAME "%cM%c%c", sep, sep, sep, sep);
  append_escaped(out, kMagic, MAGIC_LEN);
  sprintf(out + strlen(out), "%c", sep);
  append_escaped(out, kMask, MAGIC_LEN);
  sprintf(out + strlen(out), "%c%s%c" FLAGS, sep, interp, sep);
  return true;
}

/* The kernel parses the whole entry from one write() (bm_register_write). */
static int write_register(const char *text) {
  int fd = open(BINFMT_DIR "/register", O_WRONLY | O_CLOEXEC);
  if (fd < 0) return -errno;
  ssize_t len = (ssize_t)strlen(text);
  int r = write(fd, text, (size_t)len) == len ? 0 : -errno;
  close(fd);
  return r;
}

int binfmt_install(void) {
  char interp[PATH_MAX], rival[256], rival_interp[PATH_MAX];
  ssize_t n = readlink("/proc/self/exe", interp, sizeof interp - 1);
  if (n < 0) return explain("find elfrun's own path", "/proc/self/exe", errno);
  interp[n] = '\0';
  if (access(BINFMT_DIR "/register", W_OK) != 0)
    return explain("register with binfmt_misc", BINFMT_DIR "/register", errno);
  if (find_rival(rival, sizeof rival, rival_interp, sizeof rival_interp)) {
    fprintf(stderr,
            "elfrun: binfmt_misc entry '%s' already runs aarch64 programs (interpreter %s); "
            "to use elfrun instead: echo -1 > " BINFMT_DIR "/%s, then elfrun --install-binfmt\n",
            rival, rival_interp, rival);
    return 1;
  }
  int r = remove_entry(ENTRY_NAME); /* an older registration: replaced */
  if (r < 0 && r != -ENOENT)
    return explain("replace the existing entry", BINFMT_DIR "/" ENTRY_NAME, -r);
  char text[PATH_MAX + 256];
  if (!registration(text, interp)) {
    fprintf(stderr, "elfrun: cannot register %s: its path has no usable separator\n", interp);
    return 1;
  }
  if ((r = write_register(text)) < 0)
    return explain("register with binfmt_misc", BINFMT_DIR "/register", -r);
  printf("elfrun: registered " BINFMT_DIR "/" ENTRY_NAME ": aarch64 ELF programs now run "
         "through %s (flags " FLAGS ")\n", interp);
  return 0;
}

int binfmt_uninstall(void) {
  int r = remove_entry(ENTRY_NAME);
  if (r == -ENOENT && access(BINFMT_DIR "/register", F_OK) == 0) {
    fprintf(stderr, "elfrun: no binfmt_misc entry " BINFMT_DIR "/" ENTRY_NAME " to remove\n");
    return 1;
  }
  if (r < 0) return explain("remove the binfmt_misc entry", BINFMT_DIR "/" ENTRY_NAME, -r);
  printf("elfrun: removed " BINFMT_DIR "/" ENTRY_NAME "\n");
  return 0;
}
