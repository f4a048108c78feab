/* INSN rows of the simd families (simd_*.c); see insn_list.h. Field use
   follows the conventions at the top of simd.h unless noted. Every
   AdvSIMD form is part of FEAT_AdvSIMD ("asimd"). */

/* Moves and permutes (simd_perm.c) */
INSN(dup_elem, simd_perm, ASIMD, SEQ)    /* DUP (element), MOV (scalar): imm = index */
INSN(dup_gen, simd_perm, ASIMD, SEQ)     /* DUP (general): rn = X slot */
INSN(ins_gen, simd_perm, ASIMD, SEQ)     /* INS (general), MOV: rn = X slot, imm = index */
INSN(ins_elem, simd_perm, ASIMD, SEQ)    /* INS (element), MOV: imm = dst index, b = src index */
INSN(umov_vec, simd_perm, ASIMD, SEQ)    /* UMOV, MOV (to general): rd = X slot, imm = index */
INSN(smov_vec, simd_perm, ASIMD, SEQ)    /* SMOV: rd = X slot, imm = index, b = 4 (Wd) or 8 (Xd) */
INSN(movi_vec, simd_perm, ASIMD, SEQ)    /* MOVI, MVNI, FMOV (vector, immediate): imm = pattern */
INSN(orr_vec_imm, simd_perm, ASIMD, SEQ) /* ORR (vector, immediate): imm = pattern */
INSN(bic_vec_imm, simd_perm, ASIMD, SEQ) /* BIC (vector, immediate): imm = pattern */
INSN(ext_vec, simd_perm, ASIMD, SEQ)     /* EXT: imm = byte index */
INSN(tbl_vec, simd_perm, ASIMD, SEQ)     /* TBL: a = table registers */
INSN(tbx_vec, simd_perm, ASIMD, SEQ)     /* TBX: a = table registers */
INSN(zip_vec, simd_perm, ASIMD, SEQ)     /* ZIP1, ZIP2: imm = 0, 1 */
INSN(uzp_vec, simd_perm, ASIMD, SEQ)     /* UZP1, UZP2: imm = 0, 1 */
INSN(trn_vec, simd_perm, ASIMD, SEQ)     /* TRN1, TRN2: imm = 0, 1 */
INSN(rev_vec, simd_perm, ASIMD, SEQ)     /* REV16, REV32, REV64: imm = byte index xor mask */
INSN(xtn_vec, simd_perm, ASIMD, SEQ)     /* XTN, XTN2 (narrowing) */

/* Element-wise integer arithmetic (simd_arith.c) */
INSN(add_vec, simd_arith, ASIMD, SEQ)     /* ADD (vector), also scalar D */
INSN(sub_vec, simd_arith, ASIMD, SEQ)     /* SUB (vector), also scalar D */
INSN(mul_vec, simd_arith, ASIMD, SEQ)     /* MUL (vector) */
INSN(mla_vec, simd_arith, ASIMD, SEQ)     /* MLA (vector) */
INSN(mls_vec, simd_arith, ASIMD, SEQ)     /* MLS (vector) */
INSN(pmul_vec, simd_arith, ASIMD, SEQ)    /* PMUL */
INSN(mul_elem, simd_arith, ASIMD, SEQ)    /* MUL (by element): imm = index */
INSN(mla_elem, simd_arith, ASIMD, SEQ)    /* MLA (by element): imm = index */
INSN(mls_elem, simd_arith, ASIMD, SEQ)    /* MLS (by element): imm = index */
INSN(abs_vec, simd_arith, ASIMD, SEQ)     /* ABS */
INSN(neg_vec, simd_arith, ASIMD, SEQ)     /* NEG (vector) */
INSN(and_vec, simd_arith, ASIMD, SEQ)     /* AND (vector): a = 3 */
INSN(bic_vec, simd_arith, ASIMD, SEQ)     /* BIC (vector, register): a = 3 */
INSN(orr_vec, simd_arith, ASIMD, SEQ)     /* ORR (vector, register), MOV (vector): a = 3 */
INSN(orn_vec, simd_arith, ASIMD, SEQ)     /* ORN (vector): a = 3 */
INSN(eor_vec, simd_arith, ASIMD, SEQ)     /* EOR (vector): a = 3 */
INSN(bsl_vec, simd_arith, ASIMD, SEQ)     /* BSL: a = 3 */
INSN(bit_vec, simd_arith, ASIMD, SEQ)     /* BIT: a = 3 */
INSN(bif_vec, simd_arith, ASIMD, SEQ)     /* BIF: a = 3 */
INSN(not_vec, simd_arith, ASIMD, SEQ)     /* NOT, MVN: a = 0 */
INSN(cmeq_vec, simd_arith, ASIMD, SEQ)    /* CMEQ (register) */
INSN(cmtst_vec, simd_arith, ASIMD, SEQ)   /* CMTST */
INSN(cmgt_vec, simd_arith, ASIMD, SEQ)    /* CMGT (register) */
INSN(cmge_vec, simd_arith, ASIMD, SEQ)    /* CMGE (register) */
INSN(cmhi_vec, simd_arith, ASIMD, SEQ)    /* CMHI (register) */
INSN(cmhs_vec, simd_arith, ASIMD, SEQ)    /* CMHS (register) */
INSN(cmeq_zero, simd_arith, ASIMD, SEQ)   /* CMEQ (zero) */
INSN(cmgt_zero, simd_arith, ASIMD, SEQ)   /* CMGT (zero) */
INSN(cmge_zero, simd_arith, ASIMD, SEQ)   /* CMGE (zero) */
INSN(cmle_zero, simd_arith, ASIMD, SEQ)   /* CMLE (zero) */
INSN(cmlt_zero, simd_arith, ASIMD, SEQ)   /* CMLT (zero) */
INSN(smax_vec, simd_arith, ASIMD, SEQ)    /* SMAX */
INSN(smin_vec, simd_arith, ASIMD, SEQ)    /* SMIN */
INSN(umax_vec, simd_arith, ASIMD, SEQ)    /* UMAX */
INSN(umin_vec, simd_arith, ASIMD, SEQ)    /* UMIN */
INSN(sabd_vec, simd_arith, ASIMD, SEQ)    /* SABD */
INSN(uabd_vec, simd_arith, ASIMD, SEQ)    /* UABD */
INSN(saba_vec, simd_arith, ASIMD, SEQ)    /* SABA */
INSN(uaba_vec, simd_arith, ASIMD, SEQ)    /* UABA */
INSN(shadd_vec, simd_arith, ASIMD, SEQ)   /* SHADD */
INSN(uhadd_vec, simd_arith, ASIMD, SEQ)   /* UHADD */
INSN(srhadd_vec, simd_arith, ASIMD, SEQ)  /* SRHADD */
INSN(urhadd_vec, simd_arith, ASIMD, SEQ)  /* URHADD */
INSN(shsub_vec, simd_arith, ASIMD, SEQ)   /* SHSUB */
INSN(uhsub_vec, simd_arith, ASIMD, SEQ)   /* UHSUB */
INSN(cls_vec, simd_arith, ASIMD, SEQ)     /* CLS (vector) */
INSN(clz_vec, simd_arith, ASIMD, SEQ)     /* CLZ (vector) */
INSN(cnt_vec, simd_arith, ASIMD, SEQ)     /* CNT */
INSN(rbit_vec, simd_arith, ASIMD, SEQ)    /* RBIT (vector) */
INSN(urecpe_vec, simd_arith, ASIMD, SEQ)  /* URECPE */
INSN(ursqrte_vec, simd_arith, ASIMD, SEQ) /* URSQRTE */

/* Saturating arithmetic, setting FPSR.QC (simd_sat.c) */
INSN(sqadd_vec, simd_sat, ASIMD, SEQ)     /* SQADD */
INSN(uqadd_vec, simd_sat, ASIMD, SEQ)     /* UQADD */
INSN(sqsub_vec, simd_sat, ASIMD, SEQ)     /* SQSUB */
INSN(uqsub_vec, simd_sat, ASIMD, SEQ)     /* UQSUB */
INSN(suqadd_vec, simd_sat, ASIMD, SEQ)    /* SUQADD */
INSN(usqadd_vec, simd_sat, ASIMD, SEQ)    /* USQADD */
INSN(sqabs_vec, simd_sat, ASIMD, SEQ)     /* SQABS */
INSN(sqneg_vec, simd_sat, ASIMD, SEQ)     /* SQNEG */
INSN(sqdmulh_vec, simd_sat, ASIMD, SEQ)   /* SQDMULH (vector) */
INSN(sqrdmulh_vec, simd_sat, ASIMD, SEQ)  /* SQRDMULH (vector) */
INSN(sqdmulh_elem, simd_sat, ASIMD, SEQ)  /* SQDMULH (by element): imm = index */
INSN(sqrdmulh_elem, simd_sat, ASIMD, SEQ) /* SQRDMULH (by element): imm = index */
INSN(sqdmull_vec, simd_sat, ASIMD, SEQ)   /* SQDMULL, SQDMULL2 (vector; widening) */
INSN(sqdmlal_vec, simd_sat, ASIMD, SEQ)   /* SQDMLAL, SQDMLAL2 (vector; widening) */
INSN(sqdmlsl_vec, simd_sat, ASIMD, SEQ)   /* SQDMLSL, SQDMLSL2 (vector; widening) */
INSN(sqdmull_elem, simd_sat, ASIMD, SEQ)  /* SQDMULL (by element): imm = index */
INSN(sqdmlal_elem, simd_sat, ASIMD, SEQ)  /* SQDMLAL (by element): imm = index */
INSN(sqdmlsl_elem, simd_sat, ASIMD, SEQ)  /* SQDMLSL (by element): imm = index */
INSN(sqxtn_vec, simd_sat, ASIMD, SEQ)     /* SQXTN, SQXTN2 (narrowing) */
INSN(uqxtn_vec, simd_sat, ASIMD, SEQ)     /* UQXTN, UQXTN2 (narrowing) */
INSN(sqxtun_vec, simd_sat, ASIMD, SEQ)    /* SQXTUN, SQXTUN2 (narrowing) */

/* Shifts (simd_shift.c); imm = shift amount */
INSN(sshl_vec, simd_shift, ASIMD, SEQ)     /* SSHL */
INSN(ushl_vec, simd_shift, ASIMD, SEQ)     /* USHL */
INSN(srshl_vec, simd_shift, ASIMD, SEQ)    /* SRSHL */
INSN(urshl_vec, simd_shift, ASIMD, SEQ)    /* URSHL */
INSN(sqshl_vec, simd_shift, ASIMD, SEQ)    /* SQSHL (register) */
INSN(uqshl_vec, simd_shift, ASIMD, SEQ)    /* UQSHL (register) */
INSN(sqrshl_vec, simd_shift, ASIMD, SEQ)   /* SQRSHL */
INSN(uqrshl_vec, simd_shift, ASIMD, SEQ)   /* UQRSHL */
INSN(shl_vec, simd_shift, ASIMD, SEQ)      /* SHL */
INSN(sshr_vec, simd_shift, ASIMD, SEQ)     /* SSHR */
INSN(ushr_vec, simd_shift, ASIMD, SEQ)     /* USHR */
INSN(ssra_vec, simd_shift, ASIMD, SEQ)     /* SSRA */
INSN(usra_vec, simd_shift, ASIMD, SEQ)     /* USRA */
INSN(srshr_vec, simd_shift, ASIMD, SEQ)    /* SRSHR */
INSN(urshr_vec, simd_shift, ASIMD, SEQ)    /* URSHR */
INSN(srsra_vec, simd_shift, ASIMD, SEQ)    /* SRSRA */
INSN(ursra_vec, simd_shift, ASIMD, SEQ)    /* URSRA */
INSN(sli_vec, simd_shift, ASIMD, SEQ)      /* SLI */
INSN(sri_vec, simd_shift, ASIMD, SEQ)      /* SRI */
INSN(sqshl_imm, simd_shift, ASIMD, SEQ)    /* SQSHL (immediate) */
INSN(uqshl_imm, simd_shift, ASIMD, SEQ)    /* UQSHL (immediate) */
INSN(sqshlu_vec, simd_shift, ASIMD, SEQ)   /* SQSHLU */
INSN(shrn_vec, simd_shift, ASIMD, SEQ)     /* SHRN, SHRN2 (narrowing) */
INSN(rshrn_vec, simd_shift, ASIMD, SEQ)    /* RSHRN, RSHRN2 (narrowing) */
INSN(sqshrn_vec, simd_shift, ASIMD, SEQ)   /* SQSHRN, SQSHRN2 (narrowing) */
INSN(sqrshrn_vec, simd_shift, ASIMD, SEQ)  /* SQRSHRN, SQRSHRN2 (narrowing) */
INSN(uqshrn_vec, simd_shift, ASIMD, SEQ)   /* UQSHRN, UQSHRN2 (narrowing) */
INSN(uqrshrn_vec, simd_shift, ASIMD, SEQ)  /* UQRSHRN, UQRSHRN2 (narrowing) */
INSN(sqshrun_vec, simd_shift, ASIMD, SEQ)  /* SQSHRUN, SQSHRUN2 (narrowing) */
INSN(sqrshrun_vec, simd_shift, ASIMD, SEQ) /* SQRSHRUN, SQRSHRUN2 (narrowing) */
INSN(sshll_vec, simd_shift, ASIMD, SEQ)    /* SSHLL, SSHLL2, SXTL (widening) */
INSN(ushll_vec, simd_shift, ASIMD, SEQ)    /* USHLL, USHLL2, UXTL, SHLL, SHLL2 (widening) */

/* Widening and narrowing arithmetic (simd_long.c) */
INSN(saddl_vec, simd_long, ASIMD, SEQ)  /* SADDL, SADDL2 (widening) */
INSN(uaddl_vec, simd_long, ASIMD, SEQ)  /* UADDL, UADDL2 */
INSN(ssubl_vec, simd_long, ASIMD, SEQ)  /* SSUBL, SSUBL2 */
INSN(usubl_vec, simd_long, ASIMD, SEQ)  /* USUBL, USUBL2 */
INSN(saddw_vec, simd_long, ASIMD, SEQ)  /* SADDW, SADDW2 */
INSN(uaddw_vec, simd_long, ASIMD, SEQ)  /* UADDW, UADDW2 */
INSN(ssubw_vec, simd_long, ASIMD, SEQ)  /* SSUBW, SSUBW2 */
INSN(usubw_vec, simd_long, ASIMD, SEQ)  /* USUBW, USUBW2 */
INSN(sabdl_vec, simd_long, ASIMD, SEQ)  /* SABDL, SABDL2 */
INSN(uabdl_vec, simd_long, ASIMD, SEQ)  /* UABDL, UABDL2 */
INSN(sabal_vec, simd_long, ASIMD, SEQ)  /* SABAL, SABAL2 */
INSN(uabal_vec, simd_long, ASIMD, SEQ)  /* UABAL, UABAL2 */
INSN(smull_vec, simd_long, ASIMD, SEQ)  /* SMULL, SMULL2 (vector) */
INSN(umull_vec, simd_long, ASIMD, SEQ)  /* UMULL, UMULL2 (vector) */
INSN(smlal_vec, simd_long, ASIMD, SEQ)  /* SMLAL, SMLAL2 (vector) */
INSN(umlal_vec, simd_long, ASIMD, SEQ)  /* UMLAL, UMLAL2 (vector) */
INSN(smlsl_vec, simd_long, ASIMD, SEQ)  /* SMLSL, SMLSL2 (vector) */
INSN(umlsl_vec, simd_long, ASIMD, SEQ)  /* UMLSL, UMLSL2 (vector) */
INSN(pmull_vec, simd_long, ASIMD, SEQ)  /* PMULL, PMULL2 of bytes (not the 64-bit FEAT_PMULL form) */
INSN(smull_elem, simd_long, ASIMD, SEQ) /* SMULL (by element): imm = index */
INSN(umull_elem, simd_long, ASIMD, SEQ) /* UMULL (by element): imm = index */
INSN(smlal_elem, simd_long, ASIMD, SEQ) /* SMLAL (by element): imm = index */
INSN(umlal_elem, simd_long, ASIMD, SEQ) /* UMLAL (by element): imm = index */
INSN(smlsl_elem, simd_long, ASIMD, SEQ) /* SMLSL (by element): imm = index */
INSN(umlsl_elem, simd_long, ASIMD, SEQ) /* UMLSL (by element): imm = index */
INSN(addhn_vec, simd_long, ASIMD, SEQ)  /* ADDHN, ADDHN2 (narrowing) */
INSN(raddhn_vec, simd_long, ASIMD, SEQ) /* RADDHN, RADDHN2 (narrowing) */
INSN(subhn_vec, simd_long, ASIMD, SEQ)  /* SUBHN, SUBHN2 (narrowing) */
INSN(rsubhn_vec, simd_long, ASIMD, SEQ) /* RSUBHN, RSUBHN2 (narrowing) */

/* Pairwise and across-lanes reductions (simd_reduce.c) */
INSN(addp_vec, simd_reduce, ASIMD, SEQ)    /* ADDP (vector) */
INSN(smaxp_vec, simd_reduce, ASIMD, SEQ)   /* SMAXP */
INSN(sminp_vec, simd_reduce, ASIMD, SEQ)   /* SMINP */
INSN(umaxp_vec, simd_reduce, ASIMD, SEQ)   /* UMAXP */
INSN(uminp_vec, simd_reduce, ASIMD, SEQ)   /* UMINP */
INSN(addp_scalar, simd_reduce, ASIMD, SEQ) /* ADDP (scalar) */
INSN(saddlp_vec, simd_reduce, ASIMD, SEQ)  /* SADDLP: a = narrow size */
INSN(uaddlp_vec, simd_reduce, ASIMD, SEQ)  /* UADDLP: a = narrow size */
INSN(sadalp_vec, simd_reduce, ASIMD, SEQ)  /* SADALP: a = narrow size */
INSN(uadalp_vec, simd_reduce, ASIMD, SEQ)  /* UADALP: a = narrow size */
INSN(addv_vec, simd_reduce, ASIMD, SEQ)    /* ADDV: b = source bytes, result 2^a bytes */
INSN(smaxv_vec, simd_reduce, ASIMD, SEQ)   /* SMAXV: b = source bytes */
INSN(sminv_vec, simd_reduce, ASIMD, SEQ)   /* SMINV: b = source bytes */
INSN(umaxv_vec, simd_reduce, ASIMD, SEQ)   /* UMAXV: b = source bytes */
INSN(uminv_vec, simd_reduce, ASIMD, SEQ)   /* UMINV: b = source bytes */
INSN(saddlv_vec, simd_reduce, ASIMD, SEQ)  /* SADDLV: b = source bytes, result 2^(a+1) bytes */
INSN(uaddlv_vec, simd_reduce, ASIMD, SEQ)  /* UADDLV: b = source bytes, result 2^(a+1) bytes */

/* Floating point, single and double precision (simd_fp_vec.c): a = 2 or 3 */
INSN(fadd_vec, simd_fp_vec, ASIMD, SEQ)         /* FADD (vector) */
INSN(fsub_vec, simd_fp_vec, ASIMD, SEQ)         /* FSUB (vector) */
INSN(fmul_vec, simd_fp_vec, ASIMD, SEQ)         /* FMUL (vector) */
INSN(fdiv_vec, simd_fp_vec, ASIMD, SEQ)         /* FDIV (vector) */
INSN(fmax_vec, simd_fp_vec, ASIMD, SEQ)         /* FMAX (vector) */
INSN(fmin_vec, simd_fp_vec, ASIMD, SEQ)         /* FMIN (vector) */
INSN(fmaxnm_vec, simd_fp_vec, ASIMD, SEQ)       /* FMAXNM (vector) */
INSN(fminnm_vec, simd_fp_vec, ASIMD, SEQ)       /* FMINNM (vector) */
INSN(fmulx_vec, simd_fp_vec, ASIMD, SEQ)        /* FMULX, also scalar */
INSN(frecps_vec, simd_fp_vec, ASIMD, SEQ)       /* FRECPS, also scalar */
INSN(frsqrts_vec, simd_fp_vec, ASIMD, SEQ)      /* FRSQRTS, also scalar */
INSN(fabd_vec, simd_fp_vec, ASIMD, SEQ)         /* FABD, also scalar */
INSN(fmla_vec, simd_fp_vec, ASIMD, SEQ)         /* FMLA (vector) */
INSN(fmls_vec, simd_fp_vec, ASIMD, SEQ)         /* FMLS (vector) */
INSN(fmla_elem, simd_fp_vec, ASIMD, SEQ)        /* FMLA (by element), also scalar: imm = index */
INSN(fmls_elem, simd_fp_vec, ASIMD, SEQ)        /* FMLS (by element), also scalar: imm = index */
INSN(fmul_elem, simd_fp_vec, ASIMD, SEQ)        /* FMUL (by element), also scalar: imm = index */
INSN(fmulx_elem, simd_fp_vec, ASIMD, SEQ)       /* FMULX (by element), also scalar: imm = index */
INSN(fcmeq_vec, simd_fp_vec, ASIMD, SEQ)        /* FCMEQ (register), also scalar */
INSN(fcmge_vec, simd_fp_vec, ASIMD, SEQ)        /* FCMGE (register), also scalar */
INSN(fcmgt_vec, simd_fp_vec, ASIMD, SEQ)        /* FCMGT (register), also scalar */
INSN(facge_vec, simd_fp_vec, ASIMD, SEQ)        /* FACGE, also scalar */
INSN(facgt_vec, simd_fp_vec, ASIMD, SEQ)        /* FACGT, also scalar */
INSN(fcmeq_zero, simd_fp_vec, ASIMD, SEQ)       /* FCMEQ (zero), also scalar */
INSN(fcmge_zero, simd_fp_vec, ASIMD, SEQ)       /* FCMGE (zero), also scalar */
INSN(fcmgt_zero, simd_fp_vec, ASIMD, SEQ)       /* FCMGT (zero), also scalar */
INSN(fcmle_zero, simd_fp_vec, ASIMD, SEQ)       /* FCMLE (zero), also scalar */
INSN(fcmlt_zero, simd_fp_vec, ASIMD, SEQ)       /* FCMLT (zero), also scalar */
INSN(faddp_vec, simd_fp_vec, ASIMD, SEQ)        /* FADDP (vector) */
INSN(fmaxp_vec, simd_fp_vec, ASIMD, SEQ)        /* FMAXP (vector) */
INSN(fminp_vec, simd_fp_vec, ASIMD, SEQ)        /* FMINP (vector) */
INSN(fmaxnmp_vec, simd_fp_vec, ASIMD, SEQ)      /* FMAXNMP (vector) */
INSN(fminnmp_vec, simd_fp_vec, ASIMD, SEQ)      /* FMINNMP (vector) */
INSN(faddp_scalar, simd_fp_vec, ASIMD, SEQ)     /* FADDP (scalar) */
INSN(fmaxp_scalar, simd_fp_vec, ASIMD, SEQ)     /* FMAXP (scalar) */
INSN(fminp_scalar, simd_fp_vec, ASIMD, SEQ)     /* FMINP (scalar) */
INSN(fmaxnmp_scalar, simd_fp_vec, ASIMD, SEQ)   /* FMAXNMP (scalar) */
INSN(fminnmp_scalar, simd_fp_vec, ASIMD, SEQ)   /* FMINNMP (scalar) */
INSN(fmaxv_vec, simd_fp_vec, ASIMD, SEQ)        /* FMAXV: 4S only */
INSN(fminv_vec, simd_fp_vec, ASIMD, SEQ)        /* FMINV: 4S only */
INSN(fmaxnmv_vec, simd_fp_vec, ASIMD, SEQ)      /* FMAXNMV: 4S only */
INSN(fminnmv_vec, simd_fp_vec, ASIMD, SEQ)      /* FMINNMV: 4S only */
INSN(fabs_vec, simd_fp_vec, ASIMD, SEQ)         /* FABS (vector) */
INSN(fneg_vec, simd_fp_vec, ASIMD, SEQ)         /* FNEG (vector) */
INSN(fsqrt_vec, simd_fp_vec, ASIMD, SEQ)        /* FSQRT (vector) */
INSN(frecpe_vec, simd_fp_vec, ASIMD, SEQ)       /* FRECPE, also scalar */
INSN(frsqrte_vec, simd_fp_vec, ASIMD, SEQ)      /* FRSQRTE, also scalar */
INSN(frecpx_scalar, simd_fp_vec, ASIMD, SEQ)    /* FRECPX */
INSN(frint_vec, simd_fp_vec, ASIMD, SEQ)        /* FRINTN/P/M/Z/A/X/I (vector): imm = rounding */
INSN(fcvt_to_sint_vec, simd_fp_vec, ASIMD, SEQ) /* FCVTNS/PS/MS/ZS/AS (vector, scalar, fixed-point): */
INSN(fcvt_to_uint_vec, simd_fp_vec, ASIMD, SEQ) /*   and the U forms: imm = rounding, ra = fbits */
INSN(scvtf_vec, simd_fp_vec, ASIMD, SEQ)        /* SCVTF (vector, scalar, fixed-point): ra = fbits */
INSN(ucvtf_vec, simd_fp_vec, ASIMD, SEQ)        /* UCVTF (vector, scalar, fixed-point): ra = fbits */
INSN(fcvtl_vec, simd_fp_vec, ASIMD, SEQ)        /* FCVTL, FCVTL2 (widening; a = 1 or 2) */
INSN(fcvtn_vec, simd_fp_vec, ASIMD, SEQ)        /* FCVTN, FCVTN2 (narrowing; a = 1 or 2) */
INSN(fcvtxn_vec, simd_fp_vec, ASIMD, SEQ)       /* FCVTXN, FCVTXN2, also scalar (narrowing) */
