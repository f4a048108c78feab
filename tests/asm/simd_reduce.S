/* AdvSIMD reductions: ADDP (vector and scalar), SMAXP SMINP UMAXP UMINP,
   SADDLP UADDLP SADALP UADALP, ADDV SMAXV SMINV UMAXV UMINV, SADDLV
   UADDLV; plus the memchr/strlen idiom CMEQ + SHRN #4 + FMOV-free UMAXP. */
.include "harness.inc"

.macro LOADQ n, label
  adr x9, \label
  ldr q\n, [x9]
.endm

  LOADQ 0, a
  LOADQ 1, b
  LOADQ 2, c

  CASE pairwise
  addp v3.16b, v0.16b, v1.16b
  addp v4.4h, v0.4h, v1.4h
  addp v5.2d, v0.2d, v1.2d
  addp d6, v1.2d
  smaxp v7.8h, v0.8h, v1.8h
  sminp v8.2s, v0.2s, v1.2s
  umaxp v9.16b, v0.16b, v1.16b
  uminp v10.4s, v0.4s, v1.4s
  mov v11.16b, v0.16b
  addp v11.4s, v11.4s, v11.4s
  SHOWV 3
  SHOWV 4
  SHOWV 5
  SHOWV 6
  SHOWV 7
  SHOWV 8
  SHOWV 9
  SHOWV 10
  SHOWV 11

  CASE pairwise_long
  saddlp v3.8h, v0.16b
  uaddlp v4.2s, v0.4h
  saddlp v5.2d, v1.4s
  mov v6.16b, v2.16b
  sadalp v6.4h, v1.8b
  mov v7.16b, v2.16b
  uadalp v7.4s, v1.8h
  mov v8.16b, v2.16b
  uadalp v8.1d, v1.2s
  SHOWV 3
  SHOWV 4
  SHOWV 5
  SHOWV 6
  SHOWV 7
  SHOWV 8

  CASE across
  addv b3, v0.16b
  addv h4, v1.4h
  addv s5, v1.4s
  smaxv b6, v0.8b
  sminv h7, v0.8h
  umaxv s8, v1.4s
  uminv b9, v1.16b
  saddlv h10, v0.16b
  uaddlv s11, v1.8h
  saddlv d12, v0.4s
  uaddlv h13, v1.8b
  SHOWV 3
  SHOWV 4
  SHOWV 5
  SHOWV 6
  SHOWV 7
  SHOWV 8
  SHOWV 9
  SHOWV 10
  SHOWV 11
  SHOWV 12
  SHOWV 13

  CASE find_byte
  movi v3.16b, #0x80
  cmeq v4.16b, v0.16b, v3.16b
  shrn v5.8b, v4.8h, #4
  umaxp v6.16b, v4.16b, v4.16b
  fmov x2, d5
  SHOW x2
  SHOWV 6
  DONE

  .section .rodata
  .balign 16
a: .quad 0x7f80ff0100fe8001, 0x8000000000000001
b: .quad 0x80017fffffff0002, 0x7fffffff80000001
c: .quad 0x0123456789abcdef, 0xfedcba9876543210
