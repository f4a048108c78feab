#ifndef ELFRUN_LINUX_START_H_
#define ELFRUN_LINUX_START_H_

/* Sets up the address space, loads the program at `path` and runs it with
   the given argv (argv[0] may be replaced by --argv0) and elfrun's own
   environment.
   Returns only on failure, with the shell's status (126 or 127). */
int start_guest(const char *path, char **argv);

#endif
