#ifndef ELFRUN_CPU_OP_TRAITS_H_
#define ELFRUN_CPU_OP_TRAITS_H_

/* Families whose handlers can neither fault nor ask for their own PC: they
   need not record which instruction is executing (cpu->ip), which every
   other handler has recorded before it runs. Read by the interpreter's
   dispatch (interp.c) and by the JIT when it calls a handler. A new family
   must be listed here. */
#define PURE_system 0
#define PURE_branch 0
#define PURE_dp_imm 1
#define PURE_dp_reg 1
#define PURE_ldst 0
#define PURE_ldst_fp 0
#define PURE_ldst_simd 0
#define PURE_atomic 0
#define PURE_fp 1
#define PURE_fp_jscvt 1
#define PURE_simd_arith 1
#define PURE_simd_crypto 1
#define PURE_simd_dot 1
#define PURE_simd_fp16 1
#define PURE_simd_fp_vec 1
#define PURE_simd_long 1
#define PURE_simd_perm 1
#define PURE_simd_reduce 1
#define PURE_simd_sat 1
#define PURE_simd_shift 1

#endif
