#ifndef ELFRUN_MEM_SHM_H_
#define ELFRUN_MEM_SHM_H_

#include "base/types.h"

/* SysV shared memory attached inside the guest window (linux/ipc.c is the
   syscall side). Each returns the Linux result or -errno. */

/* shmat(): the segment's guest address. */
i64 guest_shmat(int shmid, gaddr addr, int shmflg);
/* shmdt(): 0. */
i64 guest_shmdt(gaddr addr);

#endif
