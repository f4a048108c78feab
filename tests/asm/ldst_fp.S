/* SIMD&FP register loads and stores: LDR/STR of B, H, S, D and Q in every
   addressing mode (unsigned offset, unscaled, pre/post-index, register
   offset, literal), LDP/STP/LDNP/STNP of S, D and Q. A load of B/H/S/D
   must zero the rest of the 128-bit register, so every case starts from
   registers full of ones. */
.include "harness.inc"

.macro FILL_ONES
  adr x9, ones
  ldr q0, [x9]
  ldr q1, [x9]
  ldr q2, [x9]
  ldr q3, [x9]
  ldr q4, [x9]
  ldr q31, [x9]
.endm

  CASE ldr_unsigned_offset
  FILL_ONES
  adr x0, pattern
  ldr b0, [x0, #3]
  ldr h1, [x0, #6]
  ldr s2, [x0, #12]
  ldr d3, [x0, #8]
  ldr q4, [x0, #16]
  SHOWV 0
  SHOWV 1
  SHOWV 2
  SHOWV 3
  SHOWV 4

  CASE ldur
  FILL_ONES
  adr x0, pattern
  add x0, x0, #32
  ldur b0, [x0, #-1]
  ldur h1, [x0, #-31]
  ldur s2, [x0, #-29]
  ldur d3, [x0, #-25]
  ldur q4, [x0, #-17]
  SHOWV 0
  SHOWV 1
  SHOWV 2
  SHOWV 3
  SHOWV 4

  CASE ldr_pre_post
  FILL_ONES
  adr x0, pattern
  adr x9, pattern
  ldr q0, [x0, #16]!
  sub x10, x0, x9
  SHOWV 0
  SHOW x10
  ldr d1, [x0], #-8
  sub x10, x0, x9
  SHOWV 1
  SHOW x10
  ldr s2, [x0, #-4]!
  sub x10, x0, x9
  SHOWV 2
  SHOW x10
  ldr h3, [x0], #255
  sub x10, x0, x9
  SHOWV 3
  SHOW x10
  ldr b4, [x0, #-256]!
  sub x10, x0, x9
  SHOWV 4
  SHOW x10

  CASE ldr_register_offset
  FILL_ONES
  adr x0, pattern
  mov x1, #1
  mov x2, #-1
  ldr q0, [x0, x1, lsl #4]
  ldr d1, [x0, x1, lsl #3]
  ldr s2, [x0, w1, uxtw #2]
  ldr h3, [x0, x1]
  add x3, x0, #16
  ldr b4, [x3, w2, sxtw]
  ldr q31, [x3, x2, sxtx]
  SHOWV 0
  SHOWV 1
  SHOWV 2
  SHOWV 3
  SHOWV 4
  SHOWV 31

  CASE ldr_literal
  FILL_ONES
  ldr s0, lit_s
  ldr d1, lit_d
  ldr q2, lit_q
  SHOWV 0
  SHOWV 1
  SHOWV 2

  CASE str_sizes
  adr x0, scratch
  stp xzr, xzr, [x0]
  stp xzr, xzr, [x0, #16]
  adr x9, pattern
  ldr q5, [x9]
  ldr q6, [x9, #16]
  str b5, [x0]
  str h6, [x0, #2]
  str s5, [x0, #4]
  str d6, [x0, #8]
  str q5, [x0, #16]
  ldr q7, [x0]
  ldr q8, [x0, #16]
  SHOWV 7
  SHOWV 8
  stur q6, [x0, #1]
  stur d5, [x0, #19]
  stur s5, [x0, #27]
  stur h5, [x0, #-1]
  stur b6, [x0, #31]
  ldr q7, [x0]
  ldr q8, [x0, #16]
  SHOWV 7
  SHOWV 8

  CASE str_pre_post_reg
  adr x0, scratch
  adr x9, scratch
  stp xzr, xzr, [x0]
  stp xzr, xzr, [x0, #16]
  adr x1, pattern
  ldr q5, [x1]
  str q5, [x0, #16]!
  str d5, [x0], #-8
  str s5, [x0, #-4]!
  str h5, [x0], #-2
  str b5, [x0, #1]!
  sub x10, x0, x9
  SHOW x10
  ldr q7, [x9]
  ldr q8, [x9, #16]
  SHOWV 7
  SHOWV 8
  stp xzr, xzr, [x9]
  stp xzr, xzr, [x9, #16]
  mov x1, #1
  str q5, [x9, x1, lsl #4]
  str d5, [x9, x1, lsl #3]
  str s5, [x9, x1, lsl #2]
  str h5, [x9, x1, lsl #1]
  str b5, [x9, x1]
  ldr q7, [x9]
  ldr q8, [x9, #16]
  SHOWV 7
  SHOWV 8

  CASE ldp_vector
  FILL_ONES
  adr x0, pattern
  ldp s0, s1, [x0, #4]
  ldp d2, d3, [x0, #8]
  ldp q4, q31, [x0]
  SHOWV 0
  SHOWV 1
  SHOWV 2
  SHOWV 3
  SHOWV 4
  SHOWV 31

  CASE ldp_vector_pre_post
  FILL_ONES
  adr x0, pattern
  adr x9, pattern
  ldp q0, q1, [x0, #16]!
  sub x10, x0, x9
  SHOW x10
  ldp d2, d3, [x0], #-16
  sub x10, x0, x9
  SHOW x10
  ldp s3, s4, [x0, #4]!
  sub x10, x0, x9
  SHOW x10
  sub x0, x0, #4
  ldnp q31, q0, [x0, #16]
  SHOWV 0
  SHOWV 1
  SHOWV 2
  SHOWV 3
  SHOWV 4
  SHOWV 31
  ldnp d1, d2, [x0, #8]
  ldnp s3, s4, [x0, #4]
  SHOWV 1
  SHOWV 2
  SHOWV 3
  SHOWV 4

  CASE stp_vector
  adr x0, scratch
  adr x9, scratch
  adr x1, pattern
  ldr q5, [x1]
  ldr q6, [x1, #16]
  stp xzr, xzr, [x0]
  stp xzr, xzr, [x0, #16]
  stp xzr, xzr, [x0, #32]
  stp q5, q6, [x0]
  ldp q7, q8, [x9]
  SHOWV 7
  SHOWV 8
  stp d6, d5, [x0, #16]!
  stp s5, s6, [x0], #-12
  stnp s6, s5, [x0, #24]
  sub x10, x0, x9
  SHOW x10
  ldp q7, q8, [x9]
  SHOWV 7
  SHOWV 8
  stnp d6, d6, [x9, #32]
  stnp q5, q6, [x9]
  ldp q7, q8, [x9, #16]
  SHOWV 7
  SHOWV 8

  CASE sp_base
  adr x1, pattern
  ldr q5, [x1]
  stp q5, q5, [sp, #-32]!
  ldr d0, [sp, #8]
  ldp s1, s2, [sp, #12]
  ldr q3, [sp], #32
  SHOWV 0
  SHOWV 1
  SHOWV 2
  SHOWV 3

  /* LDP of the same register twice is CONSTRAINED UNPREDICTABLE; gas
     refuses it. qemu keeps the value from the higher address. */
  CASE ldp_vt_eq_vt2
  adr x3, pattern
  .inst 0xad400060         /* ldp q0, q0, [x3] */
  .inst 0x6d400461         /* ldp d1, d1, [x3] */
  SHOWV 0
  SHOWV 1
  DONE

  .data
  .balign 16
pattern:
  .quad 0x8877665544332211
  .quad 0xf0e0d0c0b0a09080
  .quad 0x7f7e7d7c7b7a7978
  .quad 0x0123456789abcdef
  .quad 0x1716151413121110
  .quad 0x2726252423222120
ones: .quad -1, -1
lit_s: .word 0x3f800000
  .balign 8
lit_d: .quad 0x400921fb54442d18
  .balign 4
  .word 0
lit_q: .quad 0x0f0e0d0c0b0a0908, 0x1f1e1d1c1b1a1918   /* 4-aligned only */
  .balign 16
scratch: .skip 64
