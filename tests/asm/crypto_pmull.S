/* PMULL, PMULL2 with 64-bit elements (FEAT_PMULL, Vd.1Q): carry-less
   products of known polynomials, the GHASH field's reduction constant,
   all-ones and single-bit operands at both ends, the "2" form reading the
   high doublewords, aliased operands; and the 8-bit form beside them. */
.arch armv8-a+crypto
.include "harness.inc"

.macro LOADQ n, label
  adr x9, \label
  ldr q\n, [x9]
.endm

  CASE known
  LOADQ 0, x63_plus_1           /* (x^63 + 1, x + 1) */
  pmull v1.1q, v0.1d, v0.1d     /* (x^63 + 1)^2 = x^126 + 1 */
  pmull2 v2.1q, v0.2d, v0.2d    /* (x + 1)^2 = x^2 + 1 */
  LOADQ 3, ones
  pmull v4.1q, v3.1d, v3.1d     /* all ones squared: every other bit */
  SHOWV 1
  SHOWV 2
  SHOWV 4

  CASE edges
  movi v5.2d, #0
  LOADQ 3, ones
  pmull v6.1q, v3.1d, v5.1d     /* times zero */
  LOADQ 7, top_and_one          /* (x^63, 1) */
  pmull v8.1q, v7.1d, v7.1d     /* x^126 */
  pmull2 v9.1q, v7.2d, v7.2d    /* 1 */
  mov v10.d[0], v7.d[1]
  mov v10.d[1], v7.d[0]
  pmull v11.1q, v7.1d, v10.1d   /* x^63 * 1 */
  pmull v12.1q, v3.1d, v7.1d    /* all ones times x^63 */
  SHOWV 6
  SHOWV 8
  SHOWV 9
  SHOWV 11
  SHOWV 12

  /* GHASH: H times the reduction constant 0xc2 << 56, as the Karatsuba
     and reduction steps of AES-GCM do it. */
  CASE ghash
  LOADQ 13, ghash_h
  LOADQ 14, ghash_c
  pmull v15.1q, v13.1d, v14.1d
  pmull2 v16.1q, v13.2d, v14.2d
  ext v17.16b, v13.16b, v13.16b, #8
  pmull v18.1q, v17.1d, v14.1d
  pmull2 v19.1q, v17.2d, v13.2d
  SHOWV 15
  SHOWV 16
  SHOWV 18
  SHOWV 19

  CASE aliased
  LOADQ 20, ghash_h
  pmull v20.1q, v20.1d, v20.1d
  LOADQ 21, ghash_h
  pmull2 v21.1q, v21.2d, v14.2d
  LOADQ 31, ghash_c
  pmull2 v31.1q, v13.2d, v31.2d
  SHOWV 20
  SHOWV 21
  SHOWV 31

  /* The 8-bit form shares the encoding but for size. */
  CASE pmull_8b
  pmull v22.8h, v13.8b, v14.8b
  pmull2 v23.8h, v13.16b, v14.16b
  SHOWV 22
  SHOWV 23
  DONE

  .data
  .balign 16
x63_plus_1:
  .quad 0x8000000000000001, 0x0000000000000003
ones:
  .quad 0xffffffffffffffff, 0xffffffffffffffff
top_and_one:
  .quad 0x8000000000000000, 0x0000000000000001
ghash_h:
  .quad 0x66e94bd4ef8a2c3b, 0x884cfa59ca342b2e
ghash_c:
  .quad 0xc200000000000000, 0x0000000000000001
