#ifndef ELFRUN_LINUX_SIGFRAME_H_
#define ELFRUN_LINUX_SIGFRAME_H_

#include "linux/abi_signal.h"
#include "linux/process.h"

/* Pushes an rt_sigframe for info->si_signo onto the guest stack (or the
   alternate stack, as ka asks) and points the cpu at the handler:
   x0 = signal, x1 = &info, x2 = &uc, x29 = frame record, x30 = restorer,
   SP = frame, PC = handler. `saved_mask` is the mask sigreturn restores;
   `esr` is the fault's ESR (0: no esr_context). False if the frame could
   not be written (the caller then forces SIGSEGV). */
bool sigframe_setup(struct thread *t, const struct a64_siginfo *info,
                    const struct a64_sigaction *ka, u64 saved_mask, u64 esr);

/* rt_sigreturn: reloads registers, FP/SIMD state, mask and alternate stack
   from the frame at SP. False if the frame is malformed. */
bool sigframe_restore(struct thread *t);

#endif
