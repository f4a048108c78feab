#ifndef ELFRUN_PATH_PROCFS_H_
#define ELFRUN_PATH_PROCFS_H_

#include "base/types.h"

struct process;
struct thread;

/* Records where exec left argv, envp and the auxiliary vector on the
   guest's initial stack (sp: the initial SP, pointing at argc). */
void procfs_note_stack(struct process *p, gaddr sp);

/* After a host open returned fd (or -1 with errno): when fd is one of this
   process's synthetic /proc files, its content is replaced by the guest's,
   under the same descriptor number. Returns fd, or -1 with errno. */
long procfs_open(struct thread *t, long fd, int flags);

/* getdents64 on the host descriptor fd into buf: in this process's
   /proc/<pid>/fd and fdinfo directories, elfrun's own descriptors are left
   out. Returns the bytes filled, or -1 with errno. */
long procfs_getdents64(int fd, void *buf, unsigned count);

#endif
