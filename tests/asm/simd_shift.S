/* AdvSIMD shifts: by register (SSHL USHL SRSHL URSHL SQSHL UQSHL SQRSHL
   UQRSHL, with counts of 0, +-width, beyond the width and negative), by
   immediate (SHL SSHR USHR SSRA USRA SRSHR URSHR SRSRA URSRA SLI SRI,
   shifts of 0, 1 and the full width), saturating (SQSHL UQSHL SQSHLU
   immediate, QC), narrowing (SHRN RSHRN SQSHRN SQRSHRN UQSHRN UQRSHRN
   SQSHRUN SQRSHRUN and "2" forms, scalar forms) and widening (SSHLL USHLL
   SXTL UXTL SHLL and "2" forms). */
.include "harness.inc"

.macro LOADQ n, label
  adr x9, \label
  ldr q\n, [x9]
.endm

  LOADQ 0, a
  LOADQ 1, b
  LOADQ 2, counts8
  LOADQ 3, counts32
  LOADQ 4, counts64

  CASE shift_reg
  sshl v5.16b, v0.16b, v2.16b
  ushl v6.16b, v0.16b, v2.16b
  srshl v7.16b, v0.16b, v2.16b
  urshl v8.16b, v0.16b, v2.16b
  sshl v9.4s, v1.4s, v3.4s
  urshl v10.4s, v1.4s, v3.4s
  ushl v11.2d, v1.2d, v4.2d
  srshl d12, d1, d4
  sshl v13.8h, v0.8h, v2.8h
  ushl v14.4h, v0.4h, v2.4h
  SHOWV 5
  SHOWV 6
  SHOWV 7
  SHOWV 8
  SHOWV 9
  SHOWV 10
  SHOWV 11
  SHOWV 12
  SHOWV 13
  SHOWV 14

  CASE shift_reg_sat
  msr fpsr, xzr
  sqshl v5.16b, v0.16b, v2.16b
  FPSR
  msr fpsr, xzr
  uqshl v6.16b, v0.16b, v2.16b
  FPSR
  msr fpsr, xzr
  sqrshl v7.4s, v1.4s, v3.4s
  FPSR
  msr fpsr, xzr
  uqrshl v8.2d, v1.2d, v4.2d
  FPSR
  msr fpsr, xzr
  sqshl d9, d1, d4
  FPSR
  msr fpsr, xzr
  uqshl b10, b0, b2
  FPSR
  msr fpsr, xzr
  sqrshl h11, h1, h3
  FPSR
  SHOWV 5
  SHOWV 6
  SHOWV 7
  SHOWV 8
  SHOWV 9
  SHOWV 10
  SHOWV 11

  CASE shift_imm
  shl v5.16b, v0.16b, #7
  shl v6.2d, v1.2d, #0
  shl d7, d1, #63
  sshr v8.8h, v0.8h, #16
  sshr v9.4s, v1.4s, #1
  ushr v10.16b, v0.16b, #8
  ushr v11.2s, v1.2s, #31
  sshr d12, d1, #64
  ushr d13, d1, #64
  SHOWV 5
  SHOWV 6
  SHOWV 7
  SHOWV 8
  SHOWV 9
  SHOWV 10
  SHOWV 11
  SHOWV 12
  SHOWV 13

  CASE shift_acc_round
  mov v5.16b, v1.16b
  ssra v5.16b, v0.16b, #3
  mov v6.16b, v1.16b
  usra v6.8h, v0.8h, #16
  srshr v7.16b, v0.16b, #1
  urshr v8.4s, v1.4s, #32
  urshr v9.2d, v1.2d, #64
  srshr d10, d1, #63
  mov v11.16b, v0.16b
  srsra v11.8h, v1.8h, #4
  mov v12.16b, v0.16b
  ursra d12, d1, #1
  SHOWV 5
  SHOWV 6
  SHOWV 7
  SHOWV 8
  SHOWV 9
  SHOWV 10
  SHOWV 11
  SHOWV 12

  CASE insert
  mov v5.16b, v1.16b
  sli v5.16b, v0.16b, #3
  mov v6.16b, v1.16b
  sli v6.4s, v0.4s, #0
  mov v7.16b, v1.16b
  sri v7.8h, v0.8h, #16
  mov v8.16b, v1.16b
  sri v8.2d, v0.2d, #12
  mov v9.16b, v1.16b
  sri d9, d0, #1
  mov v10.16b, v1.16b
  sli v10.8b, v0.8b, #7
  SHOWV 5
  SHOWV 6
  SHOWV 7
  SHOWV 8
  SHOWV 9
  SHOWV 10

  CASE shift_imm_sat
  msr fpsr, xzr
  sqshl v5.16b, v0.16b, #1
  FPSR
  msr fpsr, xzr
  uqshl v6.8h, v0.8h, #15
  FPSR
  msr fpsr, xzr
  sqshlu v7.4s, v1.4s, #3
  FPSR
  msr fpsr, xzr
  sqshl v8.2d, v1.2d, #0
  FPSR
  msr fpsr, xzr
  uqshl s9, s1, #31
  FPSR
  msr fpsr, xzr
  sqshlu b10, b0, #0
  FPSR
  SHOWV 5
  SHOWV 6
  SHOWV 7
  SHOWV 8
  SHOWV 9
  SHOWV 10

  CASE narrow
  shrn v5.8b, v0.8h, #4
  rshrn v6.4h, v1.4s, #16
  mov v7.16b, v1.16b
  shrn2 v7.4s, v0.2d, #32
  mov v8.16b, v1.16b
  rshrn2 v8.16b, v0.8h, #1
  SHOWV 5
  SHOWV 6
  SHOWV 7
  SHOWV 8

  CASE narrow_sat
  msr fpsr, xzr
  sqshrn v5.8b, v0.8h, #1
  FPSR
  msr fpsr, xzr
  sqrshrn v6.4h, v1.4s, #16
  FPSR
  msr fpsr, xzr
  uqshrn v7.2s, v1.2d, #1
  FPSR
  msr fpsr, xzr
  uqrshrn2 v8.8h, v0.4s, #16
  FPSR
  msr fpsr, xzr
  sqshrun v9.8b, v1.8h, #8
  FPSR
  msr fpsr, xzr
  sqrshrun2 v10.4s, v0.2d, #32
  FPSR
  msr fpsr, xzr
  sqshrn s11, d1, #32
  FPSR
  msr fpsr, xzr
  uqrshrn b12, h0, #8
  FPSR
  msr fpsr, xzr
  sqshrun h13, s1, #1
  FPSR
  SHOWV 5
  SHOWV 6
  SHOWV 7
  SHOWV 8
  SHOWV 9
  SHOWV 10
  SHOWV 11
  SHOWV 12
  SHOWV 13

  CASE widen
  sshll v5.8h, v0.8b, #3
  ushll v6.4s, v0.4h, #15
  sxtl v7.2d, v1.2s
  uxtl2 v8.8h, v0.16b
  sshll2 v9.4s, v1.8h, #0
  shll v10.8h, v0.8b, #8
  shll2 v11.4s, v1.8h, #16
  shll v12.2d, v1.2s, #32
  mov v13.16b, v0.16b
  sxtl2 v13.2d, v13.4s
  SHOWV 5
  SHOWV 6
  SHOWV 7
  SHOWV 8
  SHOWV 9
  SHOWV 10
  SHOWV 11
  SHOWV 12
  SHOWV 13
  DONE

  .section .rodata
  .balign 16
a:        .quad 0x7f80ff0100fe8001, 0x8000000000000001
b:        .quad 0x80017fffffff0002, 0x7fffffff80000001
counts8:  .byte 0, 1, 7, 8, 9, 0xff, 0xf9, 0xf8, 0xf7, 0x80, 0x7f, 3, 0xfd, 2, 0xfe, 16
counts32: .word 31, 0xffffffe0, 0x21, 0xffffffe1
counts64: .quad 0xffffffffffffffc1, 63
