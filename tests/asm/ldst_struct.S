/* AdvSIMD structure loads and stores: LD1-LD4/ST1-ST4 of whole registers
   in every arrangement, one-lane forms, LD1R-LD4R, post-index by immediate
   and by register, register lists that wrap from V31 to V0, and SP as
   base. Memory holds bytes 0x00, 0x01, ... so each loaded byte names its
   address; 64-bit arrangements must zero the upper half, so registers are
   filled with ones first. */
.include "harness.inc"

.macro FILL_ONES
  adr x9, ones
  ld1 {v0.16b, v1.16b, v2.16b, v3.16b}, [x9]
  ld1 {v28.16b, v29.16b, v30.16b, v31.16b}, [x9]
.endm

.macro CLEAR_SCRATCH
  adr x9, scratch
  stp xzr, xzr, [x9]
  stp xzr, xzr, [x9, #16]
  stp xzr, xzr, [x9, #32]
  stp xzr, xzr, [x9, #48]
.endm

  CASE ld1_multiple
  FILL_ONES
  adr x0, bytes
  ld1 {v0.16b}, [x0]
  ld1 {v1.8b}, [x0]
  ld1 {v2.4h, v3.4h}, [x0]
  SHOWV 0
  SHOWV 1
  SHOWV 2
  SHOWV 3
  ld1 {v0.2d, v1.2d, v2.2d}, [x0]
  ld1 {v3.1d}, [x0]
  SHOWV 0
  SHOWV 1
  SHOWV 2
  SHOWV 3
  ld1 {v28.4s, v29.4s, v30.4s, v31.4s}, [x0]
  SHOWV 28
  SHOWV 29
  SHOWV 30
  SHOWV 31
  ld1 {v0.2s, v1.2s, v2.2s, v3.2s}, [x0]
  SHOWV 0
  SHOWV 1
  SHOWV 2
  SHOWV 3

  CASE ld2_multiple
  FILL_ONES
  adr x0, bytes
  ld2 {v0.16b, v1.16b}, [x0]
  ld2 {v2.8b, v3.8b}, [x0]
  SHOWV 0
  SHOWV 1
  SHOWV 2
  SHOWV 3
  ld2 {v0.8h, v1.8h}, [x0]
  ld2 {v2.4h, v3.4h}, [x0]
  SHOWV 0
  SHOWV 1
  SHOWV 2
  SHOWV 3
  ld2 {v0.4s, v1.4s}, [x0]
  ld2 {v2.2s, v3.2s}, [x0]
  SHOWV 0
  SHOWV 1
  SHOWV 2
  SHOWV 3
  ld2 {v0.2d, v1.2d}, [x0]
  SHOWV 0
  SHOWV 1

  CASE ld3_multiple
  FILL_ONES
  adr x0, bytes
  ld3 {v0.16b, v1.16b, v2.16b}, [x0]
  SHOWV 0
  SHOWV 1
  SHOWV 2
  ld3 {v0.4h, v1.4h, v2.4h}, [x0]
  SHOWV 0
  SHOWV 1
  SHOWV 2
  ld3 {v0.4s, v1.4s, v2.4s}, [x0]
  SHOWV 0
  SHOWV 1
  SHOWV 2
  ld3 {v0.2d, v1.2d, v2.2d}, [x0]
  SHOWV 0
  SHOWV 1
  SHOWV 2

  CASE ld4_multiple
  FILL_ONES
  adr x0, bytes
  ld4 {v0.16b, v1.16b, v2.16b, v3.16b}, [x0]
  SHOWV 0
  SHOWV 1
  SHOWV 2
  SHOWV 3
  ld4 {v0.8b, v1.8b, v2.8b, v3.8b}, [x0]
  SHOWV 0
  SHOWV 1
  SHOWV 2
  SHOWV 3
  ld4 {v0.8h, v1.8h, v2.8h, v3.8h}, [x0]
  SHOWV 0
  SHOWV 3
  ld4 {v0.2s, v1.2s, v2.2s, v3.2s}, [x0]
  SHOWV 0
  SHOWV 3
  ld4 {v0.2d, v1.2d, v2.2d, v3.2d}, [x0]
  SHOWV 0
  SHOWV 3

  CASE register_list_wraps
  FILL_ONES
  adr x0, bytes
  ld4 {v30.4s, v31.4s, v0.4s, v1.4s}, [x0]
  SHOWV 30
  SHOWV 31
  SHOWV 0
  SHOWV 1
  ld1 {v31.8b, v0.8b, v1.8b}, [x0]
  SHOWV 31
  SHOWV 0
  SHOWV 1

  CASE post_index
  FILL_ONES
  adr x0, bytes
  adr x9, bytes
  ld1 {v0.16b}, [x0], #16
  sub x10, x0, x9
  SHOW x10
  ld1 {v1.8b, v2.8b}, [x0], #16
  sub x10, x0, x9
  SHOW x10
  mov x1, #-24
  ld2 {v2.4h, v3.4h}, [x0], x1
  sub x10, x0, x9
  SHOW x10
  ld3 {v28.8b, v29.8b, v30.8b}, [x0], #24
  sub x10, x0, x9
  SHOW x10
  mov x1, #5
  ld4 {v0.8b, v1.8b, v2.8b, v3.8b}, [x0], x1
  sub x10, x0, x9
  SHOW x10
  SHOWV 0
  SHOWV 3
  SHOWV 28
  SHOWV 30
  ld1 {v0.16b, v1.16b, v2.16b, v3.16b}, [x9], #64
  adr x10, bytes
  sub x10, x9, x10
  SHOW x10

  CASE st1_multiple
  CLEAR_SCRATCH
  adr x0, bytes
  ld1 {v4.16b, v5.16b, v6.16b, v7.16b}, [x0]
  adr x1, scratch
  st1 {v5.16b}, [x1]
  st1 {v4.8b, v5.8b}, [x1], #16
  st1 {v6.2d, v7.2d}, [x1]
  adr x1, scratch
  ld1 {v16.16b, v17.16b, v18.16b, v19.16b}, [x1]
  SHOWV 16
  SHOWV 17
  SHOWV 18
  SHOWV 19
  st1 {v5.4s, v6.4s, v7.4s}, [x1]
  st1 {v4.1d, v5.1d, v6.1d, v7.1d}, [x1], #32
  adr x2, scratch
  sub x10, x1, x2
  SHOW x10
  ld1 {v16.16b, v17.16b, v18.16b, v19.16b}, [x2]
  SHOWV 16
  SHOWV 17
  SHOWV 18
  SHOWV 19

  CASE st2_st3_st4
  adr x0, bytes
  ld1 {v4.16b, v5.16b, v6.16b, v7.16b}, [x0]
  CLEAR_SCRATCH
  adr x1, scratch
  st2 {v4.16b, v5.16b}, [x1]
  ld1 {v16.16b, v17.16b}, [x1]
  SHOWV 16
  SHOWV 17
  st2 {v6.4h, v7.4h}, [x1]
  ld1 {v16.16b, v17.16b}, [x1]
  SHOWV 16
  SHOWV 17
  CLEAR_SCRATCH
  st3 {v4.8h, v5.8h, v6.8h}, [x1]
  ld1 {v16.16b, v17.16b, v18.16b}, [x1]
  SHOWV 16
  SHOWV 17
  SHOWV 18
  st3 {v5.2s, v6.2s, v7.2s}, [x1]
  ld1 {v16.16b, v17.16b}, [x1]
  SHOWV 16
  SHOWV 17
  CLEAR_SCRATCH
  st4 {v4.4s, v5.4s, v6.4s, v7.4s}, [x1]
  ld1 {v16.16b, v17.16b, v18.16b, v19.16b}, [x1]
  SHOWV 16
  SHOWV 17
  SHOWV 18
  SHOWV 19
  st4 {v4.8b, v5.8b, v6.8b, v7.8b}, [x1], #32
  adr x2, scratch
  sub x10, x1, x2
  SHOW x10
  ld1 {v16.16b, v17.16b}, [x2]
  SHOWV 16
  SHOWV 17

  CASE st_ld_roundtrip_2d
  adr x0, bytes
  ld4 {v4.2d, v5.2d, v6.2d, v7.2d}, [x0]
  adr x1, scratch
  st4 {v4.2d, v5.2d, v6.2d, v7.2d}, [x1]
  ld1 {v16.16b, v17.16b, v18.16b, v19.16b}, [x1]
  SHOWV 16
  SHOWV 19

  CASE ld_single_lane
  FILL_ONES
  adr x0, bytes
  ld1 {v0.b}[15], [x0]
  ld1 {v1.h}[3], [x0]
  ld1 {v2.s}[2], [x0]
  ld1 {v3.d}[1], [x0]
  SHOWV 0
  SHOWV 1
  SHOWV 2
  SHOWV 3
  FILL_ONES
  ld2 {v0.b, v1.b}[0], [x0]
  ld2 {v2.h, v3.h}[7], [x0]
  SHOWV 0
  SHOWV 1
  SHOWV 2
  SHOWV 3
  FILL_ONES
  ld3 {v0.s, v1.s, v2.s}[1], [x0]
  SHOWV 0
  SHOWV 1
  SHOWV 2
  ld4 {v28.d, v29.d, v30.d, v31.d}[0], [x0]
  SHOWV 28
  SHOWV 29
  SHOWV 30
  SHOWV 31
  ld4 {v30.b, v31.b, v0.b, v1.b}[9], [x0]
  SHOWV 30
  SHOWV 31
  SHOWV 0
  SHOWV 1

  CASE single_lane_post_index
  FILL_ONES
  adr x0, bytes
  adr x9, bytes
  ld1 {v0.s}[0], [x0], #4
  sub x10, x0, x9
  SHOW x10
  ld2 {v1.h, v2.h}[5], [x0], #4
  sub x10, x0, x9
  SHOW x10
  ld3 {v3.b, v4.b, v5.b}[6], [x0], #3
  sub x10, x0, x9
  SHOW x10
  ld4 {v28.d, v29.d, v30.d, v31.d}[1], [x0], #32
  sub x10, x0, x9
  SHOW x10
  mov x1, #-40
  ld1 {v0.b}[1], [x0], x1
  sub x10, x0, x9
  SHOW x10
  SHOWV 0
  SHOWV 1
  SHOWV 2
  SHOWV 3
  SHOWV 4
  SHOWV 5
  SHOWV 28
  SHOWV 31

  CASE st_single_lane
  CLEAR_SCRATCH
  adr x0, bytes
  ld1 {v4.16b, v5.16b, v6.16b, v7.16b}, [x0]
  adr x1, scratch
  st1 {v5.b}[3], [x1]
  st1 {v5.h}[7], [x1]
  st2 {v6.h, v7.h}[2], [x1], #4
  st3 {v4.s, v5.s, v6.s}[3], [x1], #12
  st4 {v4.d, v5.d, v6.d, v7.d}[1], [x1]
  mov x2, #-3
  st4 {v4.b, v5.b, v6.b, v7.b}[15], [x1], x2
  adr x2, scratch
  sub x10, x1, x2
  SHOW x10
  ld1 {v16.16b, v17.16b, v18.16b, v19.16b}, [x2]
  SHOWV 16
  SHOWV 17
  SHOWV 18
  SHOWV 19

  CASE ld_replicate
  FILL_ONES
  adr x0, bytes
  ld1r {v0.16b}, [x0]
  ld1r {v1.8b}, [x0]
  ld1r {v2.4h}, [x0]
  ld1r {v3.1d}, [x0]
  SHOWV 0
  SHOWV 1
  SHOWV 2
  SHOWV 3
  ld2r {v0.8h, v1.8h}, [x0]
  ld3r {v28.2s, v29.2s, v30.2s}, [x0]
  SHOWV 0
  SHOWV 1
  SHOWV 28
  SHOWV 29
  SHOWV 30
  ld4r {v30.2d, v31.2d, v0.2d, v1.2d}, [x0]
  SHOWV 30
  SHOWV 31
  SHOWV 0
  SHOWV 1
  ld4r {v0.4s, v1.4s, v2.4s, v3.4s}, [x0]
  SHOWV 0
  SHOWV 3

  CASE replicate_post_index
  FILL_ONES
  adr x0, bytes
  adr x9, bytes
  ld1r {v0.4s}, [x0], #4
  sub x10, x0, x9
  SHOW x10
  ld2r {v1.16b, v2.16b}, [x0], #2
  sub x10, x0, x9
  SHOW x10
  ld3r {v3.4h, v4.4h, v5.4h}, [x0], #6
  sub x10, x0, x9
  SHOW x10
  ld4r {v28.1d, v29.1d, v30.1d, v31.1d}, [x0], #32
  sub x10, x0, x9
  SHOW x10
  mov x1, #-44
  ld1r {v0.2d}, [x0], x1
  sub x10, x0, x9
  SHOW x10
  SHOWV 0
  SHOWV 1
  SHOWV 2
  SHOWV 3
  SHOWV 5
  SHOWV 28
  SHOWV 31

  CASE sp_base
  adr x0, bytes
  ld1 {v4.16b, v5.16b}, [x0]
  mov x9, sp
  sub sp, sp, #32
  st2 {v4.16b, v5.16b}, [sp]
  ld1 {v16.16b}, [sp], #16
  ld1r {v17.8h}, [sp]
  ld1 {v18.h}[1], [sp], #2
  ld1 {v19.8b}, [sp]
  add sp, sp, #14
  mov x10, sp
  sub x10, x9, x10
  SHOW x10
  SHOWV 16
  SHOWV 17
  SHOWV 18
  SHOWV 19
  DONE

  .data
  .balign 16
bytes:
  .byte 0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x0e, 0x0f
  .byte 0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18, 0x19, 0x1a, 0x1b, 0x1c, 0x1d, 0x1e, 0x1f
  .byte 0x20, 0x21, 0x22, 0x23, 0x24, 0x25, 0x26, 0x27, 0x28, 0x29, 0x2a, 0x2b, 0x2c, 0x2d, 0x2e, 0x2f
  .byte 0x30, 0x31, 0x32, 0x33, 0x34, 0x35, 0x36, 0x37, 0x38, 0x39, 0x3a, 0x3b, 0x3c, 0x3d, 0x3e, 0x3f
ones: .fill 64, 1, 0xff
  .balign 16
scratch: .skip 64
