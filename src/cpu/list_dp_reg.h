/* INSN rows of the dp_reg family; see insn_list.h. */
