/* Dot products (FEAT_DotProd): SDOT, UDOT, vector and by element, 4S and
   2S (which clears the top half of Vd). Edge bytes -128, 127, 255 and 0,
   accumulators that wrap modulo 2^32, every element index, V31 as the
   indexed register, aliased operands. */
.arch armv8.2-a+dotprod
.include "harness.inc"

.macro LOADQ n, label
  adr x9, \label
  ldr q\n, [x9]
.endm

  LOADQ 8, bytes_a
  LOADQ 9, bytes_b
  LOADQ 10, acc
  LOADQ 11, extremes

  CASE sdot_vec
  mov v0.16b, v10.16b
  sdot v0.4s, v8.16b, v9.16b
  mov v1.16b, v10.16b
  sdot v1.2s, v8.8b, v9.8b
  mov v2.16b, v10.16b
  sdot v2.4s, v11.16b, v11.16b  /* (-128)^2 * 4 = 65536 ... */
  SHOWV 0
  SHOWV 1
  SHOWV 2

  CASE udot_vec
  mov v0.16b, v10.16b
  udot v0.4s, v8.16b, v9.16b
  mov v1.16b, v10.16b
  udot v1.2s, v8.8b, v9.8b
  mov v2.16b, v10.16b
  udot v2.4s, v11.16b, v11.16b  /* 255^2 * 4 = 260100 ... */
  movi v3.2d, #0xffffffffffffffff
  udot v3.4s, v11.16b, v8.16b   /* the accumulator wraps */
  SHOWV 0
  SHOWV 1
  SHOWV 2
  SHOWV 3

  CASE sdot_elem
  mov v0.16b, v10.16b
  sdot v0.4s, v8.16b, v9.4b[0]
  mov v1.16b, v10.16b
  sdot v1.4s, v8.16b, v9.4b[1]
  mov v2.16b, v10.16b
  sdot v2.4s, v8.16b, v9.4b[2]
  mov v3.16b, v10.16b
  sdot v3.2s, v8.8b, v9.4b[3]
  SHOWV 0
  SHOWV 1
  SHOWV 2
  SHOWV 3

  CASE udot_elem
  mov v31.16b, v11.16b
  mov v0.16b, v10.16b
  udot v0.4s, v8.16b, v31.4b[3]
  mov v1.16b, v10.16b
  udot v1.2s, v11.8b, v31.4b[0]
  mov v2.16b, v10.16b
  udot v2.4s, v9.16b, v8.4b[2]
  SHOWV 0
  SHOWV 1
  SHOWV 2

  CASE aliased
  mov v0.16b, v11.16b
  sdot v0.4s, v0.16b, v0.16b
  mov v1.16b, v8.16b
  udot v1.4s, v1.16b, v9.16b
  mov v2.16b, v9.16b
  sdot v2.4s, v8.16b, v2.4b[1]
  mov v3.16b, v9.16b
  udot v3.2s, v3.8b, v3.4b[3]
  SHOWV 0
  SHOWV 1
  SHOWV 2
  SHOWV 3
  DONE

  .data
  .balign 16
bytes_a:
  .byte 1, 2, 3, 4, 0x80, 0x7f, 0xff, 0x10, 5, 0xfb, 0x40, 0xc0, 0, 0x33, 0x99, 0x7e
bytes_b:
  .byte 7, 0xf9, 0x81, 2, 0x80, 0x80, 0xff, 0x01, 0x22, 0x44, 0x66, 0x88, 0xaa, 0xcc, 0xee, 0x11
acc:
  .word 0x00000010, 0x7fffffff, 0x80000000, 0xfffffff0
extremes:
  .byte 0x80, 0x80, 0x80, 0x80, 0x7f, 0x7f, 0x7f, 0x7f, 0xff, 0xff, 0xff, 0xff, 0x80, 0x7f, 0xff, 0
