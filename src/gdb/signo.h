#ifndef ELFRUN_GDB_SIGNO_H_
#define ELFRUN_GDB_SIGNO_H_

int gdb_signal_from_linux(int sig);
int gdb_signal_to_linux(int gsig);

#endif
