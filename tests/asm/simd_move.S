/* AdvSIMD moves and permutes: DUP, INS, UMOV, SMOV, MOVI/MVNI/ORR/BIC
   (immediate, every cmode), FMOV (vector, immediate), EXT, TBL/TBX,
   ZIP/UZP/TRN, REV16/32/64, XTN. */
.include "harness.inc"

/* Vn = the 16 bytes at label. */
.macro LOADQ n, label
  adr x9, \label
  ldr q\n, [x9]
.endm

  LOADQ 0, seq
  LOADQ 1, edge
  mov x1, #0x8081
  movk x1, #0xf00d, lsl #48

  CASE dup_elem
  dup v2.16b, v0.b[15]
  dup v3.4h, v1.h[3]
  dup v4.2s, v1.s[3]
  dup v5.2d, v1.d[1]
  dup v6.8h, v0.h[0]
  dup s7, v1.s[2]
  dup d8, v1.d[1]
  dup b9, v0.b[9]
  SHOWV 2
  SHOWV 3
  SHOWV 4
  SHOWV 5
  SHOWV 6
  SHOWV 7
  SHOWV 8
  SHOWV 9

  CASE dup_gen
  dup v2.8b, w1
  dup v3.8h, w1
  dup v4.4s, wzr
  dup v5.2d, x1
  dup v6.2s, w1
  SHOWV 2
  SHOWV 3
  SHOWV 4
  SHOWV 5
  SHOWV 6

  CASE ins
  mov v2.16b, v0.16b
  mov v2.b[7], w1
  mov v2.h[7], w1
  mov v3.16b, v1.16b
  mov v3.d[1], xzr
  mov v3.s[0], w1
  mov v4.16b, v0.16b
  mov v4.h[5], v1.h[2]
  mov v4.b[0], v1.b[15]
  mov v4.d[0], v4.d[1]
  mov v5.16b, v1.16b
  mov v5.s[3], v5.s[0]
  SHOWV 2
  SHOWV 3
  SHOWV 4
  SHOWV 5

  CASE umov_smov
  umov w2, v1.b[15]
  umov w3, v1.h[0]
  mov w4, v1.s[3]
  mov x5, v1.d[1]
  smov w6, v1.b[8]
  smov x7, v1.h[7]
  smov x8, v1.s[3]
  smov w10, v1.h[0]
  smov x11, v1.b[0]
  mov x12, #-1
  umov w12, v0.b[3]
  SHOW x2
  SHOW x3
  SHOW x4
  SHOW x5
  SHOW x6
  SHOW x7
  SHOW x8
  SHOW x10
  SHOW x11
  SHOW x12

  CASE movi
  movi v2.4s, #0xab, lsl #24
  movi v3.2s, #0xcd, lsl #8
  movi v4.4h, #0x12, lsl #8
  movi v5.8h, #0x34
  movi v6.2s, #0x56, msl #8
  movi v7.4s, #0x78, msl #16
  movi v8.16b, #0xff
  movi v9.8b, #0x80
  movi d10, #0xff00ff00ff0000ff
  movi v11.2d, #0xffffffff00000000
  SHOWV 2
  SHOWV 3
  SHOWV 4
  SHOWV 5
  SHOWV 6
  SHOWV 7
  SHOWV 8
  SHOWV 9
  SHOWV 10
  SHOWV 11

  CASE mvni
  mvni v2.4s, #0x1, lsl #8
  mvni v3.2s, #0xff, lsl #24
  mvni v4.8h, #0x80
  mvni v5.4h, #0x1, lsl #8
  mvni v6.2s, #0x7, msl #8
  mvni v7.4s, #0x7, msl #16
  SHOWV 2
  SHOWV 3
  SHOWV 4
  SHOWV 5
  SHOWV 6
  SHOWV 7

  CASE orr_bic_imm
  mov v2.16b, v1.16b
  orr v2.4s, #0x1, lsl #16
  mov v3.16b, v1.16b
  orr v3.4h, #0x80, lsl #8
  mov v4.16b, v1.16b
  bic v4.8h, #0xff, lsl #8
  mov v5.16b, v1.16b
  bic v5.2s, #0xff
  SHOWV 2
  SHOWV 3
  SHOWV 4
  SHOWV 5

  CASE fmov_imm
  fmov v2.4s, #1.5
  fmov v3.2s, #-31.0
  fmov v4.2d, #-0.125
  fmov v5.2d, #2.0
  fmov v6.4s, #0.1875
  SHOWV 2
  SHOWV 3
  SHOWV 4
  SHOWV 5
  SHOWV 6

  CASE ext
  ext v2.16b, v0.16b, v1.16b, #3
  ext v3.8b, v0.8b, v1.8b, #7
  ext v4.16b, v0.16b, v1.16b, #0
  ext v5.16b, v0.16b, v1.16b, #15
  mov v6.16b, v0.16b
  ext v6.16b, v6.16b, v6.16b, #8
  SHOWV 2
  SHOWV 3
  SHOWV 4
  SHOWV 5
  SHOWV 6

  CASE tbl
  LOADQ 20, idx
  mov v30.16b, v1.16b
  mov v31.16b, v0.16b
  movi v28.16b, #0x40
  movi v29.16b, #0x30
  tbl v2.16b, {v0.16b}, v20.16b
  tbl v3.8b, {v0.16b, v1.16b}, v20.8b
  tbl v4.16b, {v30.16b, v31.16b, v0.16b}, v20.16b
  tbl v5.16b, {v28.16b, v29.16b, v30.16b, v31.16b}, v20.16b
  mov v6.16b, v1.16b
  tbx v6.16b, {v0.16b}, v20.16b
  mov v7.16b, v1.16b
  tbx v7.8b, {v0.16b, v1.16b}, v20.8b
  mov v8.16b, v20.16b
  tbl v8.16b, {v0.16b, v1.16b}, v8.16b
  SHOWV 2
  SHOWV 3
  SHOWV 4
  SHOWV 5
  SHOWV 6
  SHOWV 7
  SHOWV 8

  CASE zip
  zip1 v2.16b, v0.16b, v1.16b
  zip2 v3.16b, v0.16b, v1.16b
  zip1 v4.4h, v0.4h, v1.4h
  zip2 v5.4h, v0.4h, v1.4h
  zip1 v6.2d, v0.2d, v1.2d
  zip2 v7.4s, v0.4s, v1.4s
  mov v8.16b, v0.16b
  zip1 v8.8b, v8.8b, v1.8b
  SHOWV 2
  SHOWV 3
  SHOWV 4
  SHOWV 5
  SHOWV 6
  SHOWV 7
  SHOWV 8

  CASE uzp
  uzp1 v2.16b, v0.16b, v1.16b
  uzp2 v3.16b, v0.16b, v1.16b
  uzp1 v4.8b, v0.8b, v1.8b
  uzp2 v5.2s, v0.2s, v1.2s
  uzp1 v6.8h, v0.8h, v1.8h
  uzp2 v7.2d, v0.2d, v1.2d
  SHOWV 2
  SHOWV 3
  SHOWV 4
  SHOWV 5
  SHOWV 6
  SHOWV 7

  CASE trn
  trn1 v2.16b, v0.16b, v1.16b
  trn2 v3.16b, v0.16b, v1.16b
  trn1 v4.4h, v0.4h, v1.4h
  trn2 v5.8h, v0.8h, v1.8h
  trn1 v6.4s, v0.4s, v1.4s
  trn2 v7.2d, v0.2d, v1.2d
  mov v8.16b, v1.16b
  trn2 v8.2s, v0.2s, v8.2s
  SHOWV 2
  SHOWV 3
  SHOWV 4
  SHOWV 5
  SHOWV 6
  SHOWV 7
  SHOWV 8

  CASE rev
  rev16 v2.16b, v0.16b
  rev32 v3.8b, v0.8b
  rev32 v4.8h, v0.8h
  rev64 v5.16b, v0.16b
  rev64 v6.4h, v0.4h
  rev64 v7.4s, v0.4s
  SHOWV 2
  SHOWV 3
  SHOWV 4
  SHOWV 5
  SHOWV 6
  SHOWV 7

  CASE xtn
  xtn v2.8b, v1.8h
  xtn v3.4h, v1.4s
  xtn v4.2s, v1.2d
  mov v5.16b, v0.16b
  xtn2 v5.16b, v1.8h
  mov v6.16b, v0.16b
  xtn2 v6.4s, v1.2d
  mov v7.16b, v1.16b
  xtn v7.8b, v7.8h
  SHOWV 2
  SHOWV 3
  SHOWV 4
  SHOWV 5
  SHOWV 6
  SHOWV 7
  DONE

  .section .rodata
  .balign 16
seq:  .byte 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15
edge: .quad 0x7fff8000ffff0001, 0x80000000ff7f0180
idx:  .byte 0, 15, 16, 31, 32, 47, 48, 63, 64, 255, 1, 17, 33, 49, 128, 5
