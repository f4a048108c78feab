/* INSN rows of the dp_reg family; see insn_list.h. rd, rn, rm, ra are
   register slots, _w/_x the 32/64-bit forms. The _lsl, _lsr, _asr and
   _ror forms shift Rm by a = amount, one op per shift type so that none
   tests it; the plain forms are the same instruction with a zero shift. */
INSN(mov_reg_w, dp_reg, BASE, SEQ)    /* MOV (register): ORR from WZR/XZR */
INSN(mov_reg_x, dp_reg, BASE, SEQ)
INSN(and_reg_w, dp_reg, BASE, SEQ)    /* logical (shifted register) */
INSN(and_reg_x, dp_reg, BASE, SEQ)
INSN(and_reg_lsl_w, dp_reg, BASE, SEQ)
INSN(and_reg_lsr_w, dp_reg, BASE, SEQ)
INSN(and_reg_asr_w, dp_reg, BASE, SEQ)
INSN(and_reg_ror_w, dp_reg, BASE, SEQ)
INSN(and_reg_lsl_x, dp_reg, BASE, SEQ)
INSN(and_reg_lsr_x, dp_reg, BASE, SEQ)
INSN(and_reg_asr_x, dp_reg, BASE, SEQ)
INSN(and_reg_ror_x, dp_reg, BASE, SEQ)
INSN(bic_reg_w, dp_reg, BASE, SEQ)
INSN(bic_reg_x, dp_reg, BASE, SEQ)
INSN(bic_reg_lsl_w, dp_reg, BASE, SEQ)
INSN(bic_reg_lsr_w, dp_reg, BASE, SEQ)
INSN(bic_reg_asr_w, dp_reg, BASE, SEQ)
INSN(bic_reg_ror_w, dp_reg, BASE, SEQ)
INSN(bic_reg_lsl_x, dp_reg, BASE, SEQ)
INSN(bic_reg_lsr_x, dp_reg, BASE, SEQ)
INSN(bic_reg_asr_x, dp_reg, BASE, SEQ)
INSN(bic_reg_ror_x, dp_reg, BASE, SEQ)
INSN(orr_reg_w, dp_reg, BASE, SEQ)
INSN(orr_reg_x, dp_reg, BASE, SEQ)
INSN(orr_reg_lsl_w, dp_reg, BASE, SEQ)
INSN(orr_reg_lsr_w, dp_reg, BASE, SEQ)
INSN(orr_reg_asr_w, dp_reg, BASE, SEQ)
INSN(orr_reg_ror_w, dp_reg, BASE, SEQ)
INSN(orr_reg_lsl_x, dp_reg, BASE, SEQ)
INSN(orr_reg_lsr_x, dp_reg, BASE, SEQ)
INSN(orr_reg_asr_x, dp_reg, BASE, SEQ)
INSN(orr_reg_ror_x, dp_reg, BASE, SEQ)
INSN(orn_reg_w, dp_reg, BASE, SEQ)    /* ORN, MVN */
INSN(orn_reg_x, dp_reg, BASE, SEQ)
INSN(orn_reg_lsl_w, dp_reg, BASE, SEQ)
INSN(orn_reg_lsr_w, dp_reg, BASE, SEQ)
INSN(orn_reg_asr_w, dp_reg, BASE, SEQ)
INSN(orn_reg_ror_w, dp_reg, BASE, SEQ)
INSN(orn_reg_lsl_x, dp_reg, BASE, SEQ)
INSN(orn_reg_lsr_x, dp_reg, BASE, SEQ)
INSN(orn_reg_asr_x, dp_reg, BASE, SEQ)
INSN(orn_reg_ror_x, dp_reg, BASE, SEQ)
INSN(eor_reg_w, dp_reg, BASE, SEQ)
INSN(eor_reg_x, dp_reg, BASE, SEQ)
INSN(eor_reg_lsl_w, dp_reg, BASE, SEQ)
INSN(eor_reg_lsr_w, dp_reg, BASE, SEQ)
INSN(eor_reg_asr_w, dp_reg, BASE, SEQ)
INSN(eor_reg_ror_w, dp_reg, BASE, SEQ)
INSN(eor_reg_lsl_x, dp_reg, BASE, SEQ)
INSN(eor_reg_lsr_x, dp_reg, BASE, SEQ)
INSN(eor_reg_asr_x, dp_reg, BASE, SEQ)
INSN(eor_reg_ror_x, dp_reg, BASE, SEQ)
INSN(eon_reg_w, dp_reg, BASE, SEQ)
INSN(eon_reg_x, dp_reg, BASE, SEQ)
INSN(eon_reg_lsl_w, dp_reg, BASE, SEQ)
INSN(eon_reg_lsr_w, dp_reg, BASE, SEQ)
INSN(eon_reg_asr_w, dp_reg, BASE, SEQ)
INSN(eon_reg_ror_w, dp_reg, BASE, SEQ)
INSN(eon_reg_lsl_x, dp_reg, BASE, SEQ)
INSN(eon_reg_lsr_x, dp_reg, BASE, SEQ)
INSN(eon_reg_asr_x, dp_reg, BASE, SEQ)
INSN(eon_reg_ror_x, dp_reg, BASE, SEQ)
INSN(ands_reg_w, dp_reg, BASE, SEQ)   /* ANDS, TST */
INSN(ands_reg_x, dp_reg, BASE, SEQ)
INSN(ands_reg_lsl_w, dp_reg, BASE, SEQ)
INSN(ands_reg_lsr_w, dp_reg, BASE, SEQ)
INSN(ands_reg_asr_w, dp_reg, BASE, SEQ)
INSN(ands_reg_ror_w, dp_reg, BASE, SEQ)
INSN(ands_reg_lsl_x, dp_reg, BASE, SEQ)
INSN(ands_reg_lsr_x, dp_reg, BASE, SEQ)
INSN(ands_reg_asr_x, dp_reg, BASE, SEQ)
INSN(ands_reg_ror_x, dp_reg, BASE, SEQ)
INSN(bics_reg_w, dp_reg, BASE, SEQ)
INSN(bics_reg_x, dp_reg, BASE, SEQ)
INSN(bics_reg_lsl_w, dp_reg, BASE, SEQ)
INSN(bics_reg_lsr_w, dp_reg, BASE, SEQ)
INSN(bics_reg_asr_w, dp_reg, BASE, SEQ)
INSN(bics_reg_ror_w, dp_reg, BASE, SEQ)
INSN(bics_reg_lsl_x, dp_reg, BASE, SEQ)
INSN(bics_reg_lsr_x, dp_reg, BASE, SEQ)
INSN(bics_reg_asr_x, dp_reg, BASE, SEQ)
INSN(bics_reg_ror_x, dp_reg, BASE, SEQ)
INSN(add_reg_w, dp_reg, BASE, SEQ)    /* add/subtract (shifted register), */
INSN(add_reg_x, dp_reg, BASE, SEQ)    /*   and the extended-register forms */
INSN(add_reg_lsl_w, dp_reg, BASE, SEQ)
INSN(add_reg_lsr_w, dp_reg, BASE, SEQ)
INSN(add_reg_asr_w, dp_reg, BASE, SEQ)
INSN(add_reg_ror_w, dp_reg, BASE, SEQ) /*   whose extend is the identity */
INSN(add_reg_lsl_x, dp_reg, BASE, SEQ)
INSN(add_reg_lsr_x, dp_reg, BASE, SEQ)
INSN(add_reg_asr_x, dp_reg, BASE, SEQ)
INSN(add_reg_ror_x, dp_reg, BASE, SEQ) /*   (rd, rn may then be SP) */
INSN(adds_reg_w, dp_reg, BASE, SEQ)   /* ADDS, CMN */
INSN(adds_reg_x, dp_reg, BASE, SEQ)
INSN(adds_reg_lsl_w, dp_reg, BASE, SEQ)
INSN(adds_reg_lsr_w, dp_reg, BASE, SEQ)
INSN(adds_reg_asr_w, dp_reg, BASE, SEQ)
INSN(adds_reg_ror_w, dp_reg, BASE, SEQ)
INSN(adds_reg_lsl_x, dp_reg, BASE, SEQ)
INSN(adds_reg_lsr_x, dp_reg, BASE, SEQ)
INSN(adds_reg_asr_x, dp_reg, BASE, SEQ)
INSN(adds_reg_ror_x, dp_reg, BASE, SEQ)
INSN(sub_reg_w, dp_reg, BASE, SEQ)    /* SUB, NEG */
INSN(sub_reg_x, dp_reg, BASE, SEQ)
INSN(sub_reg_lsl_w, dp_reg, BASE, SEQ)
INSN(sub_reg_lsr_w, dp_reg, BASE, SEQ)
INSN(sub_reg_asr_w, dp_reg, BASE, SEQ)
INSN(sub_reg_ror_w, dp_reg, BASE, SEQ)
INSN(sub_reg_lsl_x, dp_reg, BASE, SEQ)
INSN(sub_reg_lsr_x, dp_reg, BASE, SEQ)
INSN(sub_reg_asr_x, dp_reg, BASE, SEQ)
INSN(sub_reg_ror_x, dp_reg, BASE, SEQ)
INSN(subs_reg_w, dp_reg, BASE, SEQ)   /* SUBS, CMP, NEGS */
INSN(subs_reg_x, dp_reg, BASE, SEQ)
INSN(subs_reg_lsl_w, dp_reg, BASE, SEQ)
INSN(subs_reg_lsr_w, dp_reg, BASE, SEQ)
INSN(subs_reg_asr_w, dp_reg, BASE, SEQ)
INSN(subs_reg_ror_w, dp_reg, BASE, SEQ)
INSN(subs_reg_lsl_x, dp_reg, BASE, SEQ)
INSN(subs_reg_lsr_x, dp_reg, BASE, SEQ)
INSN(subs_reg_asr_x, dp_reg, BASE, SEQ)
INSN(subs_reg_ror_x, dp_reg, BASE, SEQ)
INSN(add_ext_w, dp_reg, BASE, SEQ)    /* add/subtract (extended register): */
INSN(add_ext_x, dp_reg, BASE, SEQ)    /*   b = enum extend_type, a = LSL 0-4; */
INSN(adds_ext_w, dp_reg, BASE, SEQ)   /*   rn (and rd unless flags) may be SP */
INSN(adds_ext_x, dp_reg, BASE, SEQ)
INSN(sub_ext_w, dp_reg, BASE, SEQ)
INSN(sub_ext_x, dp_reg, BASE, SEQ)
INSN(subs_ext_w, dp_reg, BASE, SEQ)
INSN(subs_ext_x, dp_reg, BASE, SEQ)
INSN(adc_w, dp_reg, BASE, SEQ)        /* add/subtract with carry */
INSN(adc_x, dp_reg, BASE, SEQ)
INSN(adcs_w, dp_reg, BASE, SEQ)
INSN(adcs_x, dp_reg, BASE, SEQ)
INSN(sbc_w, dp_reg, BASE, SEQ)        /* SBC, NGC */
INSN(sbc_x, dp_reg, BASE, SEQ)
INSN(sbcs_w, dp_reg, BASE, SEQ)       /* SBCS, NGCS */
INSN(sbcs_x, dp_reg, BASE, SEQ)
INSN(ccmn_reg_w, dp_reg, BASE, SEQ)   /* conditional compare: a = cond, */
INSN(ccmn_reg_x, dp_reg, BASE, SEQ)   /*   b = nzcv if it fails; */
INSN(ccmn_imm_w, dp_reg, BASE, SEQ)   /*   the _imm forms compare with imm */
INSN(ccmn_imm_x, dp_reg, BASE, SEQ)
INSN(ccmp_reg_w, dp_reg, BASE, SEQ)
INSN(ccmp_reg_x, dp_reg, BASE, SEQ)
INSN(ccmp_imm_w, dp_reg, BASE, SEQ)
INSN(ccmp_imm_x, dp_reg, BASE, SEQ)
INSN(csel_w, dp_reg, BASE, SEQ)       /* conditional select: a = cond */
INSN(csel_x, dp_reg, BASE, SEQ)
INSN(csinc_w, dp_reg, BASE, SEQ)      /* CSINC, CSET, CINC */
INSN(csinc_x, dp_reg, BASE, SEQ)
INSN(csinv_w, dp_reg, BASE, SEQ)      /* CSINV, CSETM, CINV */
INSN(csinv_x, dp_reg, BASE, SEQ)
INSN(csneg_w, dp_reg, BASE, SEQ)      /* CSNEG, CNEG */
INSN(csneg_x, dp_reg, BASE, SEQ)
INSN(rbit_w, dp_reg, BASE, SEQ)       /* data processing (1 source) */
INSN(rbit_x, dp_reg, BASE, SEQ)
INSN(rev16_w, dp_reg, BASE, SEQ)
INSN(rev16_x, dp_reg, BASE, SEQ)
INSN(rev32_x, dp_reg, BASE, SEQ)
INSN(rev_w, dp_reg, BASE, SEQ)
INSN(rev_x, dp_reg, BASE, SEQ)        /* REV, REV64 */
INSN(clz_w, dp_reg, BASE, SEQ)
INSN(clz_x, dp_reg, BASE, SEQ)
INSN(cls_w, dp_reg, BASE, SEQ)
INSN(cls_x, dp_reg, BASE, SEQ)
INSN(udiv_w, dp_reg, BASE, SEQ)       /* data processing (2 source) */
INSN(udiv_x, dp_reg, BASE, SEQ)
INSN(sdiv_w, dp_reg, BASE, SEQ)
INSN(sdiv_x, dp_reg, BASE, SEQ)
INSN(lslv_w, dp_reg, BASE, SEQ)       /* LSLV, LSL (register) */
INSN(lslv_x, dp_reg, BASE, SEQ)
INSN(lsrv_w, dp_reg, BASE, SEQ)
INSN(lsrv_x, dp_reg, BASE, SEQ)
INSN(asrv_w, dp_reg, BASE, SEQ)
INSN(asrv_x, dp_reg, BASE, SEQ)
INSN(rorv_w, dp_reg, BASE, SEQ)
INSN(rorv_x, dp_reg, BASE, SEQ)
INSN(crc32b, dp_reg, CRC32, SEQ)      /* CRC-32, polynomial 0x04C11DB7 */
INSN(crc32h, dp_reg, CRC32, SEQ)
INSN(crc32w, dp_reg, CRC32, SEQ)
INSN(crc32x, dp_reg, CRC32, SEQ)
INSN(crc32cb, dp_reg, CRC32, SEQ)     /* CRC-32C, polynomial 0x1EDC6F41 */
INSN(crc32ch, dp_reg, CRC32, SEQ)
INSN(crc32cw, dp_reg, CRC32, SEQ)
INSN(crc32cx, dp_reg, CRC32, SEQ)
INSN(mul_w, dp_reg, BASE, SEQ)        /* MUL: MADD with ra = the zero register */
INSN(mul_x, dp_reg, BASE, SEQ)
INSN(madd_w, dp_reg, BASE, SEQ)       /* data processing (3 source) */
INSN(madd_x, dp_reg, BASE, SEQ)
INSN(msub_w, dp_reg, BASE, SEQ)       /* MSUB, MNEG */
INSN(msub_x, dp_reg, BASE, SEQ)
INSN(smaddl, dp_reg, BASE, SEQ)       /* SMADDL, SMULL */
INSN(smsubl, dp_reg, BASE, SEQ)       /* SMSUBL, SMNEGL */
INSN(umaddl, dp_reg, BASE, SEQ)       /* UMADDL, UMULL */
INSN(umsubl, dp_reg, BASE, SEQ)       /* UMSUBL, UMNEGL */
INSN(smulh, dp_reg, BASE, SEQ)
INSN(umulh, dp_reg, BASE, SEQ)
