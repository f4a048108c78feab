/* INSN rows of the simd family; see insn_list.h. */
