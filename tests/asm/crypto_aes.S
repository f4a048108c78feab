/* AES (FEAT_AES): AESE, AESD, AESMC, AESIMC. The FIPS-197 appendix B
   example (key 2b7e1516..., plaintext 3243f6a8...) encrypted with the
   round keys of appendix A.1 as real code chains the instructions, then
   decrypted with the equivalent inverse cipher, whose round keys AESIMC
   makes; single instructions on other inputs, and every operand aliased. */
.arch armv8-a+crypto
.include "harness.inc"

.macro LOADQ n, label
  adr x9, \label
  ldr q\n, [x9]
.endm

  /* v16-v26: the eleven AES-128 round keys. */
  adr x9, round_keys
  ld1 {v16.16b, v17.16b, v18.16b, v19.16b}, [x9], #64
  ld1 {v20.16b, v21.16b, v22.16b, v23.16b}, [x9], #64
  ld1 {v24.16b, v25.16b, v26.16b}, [x9]

  /* Round 1 alone: FIPS-197 B gives "after SubBytes" d4bf5d30..., "after
     ShiftRows" d4e4f8e5... and "after MixColumns" 046681e5... */
  CASE fips197_round1
  LOADQ 0, plaintext
  aese v0.16b, v16.16b
  SHOWV 0
  aesmc v1.16b, v0.16b
  SHOWV 1

  CASE fips197_encrypt
  LOADQ 0, plaintext
  aese v0.16b, v16.16b
  aesmc v0.16b, v0.16b
  aese v0.16b, v17.16b
  aesmc v0.16b, v0.16b
  aese v0.16b, v18.16b
  aesmc v0.16b, v0.16b
  aese v0.16b, v19.16b
  aesmc v0.16b, v0.16b
  aese v0.16b, v20.16b
  aesmc v0.16b, v0.16b
  aese v0.16b, v21.16b
  aesmc v0.16b, v0.16b
  aese v0.16b, v22.16b
  aesmc v0.16b, v0.16b
  aese v0.16b, v23.16b
  aesmc v0.16b, v0.16b
  aese v0.16b, v24.16b
  aesmc v0.16b, v0.16b
  aese v0.16b, v25.16b
  eor v0.16b, v0.16b, v26.16b
  SHOWV 0                       /* 3925841d 02dc09fb dc118597 196a0b32 */

  /* Equivalent inverse cipher on the ciphertext in v0: its round keys
     are round keys 1-9 through InvMixColumns. */
  CASE fips197_decrypt
  aesimc v1.16b, v17.16b
  aesimc v2.16b, v18.16b
  aesimc v3.16b, v19.16b
  aesimc v4.16b, v20.16b
  aesimc v5.16b, v21.16b
  aesimc v6.16b, v22.16b
  aesimc v7.16b, v23.16b
  aesimc v8.16b, v24.16b
  aesimc v9.16b, v25.16b
  SHOWV 1
  SHOWV 9
  aesd v0.16b, v26.16b
  aesimc v0.16b, v0.16b
  aesd v0.16b, v9.16b
  aesimc v0.16b, v0.16b
  aesd v0.16b, v8.16b
  aesimc v0.16b, v0.16b
  aesd v0.16b, v7.16b
  aesimc v0.16b, v0.16b
  aesd v0.16b, v6.16b
  aesimc v0.16b, v0.16b
  aesd v0.16b, v5.16b
  aesimc v0.16b, v0.16b
  aesd v0.16b, v4.16b
  aesimc v0.16b, v0.16b
  aesd v0.16b, v3.16b
  aesimc v0.16b, v0.16b
  aesd v0.16b, v2.16b
  aesimc v0.16b, v0.16b
  aesd v0.16b, v1.16b
  eor v0.16b, v0.16b, v16.16b
  SHOWV 0                       /* back to the plaintext */

  CASE single
  LOADQ 2, rand_a
  LOADQ 3, rand_b
  mov v4.16b, v2.16b
  aese v4.16b, v3.16b
  mov v5.16b, v2.16b
  aesd v5.16b, v3.16b
  aesmc v6.16b, v2.16b
  aesimc v7.16b, v3.16b
  SHOWV 4
  SHOWV 5
  SHOWV 6
  SHOWV 7

  /* AESMC then AESIMC is the identity; so is ShiftRows-SubBytes then
     InvShiftRows-InvSubBytes with a zero key. */
  CASE inverses
  aesmc v4.16b, v2.16b
  aesimc v4.16b, v4.16b
  movi v8.2d, #0
  mov v5.16b, v3.16b
  aese v5.16b, v8.16b
  aesd v5.16b, v8.16b
  SHOWV 4
  SHOWV 5

  /* Zero and all-ones states: S-box of 0x00 is 0x63, of 0xff 0x16. */
  CASE edges
  movi v4.2d, #0
  movi v8.2d, #0
  aese v4.16b, v8.16b
  movi v5.2d, #0xffffffffffffffff
  aese v5.16b, v8.16b
  movi v6.2d, #0
  aesd v6.16b, v8.16b
  movi v7.2d, #0xffffffffffffffff
  aesmc v9.16b, v7.16b
  aesimc v10.16b, v7.16b
  SHOWV 4
  SHOWV 5
  SHOWV 6
  SHOWV 9
  SHOWV 10

  /* Vd == Vn: the key is the state itself, so the XOR gives zero. */
  CASE aliased
  mov v4.16b, v2.16b
  aese v4.16b, v4.16b
  mov v5.16b, v2.16b
  aesd v5.16b, v5.16b
  mov v6.16b, v2.16b
  aesmc v6.16b, v6.16b
  mov v7.16b, v3.16b
  aesimc v7.16b, v7.16b
  movi v31.2d, #0
  aese v31.16b, v2.16b          /* V31 is a vector register, not SP/ZR */
  SHOWV 4
  SHOWV 5
  SHOWV 6
  SHOWV 7
  SHOWV 31
  DONE

  .data
  .balign 16
plaintext:
  .byte 0x32, 0x43, 0xf6, 0xa8, 0x88, 0x5a, 0x30, 0x8d, 0x31, 0x31, 0x98, 0xa2, 0xe0, 0x37, 0x07, 0x34
rand_a:
  .byte 0x8f, 0x2b, 0x3c, 0x4d, 0x5e, 0x6f, 0x70, 0x81, 0x92, 0xa3, 0xb4, 0xc5, 0xd6, 0xe7, 0xf8, 0x01
rand_b:
  .byte 0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88, 0x99, 0xaa, 0xbb, 0xcc, 0xdd, 0xee, 0xff
round_keys:
  .byte 0x2b, 0x7e, 0x15, 0x16, 0x28, 0xae, 0xd2, 0xa6, 0xab, 0xf7, 0x15, 0x88, 0x09, 0xcf, 0x4f, 0x3c
  .byte 0xa0, 0xfa, 0xfe, 0x17, 0x88, 0x54, 0x2c, 0xb1, 0x23, 0xa3, 0x39, 0x39, 0x2a, 0x6c, 0x76, 0x05
  .byte 0xf2, 0xc2, 0x95, 0xf2, 0x7a, 0x96, 0xb9, 0x43, 0x59, 0x35, 0x80, 0x7a, 0x73, 0x59, 0xf6, 0x7f
  .byte 0x3d, 0x80, 0x47, 0x7d, 0x47, 0x16, 0xfe, 0x3e, 0x1e, 0x23, 0x7e, 0x44, 0x6d, 0x7a, 0x88, 0x3b
  .byte 0xef, 0x44, 0xa5, 0x41, 0xa8, 0x52, 0x5b, 0x7f, 0xb6, 0x71, 0x25, 0x3b, 0xdb, 0x0b, 0xad, 0x00
  .byte 0xd4, 0xd1, 0xc6, 0xf8, 0x7c, 0x83, 0x9d, 0x87, 0xca, 0xf2, 0xb8, 0xbc, 0x11, 0xf9, 0x15, 0xbc
  .byte 0x6d, 0x88, 0xa3, 0x7a, 0x11, 0x0b, 0x3e, 0xfd, 0xdb, 0xf9, 0x86, 0x41, 0xca, 0x00, 0x93, 0xfd
  .byte 0x4e, 0x54, 0xf7, 0x0e, 0x5f, 0x5f, 0xc9, 0xf3, 0x84, 0xa6, 0x4f, 0xb2, 0x4e, 0xa6, 0xdc, 0x4f
  .byte 0xea, 0xd2, 0x73, 0x21, 0xb5, 0x8d, 0xba, 0xd2, 0x31, 0x2b, 0xf5, 0x60, 0x7f, 0x8d, 0x29, 0x2f
  .byte 0xac, 0x77, 0x66, 0xf3, 0x19, 0xfa, 0xdc, 0x21, 0x28, 0xd1, 0x29, 0x41, 0x57, 0x5c, 0x00, 0x6e
  .byte 0xd0, 0x14, 0xf9, 0xa8, 0xc9, 0xee, 0x25, 0x89, 0xe1, 0x3f, 0x0c, 0xc8, 0xb6, 0x63, 0x0c, 0xa6
