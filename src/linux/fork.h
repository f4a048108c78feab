#ifndef ELFRUN_LINUX_FORK_H_
#define ELFRUN_LINUX_FORK_H_

struct thread;

/* Called in a new child process, on its only thread, right after the host
   fork: the thread's state becomes the child's (tid, nothing pending, the
   only thread of its process). */
void process_after_fork_child(struct thread *t);

#endif
