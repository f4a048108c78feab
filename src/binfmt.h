#ifndef ELFRUN_BINFMT_H_
#define ELFRUN_BINFMT_H_

int binfmt_install(void);
int binfmt_uninstall(void);
char **binfmt_command_line(int *argc, char **argv);

#endif
