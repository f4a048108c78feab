/* INSN rows of the system family; see insn_list.h. */
INSN(undef, system, BASE, END)      /* unallocated or unimplemented: SIGILL */
INSN(udf, system, BASE, END)        /* UDF #imm: SIGILL */
INSN(nop, system, BASE, SEQ)        /* NOP and the whole hint space */
INSN(block_end, system, BASE, END)  /* synthetic: continue at imm */
INSN(svc, system, BASE, END)
INSN(brk, system, BASE, END)        /* imm = comment */
INSN(clrex, system, BASE, SEQ)
INSN(dmb_full, system, BASE, SEQ)   /* DMB/DSB ordering stores before loads */
INSN(dmb_weak, system, BASE, SEQ)   /* DMB/DSB LD or ST, ISB: TSO already orders */
INSN(mrs_const, system, CPUID, SEQ) /* MRS of a constant register: rd = imm */
INSN(mrs_nzcv, system, BASE, SEQ)
INSN(mrs_fpcr, system, FP, SEQ)
INSN(mrs_fpsr, system, FP, SEQ)
INSN(mrs_tpidr, system, BASE, SEQ)
INSN(mrs_cntvct, system, BASE, SEQ)
INSN(msr_nzcv, system, BASE, SEQ)
INSN(msr_fpcr, system, FP, END)     /* FPCR mode bits are part of the block key */
INSN(msr_fpsr, system, FP, SEQ)
INSN(msr_tpidr, system, BASE, SEQ)
INSN(dc_zva, system, BASE, SEQ)     /* rn = address register */
INSN(dc_clean, system, BASE, SEQ)   /* DC CVAU/CVAC/CIVAC: nothing to do */
INSN(dc_cvap, system, DCPOP, SEQ)   /* DC CVAP: nothing to do */
INSN(ic_ivau, system, BASE, END)    /* rn = address register */
