#ifndef ELFRUN_LINUX_ABI_SIGNAL_H_
#define ELFRUN_LINUX_ABI_SIGNAL_H_

/* The aarch64 signal frame ABI (asm/sigcontext.h, asm/ucontext.h and
   arch/arm64/kernel/signal.c), as a handler sees it. */

#include "base/types.h"
#include "linux/abi.h"

/* siginfo_t: 128 bytes, the same generic layout on aarch64 and x86-64. */
struct a64_siginfo {
  i32 si_signo;
  i32 si_errno;
  i32 si_code;
  i32 __pad;
  union {
    u64 addr;                    /* si_addr: SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGFPE */
    struct { i32 pid; u32 uid; } kill;
    u8 raw[112];
  };
};
_Static_assert(sizeof(struct a64_siginfo) == 128, "aarch64 siginfo_t");

/* The records in sigcontext.__reserved, each starting with this header. */
struct a64_ctx_head {
  u32 magic;
  u32 size;
};

#define A64_FPSIMD_MAGIC 0x46508001u
#define A64_ESR_MAGIC 0x45535201u
#define A64_EXTRA_MAGIC 0x45585401u

struct a64_fpsimd_context {
  struct a64_ctx_head head;
  u32 fpsr;
  u32 fpcr;
  u64 vregs[32][2] __attribute__((aligned(16)));
};
_Static_assert(sizeof(struct a64_fpsimd_context) == 528, "fpsimd_context");

struct a64_esr_context {
  struct a64_ctx_head head;
  u64 esr;
};

struct a64_sigcontext {
  u64 fault_address;
  u64 regs[31];
  u64 sp;
  u64 pc;
  u64 pstate;
  u8 reserved[4096] __attribute__((aligned(16)));
};
_Static_assert(sizeof(struct a64_sigcontext) == 4384, "sigcontext");

struct a64_ucontext {
  u64 uc_flags;
  u64 uc_link;
  struct a64_stack uc_stack;
  u64 uc_sigmask;
  u8 unused[1024 / 8 - sizeof(u64)];
  struct a64_sigcontext uc_mcontext __attribute__((aligned(16)));
};
_Static_assert(__builtin_offsetof(struct a64_ucontext, uc_mcontext) == 176, "ucontext");

struct a64_rt_sigframe {
  struct a64_siginfo info;
  struct a64_ucontext uc;
};
_Static_assert(sizeof(struct a64_rt_sigframe) == 4688, "rt_sigframe");

/* The frame record (x29, x30) the kernel pushes above the frame so that
   unwinders can walk through the handler. */
struct a64_frame_record {
  u64 fp;
  u64 lr;
};

/* AT_MINSIGSTKSZ as Linux computes it (signal_minsigstksz): the frame, its
   frame record, and 16 bytes of alignment. */
#define A64_SIGFRAME_MINSTKSZ (sizeof(struct a64_rt_sigframe) + 16 + 16)

#endif
