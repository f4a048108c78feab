/* INSN rows of the load/store families (ldst.c, ldst_fp.c, ldst_simd.c);
   see insn_list.h. The single-register and pair forms come in addressing
   modes, each its own op (ldst.h):
     _off   base + imm: unsigned offset (imm = imm12 << scale), unscaled
            (LDUR/STUR, and LDTR/STTR) or pair offset (imm = imm7 << scale)
     _pre   the same, writing the address back to the base
     _post  address = base, then base += imm
     _reg   base + (extended rm << b), a = enum index_extend
     _lit   PC-relative literal: imm = address
   rd = Rt, ra = Rt2 (pairs), rn = base slot (may be SP). For general-purpose
   registers rd/ra are zero-register slots in stores and sink slots in
   loads; for SIMD&FP they are register numbers. PRFM and PRFUM decode to
   nop. */

/* General-purpose registers (ldst.c). */
INSN(ldrb_off, ldst, BASE, SEQ)         /* LDRB, LDURB, LDTRB */
INSN(ldrb_pre, ldst, BASE, SEQ)
INSN(ldrb_post, ldst, BASE, SEQ)
INSN(ldrb_reg, ldst, BASE, SEQ)
INSN(ldrh_off, ldst, BASE, SEQ)         /* LDRH, LDURH, LDTRH */
INSN(ldrh_pre, ldst, BASE, SEQ)
INSN(ldrh_post, ldst, BASE, SEQ)
INSN(ldrh_reg, ldst, BASE, SEQ)
INSN(ldr_w_off, ldst, BASE, SEQ)        /* LDR, LDUR, LDTR (32-bit) */
INSN(ldr_w_pre, ldst, BASE, SEQ)
INSN(ldr_w_post, ldst, BASE, SEQ)
INSN(ldr_w_reg, ldst, BASE, SEQ)
INSN(ldr_x_off, ldst, BASE, SEQ)        /* LDR, LDUR, LDTR (64-bit) */
INSN(ldr_x_pre, ldst, BASE, SEQ)
INSN(ldr_x_post, ldst, BASE, SEQ)
INSN(ldr_x_reg, ldst, BASE, SEQ)
INSN(ldrsb_w_off, ldst, BASE, SEQ)      /* LDRSB to W */
INSN(ldrsb_w_pre, ldst, BASE, SEQ)
INSN(ldrsb_w_post, ldst, BASE, SEQ)
INSN(ldrsb_w_reg, ldst, BASE, SEQ)
INSN(ldrsb_x_off, ldst, BASE, SEQ)      /* LDRSB to X */
INSN(ldrsb_x_pre, ldst, BASE, SEQ)
INSN(ldrsb_x_post, ldst, BASE, SEQ)
INSN(ldrsb_x_reg, ldst, BASE, SEQ)
INSN(ldrsh_w_off, ldst, BASE, SEQ)      /* LDRSH to W */
INSN(ldrsh_w_pre, ldst, BASE, SEQ)
INSN(ldrsh_w_post, ldst, BASE, SEQ)
INSN(ldrsh_w_reg, ldst, BASE, SEQ)
INSN(ldrsh_x_off, ldst, BASE, SEQ)      /* LDRSH to X */
INSN(ldrsh_x_pre, ldst, BASE, SEQ)
INSN(ldrsh_x_post, ldst, BASE, SEQ)
INSN(ldrsh_x_reg, ldst, BASE, SEQ)
INSN(ldrsw_off, ldst, BASE, SEQ)        /* LDRSW, LDURSW, LDTRSW */
INSN(ldrsw_pre, ldst, BASE, SEQ)
INSN(ldrsw_post, ldst, BASE, SEQ)
INSN(ldrsw_reg, ldst, BASE, SEQ)
INSN(strb_off, ldst, BASE, SEQ)         /* STRB, STURB, STTRB */
INSN(strb_pre, ldst, BASE, SEQ)
INSN(strb_post, ldst, BASE, SEQ)
INSN(strb_reg, ldst, BASE, SEQ)
INSN(strh_off, ldst, BASE, SEQ)         /* STRH, STURH, STTRH */
INSN(strh_pre, ldst, BASE, SEQ)
INSN(strh_post, ldst, BASE, SEQ)
INSN(strh_reg, ldst, BASE, SEQ)
INSN(str_w_off, ldst, BASE, SEQ)        /* STR, STUR, STTR (32-bit) */
INSN(str_w_pre, ldst, BASE, SEQ)
INSN(str_w_post, ldst, BASE, SEQ)
INSN(str_w_reg, ldst, BASE, SEQ)
INSN(str_x_off, ldst, BASE, SEQ)        /* STR, STUR, STTR (64-bit) */
INSN(str_x_pre, ldst, BASE, SEQ)
INSN(str_x_post, ldst, BASE, SEQ)
INSN(str_x_reg, ldst, BASE, SEQ)
INSN(ldr_w_lit, ldst, BASE, SEQ)        /* LDR (literal) */
INSN(ldr_x_lit, ldst, BASE, SEQ)
INSN(ldrsw_lit, ldst, BASE, SEQ)        /* LDRSW (literal) */
INSN(ldp_w_off, ldst, BASE, SEQ)        /* LDP, LDNP (32-bit) */
INSN(ldp_w_pre, ldst, BASE, SEQ)
INSN(ldp_w_post, ldst, BASE, SEQ)
INSN(ldp_x_off, ldst, BASE, SEQ)        /* LDP, LDNP (64-bit) */
INSN(ldp_x_pre, ldst, BASE, SEQ)
INSN(ldp_x_post, ldst, BASE, SEQ)
INSN(ldpsw_off, ldst, BASE, SEQ)        /* LDPSW */
INSN(ldpsw_pre, ldst, BASE, SEQ)
INSN(ldpsw_post, ldst, BASE, SEQ)
INSN(stp_w_off, ldst, BASE, SEQ)        /* STP, STNP (32-bit) */
INSN(stp_w_pre, ldst, BASE, SEQ)
INSN(stp_w_post, ldst, BASE, SEQ)
INSN(stp_x_off, ldst, BASE, SEQ)        /* STP, STNP (64-bit) */
INSN(stp_x_pre, ldst, BASE, SEQ)
INSN(stp_x_post, ldst, BASE, SEQ)

/* SIMD&FP registers (ldst_fp.c): B, H, S, D, Q. */
INSN(ldr_b_off, ldst_fp, FP, SEQ)       /* LDR, LDUR (SIMD&FP, B) */
INSN(ldr_b_pre, ldst_fp, FP, SEQ)
INSN(ldr_b_post, ldst_fp, FP, SEQ)
INSN(ldr_b_reg, ldst_fp, FP, SEQ)
INSN(ldr_h_off, ldst_fp, FP, SEQ)       /* LDR, LDUR (SIMD&FP, H) */
INSN(ldr_h_pre, ldst_fp, FP, SEQ)
INSN(ldr_h_post, ldst_fp, FP, SEQ)
INSN(ldr_h_reg, ldst_fp, FP, SEQ)
INSN(ldr_s_off, ldst_fp, FP, SEQ)       /* LDR, LDUR (SIMD&FP, S) */
INSN(ldr_s_pre, ldst_fp, FP, SEQ)
INSN(ldr_s_post, ldst_fp, FP, SEQ)
INSN(ldr_s_reg, ldst_fp, FP, SEQ)
INSN(ldr_d_off, ldst_fp, FP, SEQ)       /* LDR, LDUR (SIMD&FP, D) */
INSN(ldr_d_pre, ldst_fp, FP, SEQ)
INSN(ldr_d_post, ldst_fp, FP, SEQ)
INSN(ldr_d_reg, ldst_fp, FP, SEQ)
INSN(ldr_q_off, ldst_fp, FP, SEQ)       /* LDR, LDUR (SIMD&FP, Q) */
INSN(ldr_q_pre, ldst_fp, FP, SEQ)
INSN(ldr_q_post, ldst_fp, FP, SEQ)
INSN(ldr_q_reg, ldst_fp, FP, SEQ)
INSN(str_b_off, ldst_fp, FP, SEQ)       /* STR, STUR (SIMD&FP, B) */
INSN(str_b_pre, ldst_fp, FP, SEQ)
INSN(str_b_post, ldst_fp, FP, SEQ)
INSN(str_b_reg, ldst_fp, FP, SEQ)
INSN(str_h_off, ldst_fp, FP, SEQ)       /* STR, STUR (SIMD&FP, H) */
INSN(str_h_pre, ldst_fp, FP, SEQ)
INSN(str_h_post, ldst_fp, FP, SEQ)
INSN(str_h_reg, ldst_fp, FP, SEQ)
INSN(str_s_off, ldst_fp, FP, SEQ)       /* STR, STUR (SIMD&FP, S) */
INSN(str_s_pre, ldst_fp, FP, SEQ)
INSN(str_s_post, ldst_fp, FP, SEQ)
INSN(str_s_reg, ldst_fp, FP, SEQ)
INSN(str_d_off, ldst_fp, FP, SEQ)       /* STR, STUR (SIMD&FP, D) */
INSN(str_d_pre, ldst_fp, FP, SEQ)
INSN(str_d_post, ldst_fp, FP, SEQ)
INSN(str_d_reg, ldst_fp, FP, SEQ)
INSN(str_q_off, ldst_fp, FP, SEQ)       /* STR, STUR (SIMD&FP, Q) */
INSN(str_q_pre, ldst_fp, FP, SEQ)
INSN(str_q_post, ldst_fp, FP, SEQ)
INSN(str_q_reg, ldst_fp, FP, SEQ)
INSN(ldr_s_lit, ldst_fp, FP, SEQ)       /* LDR (literal, SIMD&FP) */
INSN(ldr_d_lit, ldst_fp, FP, SEQ)
INSN(ldr_q_lit, ldst_fp, FP, SEQ)
INSN(ldp_s_off, ldst_fp, FP, SEQ)       /* LDP, LDNP (SIMD&FP, S) */
INSN(ldp_s_pre, ldst_fp, FP, SEQ)
INSN(ldp_s_post, ldst_fp, FP, SEQ)
INSN(ldp_d_off, ldst_fp, FP, SEQ)       /* LDP, LDNP (SIMD&FP, D) */
INSN(ldp_d_pre, ldst_fp, FP, SEQ)
INSN(ldp_d_post, ldst_fp, FP, SEQ)
INSN(ldp_q_off, ldst_fp, FP, SEQ)       /* LDP, LDNP (SIMD&FP, Q) */
INSN(ldp_q_pre, ldst_fp, FP, SEQ)
INSN(ldp_q_post, ldst_fp, FP, SEQ)
INSN(stp_s_off, ldst_fp, FP, SEQ)       /* STP, STNP (SIMD&FP, S) */
INSN(stp_s_pre, ldst_fp, FP, SEQ)
INSN(stp_s_post, ldst_fp, FP, SEQ)
INSN(stp_d_off, ldst_fp, FP, SEQ)       /* STP, STNP (SIMD&FP, D) */
INSN(stp_d_pre, ldst_fp, FP, SEQ)
INSN(stp_d_post, ldst_fp, FP, SEQ)
INSN(stp_q_off, ldst_fp, FP, SEQ)       /* STP, STNP (SIMD&FP, Q) */
INSN(stp_q_pre, ldst_fp, FP, SEQ)
INSN(stp_q_post, ldst_fp, FP, SEQ)

/* AdvSIMD structures (ldst_simd.c): rd = Vt, a = selem | rpt << 4,
   b = log2(element bytes) | Q << 2 | lane << 3; the _post forms add rm
   (offset register slot, REG_ZR for the immediate form) and imm. */
INSN(ldn_multiple, ldst_simd, ASIMD, SEQ) /* LD1-LD4 (multiple structures) */
INSN(ldn_multiple_post, ldst_simd, ASIMD, SEQ)
INSN(stn_multiple, ldst_simd, ASIMD, SEQ) /* ST1-ST4 (multiple structures) */
INSN(stn_multiple_post, ldst_simd, ASIMD, SEQ)
INSN(ldn_single, ldst_simd, ASIMD, SEQ) /* LD1-LD4 (single structure) */
INSN(ldn_single_post, ldst_simd, ASIMD, SEQ)
INSN(stn_single, ldst_simd, ASIMD, SEQ) /* ST1-ST4 (single structure) */
INSN(stn_single_post, ldst_simd, ASIMD, SEQ)
INSN(ldnr, ldst_simd, ASIMD, SEQ)       /* LD1R-LD4R */
INSN(ldnr_post, ldst_simd, ASIMD, SEQ)
INSN(ld1r_b, ldst_simd, ASIMD, SEQ)      /* LD1R by element size: b = size | Q << 2 */
INSN(ld1r_b_post, ldst_simd, ASIMD, SEQ)
INSN(ld1r_h, ldst_simd, ASIMD, SEQ)
INSN(ld1r_h_post, ldst_simd, ASIMD, SEQ)
INSN(ld1r_s, ldst_simd, ASIMD, SEQ)
INSN(ld1r_s_post, ldst_simd, ASIMD, SEQ)
INSN(ld1r_d, ldst_simd, ASIMD, SEQ)
INSN(ld1r_d_post, ldst_simd, ASIMD, SEQ)
