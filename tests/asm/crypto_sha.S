/* SHA-1 (FEAT_SHA1: SHA1C SHA1P SHA1M SHA1H SHA1SU0 SHA1SU1) and SHA-256
   (FEAT_SHA2: SHA256H SHA256H2 SHA256SU0 SHA256SU1). Whole digests of the
   FIPS 180 examples "abc" (one block) and "abcdbcdecdefdefg..." (two
   blocks), computed with the instruction sequences real code uses, then
   each instruction alone on arbitrary inputs, with aliased operands.
   The digests print as 128-bit numbers: word 0 (the first word of the
   digest) is the rightmost eight digits. */
.arch armv8-a+crypto
.include "harness.inc"

.macro LOADQ n, label
  adr x9, \label
  ldr q\n, [x9]
.endm

/* Four SHA-1 rounds with function \op (c, p or m) and constant v\k, on
   the schedule words in v\w0; with \update, v\w0 then becomes the words
   16 places on, from itself and v\w1, v\w2, v\w3 (the next three). */
.macro SHA1_R4 op, k, w0, w1, w2, w3, update
  add v20.4s, v\w0\().4s, v\k\().4s
  sha1h s21, s0
  sha1\op q0, s1, v20.4s
  mov v1.16b, v21.16b
  .if \update
  sha1su0 v\w0\().4s, v\w1\().4s, v\w2\().4s
  sha1su1 v\w0\().4s, v\w3\().4s
  .endif
.endm

/* Four SHA-256 rounds on the schedule words in v\w0, the constants at
   [x11]; as above for \update. */
.macro SHA256_R4 w0, w1, w2, w3, update
  ld1 {v16.4s}, [x11], #16
  add v16.4s, v16.4s, v\w0\().4s
  .if \update
  sha256su0 v\w0\().4s, v\w1\().4s
  .endif
  mov v2.16b, v0.16b
  sha256h q0, q1, v16.4s
  sha256h2 q1, q2, v16.4s
  .if \update
  sha256su1 v\w0\().4s, v\w2\().4s, v\w3\().4s
  .endif
.endm

  b tests

/* sha1_blocks: x10 = message, x12 = block count; v0 = H0-H3, v1.s[0] = H4
   in and out. Clobbers v4-v7, v16-v23, x10, x12. */
sha1_blocks:
  adr x9, sha1_k
  ld4r {v16.4s, v17.4s, v18.4s, v19.4s}, [x9]
1: ld1 {v4.16b, v5.16b, v6.16b, v7.16b}, [x10], #64
  rev32 v4.16b, v4.16b
  rev32 v5.16b, v5.16b
  rev32 v6.16b, v6.16b
  rev32 v7.16b, v7.16b
  mov v22.16b, v0.16b
  mov v23.16b, v1.16b
  SHA1_R4 c, 16, 4, 5, 6, 7, 1
  SHA1_R4 c, 16, 5, 6, 7, 4, 1
  SHA1_R4 c, 16, 6, 7, 4, 5, 1
  SHA1_R4 c, 16, 7, 4, 5, 6, 1
  SHA1_R4 c, 16, 4, 5, 6, 7, 1
  SHA1_R4 p, 17, 5, 6, 7, 4, 1
  SHA1_R4 p, 17, 6, 7, 4, 5, 1
  SHA1_R4 p, 17, 7, 4, 5, 6, 1
  SHA1_R4 p, 17, 4, 5, 6, 7, 1
  SHA1_R4 p, 17, 5, 6, 7, 4, 1
  SHA1_R4 m, 18, 6, 7, 4, 5, 1
  SHA1_R4 m, 18, 7, 4, 5, 6, 1
  SHA1_R4 m, 18, 4, 5, 6, 7, 1
  SHA1_R4 m, 18, 5, 6, 7, 4, 1
  SHA1_R4 m, 18, 6, 7, 4, 5, 1
  SHA1_R4 p, 19, 7, 4, 5, 6, 1
  SHA1_R4 p, 19, 4, 5, 6, 7, 0
  SHA1_R4 p, 19, 5, 6, 7, 4, 0
  SHA1_R4 p, 19, 6, 7, 4, 5, 0
  SHA1_R4 p, 19, 7, 4, 5, 6, 0
  add v0.4s, v0.4s, v22.4s
  add v1.4s, v1.4s, v23.4s
  subs x12, x12, #1
  b.ne 1b
  ret

/* sha256_blocks: x10 = message, x12 = block count; v0 = H0-H3,
   v1 = H4-H7 in and out. Clobbers v2, v4-v7, v16, v22, v23, x10-x12. */
sha256_blocks:
1: ld1 {v4.16b, v5.16b, v6.16b, v7.16b}, [x10], #64
  rev32 v4.16b, v4.16b
  rev32 v5.16b, v5.16b
  rev32 v6.16b, v6.16b
  rev32 v7.16b, v7.16b
  mov v22.16b, v0.16b
  mov v23.16b, v1.16b
  adr x11, sha256_k
  .rept 3
  SHA256_R4 4, 5, 6, 7, 1
  SHA256_R4 5, 6, 7, 4, 1
  SHA256_R4 6, 7, 4, 5, 1
  SHA256_R4 7, 4, 5, 6, 1
  .endr
  SHA256_R4 4, 5, 6, 7, 0
  SHA256_R4 5, 6, 7, 4, 0
  SHA256_R4 6, 7, 4, 5, 0
  SHA256_R4 7, 4, 5, 6, 0
  add v0.4s, v0.4s, v22.4s
  add v1.4s, v1.4s, v23.4s
  subs x12, x12, #1
  b.ne 1b
  ret

tests:
  CASE sha1_abc                 /* a9993e36 4706816a ba3e2571 7850c26c 9cd0d89d */
  LOADQ 0, sha1_iv
  LOADQ 1, sha1_iv + 16
  adr x10, msg_abc
  mov x12, #1
  bl sha1_blocks
  SHOWV 0
  umov w13, v1.s[0]
  SHOW x13

  CASE sha1_two_blocks          /* 84983e44 1c3bd26e baae4aa1 f95129e5 e54670f1 */
  LOADQ 0, sha1_iv
  LOADQ 1, sha1_iv + 16
  adr x10, msg_two
  mov x12, #2
  bl sha1_blocks
  SHOWV 0
  umov w13, v1.s[0]
  SHOW x13

  CASE sha256_abc               /* ba7816bf 8f01cfea ... f20015ad */
  LOADQ 0, sha256_iv
  LOADQ 1, sha256_iv + 16
  adr x10, msg_abc
  mov x12, #1
  bl sha256_blocks
  SHOWV 0
  SHOWV 1

  CASE sha256_two_blocks        /* 248d6a61 d20638b8 ... 19db06c1 */
  LOADQ 0, sha256_iv
  LOADQ 1, sha256_iv + 16
  adr x10, msg_two
  mov x12, #2
  bl sha256_blocks
  SHOWV 0
  SHOWV 1

  CASE sha1_single
  LOADQ 8, rand_a
  LOADQ 9, rand_b
  LOADQ 10, rand_c
  mov v0.16b, v8.16b
  sha1c q0, s9, v10.4s
  mov v1.16b, v8.16b
  sha1p q1, s9, v10.4s
  mov v2.16b, v8.16b
  sha1m q2, s9, v10.4s
  sha1h s3, s9                  /* the rest of V3 is cleared */
  mov v4.16b, v8.16b
  sha1su0 v4.4s, v9.4s, v10.4s
  mov v5.16b, v8.16b
  sha1su1 v5.4s, v9.4s
  SHOWV 0
  SHOWV 1
  SHOWV 2
  SHOWV 3
  SHOWV 4
  SHOWV 5

  /* Vd, Vn and Vm the same register: every read happens before the
     write. */
  CASE sha1_aliased
  mov v0.16b, v8.16b
  sha1c q0, s0, v0.4s
  mov v1.16b, v8.16b
  sha1m q1, s1, v1.4s
  mov v2.16b, v8.16b
  sha1h s2, s2
  mov v3.16b, v8.16b
  sha1su0 v3.4s, v3.4s, v3.4s
  mov v4.16b, v8.16b
  sha1su1 v4.4s, v4.4s
  SHOWV 0
  SHOWV 1
  SHOWV 2
  SHOWV 3
  SHOWV 4

  CASE sha1_edges
  movi v0.2d, #0
  movi v1.2d, #0
  sha1p q0, s1, v1.4s           /* all zero in, all zero out */
  movi v2.2d, #0xffffffffffffffff
  mov v3.16b, v2.16b
  sha1c q3, s2, v2.4s
  sha1h s4, s2
  mov v5.16b, v2.16b
  sha1su1 v5.4s, v2.4s
  SHOWV 0
  SHOWV 3
  SHOWV 4
  SHOWV 5

  CASE sha256_single
  mov v0.16b, v8.16b
  sha256h q0, q9, v10.4s
  mov v1.16b, v8.16b
  sha256h2 q1, q9, v10.4s
  mov v2.16b, v8.16b
  sha256su0 v2.4s, v9.4s
  mov v3.16b, v8.16b
  sha256su1 v3.4s, v9.4s, v10.4s
  SHOWV 0
  SHOWV 1
  SHOWV 2
  SHOWV 3

  CASE sha256_aliased
  mov v0.16b, v8.16b
  sha256h q0, q0, v0.4s
  mov v1.16b, v9.16b
  sha256h2 q1, q1, v1.4s
  mov v2.16b, v8.16b
  sha256su0 v2.4s, v2.4s
  mov v3.16b, v10.16b
  sha256su1 v3.4s, v3.4s, v3.4s
  mov v31.16b, v8.16b
  sha256h q31, q9, v31.4s
  SHOWV 0
  SHOWV 1
  SHOWV 2
  SHOWV 3
  SHOWV 31

  CASE sha256_edges
  movi v0.2d, #0
  movi v1.2d, #0xffffffffffffffff
  mov v2.16b, v0.16b
  sha256h q2, q1, v1.4s
  mov v3.16b, v1.16b
  sha256h2 q3, q0, v0.4s
  mov v4.16b, v1.16b
  sha256su0 v4.4s, v1.4s
  mov v5.16b, v1.16b
  sha256su1 v5.4s, v1.4s, v1.4s
  SHOWV 2
  SHOWV 3
  SHOWV 4
  SHOWV 5
  DONE

  .data
  .balign 16
sha1_iv:
  .word 0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476
  .word 0xc3d2e1f0, 0, 0, 0
sha1_k:
  .word 0x5a827999, 0x6ed9eba1, 0x8f1bbcdc, 0xca62c1d6
sha256_iv:
  .word 0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a
  .word 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19
rand_a:
  .word 0x9e3779b9, 0x7f4a7c15, 0xf39cc060, 0x5cedc834
rand_b:
  .word 0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344
rand_c:
  .word 0xa4093822, 0x299f31d0, 0x082efa98, 0xec4e6c89
sha256_k:
  .word 0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5
  .word 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5
  .word 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3
  .word 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174
  .word 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc
  .word 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da
  .word 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7
  .word 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967
  .word 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13
  .word 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85
  .word 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3
  .word 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070
  .word 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5
  .word 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3
  .word 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208
  .word 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2
/* "abc" and "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
   padded to whole 64-byte blocks as FIPS 180-4 section 5.1.1 says. */
msg_abc:
  .byte 0x61, 0x62, 0x63, 0x80, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00
  .byte 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00
  .byte 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00
  .byte 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x18
msg_two:
  .byte 0x61, 0x62, 0x63, 0x64, 0x62, 0x63, 0x64, 0x65, 0x63, 0x64, 0x65, 0x66, 0x64, 0x65, 0x66, 0x67
  .byte 0x65, 0x66, 0x67, 0x68, 0x66, 0x67, 0x68, 0x69, 0x67, 0x68, 0x69, 0x6a, 0x68, 0x69, 0x6a, 0x6b
  .byte 0x69, 0x6a, 0x6b, 0x6c, 0x6a, 0x6b, 0x6c, 0x6d, 0x6b, 0x6c, 0x6d, 0x6e, 0x6c, 0x6d, 0x6e, 0x6f
  .byte 0x6d, 0x6e, 0x6f, 0x70, 0x6e, 0x6f, 0x70, 0x71, 0x80, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00
  .byte 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00
  .byte 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00
  .byte 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00
  .byte 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01, 0xc0
