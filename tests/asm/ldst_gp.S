/* General-purpose single-register loads and stores: every size and
   signedness, every addressing mode (unsigned offset, unscaled, pre- and
   post-index, register offset with each extend, literal, unprivileged),
   PRFM, SP as base, XZR as source and destination, writeback with
   Rt == Rn (CONSTRAINED UNPREDICTABLE: qemu's choice). See also
   ldst_pair.S, ldst_fp.S, ldst_struct.S, atomic.S. */
.include "harness.inc"

  CASE ldr_unsigned_offset
  adr x0, pattern
  mov x1, #-1
  mov x2, #-1
  mov x3, #-1
  mov x4, #-1
  ldrb w1, [x0]
  ldrh w2, [x0, #2]
  ldr w3, [x0, #4]
  ldr x4, [x0, #8]
  SHOW x1
  SHOW x2
  SHOW x3
  SHOW x4
  ldrb w1, [x0, #15]
  ldrh w2, [x0, #14]
  ldr w3, [x0, #12]
  ldr x4, [x0, #24]
  SHOW x1
  SHOW x2
  SHOW x3
  SHOW x4

  CASE ldrs_sign_extend
  adr x0, pattern
  ldrsb w1, [x0, #7]       /* 0x88: negative */
  ldrsb x2, [x0, #7]
  ldrsb w3, [x0, #16]      /* 0x78: positive */
  ldrsb x4, [x0, #16]
  SHOW x1
  SHOW x2
  SHOW x3
  SHOW x4
  ldrsh w1, [x0, #6]       /* 0x8877 */
  ldrsh x2, [x0, #6]
  ldrsh w3, [x0, #16]      /* 0x7978 */
  ldrsh x4, [x0, #16]
  SHOW x1
  SHOW x2
  SHOW x3
  SHOW x4
  ldrsw x1, [x0, #4]       /* 0x88776655 */
  ldrsw x2, [x0, #16]      /* 0x7b7a7978 */
  SHOW x1
  SHOW x2

  CASE ldur_unscaled
  adr x0, pattern
  add x0, x0, #256
  ldur x1, [x0, #-256]
  ldur x2, [x0, #-255]     /* misaligned */
  ldurb w3, [x0, #-241]
  ldursb x4, [x0, #-249]
  ldurh w5, [x0, #-247]
  ldursh w6, [x0, #-249]
  ldur w7, [x0, #-253]
  ldursw x8, [x0, #-252]
  SHOW x1
  SHOW x2
  SHOW x3
  SHOW x4
  SHOW x5
  SHOW x6
  SHOW x7
  SHOW x8
  adr x0, pattern
  ldur x1, [x0, #1]
  ldur w2, [x0, #255]
  SHOW x1
  SHOW x2

  CASE ldr_pre_post
  adr x0, pattern
  adr x9, pattern
  ldr x1, [x0, #8]!
  sub x10, x0, x9
  SHOW x1
  SHOW x10
  ldr w2, [x0], #-4
  sub x10, x0, x9
  SHOW x2
  SHOW x10
  ldrb w3, [x0, #255]!
  sub x10, x0, x9
  SHOW x3
  SHOW x10
  ldrsh x4, [x0, #-256]!
  sub x10, x0, x9
  SHOW x4
  SHOW x10
  ldrsb w5, [x0], #7
  sub x10, x0, x9
  SHOW x5
  SHOW x10
  ldrsw x6, [x0], #1
  ldrh w7, [x0, #-1]!
  sub x10, x0, x9
  SHOW x6
  SHOW x7
  SHOW x10

  CASE ldr_register_offset
  adr x0, pattern
  mov x1, #3
  ldr x2, [x0, x1, lsl #3]
  ldr x3, [x0, x1]
  ldr w4, [x0, x1, lsl #2]
  ldrh w5, [x0, x1, lsl #1]
  ldrb w6, [x0, x1]
  ldrb w7, [x0, x1, lsl #0]
  ldrsw x8, [x0, x1, lsl #2]
  SHOW x2
  SHOW x3
  SHOW x4
  SHOW x5
  SHOW x6
  SHOW x7
  SHOW x8

  CASE ldr_register_extend
  adr x0, pattern
  add x0, x0, #16
  mov x1, #-1              /* w1 = 0xffffffff: sxtw -1, uxtw 4G-1 */
  ldr x2, [x0, w1, sxtw #3]
  ldrsh x3, [x0, w1, sxtw #1]
  ldrb w4, [x0, w1, sxtw]
  mov x1, #-2
  ldr x5, [x0, x1, sxtx #3]
  ldr w6, [x0, x1, sxtx]
  movz x1, #0x1234, lsl #32
  movk x1, #2              /* uxtw drops the upper half */
  ldr x7, [x0, w1, uxtw #3]
  ldrh w8, [x0, w1, uxtw]
  SHOW x2
  SHOW x3
  SHOW x4
  SHOW x5
  SHOW x6
  SHOW x7
  SHOW x8

  CASE ldr_register_xzr_index
  adr x0, pattern
  ldr x1, [x0, xzr]
  ldr x2, [x0, xzr, lsl #3]
  ldrb w3, [x0, wzr, uxtw]
  SHOW x1
  SHOW x2
  SHOW x3

  CASE ldr_literal
  mov x1, #-1
  ldr w1, lit_word
  ldr x2, lit_dword
  ldrsw x3, lit_word
  ldrsw x4, lit_word_pos
  ldr x5, =0x0123456789abcdef
  ldr w6, =0xfedcba98
  SHOW x1
  SHOW x2
  SHOW x3
  SHOW x4
  SHOW x5
  SHOW x6
  ldr x7, lit_back
  SHOW x7
  b 1f
  .balign 8
lit_back: .quad 0x0badc0de0badf00d
1:

  CASE str_sizes
  adr x0, scratch
  str xzr, [x0]
  str xzr, [x0, #8]
  ldr x1, pattern_q0
  ldr x2, pattern_q1
  strb w1, [x0]
  strh w2, [x0, #2]
  str w1, [x0, #4]
  str x2, [x0, #8]
  ldr x3, [x0]
  ldr x4, [x0, #8]
  SHOW x3
  SHOW x4
  sturb w2, [x0, #1]
  sturh w1, [x0, #5]
  stur w2, [x0, #9]
  stur x1, [x0, #3]
  ldr x3, [x0]
  ldr x4, [x0, #8]
  SHOW x3
  SHOW x4

  CASE str_zr
  adr x0, scratch
  mov x1, #-1
  str x1, [x0]
  str x1, [x0, #8]
  strb wzr, [x0]
  strh wzr, [x0, #4]
  str wzr, [x0, #8]
  ldr x3, [x0]
  ldr x4, [x0, #8]
  SHOW x3
  SHOW x4
  str xzr, [x0, #8]
  ldr x4, [x0, #8]
  SHOW x4

  CASE ldr_to_zr
  adr x0, pattern
  ldr xzr, [x0]
  ldrb wzr, [x0, #1]
  mov x1, #8
  ldr wzr, [x0, x1]
  mov x1, xzr
  SHOW x1

  CASE str_pre_post
  adr x0, scratch
  adr x9, scratch
  str xzr, [x0]
  str xzr, [x0, #8]
  str xzr, [x0, #16]
  mov x1, #0x11
  mov x2, #0x2222
  movz x3, #0x3333, lsl #16
  strb w1, [x0, #1]!
  strh w2, [x0], #3
  str w3, [x0, #4]!
  str x3, [x0], #-8
  sub x10, x0, x9
  SHOW x10
  ldr x4, [x9]
  ldr x5, [x9, #8]
  ldr x6, [x9, #16]
  SHOW x4
  SHOW x5
  SHOW x6

  CASE str_register_offset
  adr x0, scratch
  adr x9, scratch
  str xzr, [x0]
  str xzr, [x0, #8]
  str xzr, [x0, #16]
  mov x1, #1
  mov x2, #-1
  mov x3, #0xab
  strb w3, [x0, x1]
  strh w3, [x0, x1, lsl #1]
  str w3, [x0, x1, lsl #2]
  str x3, [x0, x1, lsl #3]
  add x0, x0, #16
  strb w2, [x0, w2, sxtw]
  ldr x4, [x9]
  ldr x5, [x9, #8]
  ldr x6, [x9, #16]
  SHOW x4
  SHOW x5
  SHOW x6

  CASE sp_base
  mov x9, sp
  mov x1, #0x5a
  movk x1, #0xa5a5, lsl #48
  str x1, [sp, #-16]!
  str x1, [sp, #8]
  ldrb w2, [sp]
  ldr x3, [sp, #0]
  ldur w4, [sp, #4]
  mov x5, #8
  ldr w6, [sp, x5]
  ldr x7, [sp], #16
  mov x11, sp
  sub x10, x9, x11
  SHOW x2
  SHOW x3
  SHOW x4
  SHOW x6
  SHOW x7
  SHOW x10

  CASE max_offsets
  adr x0, big
  mov x1, #0x1122
  mov x2, #0x3344
  mov x3, #0x5566
  mov x4, #0x7788
  strb w1, [x0, #4095]
  strh w2, [x0, #8190]
  str w3, [x0, #16380]
  str x4, [x0, #32760]
  mov x5, #4095
  ldrb w6, [x0, x5]
  mov x5, #8190
  ldrh w7, [x0, x5]
  mov x5, #16380
  ldr w8, [x0, x5]
  mov x5, #32760
  ldr x9, [x0, x5]
  SHOW x6
  SHOW x7
  SHOW x8
  SHOW x9
  ldrb w6, [x0, #4095]
  ldrh w7, [x0, #8190]
  ldr w8, [x0, #16380]
  ldr x9, [x0, #32760]
  SHOW x6
  SHOW x7
  SHOW x8
  SHOW x9

  CASE unprivileged
  adr x0, scratch
  mov x1, #-1
  sttr x1, [x0]
  sttrb wzr, [x0, #1]
  sttrh wzr, [x0, #4]
  sttr wzr, [x0, #-4]
  ldtr x2, [x0]
  ldtrb w3, [x0, #7]
  ldtrsb x4, [x0, #7]
  ldtrsb w5, [x0, #7]
  ldtrh w6, [x0, #2]
  ldtrsh x7, [x0, #2]
  ldtrsh w8, [x0, #2]
  ldtr w9, [x0, #3]
  ldtrsw x10, [x0, #4]
  SHOW x2
  SHOW x3
  SHOW x4
  SHOW x5
  SHOW x6
  SHOW x7
  SHOW x8
  SHOW x9
  SHOW x10

  CASE prfm
  adr x0, pattern
  mov x1, #64
  prfm pldl1keep, [x0]
  prfm pstl2strm, [x0, #32760]
  prfm plil3keep, [x0, x1]
  prfm pldl1strm, [x0, w1, uxtw #3]
  prfum pldl1keep, [x0, #-1]
  prfm pldl1keep, pattern
  prfm #0x1f, [x0]        /* unallocated prefetch operation: still a hint */
  adr x2, pattern
  sub x2, x0, x2
  SHOW x1
  SHOW x2

  /* Writeback with Rt == Rn is CONSTRAINED UNPREDICTABLE and gas refuses
     it: encoded by hand. qemu writes the address back after the load, and
     stores the base's old value. */
  CASE writeback_rt_eq_rn
  adr x0, pattern
  adr x9, pattern
  .inst 0xf8408c00         /* ldr x0, [x0, #8]! */
  sub x10, x0, x9
  SHOW x10
  adr x0, pattern
  .inst 0xb8404400         /* ldr w0, [x0], #4 */
  sub x10, x0, x9
  SHOW x10
  adr x0, scratch
  adr x9, scratch
  .inst 0xf8008c00         /* str x0, [x0, #8]! */
  sub x10, x0, x9
  ldr x11, [x9, #8]
  sub x11, x11, x9
  SHOW x10
  SHOW x11
  .inst 0xf81f8400         /* str x0, [x0], #-8 */
  sub x10, x0, x9
  ldr x11, [x9, #8]
  sub x11, x11, x9
  SHOW x10
  SHOW x11

  CASE load_rt_eq_rn_no_writeback
  adr x0, pattern
  ldr x0, [x0, #8]
  SHOW x0
  adr x1, pattern
  mov x2, #2
  ldr x2, [x1, x2, lsl #3]
  SHOW x2
  DONE

  .data
  .balign 16
pattern:
  .quad 0x8877665544332211
  .quad 0xf0e0d0c0b0a09080
  .quad 0x7f7e7d7c7b7a7978
  .quad 0x0123456789abcdef
  .fill 32, 8, 0x5555555555555555
pattern_q0: .quad 0xa1a2a3a4a5a6a7a8
pattern_q1: .quad 0x0102030405060708
lit_word: .word 0x80000001
lit_word_pos: .word 0x7ffffffe
lit_dword: .quad 0xdeadbeefcafef00d
  .balign 16
  .skip 16
scratch: .skip 64
  .balign 16
big: .skip 32768
