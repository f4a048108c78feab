/* The child of forkexec.c: does nothing, as cheaply as a C program can. */
int main(void) { return 0; }
