/* SHA-3 helpers (FEAT_SHA3): EOR3, BCAX, RAX1, XAR, as Keccak uses them
   (the theta column parity and its rotate-XOR, chi's and-not, and rho's
   rotations), on arbitrary and edge inputs, every rotation amount class
   of XAR (0, 1, 32, 63), and aliased operands. */
.arch armv8.2-a+sha3
.include "harness.inc"

.macro LOADQ n, label
  adr x9, \label
  ldr q\n, [x9]
.endm

  LOADQ 8, rand_a
  LOADQ 9, rand_b
  LOADQ 10, rand_c
  LOADQ 11, rand_d

  CASE eor3
  eor3 v0.16b, v8.16b, v9.16b, v10.16b
  eor3 v1.16b, v8.16b, v8.16b, v11.16b  /* x ^ x ^ y = y */
  SHOWV 0
  SHOWV 1

  CASE bcax
  bcax v0.16b, v8.16b, v9.16b, v10.16b
  bcax v1.16b, v8.16b, v9.16b, v9.16b   /* Vm & ~Vm = 0: Vn */
  movi v2.2d, #0
  bcax v3.16b, v2.16b, v11.16b, v2.16b  /* Vm */
  SHOWV 0
  SHOWV 1
  SHOWV 3

  CASE rax1
  rax1 v0.2d, v8.2d, v9.2d
  movi v2.2d, #0
  movi v3.2d, #0xffffffffffffffff
  rax1 v4.2d, v2.2d, v3.2d              /* rotate of all ones */
  LOADQ 5, top_bits
  rax1 v6.2d, v2.2d, v5.2d              /* bit 63 wraps to bit 0 */
  SHOWV 0
  SHOWV 4
  SHOWV 6

  CASE xar
  xar v0.2d, v8.2d, v9.2d, #0
  xar v1.2d, v8.2d, v9.2d, #1
  xar v2.2d, v8.2d, v9.2d, #32
  xar v3.2d, v8.2d, v9.2d, #63
  xar v4.2d, v10.2d, v10.2d, #17        /* x ^ x = 0 */
  SHOWV 0
  SHOWV 1
  SHOWV 2
  SHOWV 3
  SHOWV 4

  /* One theta step on a 2-lane slice: C = A0 ^ A1 ^ A2 ^ A3 ^ A4 with two
     EOR3, D = C[x-1] ^ ROL(C[x+1], 1) with RAX1, then chi with BCAX. */
  CASE keccak_slice
  eor3 v20.16b, v8.16b, v9.16b, v10.16b
  eor3 v20.16b, v20.16b, v11.16b, v8.16b
  ext v21.16b, v20.16b, v20.16b, #8
  rax1 v22.2d, v20.2d, v21.2d
  xar v23.2d, v9.2d, v22.2d, #20
  bcax v24.16b, v23.16b, v10.16b, v11.16b
  SHOWV 20
  SHOWV 22
  SHOWV 23
  SHOWV 24

  CASE aliased
  mov v0.16b, v8.16b
  eor3 v0.16b, v0.16b, v9.16b, v0.16b
  mov v1.16b, v8.16b
  bcax v1.16b, v9.16b, v1.16b, v10.16b
  mov v2.16b, v8.16b
  rax1 v2.2d, v2.2d, v2.2d
  mov v3.16b, v8.16b
  xar v3.2d, v3.2d, v9.2d, #7
  mov v31.16b, v11.16b
  eor3 v31.16b, v8.16b, v9.16b, v31.16b
  SHOWV 0
  SHOWV 1
  SHOWV 2
  SHOWV 3
  SHOWV 31
  DONE

  .data
  .balign 16
rand_a:
  .quad 0x9e3779b97f4a7c15, 0xf39cc0605cedc834
rand_b:
  .quad 0x243f6a8885a308d3, 0x13198a2e03707344
rand_c:
  .quad 0xa4093822299f31d0, 0x082efa98ec4e6c89
rand_d:
  .quad 0x452821e638d01377, 0xbe5466cf34e90c6c
top_bits:
  .quad 0x8000000000000000, 0x4000000000000001
