/* INSN rows of the dp_imm family; see insn_list.h. Unless noted, rd is the
   destination slot, rn the source slot, and _w/_x the 32/64-bit forms. */
INSN(adr, dp_imm, BASE, SEQ)        /* ADR, ADRP: rd = imm (absolute) */
INSN(mov_imm, dp_imm, BASE, SEQ)    /* MOVZ, MOVN, MOV (bitmask imm): rd = imm */
INSN(movk_w, dp_imm, BASE, SEQ)     /* a = shift, imm = 16-bit value */
INSN(movk_x, dp_imm, BASE, SEQ)
INSN(add_imm_w, dp_imm, BASE, SEQ)  /* ADD (immediate): imm = shifted imm12; rd, rn may be SP */
INSN(add_imm_x, dp_imm, BASE, SEQ)
INSN(adds_imm_w, dp_imm, BASE, SEQ) /* ADDS, CMN: rn may be SP */
INSN(adds_imm_x, dp_imm, BASE, SEQ)
INSN(sub_imm_w, dp_imm, BASE, SEQ)  /* rd, rn may be SP */
INSN(sub_imm_x, dp_imm, BASE, SEQ)
INSN(subs_imm_w, dp_imm, BASE, SEQ) /* SUBS, CMP: rn may be SP */
INSN(subs_imm_x, dp_imm, BASE, SEQ)
INSN(and_imm, dp_imm, BASE, SEQ)    /* AND (immediate), both sizes: imm = mask; rd may be SP */
INSN(orr_imm_w, dp_imm, BASE, SEQ)  /* imm = mask; rd may be SP */
INSN(orr_imm_x, dp_imm, BASE, SEQ)
INSN(eor_imm_w, dp_imm, BASE, SEQ)
INSN(eor_imm_x, dp_imm, BASE, SEQ)
INSN(ands_imm_w, dp_imm, BASE, SEQ) /* ANDS, TST */
INSN(ands_imm_x, dp_imm, BASE, SEQ)
INSN(ubfm_w, dp_imm, BASE, SEQ)     /* UBFM, LSL, LSR, UBFX, UBFIZ, UXTB, UXTH: */
INSN(ubfm_x, dp_imm, BASE, SEQ)     /*   rd = (rn << a) >> b */
INSN(sbfm_w, dp_imm, BASE, SEQ)     /* SBFM, ASR, SBFX, SBFIZ, SXTB, SXTH, SXTW: */
INSN(sbfm_x, dp_imm, BASE, SEQ)     /*   rd = (rn << a) >> b, arithmetic */
INSN(bfm_w, dp_imm, BASE, SEQ)      /* BFM, BFI, BFXIL: a = rotate, imm = field mask */
INSN(bfm_x, dp_imm, BASE, SEQ)
INSN(extr_w, dp_imm, BASE, SEQ)     /* EXTR, ROR (immediate): a = lsb, rm = low half */
INSN(extr_x, dp_imm, BASE, SEQ)
