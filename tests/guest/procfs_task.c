/* /proc/self/status, task/ and thread-self, fd/ and fdinfo/, and
   /proc/cpuinfo: they describe this program and its threads, never the
   runtime around it. status: Name, State, Tgid, Pid, PPid, Uid, Gid,
   Threads, VmRSS, a VmSize of the program's size (not a reserved address
   window), SigBlk/SigIgn/SigCgt as the program set them (no handler it did
   not install). task/ lists exactly its two threads; a task's stat and
   status name the task. fd/ and fdinfo/ list exactly the open descriptors.
   cpuinfo: one block per online CPU, and its feature list agrees with
   AT_HWCAP (on aarch64: Features is exactly the HWCAP names, and the CPU
   lines match MIDR_EL1).
   Oracle: native (tests/guest/procfs_task.oracle): qemu-aarch64 7.2 shows
   its own status (Name qemu-aarch64, its own handlers in SigCgt) and the
   host's x86-64 cpuinfo. The native run checks the x86-64 flags line
   against AT_HWCAP's CPUID bits instead; the lines printed are the same. */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

static const char *yes(int ok) { return ok ? "yes" : "no"; }

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

/* The value of "key:" in g_buf (a status file), or "". */
static const char *field(const char *key) {
  static char val[256];
  size_t klen = strlen(key);
  val[0] = 0;
  for (const char *p = g_buf; p && *p; p = strchr(p, '\n'), p = p ? p + 1 : p)
    if (!strncmp(p, key, klen) && p[klen + strspn(p + klen, " \t")] == ':') {
      p += klen + strspn(p + klen, " \t") + 1;
      p += strspn(p, " \t");
      size_t n = strcspn(p, "\n");
      memcpy(val, p, n < sizeof val ? n : sizeof val - 1);
      val[n < sizeof val ? n : sizeof val - 1] = 0;
      break;
    }
  return val;
}

static unsigned long long mask_of(const char *key) { return strtoull(field(key), NULL, 16); }

static int gettid_(void) { return (int)syscall(SYS_gettid); }

static pthread_barrier_t g_barrier;
static int g_thread_tid;

static void *thread_main(void *arg) {
  (void)arg;
  g_thread_tid = gettid_();
  slurp("/proc/thread-self/stat");
  int own = atoi(g_buf) == g_thread_tid;
  printf("thread-self/stat names the thread: %s\n", yes(own));
  pthread_barrier_wait(&g_barrier); /* the main thread looks now */
  pthread_barrier_wait(&g_barrier);
  return NULL;
}

static void on_usr2(int sig) { (void)sig; }

static void check_status(void) {
  char comm[17] = {0};
  prctl(PR_GET_NAME, comm);
  slurp("/proc/self/status");
  printf("status Name is comm: %s\n", yes(!strcmp(field("Name"), comm)));
  printf("status State: %c\n", field("State")[0]);
  printf("status Tgid, Pid, PPid: %s %s %s\n", yes(atoi(field("Tgid")) == getpid()),
         yes(atoi(field("Pid")) == getpid()), yes(atoi(field("PPid")) == getppid()));
  printf("status Uid, Gid: %s %s\n", yes(atoi(field("Uid")) == (int)getuid()),
         yes(atoi(field("Gid")) == (int)getgid()));
  printf("status Threads: %s\n", field("Threads"));
  printf("status VmRSS present: %s\n", yes(atol(field("VmRSS")) > 0));
  /* 4 GiB: far more than this program maps, far less than a 64 TiB window. */
  long vmsize = atol(field("VmSize"));
  printf("status VmSize is the program's: %s\n", yes(vmsize > 0 && vmsize < (4l << 20)));
  printf("status SigBlk is SIGUSR1 alone: %s\n", yes(mask_of("SigBlk") == 1ull << (SIGUSR1 - 1)));
  printf("status SigIgn has SIGPIPE: %s\n", yes(mask_of("SigIgn") & 1ull << (SIGPIPE - 1)));
  unsigned long long cgt = mask_of("SigCgt");
  printf("status SigCgt has SIGUSR2, not SIGSEGV: %s %s\n", yes(cgt & 1ull << (SIGUSR2 - 1)),
         yes(!(cgt & 1ull << (SIGSEGV - 1))));
}

/* The numeric names in dir, into ids (at most max); their count. */
static int list_ids(const char *dir, int *ids, int max) {
  DIR *d = opendir(dir);
  int n = 0;
  struct dirent *e;
  while (d && (e = readdir(d)))
    if (e->d_name[0] >= '0' && e->d_name[0] <= '9' && n < max) ids[n++] = atoi(e->d_name);
  if (d) closedir(d);
  return n;
}

static void check_tasks(void) {
  int ids[16];
  int n = list_ids("/proc/self/task", ids, 16);
  int main_seen = 0, thread_seen = 0;
  for (int i = 0; i < n; i++) {
    main_seen |= ids[i] == getpid();
    thread_seen |= ids[i] == g_thread_tid;
  }
  printf("task/ lists the two threads: %s\n", yes(n == 2 && main_seen && thread_seen));
  char path[64];
  snprintf(path, sizeof path, "/proc/self/task/%d/status", g_thread_tid);
  slurp(path);
  printf("task status Pid, Tgid: %s %s\n", yes(atoi(field("Pid")) == g_thread_tid),
         yes(atoi(field("Tgid")) == getpid()));
  snprintf(path, sizeof path, "/proc/%d/task/%d/stat", getpid(), g_thread_tid);
  slurp(path);
  printf("task stat names the task: %s\n", yes(atoi(g_buf) == g_thread_tid));
}

/* The listing of dir is exactly the descriptors open in this process, the
   listing's own directory descriptor included. */
static int lists_open_fds(const char *dir) {
  int ids[1100];
  DIR *d = opendir(dir);
  int n = 0, ok = 1, dfd = d ? dirfd(d) : -1;
  struct dirent *e;
  while (d && (e = readdir(d)))
    if (e->d_name[0] >= '0' && e->d_name[0] <= '9' && n < 1100) ids[n++] = atoi(e->d_name);
  for (int i = 0; i < n; i++) ok &= ids[i] < 1000 && fcntl(ids[i], F_GETFD) >= 0;
  int open_fds = 0;
  for (int fd = 0; fd < 1000; fd++) open_fds += fd == dfd || fcntl(fd, F_GETFD) >= 0;
  if (d) closedir(d);
  return ok && n == open_fds;
}

static void check_fds(void) {
  int fd = open("/dev/null", O_RDONLY);
  printf("fd/ lists exactly the open descriptors: %s\n", yes(lists_open_fds("/proc/self/fd")));
  printf("fdinfo/ lists exactly the open descriptors: %s\n",
         yes(lists_open_fds("/proc/self/fdinfo")));
  char path[64];
  snprintf(path, sizeof path, "/proc/self/fdinfo/%d", fd);
  printf("fdinfo of an open descriptor reads: %s\n",
         yes(slurp(path) > 0 && strstr(g_buf, "flags:")));
  close(fd);
  errno = 0;
  int r = open("/proc/self/fd/1000", O_RDONLY);
  printf("fd/1000 absent: %s\n", yes(r < 0 && errno == ENOENT));
}

#if defined(__aarch64__)
/* arch/arm64/kernel/cpuinfo.c hwcap_str[], AT_HWCAP bits 0-31 in order. */
static const char *const kHwcap[] = {
    "fp", "asimd", "evtstrm", "aes", "pmull", "sha1", "sha2", "crc32", "atomics", "fphp",
    "asimdhp", "cpuid", "asimdrdm", "jscvt", "fcma", "lrcpc", "dcpop", "sha3", "sm3", "sm4",
    "asimddp", "sha512", "sve", "asimdfhm", "dit", "uscat", "ilrcpc", "flagm", "ssbs", "sb",
    "paca", "pacg"};

/* Features is exactly the names of the AT_HWCAP bits (none of AT_HWCAP2's
   being set here), and the CPU lines are MIDR_EL1's fields. */
static int features_agree(const char *features) {
  unsigned long hwcap = getauxval(AT_HWCAP);
  char want[512] = "";
  for (int bit = 0; bit < 32; bit++)
    if (hwcap & 1ul << bit) strcat(strcat(want, want[0] ? " " : ""), kHwcap[bit]);
  if (getauxval(AT_HWCAP2) || (hwcap >> 32) || strcmp(features, want)) return 0;
  unsigned long midr;
  __asm__("mrs %0, midr_el1" : "=r"(midr));
  char cpu[160];
  snprintf(cpu, sizeof cpu,
           "CPU implementer\t: 0x%02lx\nCPU architecture: 8\nCPU variant\t: 0x%lx\n"
           "CPU part\t: 0x%03lx\nCPU revision\t: %lu\n",
           midr >> 24 & 0xff, midr >> 20 & 0xf, midr >> 4 & 0xfff, midr & 0xf);
  return strstr(g_buf, cpu) != NULL;
}
#define FEATURES_KEY "Features"
#else
/* A whole word of the feature line. */
static int has_word(const char *line, const char *w) {
  size_t n = strlen(w);
  for (const char *p = strstr(line, w); p; p = strstr(p + 1, w))
    if ((p == line || p[-1] == ' ') && (p[n] == ' ' || p[n] == 0)) return 1;
  return 0;
}

/* AT_HWCAP as the kernel passed it: x86-64 glibc's getauxval() answers
   with its own bits. */
static unsigned long kernel_hwcap(void) {
  static unsigned long auxv[128];
  int fd = open("/proc/self/auxv", O_RDONLY);
  long n = fd >= 0 ? read(fd, auxv, sizeof auxv) : 0;
  if (fd >= 0) close(fd);
  for (long i = 0; i + 1 < n / 8; i += 2)
    if (auxv[i] == AT_HWCAP) return auxv[i + 1];
  return 0;
}

/* x86-64: AT_HWCAP is CPUID.1:EDX; fpu, mmx, sse, sse2 are bits 0, 23, 25
   and 26, and the flags line names each exactly when it is set. */
static int features_agree(const char *flags) {
  static const struct { int bit; const char *name; } kBits[] = {
      {0, "fpu"}, {23, "mmx"}, {25, "sse"}, {26, "sse2"}};
  unsigned long hwcap = kernel_hwcap();
  if (!flags[0]) return 0;
  for (int i = 0; i < 4; i++)
    if (!!(hwcap & 1ul << kBits[i].bit) != has_word(flags, kBits[i].name)) return 0;
  return 1;
}
#define FEATURES_KEY "flags"
#endif

static void check_cpuinfo(void) {
  slurp("/proc/cpuinfo");
  int blocks = 0;
  for (const char *p = g_buf; (p = strstr(p, "processor")); p++)
    if (p == g_buf || p[-1] == '\n') blocks++;
  printf("cpuinfo has one block per online CPU: %s\n",
         yes(blocks > 0 && blocks == sysconf(_SC_NPROCESSORS_ONLN)));
  printf("cpuinfo features agree with AT_HWCAP: %s\n", yes(features_agree(field(FEATURES_KEY))));
}

int main(void) {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGUSR1);
  sigprocmask(SIG_BLOCK, &set, NULL);
  signal(SIGPIPE, SIG_IGN);
  signal(SIGUSR2, on_usr2);
  check_status();
  pthread_barrier_init(&g_barrier, NULL, 2);
  pthread_t th;
  pthread_create(&th, NULL, thread_main, NULL);
  pthread_barrier_wait(&g_barrier);
  slurp("/proc/self/status");
  printf("status Threads with a thread running: %s\n", field("Threads"));
  check_tasks();
  pthread_barrier_wait(&g_barrier);
  pthread_join(th, NULL);
  check_fds();
  check_cpuinfo();
  return 0;
}
