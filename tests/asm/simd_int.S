/* AdvSIMD element-wise integer arithmetic: ADD SUB MUL MLA MLS PMUL (and
   by element), logic (AND BIC ORR ORN EOR BSL BIT BIF NOT), compares
   (register and against zero), ABS NEG, MAX/MIN, ABD/ABA, halving adds,
   CLS CLZ CNT RBIT, URECPE URSQRTE; vector and scalar forms, Q = 0 and 1. */
.include "harness.inc"

.macro LOADQ n, label
  adr x9, \label
  ldr q\n, [x9]
.endm

  LOADQ 0, a
  LOADQ 1, b
  LOADQ 2, c

  CASE add_sub
  add v3.16b, v0.16b, v1.16b
  add v4.4h, v0.4h, v1.4h
  add v5.4s, v0.4s, v1.4s
  add v6.2d, v0.2d, v1.2d
  add d7, d0, d1
  sub v8.8h, v0.8h, v1.8h
  sub v9.2s, v0.2s, v1.2s
  sub d10, d1, d0
  SHOWV 3
  SHOWV 4
  SHOWV 5
  SHOWV 6
  SHOWV 7
  SHOWV 8
  SHOWV 9
  SHOWV 10

  CASE mul
  mul v3.16b, v0.16b, v1.16b
  mul v4.8h, v0.8h, v1.8h
  mul v5.2s, v0.2s, v1.2s
  mov v6.16b, v2.16b
  mla v6.4s, v0.4s, v1.4s
  mov v7.16b, v2.16b
  mls v7.8b, v0.8b, v1.8b
  pmul v8.16b, v0.16b, v1.16b
  pmul v9.8b, v1.8b, v1.8b
  SHOWV 3
  SHOWV 4
  SHOWV 5
  SHOWV 6
  SHOWV 7
  SHOWV 8
  SHOWV 9

  CASE mul_elem
  mul v3.8h, v0.8h, v1.h[7]
  mul v4.2s, v0.2s, v1.s[3]
  mov v5.16b, v2.16b
  mla v5.4h, v0.4h, v2.h[0]
  mov v6.16b, v2.16b
  mls v6.4s, v0.4s, v1.s[1]
  mov v7.16b, v2.16b
  mla v7.8h, v7.8h, v1.h[2]
  SHOWV 3
  SHOWV 4
  SHOWV 5
  SHOWV 6
  SHOWV 7

  CASE logic
  and v3.16b, v0.16b, v1.16b
  bic v4.8b, v0.8b, v1.8b
  orr v5.16b, v0.16b, v1.16b
  orn v6.16b, v0.16b, v1.16b
  eor v7.8b, v0.8b, v1.8b
  mov v8.16b, v2.16b
  bsl v8.16b, v0.16b, v1.16b
  mov v9.16b, v2.16b
  bit v9.16b, v0.16b, v1.16b
  mov v10.16b, v2.16b
  bif v10.8b, v0.8b, v1.8b
  not v11.16b, v0.16b
  mvn v12.8b, v1.8b
  mov v13.8b, v1.8b
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

  CASE cmp_reg
  cmeq v3.16b, v0.16b, v1.16b
  cmeq v4.8h, v0.8h, v0.8h
  cmgt v5.4s, v0.4s, v1.4s
  cmge v6.8h, v0.8h, v1.8h
  cmhi v7.16b, v0.16b, v1.16b
  cmhs v8.2d, v0.2d, v1.2d
  cmtst v9.8b, v0.8b, v1.8b
  cmgt d10, d0, d1
  cmhi d11, d0, d1
  cmeq d12, d2, d2
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

  CASE cmp_zero
  cmeq v3.16b, v0.16b, #0
  cmgt v4.8h, v0.8h, #0
  cmge v5.4s, v1.4s, #0
  cmle v6.2d, v1.2d, #0
  cmlt v7.8b, v0.8b, #0
  cmlt d8, d1, #0
  cmeq d9, d0, #0
  SHOWV 3
  SHOWV 4
  SHOWV 5
  SHOWV 6
  SHOWV 7
  SHOWV 8
  SHOWV 9

  CASE abs_neg
  abs v3.16b, v0.16b
  abs v4.4s, v1.4s
  abs d5, d1
  neg v6.8h, v0.8h
  neg v7.2d, v1.2d
  neg d8, d0
  SHOWV 3
  SHOWV 4
  SHOWV 5
  SHOWV 6
  SHOWV 7
  SHOWV 8

  CASE max_min
  smax v3.16b, v0.16b, v1.16b
  smin v4.8h, v0.8h, v1.8h
  umax v5.4s, v0.4s, v1.4s
  umin v6.8b, v0.8b, v1.8b
  SHOWV 3
  SHOWV 4
  SHOWV 5
  SHOWV 6

  CASE abd_aba
  sabd v3.16b, v0.16b, v1.16b
  uabd v4.8h, v0.8h, v1.8h
  sabd v5.2s, v0.2s, v1.2s
  mov v6.16b, v2.16b
  uaba v6.16b, v0.16b, v1.16b
  mov v7.16b, v2.16b
  saba v7.4s, v0.4s, v1.4s
  SHOWV 3
  SHOWV 4
  SHOWV 5
  SHOWV 6
  SHOWV 7

  CASE halving
  shadd v3.16b, v0.16b, v1.16b
  uhadd v4.8h, v0.8h, v1.8h
  srhadd v5.4s, v0.4s, v1.4s
  urhadd v6.16b, v0.16b, v1.16b
  shsub v7.8h, v0.8h, v1.8h
  uhsub v8.4s, v0.4s, v1.4s
  uhsub v9.8b, v1.8b, v0.8b
  SHOWV 3
  SHOWV 4
  SHOWV 5
  SHOWV 6
  SHOWV 7
  SHOWV 8
  SHOWV 9

  CASE bits
  cls v3.16b, v0.16b
  cls v4.8h, v1.8h
  clz v5.4s, v0.4s
  clz v6.8b, v1.8b
  cnt v7.16b, v0.16b
  cnt v8.8b, v1.8b
  rbit v9.16b, v0.16b
  rbit v10.8b, v1.8b
  SHOWV 3
  SHOWV 4
  SHOWV 5
  SHOWV 6
  SHOWV 7
  SHOWV 8
  SHOWV 9
  SHOWV 10

  CASE estimate
  urecpe v3.4s, v0.4s
  urecpe v4.2s, v1.2s
  ursqrte v5.4s, v0.4s
  ursqrte v6.4s, v1.4s
  SHOWV 3
  SHOWV 4
  SHOWV 5
  SHOWV 6
  DONE

  .section .rodata
  .balign 16
a: .quad 0x7f80ff0100fe8001, 0x8000000000000001
b: .quad 0x80017fffffff0002, 0x7fffffffffffffff
c: .quad 0x0123456789abcdef, 0xfedcba9876543210
