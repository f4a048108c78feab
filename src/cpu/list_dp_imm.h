/* INSN rows of the dp_imm family; see insn_list.h. */
INSN(adr, dp_imm, BASE, SEQ)        /* ADR, ADRP: rd = imm (absolute) */
INSN(movz_x, dp_imm, BASE, SEQ)     /* MOVZ, MOVN: rd = imm (final value) */
INSN(movk_w, dp_imm, BASE, SEQ)     /* a = shift, imm = 16-bit value */
INSN(movk_x, dp_imm, BASE, SEQ)
