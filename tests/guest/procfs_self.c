/* Synthetic /proc and the host devices, as a program sees them: /proc/self/
   exe (readlink and open), maps and smaps (this program's text, the stack,
   well-formed sorted lines, smaps blocks matching maps), stat's pid and
   comm, /proc/sys/kernel/{ostype,osrelease,hostname,pid_max},
   /sys/devices/system/cpu/{online,possible}, and /dev/null, zero, full,
   random, urandom, tty and a pty pair under /dev/pts.
   Oracle: qemu-aarch64, which synthesises exe, maps, smaps and stat too.
   Only checks are printed, never addresses, pids or host names. */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/utsname.h>
#include <unistd.h>

static const char *yes(int ok) { return ok ? "yes" : "no"; }

/* A whole file into a static buffer (NUL-terminated); its length or -1. */
static char g_buf[1 << 20];
static long slurp(const char *path) {
  int fd = open(path, O_RDONLY);
  if (fd < 0) return -1;
  long len = 0, n;
  while ((n = read(fd, g_buf + len, sizeof g_buf - 1 - len)) > 0) len += n;
  close(fd);
  g_buf[len] = 0;
  return len;
}

static char g_self[PATH_MAX];

static void check_exe(void) {
  char link[PATH_MAX];
  ssize_t n = readlink("/proc/self/exe", link, sizeof link - 1);
  link[n > 0 ? n : 0] = 0;
  printf("exe link names this program: %s\n", yes(n > 0 && !strcmp(link, g_self)));
  unsigned char hdr[20] = {0};
  int fd = open("/proc/self/exe", O_RDONLY);
  int ok = fd >= 0 && read(fd, hdr, sizeof hdr) == sizeof hdr;
  if (fd >= 0) close(fd);
  printf("exe opens an aarch64 ELF: %s\n",
         yes(ok && !memcmp(hdr, "\177ELF", 4) && hdr[18] == 183 && hdr[19] == 0));
}

/* One maps line: start, end, permissions and the name (or ""). */
struct map {
  unsigned long start, end;
  char perm[5];
  char name[PATH_MAX];
};

static int parse_map(const char *line, struct map *m) {
  unsigned long off, ino;
  unsigned maj, min;
  int at = 0;
  if (sscanf(line, "%lx-%lx %4s %lx %x:%x %lu %n", &m->start, &m->end, m->perm, &off, &maj,
             &min, &ino, &at) != 7)
    return 0;
  size_t len = strcspn(line + at, "\n");
  memcpy(m->name, line + at, len);
  m->name[len] = 0;
  return m->start < m->end;
}

static int main_marker(void) { return 1; }

static void check_maps(void) {
  if (slurp("/proc/self/maps") < 0) {
    printf("maps: cannot open\n");
    return;
  }
  unsigned long text = (unsigned long)&main_marker, stack = (unsigned long)&text, prev = 0;
  int well_formed = 1, text_ok = 0, stack_ok = 0, lines = 0;
  for (char *line = strtok(g_buf, "\n"); line; line = strtok(NULL, "\n"), lines++) {
    struct map m;
    if (!parse_map(line, &m) || m.start < prev) well_formed = 0;
    prev = m.end;
    if (text >= m.start && text < m.end)
      text_ok = m.perm[0] == 'r' && m.perm[2] == 'x' && m.perm[3] == 'p' && !strcmp(m.name, g_self);
    if (stack >= m.start && stack < m.end)
      stack_ok = !strcmp(m.name, "[stack]") && !strcmp(m.perm, "rw-p");
  }
  printf("maps lines well-formed and sorted: %s\n", yes(well_formed && lines > 3));
  printf("maps: the code is r-xp and names this program: %s\n", yes(text_ok));
  printf("maps: the stack is rw-p [stack]: %s\n", yes(stack_ok));
}

static void check_smaps(void) {
  if (slurp("/proc/self/smaps") < 0) {
    printf("smaps: cannot open\n");
    return;
  }
  int maps = 0, sizes_ok = 1, flags = 0;
  unsigned long size = 0;
  for (char *line = strtok(g_buf, "\n"); line; line = strtok(NULL, "\n")) {
    struct map m;
    unsigned long kb;
    if (parse_map(line, &m)) {
      maps++;
      size = m.end - m.start;
    } else if (sscanf(line, "Size: %lu kB", &kb) == 1) {
      if (kb * 1024 != size) sizes_ok = 0;
    } else if (!strncmp(line, "VmFlags:", 8)) {
      flags++;
    }
  }
  printf("smaps: each mapping has its Size and VmFlags: %s\n",
         yes(maps > 3 && sizes_ok && flags == maps));
}

static void check_stat(const char *argv0) {
  if (slurp("/proc/self/stat") < 0) {
    printf("stat: cannot open\n");
    return;
  }
  const char *base = strrchr(argv0, '/');
  char comm[32];
  snprintf(comm, sizeof comm, "(%.15s)", base ? base + 1 : argv0);
  char *sp = strchr(g_buf, ' ');
  printf("stat: pid and comm: %s\n",
         yes(atol(g_buf) == getpid() && sp && !strncmp(sp + 1, comm, strlen(comm))));
}

static void check_sys(void) {
  struct utsname u;
  uname(&u);
  printf("ostype: %s", slurp("/proc/sys/kernel/ostype") > 0 ? g_buf : "?\n");
  slurp("/proc/sys/kernel/osrelease");
  printf("osrelease matches uname: %s\n", yes(!strncmp(g_buf, u.release, strlen(u.release))));
  slurp("/proc/sys/kernel/hostname");
  printf("hostname matches uname: %s\n", yes(!strncmp(g_buf, u.nodename, strlen(u.nodename))));
  printf("pid_max above our pid: %s\n",
         yes(slurp("/proc/sys/kernel/pid_max") > 0 && atol(g_buf) > getpid()));
  printf("cpu online list: %s\n",
         yes(slurp("/sys/devices/system/cpu/online") > 0 && g_buf[0] == '0'));
  printf("cpu possible list: %s\n",
         yes(slurp("/sys/devices/system/cpu/possible") > 0 && g_buf[0] == '0'));
}

static void check_pts(void) {
  int master = posix_openpt(O_RDWR | O_NOCTTY);
  int ok = master >= 0 && grantpt(master) == 0 && unlockpt(master) == 0;
  const char *name = ok ? ptsname(master) : NULL;
  int slave = name ? open(name, O_RDWR | O_NOCTTY) : -1;
  char buf[8] = {0};
  ok = name && !strncmp(name, "/dev/pts/", 9) && slave >= 0 && write(master, "hi\n", 3) == 3 &&
       read(slave, buf, sizeof buf) == 3 && !strcmp(buf, "hi\n");
  printf("a pty pair under /dev/pts passes data: %s\n", yes(ok));
  DIR *d = opendir("/dev/pts");
  printf("/dev/pts lists: %s\n", yes(d && readdir(d)));
  if (d) closedir(d);
  if (slave >= 0) close(slave);
  if (master >= 0) close(master);
}

static void check_dev(void) {
  char buf[16];
  int fd = open("/dev/null", O_RDWR);
  printf("null: write %zd, read %zd\n", write(fd, "abc", 3), read(fd, buf, sizeof buf));
  close(fd);
  fd = open("/dev/zero", O_RDONLY);
  memset(buf, 1, sizeof buf);
  int zeros = read(fd, buf, sizeof buf) == sizeof buf;
  for (size_t i = 0; i < sizeof buf; i++) zeros &= buf[i] == 0;
  printf("zero reads zeros: %s\n", yes(zeros));
  close(fd);
  fd = open("/dev/full", O_WRONLY);
  errno = 0;
  printf("full: write %zd, ENOSPC %s\n", write(fd, "x", 1), yes(errno == ENOSPC));
  close(fd);
  static const char *const kRandom[] = {"/dev/random", "/dev/urandom"};
  for (int i = 0; i < 2; i++) {
    fd = open(kRandom[i], O_RDONLY);
    printf("%s reads: %s\n", kRandom[i], yes(fd >= 0 && read(fd, buf, sizeof buf) == sizeof buf));
    close(fd);
  }
  fd = open("/dev/tty", O_RDWR | O_NOCTTY);
  printf("tty opens, or ENXIO without a terminal: %s\n", yes(fd >= 0 || errno == ENXIO));
  if (fd >= 0) close(fd);
  check_pts();
}

int main(int argc, char **argv) {
  (void)argc;
  if (!realpath(argv[0], g_self)) g_self[0] = 0;
  check_exe();
  check_maps();
  check_smaps();
  check_stat(argv[0]);
  check_sys();
  check_dev();
  return 0;
}
