/* INSN rows of the branch family; see insn_list.h. */
INSN(b, branch, BASE, END)        /* B: imm = target */
INSN(bl, branch, BASE, END)       /* BL: imm = target */
/* B.cond, one op per condition (AL and NV run as B): imm = target */
INSN(b_eq, branch, BASE, END)
INSN(b_ne, branch, BASE, END)
INSN(b_cs, branch, BASE, END)
INSN(b_cc, branch, BASE, END)
INSN(b_mi, branch, BASE, END)
INSN(b_pl, branch, BASE, END)
INSN(b_vs, branch, BASE, END)
INSN(b_vc, branch, BASE, END)
INSN(b_hi, branch, BASE, END)
INSN(b_ls, branch, BASE, END)
INSN(b_ge, branch, BASE, END)
INSN(b_lt, branch, BASE, END)
INSN(b_gt, branch, BASE, END)
INSN(b_le, branch, BASE, END)
INSN(cbz_w, branch, BASE, END)    /* rn = Rt, imm = target */
INSN(cbnz_w, branch, BASE, END)
INSN(cbz_x, branch, BASE, END)
INSN(cbnz_x, branch, BASE, END)
INSN(tbz, branch, BASE, END)      /* rn = Rt, a = bit, imm = target */
INSN(tbnz, branch, BASE, END)
INSN(br, branch, BASE, END)       /* BR, RET: rn = target register */
INSN(blr, branch, BASE, END)
