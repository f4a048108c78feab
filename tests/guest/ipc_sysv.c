/* SysV IPC: shared memory (shmget, shmat at a chosen, given, rounded and
   remapped address, SHM_RDONLY, shmdt, shmctl IPC_STAT/IPC_RMID, a segment
   shared by a fork parent and child), semaphores (semget, semctl with
   IPC_STAT, whose aarch64 layout differs from x86-64's, IPC_SET, SETALL,
   GETALL, SETVAL, GETVAL, GETPID, IPC_INFO; semop, semtimedop, a child
   waking its parent) and message queues (msgsnd, msgrcv by type, with
   MSG_NOERROR and IPC_NOWAIT, msgctl IPC_STAT, across a fork), each ending
   with IPC_RMID. Ids, keys and addresses differ between runs: only results
   and relations are printed. Oracle: qemu-aarch64; not checked because
   qemu 7.2 differs from Linux: shmat(id, NULL, SHM_REMAP), EINVAL on
   Linux (ipc/shm.c, do_shmat()), attaches under qemu. */
#define _GNU_SOURCE
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/mman.h>
#include <sys/msg.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static const char *errname(int e) {
  switch (e) {
    case EPERM: return "EPERM";       case ENOENT: return "ENOENT";
    case E2BIG: return "E2BIG";       case EAGAIN: return "EAGAIN";
    case ENOMEM: return "ENOMEM";     case EACCES: return "EACCES";
    case EFAULT: return "EFAULT";     case EEXIST: return "EEXIST";
    case EINVAL: return "EINVAL";     case EIDRM: return "EIDRM";
    case ENOMSG: return "ENOMSG";     case EINTR: return "EINTR";
    default: return "E?";
  }
}

static void show(const char *what, long r) {
  if (r == -1) printf("%-60s %s\n", what, errname(errno));
  else printf("%-60s %ld\n", what, r);
}
#define SHOW(call) show(#call, (long)(call))
#define OK(call) show(#call " >= 0", (long)(call) >= 0 ? 0 : -1)
#define YN(x) ((x) ? "yes" : "no")
#define BAD ((void *)8)
#define PAGE 4096L

static int g_pipe[2];

/* Can the kernel store into p? (read(2) from a pipe holding one byte) */
static const char *writable(void *p) {
  write(g_pipe[1], "w", 1);
  long r = read(g_pipe[0], p, 1);
  if (r == 1) return "writable";
  char c;
  read(g_pipe[0], &c, 1);
  return errno == EFAULT ? "not writable" : "?";
}

static long nattch(int id) {
  struct shmid_ds ds;
  return shmctl(id, IPC_STAT, &ds) == 0 ? (long)ds.shm_nattch : -1;
}

/* A free, page-aligned range of n pages. */
static char *free_range(long n) {
  char *p = mmap(NULL, n * PAGE, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  munmap(p, n * PAGE);
  return p;
}

static void test_shm(void) {
  puts("-- shared memory");
  int id = shmget(IPC_PRIVATE, 10000, IPC_CREAT | 0600);
  printf("shmget >= 0: %s\n", YN(id >= 0));
  struct shmid_ds ds;
  SHOW(shmctl(id, IPC_STAT, &ds));
  printf("segsz %zu mode %03o nattch %lu cpid is me: %s\n", (size_t)ds.shm_segsz,
         ds.shm_perm.mode & 0777, (unsigned long)ds.shm_nattch, YN(ds.shm_cpid == getpid()));
  SHOW(shmctl(id, IPC_STAT, BAD));

  char *p = shmat(id, NULL, 0);
  printf("shmat: page-aligned %s, nattch %ld\n", YN(((uintptr_t)p & (PAGE - 1)) == 0),
         nattch(id));
  printf("first page %s, third page %s\n", writable(p), writable(p + 2 * PAGE));
  strcpy(p, "from parent");
  pid_t pid = fork();
  if (pid == 0) {
    printf("child sees: %s, nattch %ld\n", p, nattch(id));
    strcpy(p + 100, "from child");
    shmdt(p);
    _exit(0);
  }
  int st;
  waitpid(pid, &st, 0);
  printf("parent sees: %s, nattch %ld\n", p + 100, nattch(id));

  SHOW(shmdt(p + 1));
  SHOW(shmdt(p + PAGE));
  SHOW(shmdt(p));
  SHOW(shmdt(p));
  printf("after shmdt: nattch %ld, first page %s\n", nattch(id), writable(p));

  char *want = free_range(4);
  printf("shmat at a free address lands there: %s\n", YN(shmat(id, want, 0) == want));
  printf("second view shows the data: %s\n", want + 100);
  SHOW(shmat(id, want, 0) == (void *)-1);
  printf("errno %s\n", errname(errno));
  SHOW(shmat(id, want + 1, 0) == (void *)-1);
  printf("SHM_RND | SHM_REMAP rounds down over it: %s\n",
         YN(shmat(id, want + 1, SHM_RND | SHM_REMAP) == want));
  printf("nattch %ld\n", nattch(id));
  SHOW(shmdt(want));

  char *ro = shmat(id, NULL, SHM_RDONLY);
  printf("SHM_RDONLY: reads %s, %s\n", ro + 100, writable(ro));
  SHOW(shmctl(id, IPC_RMID, NULL));
  SHOW(shmctl(id, IPC_STAT, &ds));
  printf("removed while attached: mode has SHM_DEST %s\n", YN(ds.shm_perm.mode & SHM_DEST));
  SHOW(shmdt(ro));
  SHOW(shmctl(id, IPC_STAT, &ds));
  SHOW(shmat(-1, NULL, 0) == (void *)-1);
  SHOW(shmget(IPC_PRIVATE, 0, IPC_CREAT | 0600));
}

static void test_sem(void) {
  puts("-- semaphores");
  int id = semget(IPC_PRIVATE, 3, IPC_CREAT | 0600);
  printf("semget >= 0: %s\n", YN(id >= 0));
  struct semid_ds ds;
  SHOW(semctl(id, 0, IPC_STAT, &ds));
  printf("nsems %lu mode %03o otime %ld\n", (unsigned long)ds.sem_nsems,
         ds.sem_perm.mode & 0777, (long)ds.sem_otime);
  ds.sem_perm.mode = 0640;
  SHOW(semctl(id, 0, IPC_SET, &ds));
  memset(&ds, 0, sizeof ds);
  semctl(id, 0, IPC_STAT, &ds);
  printf("after IPC_SET: mode %03o nsems %lu\n", ds.sem_perm.mode & 0777,
         (unsigned long)ds.sem_nsems);
  SHOW(semctl(id, 0, IPC_STAT, BAD));

  unsigned short vals[3] = {1, 2, 3}, got[3] = {0};
  SHOW(semctl(id, 0, SETALL, vals));
  SHOW(semctl(id, 0, GETALL, got));
  printf("values %u %u %u\n", got[0], got[1], got[2]);
  SHOW(semctl(id, 0, GETALL, BAD));
  SHOW(semctl(id, 1, SETVAL, 5));
  SHOW(semctl(id, 1, GETVAL));
  SHOW(semctl(id, 7, GETVAL));

  struct sembuf op = {.sem_num = 0, .sem_op = -1, .sem_flg = 0};
  SHOW(semop(id, &op, 1));
  SHOW(semctl(id, 0, GETVAL));
  op.sem_flg = IPC_NOWAIT;
  SHOW(semop(id, &op, 1));
  op.sem_flg = 0;
  struct timespec ts = {0, 20 * 1000 * 1000};
  SHOW(semtimedop(id, &op, 1, &ts));
  SHOW(semop(id, &op, 0));
  SHOW(semop(id, BAD, 1));
  SHOW(semop(id, &op, 100000));

  pid_t pid = fork();
  if (pid == 0) {
    struct sembuf up = {.sem_num = 0, .sem_op = 1};
    usleep(20000);
    semop(id, &up, 1);
    _exit(0);
  }
  SHOW(semop(id, &op, 1)); /* waits for the child */
  int st;
  waitpid(pid, &st, 0);
  /* The child's semop completes the parent's, on the parent's behalf. */
  printf("GETPID is the parent: %s\n", YN(semctl(id, 0, GETPID) == getpid()));
  struct seminfo si;
  printf("IPC_INFO >= 0: %s, semmsl > 0: %s\n",
         YN(semctl(id, 0, IPC_INFO, &si) >= 0), YN(si.semmsl > 0));
  SHOW(semctl(id, 0, IPC_RMID));
  SHOW(semop(id, &op, 1));
  SHOW(semctl(-1, 0, GETVAL));
}

struct msg {
  long mtype;
  char mtext[64];
};

static void test_msg(void) {
  puts("-- message queues");
  int id = msgget(IPC_PRIVATE, IPC_CREAT | 0600);
  printf("msgget >= 0: %s\n", YN(id >= 0));
  struct msg m = {2, "hello"};
  SHOW(msgsnd(id, &m, 5, 0));
  m.mtype = 1;
  strcpy(m.mtext, "first!");
  SHOW(msgsnd(id, &m, 6, 0));
  struct msqid_ds ds;
  SHOW(msgctl(id, IPC_STAT, &ds));
  printf("qnum %lu cbytes %lu mode %03o lspid is me: %s\n", (unsigned long)ds.msg_qnum,
         (unsigned long)ds.__msg_cbytes, ds.msg_perm.mode & 0777, YN(ds.msg_lspid == getpid()));
  memset(&m, 0, sizeof m);
  SHOW(msgrcv(id, &m, sizeof m.mtext, 1, 0));
  printf("type %ld text %s\n", m.mtype, m.mtext);
  memset(&m, 0, sizeof m);
  SHOW(msgrcv(id, &m, 2, 0, 0));
  SHOW(msgrcv(id, &m, 2, 0, MSG_NOERROR));
  printf("type %ld text %s\n", m.mtype, m.mtext);
  SHOW(msgrcv(id, &m, sizeof m.mtext, 0, IPC_NOWAIT));
  m.mtype = 0;
  SHOW(msgsnd(id, &m, 1, 0));
  SHOW(msgsnd(id, BAD, 1, 0));
  SHOW(msgsnd(id, &m, (size_t)-1, 0));

  pid_t pid = fork();
  if (pid == 0) {
    struct msg c = {7, "from child"};
    usleep(20000);
    msgsnd(id, &c, strlen(c.mtext) + 1, 0);
    _exit(0);
  }
  memset(&m, 0, sizeof m);
  SHOW(msgrcv(id, &m, sizeof m.mtext, 7, 0)); /* waits for the child */
  printf("type %ld text %s\n", m.mtype, m.mtext);
  int st;
  waitpid(pid, &st, 0);
  struct msginfo mi;
  printf("IPC_INFO >= 0: %s, msgmax > 0: %s\n",
         YN(msgctl(id, IPC_INFO, (struct msqid_ds *)&mi) >= 0), YN(mi.msgmax > 0));
  SHOW(msgctl(id, IPC_RMID, NULL));
  SHOW(msgsnd(id, &m, 1, 0));
  SHOW(msgctl(id, IPC_STAT, &ds));
}

int main(void) {
  setvbuf(stdout, NULL, _IONBF, 0);
  pipe(g_pipe);
  test_shm();
  test_sem();
  test_msg();
  return 0;
}
