/* INSN rows of the fp family (scalar floating point); see insn_list.h.
   _s/_d/_h name the precision of the FP operands, _w/_x the general
   register; rd, rn, rm, ra are V register numbers unless they name a
   general register (resolved with XZR at 31). The _h rows other than the
   ARMv8.0 conversions FCVT Sd/Dd, Hn and FCVT Hd, Sn/Dn are half-precision
   arithmetic, FEAT_FP16 (FPHP). */
INSN(fmov_s, fp, FP, SEQ)          /* FMOV Sd, Sn */
INSN(fmov_d, fp, FP, SEQ)          /* FMOV Dd, Dn */
INSN(fmov_imm, fp, FP, SEQ)        /* FMOV Hd/Sd/Dd, #imm: imm = the bits */
INSN(fmov_w_s, fp, FP, SEQ)        /* FMOV Wd, Sn */
INSN(fmov_s_w, fp, FP, SEQ)        /* FMOV Sd, Wn */
INSN(fmov_x_d, fp, FP, SEQ)        /* FMOV Xd, Dn */
INSN(fmov_d_x, fp, FP, SEQ)        /* FMOV Dd, Xn */
INSN(fmov_x_d1, fp, FP, SEQ)       /* FMOV Xd, Vn.D[1] */
INSN(fmov_d1_x, fp, FP, SEQ)       /* FMOV Vd.D[1], Xn */
INSN(fabs_s, fp, FP, SEQ)
INSN(fabs_d, fp, FP, SEQ)
INSN(fneg_s, fp, FP, SEQ)
INSN(fneg_d, fp, FP, SEQ)
INSN(fsqrt_s, fp, FP, SEQ)
INSN(fsqrt_d, fp, FP, SEQ)
INSN(fcvt_d_s, fp, FP, SEQ)        /* FCVT Dd, Sn */
INSN(fcvt_h_s, fp, FP, SEQ)        /* FCVT Hd, Sn */
INSN(fcvt_s_d, fp, FP, SEQ)        /* FCVT Sd, Dn */
INSN(fcvt_h_d, fp, FP, SEQ)        /* FCVT Hd, Dn */
INSN(fcvt_s_h, fp, FP, SEQ)        /* FCVT Sd, Hn */
INSN(fcvt_d_h, fp, FP, SEQ)        /* FCVT Dd, Hn */
INSN(frint_s, fp, FP, SEQ)         /* FRINTN/P/M/Z/A/X/I: a = rounding, b = exact */
INSN(frint_d, fp, FP, SEQ)
INSN(fmul_s, fp, FP, SEQ)
INSN(fmul_d, fp, FP, SEQ)
INSN(fdiv_s, fp, FP, SEQ)
INSN(fdiv_d, fp, FP, SEQ)
INSN(fadd_s, fp, FP, SEQ)
INSN(fadd_d, fp, FP, SEQ)
INSN(fsub_s, fp, FP, SEQ)
INSN(fsub_d, fp, FP, SEQ)
INSN(fmax_s, fp, FP, SEQ)
INSN(fmax_d, fp, FP, SEQ)
INSN(fmin_s, fp, FP, SEQ)
INSN(fmin_d, fp, FP, SEQ)
INSN(fmaxnm_s, fp, FP, SEQ)
INSN(fmaxnm_d, fp, FP, SEQ)
INSN(fminnm_s, fp, FP, SEQ)
INSN(fminnm_d, fp, FP, SEQ)
INSN(fnmul_s, fp, FP, SEQ)
INSN(fnmul_d, fp, FP, SEQ)
INSN(fmadd_s, fp, FP, SEQ)         /* Rd = Ra + Rn * Rm, fused */
INSN(fmadd_d, fp, FP, SEQ)
INSN(fmsub_s, fp, FP, SEQ)         /* Rd = Ra - Rn * Rm */
INSN(fmsub_d, fp, FP, SEQ)
INSN(fnmadd_s, fp, FP, SEQ)        /* Rd = -Ra - Rn * Rm */
INSN(fnmadd_d, fp, FP, SEQ)
INSN(fnmsub_s, fp, FP, SEQ)        /* Rd = -Ra + Rn * Rm */
INSN(fnmsub_d, fp, FP, SEQ)
INSN(fcmp_s, fp, FP, SEQ)          /* FCMP: b = compare with #0.0 */
INSN(fcmp_d, fp, FP, SEQ)
INSN(fcmpe_s, fp, FP, SEQ)         /* FCMPE: b = compare with #0.0 */
INSN(fcmpe_d, fp, FP, SEQ)
INSN(fccmp_s, fp, FP, SEQ)         /* FCCMP: a = cond, imm = nzcv */
INSN(fccmp_d, fp, FP, SEQ)
INSN(fccmpe_s, fp, FP, SEQ)        /* FCCMPE: a = cond, imm = nzcv */
INSN(fccmpe_d, fp, FP, SEQ)
INSN(fcsel_s, fp, FP, SEQ)         /* a = cond */
INSN(fcsel_d, fp, FP, SEQ)
/* FCVTNS FCVTNU FCVTPS FCVTPU FCVTMS FCVTMU FCVTZS FCVTZU FCVTAS FCVTAU
   (integer) and FCVTZS FCVTZU (fixed-point), Wd/Xd from Sn/Dn:
   a = FPRounding, b = unsigned, imm = fbits. */
INSN(fp_to_fixed_w_s, fp, FP, SEQ)
INSN(fp_to_fixed_x_s, fp, FP, SEQ)
INSN(fp_to_fixed_w_d, fp, FP, SEQ)
INSN(fp_to_fixed_x_d, fp, FP, SEQ)
/* SCVTF UCVTF (integer and fixed-point), Sd/Dd from Wn/Xn:
   b = unsigned, imm = fbits. */
INSN(fixed_to_fp_s_w, fp, FP, SEQ)
INSN(fixed_to_fp_s_x, fp, FP, SEQ)
INSN(fixed_to_fp_d_w, fp, FP, SEQ)
INSN(fixed_to_fp_d_x, fp, FP, SEQ)
/* Half precision (FEAT_FP16), with the fields of the rows above. */
INSN(fmov_h, fp, FPHP, SEQ)           /* FMOV Hd, Hn */
INSN(fmov_w_h, fp, FPHP, SEQ)         /* FMOV Wd, Hn and FMOV Xd, Hn */
INSN(fmov_h_w, fp, FPHP, SEQ)         /* FMOV Hd, Wn and FMOV Hd, Xn */
INSN(fabs_h, fp, FPHP, SEQ)
INSN(fneg_h, fp, FPHP, SEQ)
INSN(fsqrt_h, fp, FPHP, SEQ)
INSN(frint_h, fp, FPHP, SEQ)
INSN(fmul_h, fp, FPHP, SEQ)
INSN(fdiv_h, fp, FPHP, SEQ)
INSN(fadd_h, fp, FPHP, SEQ)
INSN(fsub_h, fp, FPHP, SEQ)
INSN(fmax_h, fp, FPHP, SEQ)
INSN(fmin_h, fp, FPHP, SEQ)
INSN(fmaxnm_h, fp, FPHP, SEQ)
INSN(fminnm_h, fp, FPHP, SEQ)
INSN(fnmul_h, fp, FPHP, SEQ)
INSN(fmadd_h, fp, FPHP, SEQ)
INSN(fmsub_h, fp, FPHP, SEQ)
INSN(fnmadd_h, fp, FPHP, SEQ)
INSN(fnmsub_h, fp, FPHP, SEQ)
INSN(fcmp_h, fp, FPHP, SEQ)
INSN(fcmpe_h, fp, FPHP, SEQ)
INSN(fccmp_h, fp, FPHP, SEQ)
INSN(fccmpe_h, fp, FPHP, SEQ)
INSN(fcsel_h, fp, FPHP, SEQ)
INSN(fp_to_fixed_w_h, fp, FPHP, SEQ)  /* FCVT[NPMZA][SU] Wd, Hn (also fixed-point) */
INSN(fp_to_fixed_x_h, fp, FPHP, SEQ)  /* FCVT[NPMZA][SU] Xd, Hn (also fixed-point) */
INSN(fixed_to_fp_h_w, fp, FPHP, SEQ)  /* SCVTF UCVTF Hd, Wn (also fixed-point) */
INSN(fixed_to_fp_h_x, fp, FPHP, SEQ)  /* SCVTF UCVTF Hd, Xn (also fixed-point) */
