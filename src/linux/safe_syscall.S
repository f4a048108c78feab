/* long safe_syscall_base(volatile u32 *pending, long nr, long a1, ..., long a6)

   A blocking host system call that cannot lose a signal. The host signal
   handler sets *pending and, if it interrupted this thread between the
   check below and the syscall instruction, moves the saved instruction
   pointer to safe_syscall_interrupted, so the call is never entered with a
   signal waiting (see signal.c, on_host_signal). A signal that arrives
   while the kernel sleeps interrupts it with EINTR, since elfrun's host
   handlers have no SA_RESTART. Returns the raw kernel result (-errno on
   failure), or -ERESTARTSYS (512) when it did not enter the kernel. */

  .text
  .globl safe_syscall_base
  .globl safe_syscall_start
  .globl safe_syscall_end
  .type safe_syscall_base, @function
safe_syscall_base:
  .cfi_startproc
  mov %rdi, %r11          /* pending: r11 is ours until the syscall */
  mov %rsi, %rax          /* the host syscall number */
  mov %rdx, %rdi          /* arguments, shifted into the kernel's order */
  mov %rcx, %rsi
  mov %r8, %rdx
  mov %r9, %r10
  mov 8(%rsp), %r8
  mov 16(%rsp), %r9
safe_syscall_start:
  cmpl $0, (%r11)
  jnz safe_syscall_interrupted
  syscall
safe_syscall_end:
  ret
safe_syscall_interrupted:
  mov $-512, %rax
  ret
  .cfi_endproc
  .size safe_syscall_base, .-safe_syscall_base
  .globl safe_syscall_interrupted

  .section .note.GNU-stack, "", @progbits
