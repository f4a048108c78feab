/* INSN rows of the crypto family (AES, PMULL64, SHA*, SHA3, DotProd, FJCVTZS); see insn_list.h. */
