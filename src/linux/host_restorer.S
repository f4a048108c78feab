/* The x86-64 kernel returns from a host signal handler through the
   SA_RESTORER trampoline: rt_sigreturn (15). */
  .text
  .globl host_rt_sigreturn
  .type host_rt_sigreturn, @function
host_rt_sigreturn:
  mov $15, %eax
  syscall
  .size host_rt_sigreturn, .-host_rt_sigreturn
  .section .note.GNU-stack, "", @progbits
