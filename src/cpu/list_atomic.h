/* INSN rows of the atomic family; see insn_list.h. */
