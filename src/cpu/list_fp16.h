/* INSN rows of the half-precision FP family (FPHP, ASIMDHP); see insn_list.h. */
