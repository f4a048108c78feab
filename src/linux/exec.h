#ifndef ELFRUN_LINUX_EXEC_H_
#define ELFRUN_LINUX_EXEC_H_

/* Opens elfrun's own binary (O_PATH, above ELFRUN_FD_BASE), which execve
   of an aarch64 program runs again. Call once at start-up, before the
   guest can change anything. */
void exec_init(void);

#endif
