/* AdvSIMD saturating arithmetic and FPSR.QC: SQADD UQADD SQSUB UQSUB
   SUQADD USQADD SQABS SQNEG SQDMULH SQRDMULH (vector, scalar, by element),
   SQDMULL SQDMLAL SQDMLSL (vector, scalar, by element, "2" forms),
   SQXTN UQXTN SQXTUN (vector, "2", scalar). QC is sticky: each case clears
   it first, and one case checks that a non-saturating op leaves it set. */
.include "harness.inc"

.macro LOADQ n, label
  adr x9, \label
  ldr q\n, [x9]
.endm

  LOADQ 0, a
  LOADQ 1, b
  LOADQ 2, c
  LOADQ 3, small

  CASE sqadd
  msr fpsr, xzr
  sqadd v4.16b, v0.16b, v1.16b
  FPSR
  msr fpsr, xzr
  sqadd v5.4s, v3.4s, v3.4s
  FPSR
  msr fpsr, xzr
  sqadd d6, d0, d1
  FPSR
  msr fpsr, xzr
  sqadd h7, h1, h1
  FPSR
  SHOWV 4
  SHOWV 5
  SHOWV 6
  SHOWV 7

  CASE uqadd
  msr fpsr, xzr
  uqadd v4.8h, v0.8h, v1.8h
  FPSR
  msr fpsr, xzr
  uqadd v5.2s, v3.2s, v3.2s
  FPSR
  msr fpsr, xzr
  uqadd b6, b0, b1
  FPSR
  SHOWV 4
  SHOWV 5
  SHOWV 6

  CASE sqsub_uqsub
  msr fpsr, xzr
  sqsub v4.8h, v0.8h, v1.8h
  FPSR
  msr fpsr, xzr
  uqsub v5.16b, v0.16b, v1.16b
  FPSR
  msr fpsr, xzr
  uqsub v6.4s, v1.4s, v3.4s
  FPSR
  msr fpsr, xzr
  sqsub s7, s0, s1
  FPSR
  SHOWV 4
  SHOWV 5
  SHOWV 6
  SHOWV 7

  CASE suqadd_usqadd
  mov v4.16b, v0.16b
  msr fpsr, xzr
  suqadd v4.16b, v1.16b
  FPSR
  mov v5.16b, v0.16b
  msr fpsr, xzr
  usqadd v5.8h, v1.8h
  FPSR
  mov v6.16b, v3.16b
  msr fpsr, xzr
  usqadd v6.4s, v3.4s
  FPSR
  mov v7.16b, v0.16b
  msr fpsr, xzr
  suqadd d7, d1
  FPSR
  SHOWV 4
  SHOWV 5
  SHOWV 6
  SHOWV 7

  CASE sqabs_sqneg
  msr fpsr, xzr
  sqabs v4.16b, v0.16b
  FPSR
  msr fpsr, xzr
  sqneg v5.8h, v0.8h
  FPSR
  msr fpsr, xzr
  sqabs v6.4s, v3.4s
  FPSR
  msr fpsr, xzr
  sqneg d7, d1
  FPSR
  SHOWV 4
  SHOWV 5
  SHOWV 6
  SHOWV 7

  CASE sqdmulh
  msr fpsr, xzr
  sqdmulh v4.8h, v0.8h, v1.8h
  FPSR
  msr fpsr, xzr
  sqrdmulh v5.4s, v0.4s, v1.4s
  FPSR
  msr fpsr, xzr
  sqdmulh v6.4h, v3.4h, v2.4h
  FPSR
  msr fpsr, xzr
  sqrdmulh s7, s1, s1
  FPSR
  msr fpsr, xzr
  sqdmulh v8.8h, v0.8h, v1.h[1]
  FPSR
  msr fpsr, xzr
  sqrdmulh v9.2s, v2.2s, v1.s[3]
  FPSR
  msr fpsr, xzr
  sqdmulh h10, h1, v0.h[7]
  FPSR
  msr fpsr, xzr
  sqdmulh v11.8h, v0.8h, v0.8h
  FPSR
  msr fpsr, xzr
  sqrdmulh v12.4s, v0.4s, v0.s[3]
  FPSR
  SHOWV 4
  SHOWV 5
  SHOWV 6
  SHOWV 7
  SHOWV 8
  SHOWV 9
  SHOWV 10
  SHOWV 11
  SHOWV 12

  CASE sqdmull
  msr fpsr, xzr
  sqdmull v4.4s, v0.4h, v1.4h
  FPSR
  msr fpsr, xzr
  sqdmull2 v5.2d, v0.4s, v1.4s
  FPSR
  msr fpsr, xzr
  sqdmull d6, s1, s1
  FPSR
  msr fpsr, xzr
  sqdmull v7.4s, v2.4h, v0.h[7]
  FPSR
  msr fpsr, xzr
  sqdmull2 v8.2d, v2.4s, v3.s[1]
  FPSR
  msr fpsr, xzr
  sqdmull2 v9.4s, v0.8h, v0.h[7]
  FPSR
  SHOWV 4
  SHOWV 5
  SHOWV 6
  SHOWV 7
  SHOWV 8
  SHOWV 9

  CASE sqdmlal
  mov v4.16b, v2.16b
  msr fpsr, xzr
  sqdmlal v4.4s, v3.4h, v3.4h
  FPSR
  mov v5.16b, v1.16b
  msr fpsr, xzr
  sqdmlal2 v5.2d, v3.4s, v3.4s
  FPSR
  mov v6.16b, v0.16b
  msr fpsr, xzr
  sqdmlsl v6.4s, v2.4h, v2.4h
  FPSR
  mov v7.16b, v1.16b
  msr fpsr, xzr
  sqdmlal s7, h0, h0
  FPSR
  mov v8.16b, v2.16b
  msr fpsr, xzr
  sqdmlsl2 v8.4s, v0.8h, v1.h[6]
  FPSR
  mov v9.16b, v0.16b
  msr fpsr, xzr
  sqdmlsl d9, s3, v3.s[0]
  FPSR
  SHOWV 4
  SHOWV 5
  SHOWV 6
  SHOWV 7
  SHOWV 8
  SHOWV 9

  CASE narrow
  msr fpsr, xzr
  sqxtn v4.8b, v0.8h
  FPSR
  msr fpsr, xzr
  uqxtn v5.4h, v1.4s
  FPSR
  msr fpsr, xzr
  sqxtun v6.2s, v0.2d
  FPSR
  mov v7.16b, v2.16b
  msr fpsr, xzr
  sqxtn2 v7.4s, v3.2d
  FPSR
  mov v8.16b, v2.16b
  msr fpsr, xzr
  sqxtun2 v8.16b, v3.8h
  FPSR
  msr fpsr, xzr
  sqxtn h9, s1
  FPSR
  msr fpsr, xzr
  uqxtn s10, d3
  FPSR
  msr fpsr, xzr
  sqxtun b11, h0
  FPSR
  SHOWV 4
  SHOWV 5
  SHOWV 6
  SHOWV 7
  SHOWV 8
  SHOWV 9
  SHOWV 10
  SHOWV 11

  CASE qc_sticky
  msr fpsr, xzr
  sqadd v4.16b, v0.16b, v0.16b
  add v5.16b, v0.16b, v1.16b
  sqadd v6.16b, v3.16b, v3.16b
  FPSR
  DONE

  .section .rodata
  .balign 16
a:     .quad 0x7f80ff0100fe8001, 0x8000000000000001
b:     .quad 0x80017fffffff0002, 0x7fffffffffffffff
c:     .quad 0x0123456789abcdef, 0xfedcba9876543210
small: .quad 0x0000000300000002, 0x00000001fffffffd
