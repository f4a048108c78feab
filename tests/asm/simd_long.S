/* AdvSIMD widening and narrowing arithmetic: SADDL UADDL SSUBL USUBL
   SADDW UADDW SSUBW USUBW SABAL UABAL SABDL UABDL SMULL UMULL SMLAL UMLAL
   SMLSL UMLSL (vector, "2" forms and by element), PMULL (8-bit),
   ADDHN RADDHN SUBHN RSUBHN (and "2" forms). */
.include "harness.inc"

.macro LOADQ n, label
  adr x9, \label
  ldr q\n, [x9]
.endm

  LOADQ 0, a
  LOADQ 1, b
  LOADQ 2, c

  CASE add_long
  saddl v3.8h, v0.8b, v1.8b
  uaddl2 v4.4s, v0.8h, v1.8h
  ssubl v5.2d, v0.2s, v1.2s
  usubl2 v6.8h, v0.16b, v1.16b
  saddw v7.4s, v2.4s, v0.4h
  uaddw2 v8.2d, v2.2d, v0.4s
  ssubw2 v9.8h, v2.8h, v1.16b
  usubw v10.4s, v2.4s, v1.4h
  SHOWV 3
  SHOWV 4
  SHOWV 5
  SHOWV 6
  SHOWV 7
  SHOWV 8
  SHOWV 9
  SHOWV 10

  CASE abd_long
  sabdl v3.8h, v0.8b, v1.8b
  uabdl2 v4.4s, v0.8h, v1.8h
  mov v5.16b, v2.16b
  sabal v5.2d, v0.2s, v1.2s
  mov v6.16b, v2.16b
  uabal2 v6.8h, v0.16b, v1.16b
  SHOWV 3
  SHOWV 4
  SHOWV 5
  SHOWV 6

  CASE mul_long
  smull v3.8h, v0.8b, v1.8b
  umull2 v4.4s, v0.8h, v1.8h
  smull2 v5.2d, v0.4s, v1.4s
  umull v6.2d, v0.2s, v1.2s
  mov v7.16b, v2.16b
  smlal v7.4s, v0.4h, v1.4h
  mov v8.16b, v2.16b
  umlal2 v8.8h, v0.16b, v1.16b
  mov v9.16b, v2.16b
  smlsl2 v9.2d, v0.4s, v1.4s
  mov v10.16b, v2.16b
  umlsl v10.4s, v0.4h, v1.4h
  SHOWV 3
  SHOWV 4
  SHOWV 5
  SHOWV 6
  SHOWV 7
  SHOWV 8
  SHOWV 9
  SHOWV 10

  CASE mul_long_elem
  smull v3.4s, v0.4h, v1.h[3]
  umull2 v4.2d, v0.4s, v1.s[2]
  mov v5.16b, v2.16b
  smlal2 v5.4s, v0.8h, v1.h[7]
  mov v6.16b, v2.16b
  umlsl v6.2d, v0.2s, v1.s[0]
  mov v7.16b, v2.16b
  umlal v7.4s, v7.4h, v1.h[1]
  mov v8.16b, v2.16b
  smlsl2 v8.4s, v0.8h, v0.h[0]
  SHOWV 3
  SHOWV 4
  SHOWV 5
  SHOWV 6
  SHOWV 7
  SHOWV 8

  CASE pmull
  pmull v3.8h, v0.8b, v1.8b
  pmull2 v4.8h, v0.16b, v2.16b
  SHOWV 3
  SHOWV 4

  CASE high_narrow
  addhn v3.8b, v0.8h, v1.8h
  raddhn v4.4h, v0.4s, v1.4s
  subhn v5.2s, v0.2d, v1.2d
  rsubhn v6.8b, v1.8h, v0.8h
  mov v7.16b, v2.16b
  addhn2 v7.16b, v0.8h, v2.8h
  mov v8.16b, v2.16b
  rsubhn2 v8.4s, v0.2d, v2.2d
  mov v9.16b, v2.16b
  raddhn2 v9.8h, v1.4s, v1.4s
  SHOWV 3
  SHOWV 4
  SHOWV 5
  SHOWV 6
  SHOWV 7
  SHOWV 8
  SHOWV 9
  DONE

  .section .rodata
  .balign 16
a: .quad 0x7f80ff0100fe8001, 0x8000000000000001
b: .quad 0x80017fffffff0002, 0x7fffffff80000001
c: .quad 0x0123456789abcdef, 0xfedcba9876543210
