/* INSN rows of the fp family; see insn_list.h. */
