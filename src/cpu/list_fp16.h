/* INSN rows of the simd_fp16 family: Advanced SIMD half-precision floating
   point (FEAT_FP16, ASIMDHP), vector and AdvSIMD scalar; see insn_list.h.
   The scalar FP half-precision rows (FPHP) are in list_fp.h, and FMOV
   (vector, immediate) of half precision decodes to movi_vec. Fields as in
   simd.h: a = 1, b = bytes of the result (16, 8, or 2 for a scalar). */
INSN(fadd_vec_h, simd_fp16, ASIMDHP, SEQ)        /* FADD (vector) */
INSN(fsub_vec_h, simd_fp16, ASIMDHP, SEQ)        /* FSUB (vector) */
INSN(fmul_vec_h, simd_fp16, ASIMDHP, SEQ)        /* FMUL (vector) */
INSN(fdiv_vec_h, simd_fp16, ASIMDHP, SEQ)        /* FDIV (vector) */
INSN(fmax_vec_h, simd_fp16, ASIMDHP, SEQ)        /* FMAX (vector) */
INSN(fmin_vec_h, simd_fp16, ASIMDHP, SEQ)        /* FMIN (vector) */
INSN(fmaxnm_vec_h, simd_fp16, ASIMDHP, SEQ)      /* FMAXNM (vector) */
INSN(fminnm_vec_h, simd_fp16, ASIMDHP, SEQ)      /* FMINNM (vector) */
INSN(fmulx_vec_h, simd_fp16, ASIMDHP, SEQ)       /* FMULX, also scalar */
INSN(frecps_vec_h, simd_fp16, ASIMDHP, SEQ)      /* FRECPS, also scalar */
INSN(frsqrts_vec_h, simd_fp16, ASIMDHP, SEQ)     /* FRSQRTS, also scalar */
INSN(fabd_vec_h, simd_fp16, ASIMDHP, SEQ)        /* FABD, also scalar */
INSN(fmla_vec_h, simd_fp16, ASIMDHP, SEQ)        /* FMLA (vector) */
INSN(fmls_vec_h, simd_fp16, ASIMDHP, SEQ)        /* FMLS (vector) */
INSN(fmla_elem_h, simd_fp16, ASIMDHP, SEQ)       /* FMLA (by element), also scalar: imm = index */
INSN(fmls_elem_h, simd_fp16, ASIMDHP, SEQ)       /* FMLS (by element), also scalar: imm = index */
INSN(fmul_elem_h, simd_fp16, ASIMDHP, SEQ)       /* FMUL (by element), also scalar: imm = index */
INSN(fmulx_elem_h, simd_fp16, ASIMDHP, SEQ)      /* FMULX (by element), also scalar: imm = index */
INSN(fcmeq_vec_h, simd_fp16, ASIMDHP, SEQ)       /* FCMEQ (register), also scalar */
INSN(fcmge_vec_h, simd_fp16, ASIMDHP, SEQ)       /* FCMGE (register), also scalar */
INSN(fcmgt_vec_h, simd_fp16, ASIMDHP, SEQ)       /* FCMGT (register), also scalar */
INSN(facge_vec_h, simd_fp16, ASIMDHP, SEQ)       /* FACGE, also scalar */
INSN(facgt_vec_h, simd_fp16, ASIMDHP, SEQ)       /* FACGT, also scalar */
INSN(fcmeq_zero_h, simd_fp16, ASIMDHP, SEQ)      /* FCMEQ (zero), also scalar */
INSN(fcmge_zero_h, simd_fp16, ASIMDHP, SEQ)      /* FCMGE (zero), also scalar */
INSN(fcmgt_zero_h, simd_fp16, ASIMDHP, SEQ)      /* FCMGT (zero), also scalar */
INSN(fcmle_zero_h, simd_fp16, ASIMDHP, SEQ)      /* FCMLE (zero), also scalar */
INSN(fcmlt_zero_h, simd_fp16, ASIMDHP, SEQ)      /* FCMLT (zero), also scalar */
INSN(faddp_vec_h, simd_fp16, ASIMDHP, SEQ)       /* FADDP (vector) */
INSN(fmaxp_vec_h, simd_fp16, ASIMDHP, SEQ)       /* FMAXP (vector) */
INSN(fminp_vec_h, simd_fp16, ASIMDHP, SEQ)       /* FMINP (vector) */
INSN(fmaxnmp_vec_h, simd_fp16, ASIMDHP, SEQ)     /* FMAXNMP (vector) */
INSN(fminnmp_vec_h, simd_fp16, ASIMDHP, SEQ)     /* FMINNMP (vector) */
INSN(faddp_scalar_h, simd_fp16, ASIMDHP, SEQ)    /* FADDP Hd, Vn.2H */
INSN(fmaxp_scalar_h, simd_fp16, ASIMDHP, SEQ)    /* FMAXP Hd, Vn.2H */
INSN(fminp_scalar_h, simd_fp16, ASIMDHP, SEQ)    /* FMINP Hd, Vn.2H */
INSN(fmaxnmp_scalar_h, simd_fp16, ASIMDHP, SEQ)  /* FMAXNMP Hd, Vn.2H */
INSN(fminnmp_scalar_h, simd_fp16, ASIMDHP, SEQ)  /* FMINNMP Hd, Vn.2H */
INSN(fmaxv_vec_h, simd_fp16, ASIMDHP, SEQ)       /* FMAXV: b = bytes of Vn */
INSN(fminv_vec_h, simd_fp16, ASIMDHP, SEQ)       /* FMINV: b = bytes of Vn */
INSN(fmaxnmv_vec_h, simd_fp16, ASIMDHP, SEQ)     /* FMAXNMV: b = bytes of Vn */
INSN(fminnmv_vec_h, simd_fp16, ASIMDHP, SEQ)     /* FMINNMV: b = bytes of Vn */
INSN(fabs_vec_h, simd_fp16, ASIMDHP, SEQ)        /* FABS (vector) */
INSN(fneg_vec_h, simd_fp16, ASIMDHP, SEQ)        /* FNEG (vector) */
INSN(fsqrt_vec_h, simd_fp16, ASIMDHP, SEQ)       /* FSQRT (vector) */
INSN(frecpe_vec_h, simd_fp16, ASIMDHP, SEQ)      /* FRECPE, also scalar */
INSN(frsqrte_vec_h, simd_fp16, ASIMDHP, SEQ)     /* FRSQRTE, also scalar */
INSN(frecpx_scalar_h, simd_fp16, ASIMDHP, SEQ)   /* FRECPX */
INSN(frint_vec_h, simd_fp16, ASIMDHP, SEQ)       /* FRINTN/P/M/Z/A/X/I (vector): imm = rounding */
/* FCVTNS/PS/MS/ZS/AS and the U forms (vector, scalar, fixed-point), to
   16-bit integers: imm = rounding, ra = fbits */
INSN(fcvt_to_sint_vec_h, simd_fp16, ASIMDHP, SEQ)
INSN(fcvt_to_uint_vec_h, simd_fp16, ASIMDHP, SEQ)
/* SCVTF, UCVTF of 16-bit integers (vector, scalar, fixed-point): ra = fbits */
INSN(scvtf_vec_h, simd_fp16, ASIMDHP, SEQ)
INSN(ucvtf_vec_h, simd_fp16, ASIMDHP, SEQ)
