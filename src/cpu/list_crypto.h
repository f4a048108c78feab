/* INSN rows of the crypto family (AES, PMULL64, SHA*, SHA3, DotProd, FJCVTZS); see insn_list.h.
   rd, rn, rm, ra are V register numbers unless noted. */

/* Cryptographic extensions (simd_crypto.c): Vd is always written whole. */
INSN(aese, simd_crypto, AES, SEQ)
INSN(aesd, simd_crypto, AES, SEQ)
INSN(aesmc, simd_crypto, AES, SEQ)
INSN(aesimc, simd_crypto, AES, SEQ)
INSN(pmull_1q, simd_crypto, PMULL, SEQ)  /* PMULL, PMULL2 Vd.1Q: imm = source doubleword */
INSN(sha1c, simd_crypto, SHA1, SEQ)
INSN(sha1p, simd_crypto, SHA1, SEQ)
INSN(sha1m, simd_crypto, SHA1, SEQ)
INSN(sha1h, simd_crypto, SHA1, SEQ)
INSN(sha1su0, simd_crypto, SHA1, SEQ)
INSN(sha1su1, simd_crypto, SHA1, SEQ)
INSN(sha256h, simd_crypto, SHA2, SEQ)
INSN(sha256h2, simd_crypto, SHA2, SEQ)
INSN(sha256su0, simd_crypto, SHA2, SEQ)
INSN(sha256su1, simd_crypto, SHA2, SEQ)
INSN(sha512h, simd_crypto, SHA512, SEQ)
INSN(sha512h2, simd_crypto, SHA512, SEQ)
INSN(sha512su0, simd_crypto, SHA512, SEQ)
INSN(sha512su1, simd_crypto, SHA512, SEQ)
INSN(eor3, simd_crypto, SHA3, SEQ)       /* ra = Va */
INSN(bcax, simd_crypto, SHA3, SEQ)       /* ra = Va */
INSN(rax1, simd_crypto, SHA3, SEQ)
INSN(xar, simd_crypto, SHA3, SEQ)        /* imm = rotate amount */

/* Dot product (simd_dot.c): a = 2, b = 16 or 8 (Q) */
INSN(sdot_vec, simd_dot, ASIMDDP, SEQ)
INSN(udot_vec, simd_dot, ASIMDDP, SEQ)
INSN(sdot_elem, simd_dot, ASIMDDP, SEQ)  /* imm = index of the 32-bit element of Vm */
INSN(udot_elem, simd_dot, ASIMDDP, SEQ)

/* JavaScript conversion (fp_jscvt.c): rd = X slot (XZR: sink), rn = Dn */
INSN(fjcvtzs, fp_jscvt, JSCVT, SEQ)
