/* INSN rows of the branch family; see insn_list.h. */
INSN(b, branch, BASE, END)        /* B: imm = target */
INSN(bl, branch, BASE, END)       /* BL: imm = target */
INSN(b_cond, branch, BASE, END)   /* B.cond: a = cond, imm = target */
INSN(cbz_w, branch, BASE, END)    /* rn = Rt, imm = target */
INSN(cbnz_w, branch, BASE, END)
INSN(cbz_x, branch, BASE, END)
INSN(cbnz_x, branch, BASE, END)
INSN(tbz, branch, BASE, END)      /* rn = Rt, a = bit, imm = target */
INSN(tbnz, branch, BASE, END)
INSN(br, branch, BASE, END)       /* BR, RET: rn = target register */
INSN(blr, branch, BASE, END)
