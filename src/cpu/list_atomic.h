/* INSN rows of the atomic family (atomic.c); see insn_list.h. a = log2 of
   the access size (of each register, for pairs), rn = base slot (may be
   SP). General-purpose register fields are zero-register slots when read
   and sink slots when written. */
INSN(ldxr, atomic, BASE, SEQ)      /* LDXR{B,H}: rd = Rt */
INSN(ldaxr, atomic, BASE, SEQ)     /* LDAXR{B,H} */
INSN(stxr, atomic, BASE, SEQ)      /* STXR{B,H}: rd = Rt, rm = Ws (status) */
INSN(stlxr, atomic, BASE, SEQ)     /* STLXR{B,H} */
INSN(ldxp, atomic, BASE, SEQ)      /* LDXP: rd = Rt, ra = Rt2 */
INSN(ldaxp, atomic, BASE, SEQ)     /* LDAXP */
INSN(stxp, atomic, BASE, SEQ)      /* STXP: rd = Rt, ra = Rt2, rm = Ws */
INSN(stlxp, atomic, BASE, SEQ)     /* STLXP */
INSN(ldar, atomic, BASE, SEQ)      /* LDAR{B,H}: rd = Rt */
INSN(stlr, atomic, BASE, SEQ)      /* STLR{B,H}: rd = Rt */
INSN(ldapr, atomic, LRCPC, SEQ)    /* LDAPR{B,H}: rd = Rt */
INSN(cas, atomic, ATOMICS, SEQ)    /* CAS{,A,L,AL}{B,H}: rd = Rt, rm = Rs, ra = Rs (old) */
INSN(casp_w, atomic, ATOMICS, SEQ) /* CASP{,A,L,AL} (W pairs): rd = Rt, a = Rt+1, */
INSN(casp_x, atomic, ATOMICS, SEQ) /*   rm = Rs, b = Rs+1, ra = Rs+1 (old) */
INSN(ldadd, atomic, ATOMICS, SEQ)  /* LDADD, STADD and A/L/B/H variants: */
INSN(ldclr, atomic, ATOMICS, SEQ)  /*   rm = Rs (operand), rd = Rt (old value) */
INSN(ldeor, atomic, ATOMICS, SEQ)
INSN(ldset, atomic, ATOMICS, SEQ)
INSN(ldsmax, atomic, ATOMICS, SEQ)
INSN(ldsmin, atomic, ATOMICS, SEQ)
INSN(ldumax, atomic, ATOMICS, SEQ)
INSN(ldumin, atomic, ATOMICS, SEQ)
INSN(swp, atomic, ATOMICS, SEQ)    /* SWP{,A,L,AL}{B,H} */
