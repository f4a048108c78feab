/* INSN rows of the ldst family; see insn_list.h. */
