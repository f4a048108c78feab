/* SysV IPC: shared memory, semaphores and message queues (ipc/shm.c,
   ipc/sem.c, ipc/msg.c). A guest process is a host process in the host's
   IPC namespace, so ids, keys, permissions and limits are the host's.

   Command numbers are the same on both ABIs, and neither kernel wants the
   IPC_64 bit (arm64 and x86-64 lack ARCH_WANT_IPC_PARSE_VERSION: the bit
   makes a command unknown on both, so it passes through untouched). Only
   struct semid64_ds differs (abi.h); shmid64_ds, msqid64_ds and the info
   structures pass through, sized here so that the host only ever reads or
   writes inside the guest window.

   Attaching shared memory is the mem layer's job (mem/shm.c): the segment
   must land inside the window. */
#include <errno.h>
#include <sys/msg.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "linux/abi.h"
#include "linux/safe_syscall.h"
#include "linux/svc.h"
#include "linux/xlat.h"
#include "mem/guest.h"
#include "mem/shm.h"

/* The structures the info commands fill (include/uapi/linux/shm.h, sem.h,
   msg.h): the same on both 64-bit ABIs. */
#define SHMINFO64_SIZE 72  /* struct shminfo64: nine unsigned longs */
#define SHM_INFO_SIZE 48   /* struct shm_info: an int and five unsigned longs */
#define SEMINFO_SIZE 40    /* struct seminfo: ten ints */
#define MSGINFO_SIZE 32    /* struct msginfo: seven ints and a short */
#define MSGBUF_MTYPE 8     /* struct msgbuf's long mtype before the text */

/* ---- shared memory ---- */

SYSCALL_HANDLER(shmget) {
  (void)t;
  return host_result(syscall(SYS_shmget, (key_t)arg[0], (size_t)arg[1], (int)arg[2]));
}

static u64 shmctl_buf_size(int cmd) {
  switch (cmd) {
    case IPC_STAT: case IPC_SET: case SHM_STAT: case SHM_STAT_ANY:
      return sizeof(struct shmid_ds);
    case IPC_INFO: return SHMINFO64_SIZE;
    case SHM_INFO: return SHM_INFO_SIZE;
    default: return 0;
  }
}

SYSCALL_HANDLER(shmctl) {
  (void)t;
  int cmd = (int)arg[1];
  u64 size = shmctl_buf_size(cmd);
  void *buf = size ? guest_buf(arg[2], size) : NULL; /* ignored by the rest */
  return host_result(syscall(SYS_shmctl, (int)arg[0], cmd, buf));
}

SYSCALL_HANDLER(shmat) {
  (void)t;
  return guest_shmat((int)arg[0], arg[1], (int)arg[2]);
}

SYSCALL_HANDLER(shmdt) {
  (void)t;
  return guest_shmdt(arg[0]);
}

/* ---- semaphores ---- */

SYSCALL_HANDLER(semget) {
  (void)t;
  return host_result(syscall(SYS_semget, (key_t)arg[0], (int)arg[1], (int)arg[2]));
}

static i64 semctl_stat(int semid, int semnum, int cmd, gaddr dst) {
  struct semid_ds ds;
  long r = syscall(SYS_semctl, semid, semnum, cmd, &ds);
  if (r < 0) return -errno;
  struct a64_semid64_ds out;
  xlat_semid_to_guest(&out, &ds);
  return copy_to_guest(dst, &out, sizeof out) ? -EFAULT : r;
}

/* The kernel copies the new owner and mode in before it looks at the set. */
static i64 semctl_set(int semid, gaddr src) {
  struct a64_semid64_ds in;
  if (copy_from_guest(&in, src, sizeof in)) return -EFAULT;
  struct semid_ds ds;
  xlat_semid_from_guest(&ds, &in);
  return host_result(syscall(SYS_semctl, semid, 0, IPC_SET, &ds));
}

/* GETALL and SETALL move one unsigned short per semaphore of the set: its
   size bounds what the host may touch. IPC_STAT needs read permission,
   which GETALL needs too; a set that grants SETALL's write permission
   without read is refused with EACCES rather than handed an unchecked
   length (a departure from Linux only for that odd mode). */
static i64 semctl_all(int semid, int cmd, gaddr array) {
  struct semid_ds ds;
  if (syscall(SYS_semctl, semid, 0, IPC_STAT, &ds) != 0) return -errno;
  void *buf = guest_buf(array, ds.sem_nsems * sizeof(u16));
  return host_result(syscall(SYS_semctl, semid, 0, cmd, buf));
}

/* The fourth argument is union semun, passed by value: an int for SETVAL,
   a pointer for the commands that move structures. */
SYSCALL_HANDLER(semctl) {
  (void)t;
  int semid = (int)arg[0], semnum = (int)arg[1], cmd = (int)arg[2];
  switch (cmd) {
    case IPC_STAT: case SEM_STAT: case SEM_STAT_ANY:
      return semctl_stat(semid, semnum, cmd, arg[3]);
    case IPC_SET: return semctl_set(semid, arg[3]);
    case IPC_INFO: case SEM_INFO:
      return host_result(syscall(SYS_semctl, semid, semnum, cmd,
                                 guest_buf(arg[3], SEMINFO_SIZE)));
    case GETALL: case SETALL: return semctl_all(semid, cmd, arg[3]);
    default:
      return host_result(syscall(SYS_semctl, semid, semnum, cmd, (unsigned long)arg[3]));
  }
}

/* struct sembuf (6 bytes) and struct timespec are the same on both ABIs.
   The host checks nsops (EINVAL, E2BIG) before it reads the array. A
   signal ends the wait with EINTR, never a restart (do_semtimedop()). */
static i64 do_semtimedop(struct thread *t, int semid, gaddr sops, u32 nsops, gaddr timeout) {
  void *ts = timeout ? guest_buf(timeout, 16) : NULL;
  return safe_syscall(t, SYS_semtimedop, semid,
                      guest_buf(sops, (u64)nsops * sizeof(struct sembuf)), nsops, ts);
}

SYSCALL_HANDLER(semtimedop) {
  return do_semtimedop(t, (int)arg[0], arg[1], (u32)arg[2], arg[3]);
}

SYSCALL_HANDLER(semop) {
  return do_semtimedop(t, (int)arg[0], arg[1], (u32)arg[2], 0);
}

/* ---- message queues ---- */

SYSCALL_HANDLER(msgget) {
  (void)t;
  return host_result(syscall(SYS_msgget, (key_t)arg[0], (int)arg[1]));
}

static u64 msgctl_buf_size(int cmd) {
  switch (cmd) {
    case IPC_STAT: case IPC_SET: case MSG_STAT: case MSG_STAT_ANY:
      return sizeof(struct msqid_ds);
    case IPC_INFO: case MSG_INFO: return MSGINFO_SIZE;
    default: return 0;
  }
}

SYSCALL_HANDLER(msgctl) {
  (void)t;
  int cmd = (int)arg[1];
  u64 size = msgctl_buf_size(cmd);
  void *buf = size ? guest_buf(arg[2], size) : NULL; /* ignored by the rest */
  return host_result(syscall(SYS_msgctl, (int)arg[0], cmd, buf));
}

/* struct msgbuf: a long type, then the text. msgsnd reads the type before
   it judges the size (ksys_msgsnd()), so a size no message can have is
   handed on with a buffer of just the type: the host then says EINVAL. */
static void *msgbuf(gaddr msgp, u64 msgsz) {
  if (msgsz > GUEST_END) return guest_buf(msgp, MSGBUF_MTYPE);
  return guest_buf(msgp, MSGBUF_MTYPE + msgsz);
}

/* Both wait with ERESTARTNOHAND (ipc/msg.c): restarted only when no
   handler ran. */
SYSCALL_HANDLER(msgsnd) {
  return safe_syscall(t, SYS_msgsnd, (int)arg[0], msgbuf(arg[1], arg[2]),
                      (size_t)arg[2], (int)arg[3]);
}

SYSCALL_HANDLER(msgrcv) {
  return safe_syscall(t, SYS_msgrcv, (int)arg[0], msgbuf(arg[1], arg[2]),
                      (size_t)arg[2], (long)arg[3], (int)arg[4]);
}
