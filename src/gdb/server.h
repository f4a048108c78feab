#ifndef ELFRUN_GDB_SERVER_H_
#define ELFRUN_GDB_SERVER_H_

/* The client is being told goodbye (vKill, k): no W or X after it. */
void server_forget_client(void);

#endif
