/* General-purpose register pairs: LDP/STP (W and X), LDPSW, LDNP/STNP in
   the signed-offset, pre-index and post-index modes, with the extreme
   offsets, SP as base, XZR as source and destination, and the CONSTRAINED
   UNPREDICTABLE Rt == Rt2 and writeback-into-Rt cases (qemu's choices). */
.include "harness.inc"

  CASE ldp_x
  adr x0, pattern
  ldp x1, x2, [x0]
  ldp x3, x4, [x0, #16]
  ldp x5, x6, [x0, #8]
  SHOW x1
  SHOW x2
  SHOW x3
  SHOW x4
  SHOW x5
  SHOW x6

  CASE ldp_w
  adr x0, pattern
  mov x1, #-1
  mov x2, #-1
  ldp w1, w2, [x0]
  ldp w3, w4, [x0, #12]
  SHOW x1
  SHOW x2
  SHOW x3
  SHOW x4

  CASE ldpsw
  adr x0, pattern
  ldpsw x1, x2, [x0]
  ldpsw x3, x4, [x0, #16]
  ldpsw x5, x6, [x0, #8]!
  adr x9, pattern
  sub x10, x0, x9
  ldpsw x7, x8, [x0], #-8
  sub x11, x0, x9
  SHOW x1
  SHOW x2
  SHOW x3
  SHOW x4
  SHOW x5
  SHOW x6
  SHOW x7
  SHOW x8
  SHOW x10
  SHOW x11

  CASE ldp_pre_post
  adr x0, pattern
  adr x9, pattern
  ldp x1, x2, [x0, #16]!
  sub x10, x0, x9
  SHOW x1
  SHOW x2
  SHOW x10
  ldp x3, x4, [x0], #-16
  sub x10, x0, x9
  SHOW x3
  SHOW x4
  SHOW x10
  ldp w5, w6, [x0, #4]!
  sub x10, x0, x9
  SHOW x5
  SHOW x6
  SHOW x10
  ldp w7, w8, [x0], #-4
  sub x10, x0, x9
  SHOW x7
  SHOW x8
  SHOW x10

  CASE ldp_offset_limits
  adr x0, big
  add x0, x0, #512
  mov x1, #0x101
  mov x2, #0x202
  sub x9, x0, #512
  str x1, [x9]
  str x2, [x0, #504]
  str w1, [x0, #-256]
  str w2, [x0, #252]
  ldp x3, x4, [x0, #-512]
  ldp x5, x6, [x0, #504]
  ldp w7, w8, [x0, #-256]
  ldp w9, w10, [x0, #252]
  SHOW x3
  SHOW x5
  SHOW x7
  SHOW x9

  CASE ldnp
  adr x0, pattern
  ldnp x1, x2, [x0, #8]
  ldnp w3, w4, [x0, #4]
  SHOW x1
  SHOW x2
  SHOW x3
  SHOW x4

  CASE stp_x_w
  adr x0, scratch
  mov x1, #-1
  stp x1, x1, [x0]
  stp x1, x1, [x0, #16]
  ldr x2, pattern
  ldr x3, pattern + 8
  stp w2, w3, [x0, #4]
  stp x3, x2, [x0, #16]
  ldp x4, x5, [x0]
  ldp x6, x7, [x0, #16]
  SHOW x4
  SHOW x5
  SHOW x6
  SHOW x7

  CASE stp_pre_post
  adr x0, scratch
  adr x9, scratch
  stp xzr, xzr, [x0]
  stp xzr, xzr, [x0, #16]
  mov x1, #0x11
  mov x2, #0x22
  stp x1, x2, [x0, #16]!
  sub x10, x0, x9
  SHOW x10
  stp w2, w1, [x0], #-16
  sub x10, x0, x9
  SHOW x10
  stp w1, w1, [x0, #4]!
  sub x10, x0, x9
  SHOW x10
  stp w2, w2, [x0], #-4
  sub x10, x0, x9
  SHOW x10
  ldp x4, x5, [x9]
  ldp x6, x7, [x9, #16]
  SHOW x4
  SHOW x5
  SHOW x6
  SHOW x7

  CASE stnp_zr
  adr x0, scratch
  mov x1, #-1
  stp x1, x1, [x0]
  stnp xzr, x1, [x0]
  stnp w1, wzr, [x0, #8]
  ldp x2, x3, [x0]
  SHOW x2
  SHOW x3

  CASE ldp_into_zr
  adr x0, pattern
  ldp xzr, x1, [x0]
  ldp x2, xzr, [x0]
  mov x3, xzr
  SHOW x1
  SHOW x2
  SHOW x3

  CASE sp_base
  mov x9, sp
  mov x1, #0x1234
  mov x2, #0x5678
  stp x1, x2, [sp, #-32]!
  stp x2, x1, [sp, #16]
  ldp x3, x4, [sp, #16]
  ldp w5, w6, [sp, #4]
  ldp x7, x8, [sp], #32
  mov x11, sp
  sub x10, x9, x11
  SHOW x3
  SHOW x4
  SHOW x5
  SHOW x6
  SHOW x7
  SHOW x8
  SHOW x10

  /* gas refuses these CONSTRAINED UNPREDICTABLE forms: encoded by hand.
     qemu: for LDP Rt == Rt2 the value from the lower address wins; with
     writeback into Rt or Rt2 the address wins; a store sends the base's
     old value. */
  CASE ldp_rt_eq_rt2
  adr x3, pattern
  .inst 0xa9401465         /* ldp x5, x5, [x3] */
  SHOW x5
  .inst 0x29401465         /* ldp w5, w5, [x3] */
  SHOW x5
  .inst 0x69401465         /* ldpsw x5, x5, [x3] */
  SHOW x5

  CASE ldp_writeback_rt_eq_rn
  adr x3, pattern
  adr x9, pattern
  .inst 0xa9c11063         /* ldp x3, x4, [x3, #16]! */
  sub x10, x3, x9
  SHOW x10
  SHOW x4
  adr x3, pattern
  .inst 0xa8c10c62         /* ldp x2, x3, [x3], #16 */
  sub x10, x3, x9
  SHOW x10
  SHOW x2

  CASE stp_writeback_rt_eq_rn
  adr x3, scratch
  adr x9, scratch
  mov x4, #0x44
  .inst 0xa9bf1063         /* stp x3, x4, [x3, #-16]! */
  sub x10, x3, x9
  ldr x11, [x9, #-16]
  sub x11, x11, x9
  SHOW x10
  SHOW x11
  DONE

  .data
  .balign 16
pattern:
  .quad 0x8877665544332211
  .quad 0xf0e0d0c0b0a09080
  .quad 0x7f7e7d7c7b7a7978
  .quad 0x0123456789abcdef
  .quad 0x7766554433221100
  .balign 16
scratch: .skip 64
  .balign 16
big: .skip 2048
