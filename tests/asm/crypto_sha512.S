/* SHA-512 (FEAT_SHA512: SHA512H SHA512H2 SHA512SU0 SHA512SU1): the FIPS
   180 examples "abc" (one block) and "abcdefghbcdefghi..." (two blocks)
   hashed with the two-rounds-per-step sequence real code uses, then each
   instruction alone, aliased, and on edge values. Digests print as 128-bit
   numbers, so each pair of digest doublewords reads right to left. */
.arch armv8.2-a+sha3
.include "harness.inc"

.macro LOADQ n, label
  adr x9, \label
  ldr q\n, [x9]
.endm

/* Rounds t and t+1. The state is in pairs, first element in the low
   doubleword: (a, b) in v\ab, (c, d) v\cd, (e, f) v\ef, (g, h) v\gh. After
   the step the pairs are (a, b) v\gh, (c, d) v\ab, (e, f) v\nef, (g, h)
   v\ef. v\m0 holds (W[t], W[t+1]); with \update it then becomes
   (W[t+16], W[t+17]) from the next schedule pairs v\m1, v\m4, v\m5, v\m7. */
.macro SHA512_R2 ab, cd, ef, gh, nef, m0, m1, m4, m5, m7, update
  ext v25.16b, v\ef\().16b, v\gh\().16b, #8     /* (f, g) */
  ext v26.16b, v\cd\().16b, v\ef\().16b, #8     /* (d, e) */
  ld1 {v24.2d}, [x11], #16
  add v24.2d, v24.2d, v\m0\().2d
  ext v24.16b, v24.16b, v24.16b, #8
  add v\gh\().2d, v\gh\().2d, v24.2d            /* (g + KW[t+1], h + KW[t]) */
  sha512h q\gh, q25, v26.2d                     /* (T1[t+1], T1[t]) */
  add v\nef\().2d, v\cd\().2d, v\gh\().2d       /* the new (e, f) */
  sha512h2 q\gh, q\cd, v\ab\().2d               /* the new (a, b) */
  .if \update
  sha512su0 v\m0\().2d, v\m1\().2d
  ext v27.16b, v\m4\().16b, v\m5\().16b, #8
  sha512su1 v\m0\().2d, v\m7\().2d, v27.2d
  .endif
.endm

  b tests

/* sha512_blocks: x10 = message, x12 = block count; v0-v3 = H0-H7 in and
   out. Clobbers v4, v16-v31, x10-x12. */
sha512_blocks:
1: ld1 {v16.16b, v17.16b, v18.16b, v19.16b}, [x10], #64
  ld1 {v20.16b, v21.16b, v22.16b, v23.16b}, [x10], #64
  rev64 v16.16b, v16.16b
  rev64 v17.16b, v17.16b
  rev64 v18.16b, v18.16b
  rev64 v19.16b, v19.16b
  rev64 v20.16b, v20.16b
  rev64 v21.16b, v21.16b
  rev64 v22.16b, v22.16b
  rev64 v23.16b, v23.16b
  mov v28.16b, v0.16b
  mov v29.16b, v1.16b
  mov v30.16b, v2.16b
  mov v31.16b, v3.16b
  adr x11, sha512_k
  SHA512_R2 0, 1, 2, 3, 4, 16, 17, 20, 21, 23, 1
  SHA512_R2 3, 0, 4, 2, 1, 17, 18, 21, 22, 16, 1
  SHA512_R2 2, 3, 1, 4, 0, 18, 19, 22, 23, 17, 1
  SHA512_R2 4, 2, 0, 1, 3, 19, 20, 23, 16, 18, 1
  SHA512_R2 1, 4, 3, 0, 2, 20, 21, 16, 17, 19, 1
  SHA512_R2 0, 1, 2, 3, 4, 21, 22, 17, 18, 20, 1
  SHA512_R2 3, 0, 4, 2, 1, 22, 23, 18, 19, 21, 1
  SHA512_R2 2, 3, 1, 4, 0, 23, 16, 19, 20, 22, 1
  SHA512_R2 4, 2, 0, 1, 3, 16, 17, 20, 21, 23, 1
  SHA512_R2 1, 4, 3, 0, 2, 17, 18, 21, 22, 16, 1
  SHA512_R2 0, 1, 2, 3, 4, 18, 19, 22, 23, 17, 1
  SHA512_R2 3, 0, 4, 2, 1, 19, 20, 23, 16, 18, 1
  SHA512_R2 2, 3, 1, 4, 0, 20, 21, 16, 17, 19, 1
  SHA512_R2 4, 2, 0, 1, 3, 21, 22, 17, 18, 20, 1
  SHA512_R2 1, 4, 3, 0, 2, 22, 23, 18, 19, 21, 1
  SHA512_R2 0, 1, 2, 3, 4, 23, 16, 19, 20, 22, 1
  SHA512_R2 3, 0, 4, 2, 1, 16, 17, 20, 21, 23, 1
  SHA512_R2 2, 3, 1, 4, 0, 17, 18, 21, 22, 16, 1
  SHA512_R2 4, 2, 0, 1, 3, 18, 19, 22, 23, 17, 1
  SHA512_R2 1, 4, 3, 0, 2, 19, 20, 23, 16, 18, 1
  SHA512_R2 0, 1, 2, 3, 4, 20, 21, 16, 17, 19, 1
  SHA512_R2 3, 0, 4, 2, 1, 21, 22, 17, 18, 20, 1
  SHA512_R2 2, 3, 1, 4, 0, 22, 23, 18, 19, 21, 1
  SHA512_R2 4, 2, 0, 1, 3, 23, 16, 19, 20, 22, 1
  SHA512_R2 1, 4, 3, 0, 2, 16, 17, 20, 21, 23, 1
  SHA512_R2 0, 1, 2, 3, 4, 17, 18, 21, 22, 16, 1
  SHA512_R2 3, 0, 4, 2, 1, 18, 19, 22, 23, 17, 1
  SHA512_R2 2, 3, 1, 4, 0, 19, 20, 23, 16, 18, 1
  SHA512_R2 4, 2, 0, 1, 3, 20, 21, 16, 17, 19, 1
  SHA512_R2 1, 4, 3, 0, 2, 21, 22, 17, 18, 20, 1
  SHA512_R2 0, 1, 2, 3, 4, 22, 23, 18, 19, 21, 1
  SHA512_R2 3, 0, 4, 2, 1, 23, 16, 19, 20, 22, 1
  SHA512_R2 2, 3, 1, 4, 0, 16, 17, 20, 21, 23, 0
  SHA512_R2 4, 2, 0, 1, 3, 17, 18, 21, 22, 16, 0
  SHA512_R2 1, 4, 3, 0, 2, 18, 19, 22, 23, 17, 0
  SHA512_R2 0, 1, 2, 3, 4, 19, 20, 23, 16, 18, 0
  SHA512_R2 3, 0, 4, 2, 1, 20, 21, 16, 17, 19, 0
  SHA512_R2 2, 3, 1, 4, 0, 21, 22, 17, 18, 20, 0
  SHA512_R2 4, 2, 0, 1, 3, 22, 23, 18, 19, 21, 0
  SHA512_R2 1, 4, 3, 0, 2, 23, 16, 19, 20, 22, 0
  add v0.2d, v0.2d, v28.2d
  add v1.2d, v1.2d, v29.2d
  add v2.2d, v2.2d, v30.2d
  add v3.2d, v3.2d, v31.2d
  subs x12, x12, #1
  b.ne 1b
  ret

/* Loads the initial hash value into v0-v3. */
load_iv:
  adr x9, sha512_iv
  ld1 {v0.2d, v1.2d, v2.2d, v3.2d}, [x9]
  ret

tests:
  CASE sha512_abc               /* ddaf35a193617aba ... a54ca49f */
  bl load_iv
  adr x10, msg_abc
  mov x12, #1
  bl sha512_blocks
  SHOWV 0
  SHOWV 1
  SHOWV 2
  SHOWV 3

  CASE sha512_two_blocks        /* 8e959b75dae313da ... 874be909 */
  bl load_iv
  adr x10, msg_two
  mov x12, #2
  bl sha512_blocks
  SHOWV 0
  SHOWV 1
  SHOWV 2
  SHOWV 3

  CASE sha512_single
  LOADQ 8, rand_a
  LOADQ 9, rand_b
  LOADQ 10, rand_c
  mov v0.16b, v8.16b
  sha512h q0, q9, v10.2d
  mov v1.16b, v8.16b
  sha512h2 q1, q9, v10.2d
  mov v2.16b, v8.16b
  sha512su0 v2.2d, v9.2d
  mov v3.16b, v8.16b
  sha512su1 v3.2d, v9.2d, v10.2d
  SHOWV 0
  SHOWV 1
  SHOWV 2
  SHOWV 3

  CASE sha512_aliased
  mov v0.16b, v8.16b
  sha512h q0, q0, v0.2d
  mov v1.16b, v9.16b
  sha512h2 q1, q1, v1.2d
  mov v2.16b, v10.16b
  sha512su0 v2.2d, v2.2d
  mov v3.16b, v8.16b
  sha512su1 v3.2d, v3.2d, v3.2d
  mov v31.16b, v9.16b
  sha512h q31, q8, v31.2d
  SHOWV 0
  SHOWV 1
  SHOWV 2
  SHOWV 3
  SHOWV 31

  CASE sha512_edges
  movi v4.2d, #0
  movi v5.2d, #0xffffffffffffffff
  mov v0.16b, v5.16b
  sha512h q0, q5, v5.2d
  mov v1.16b, v5.16b
  sha512h2 q1, q4, v5.2d
  mov v2.16b, v5.16b
  sha512su0 v2.2d, v5.2d
  mov v3.16b, v4.16b
  sha512su1 v3.2d, v5.2d, v4.2d
  SHOWV 0
  SHOWV 1
  SHOWV 2
  SHOWV 3
  DONE

  .data
  .balign 16
sha512_iv:
  .quad 0x6a09e667f3bcc908, 0xbb67ae8584caa73b, 0x3c6ef372fe94f82b, 0xa54ff53a5f1d36f1
  .quad 0x510e527fade682d1, 0x9b05688c2b3e6c1f, 0x1f83d9abfb41bd6b, 0x5be0cd19137e2179
rand_a:
  .quad 0x9e3779b97f4a7c15, 0xf39cc0605cedc834
rand_b:
  .quad 0x243f6a8885a308d3, 0x13198a2e03707344
rand_c:
  .quad 0xa4093822299f31d0, 0x082efa98ec4e6c89
sha512_k:
  .quad 0x428a2f98d728ae22, 0x7137449123ef65cd
  .quad 0xb5c0fbcfec4d3b2f, 0xe9b5dba58189dbbc
  .quad 0x3956c25bf348b538, 0x59f111f1b605d019
  .quad 0x923f82a4af194f9b, 0xab1c5ed5da6d8118
  .quad 0xd807aa98a3030242, 0x12835b0145706fbe
  .quad 0x243185be4ee4b28c, 0x550c7dc3d5ffb4e2
  .quad 0x72be5d74f27b896f, 0x80deb1fe3b1696b1
  .quad 0x9bdc06a725c71235, 0xc19bf174cf692694
  .quad 0xe49b69c19ef14ad2, 0xefbe4786384f25e3
  .quad 0x0fc19dc68b8cd5b5, 0x240ca1cc77ac9c65
  .quad 0x2de92c6f592b0275, 0x4a7484aa6ea6e483
  .quad 0x5cb0a9dcbd41fbd4, 0x76f988da831153b5
  .quad 0x983e5152ee66dfab, 0xa831c66d2db43210
  .quad 0xb00327c898fb213f, 0xbf597fc7beef0ee4
  .quad 0xc6e00bf33da88fc2, 0xd5a79147930aa725
  .quad 0x06ca6351e003826f, 0x142929670a0e6e70
  .quad 0x27b70a8546d22ffc, 0x2e1b21385c26c926
  .quad 0x4d2c6dfc5ac42aed, 0x53380d139d95b3df
  .quad 0x650a73548baf63de, 0x766a0abb3c77b2a8
  .quad 0x81c2c92e47edaee6, 0x92722c851482353b
  .quad 0xa2bfe8a14cf10364, 0xa81a664bbc423001
  .quad 0xc24b8b70d0f89791, 0xc76c51a30654be30
  .quad 0xd192e819d6ef5218, 0xd69906245565a910
  .quad 0xf40e35855771202a, 0x106aa07032bbd1b8
  .quad 0x19a4c116b8d2d0c8, 0x1e376c085141ab53
  .quad 0x2748774cdf8eeb99, 0x34b0bcb5e19b48a8
  .quad 0x391c0cb3c5c95a63, 0x4ed8aa4ae3418acb
  .quad 0x5b9cca4f7763e373, 0x682e6ff3d6b2b8a3
  .quad 0x748f82ee5defb2fc, 0x78a5636f43172f60
  .quad 0x84c87814a1f0ab72, 0x8cc702081a6439ec
  .quad 0x90befffa23631e28, 0xa4506cebde82bde9
  .quad 0xbef9a3f7b2c67915, 0xc67178f2e372532b
  .quad 0xca273eceea26619c, 0xd186b8c721c0c207
  .quad 0xeada7dd6cde0eb1e, 0xf57d4f7fee6ed178
  .quad 0x06f067aa72176fba, 0x0a637dc5a2c898a6
  .quad 0x113f9804bef90dae, 0x1b710b35131c471b
  .quad 0x28db77f523047d84, 0x32caab7b40c72493
  .quad 0x3c9ebe0a15c9bebc, 0x431d67c49c100d4c
  .quad 0x4cc5d4becb3e42b6, 0x597f299cfc657e2a
  .quad 0x5fcb6fab3ad6faec, 0x6c44198c4a475817
/* "abc" and "abcdefghbcdefghi...nopqrstu" (112 bytes), padded to whole
   128-byte blocks as FIPS 180-4 section 5.1.2 says. */
msg_abc:
  .byte 0x61, 0x62, 0x63, 0x80, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00
  .byte 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00
  .byte 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00
  .byte 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00
  .byte 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00
  .byte 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00
  .byte 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00
  .byte 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x18
msg_two:
  .byte 0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0x69
  .byte 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0x69, 0x6a, 0x64, 0x65, 0x66, 0x67, 0x68, 0x69, 0x6a, 0x6b
  .byte 0x65, 0x66, 0x67, 0x68, 0x69, 0x6a, 0x6b, 0x6c, 0x66, 0x67, 0x68, 0x69, 0x6a, 0x6b, 0x6c, 0x6d
  .byte 0x67, 0x68, 0x69, 0x6a, 0x6b, 0x6c, 0x6d, 0x6e, 0x68, 0x69, 0x6a, 0x6b, 0x6c, 0x6d, 0x6e, 0x6f
  .byte 0x69, 0x6a, 0x6b, 0x6c, 0x6d, 0x6e, 0x6f, 0x70, 0x6a, 0x6b, 0x6c, 0x6d, 0x6e, 0x6f, 0x70, 0x71
  .byte 0x6b, 0x6c, 0x6d, 0x6e, 0x6f, 0x70, 0x71, 0x72, 0x6c, 0x6d, 0x6e, 0x6f, 0x70, 0x71, 0x72, 0x73
  .byte 0x6d, 0x6e, 0x6f, 0x70, 0x71, 0x72, 0x73, 0x74, 0x6e, 0x6f, 0x70, 0x71, 0x72, 0x73, 0x74, 0x75
  .byte 0x80, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00
  .byte 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00
  .byte 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00
  .byte 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00
  .byte 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00
  .byte 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00
  .byte 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00
  .byte 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00
  .byte 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0x80
