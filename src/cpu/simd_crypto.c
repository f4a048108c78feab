/* The cryptographic extensions of Advanced SIMD: AES (FEAT_AES), PMULL of
   64-bit elements (FEAT_PMULL), SHA-1 (FEAT_SHA1), SHA-256 (FEAT_SHA2),
   SHA-512 (FEAT_SHA512) and the SHA-3 helpers EOR3, RAX1, XAR, BCAX
   (FEAT_SHA3), with the decoders of their encoding groups (Arm ARM C4.1.95:
   "Cryptographic AES", "Cryptographic three-register SHA", "Cryptographic
   two-register SHA", and the op0 = 1100 groups "Cryptographic four-register",
   "three-register SHA512", "XAR" and "two-register SHA512"). SM3 and SM4
   share those groups; they are not advertised, so they decode as
   unallocated.

   Each handler follows its Arm ARM pseudocode on whole 128-bit values and
   reads every operand register before it writes Vd, so that aliased
   operands (AESE V0, V0, or SHA1C Q0, S0, V0.4S) behave. Vector elements are the vreg arrays' elements (the host is
   little-endian, as the guest's element numbering is), so Elem[X, e, 32]
   is x.s[e] and X<127:64> is x.d[1]. */
#include "cpu/sem_bits.h"
#include "cpu/simd.h"

/* ---- AES ------------------------------------------------------------------ */

/* FIPS-197 S-box (SubBytes) and its inverse (InvSubBytes), as the Arm ARM
   AESSubBytes() and AESInvSubBytes() tables give them. */
static const u8 kAesSbox[256] = {
    0x63, 0x7c, 0x77, 0x7b, 0xf2, 0x6b, 0x6f, 0xc5, 0x30, 0x01, 0x67, 0x2b, 0xfe, 0xd7, 0xab, 0x76,
    0xca, 0x82, 0xc9, 0x7d, 0xfa, 0x59, 0x47, 0xf0, 0xad, 0xd4, 0xa2, 0xaf, 0x9c, 0xa4, 0x72, 0xc0,
    0xb7, 0xfd, 0x93, 0x26, 0x36, 0x3f, 0xf7, 0xcc, 0x34, 0xa5, 0xe5, 0xf1, 0x71, 0xd8, 0x31, 0x15,
    0x04, 0xc7, 0x23, 0xc3, 0x18, 0x96, 0x05, 0x9a, 0x07, 0x12, 0x80, 0xe2, 0xeb, 0x27, 0xb2, 0x75,
    0x09, 0x83, 0x2c, 0x1a, 0x1b, 0x6e, 0x5a, 0xa0, 0x52, 0x3b, 0xd6, 0xb3, 0x29, 0xe3, 0x2f, 0x84,
    0x53, 0xd1, 0x00, 0xed, 0x20, 0xfc, 0xb1, 0x5b, 0x6a, 0xcb, 0xbe, 0x39, 0x4a, 0x4c, 0x58, 0xcf,
    0xd0, 0xef, 0xaa, 0xfb, 0x43, 0x4d, 0x33, 0x85, 0x45, 0xf9, 0x02, 0x7f, 0x50, 0x3c, 0x9f, 0xa8,
    0x51, 0xa3, 0x40, 0x8f, 0x92, 0x9d, 0x38, 0xf5, 0xbc, 0xb6, 0xda, 0x21, 0x10, 0xff, 0xf3, 0xd2,
    0xcd, 0x0c, 0x13, 0xec, 0x5f, 0x97, 0x44, 0x17, 0xc4, 0xa7, 0x7e, 0x3d, 0x64, 0x5d, 0x19, 0x73,
    0x60, 0x81, 0x4f, 0xdc, 0x22, 0x2a, 0x90, 0x88, 0x46, 0xee, 0xb8, 0x14, 0xde, 0x5e, 0x0b, 0xdb,
    0xe0, 0x32, 0x3a, 0x0a, 0x49, 0x06, 0x24, 0x5c, 0xc2, 0xd3, 0xac, 0x62, 0x91, 0x95, 0xe4, 0x79,
    0xe7, 0xc8, 0x37, 0x6d, 0x8d, 0xd5, 0x4e, 0xa9, 0x6c, 0x56, 0xf4, 0xea, 0x65, 0x7a, 0xae, 0x08,
    0xba, 0x78, 0x25, 0x2e, 0x1c, 0xa6, 0xb4, 0xc6, 0xe8, 0xdd, 0x74, 0x1f, 0x4b, 0xbd, 0x8b, 0x8a,
    0x70, 0x3e, 0xb5, 0x66, 0x48, 0x03, 0xf6, 0x0e, 0x61, 0x35, 0x57, 0xb9, 0x86, 0xc1, 0x1d, 0x9e,
    0xe1, 0xf8, 0x98, 0x11, 0x69, 0xd9, 0x8e, 0x94, 0x9b, 0x1e, 0x87, 0xe9, 0xce, 0x55, 0x28, 0xdf,
    0x8c, 0xa1, 0x89, 0x0d, 0xbf, 0xe6, 0x42, 0x68, 0x41, 0x99, 0x2d, 0x0f, 0xb0, 0x54, 0xbb, 0x16,
};

static const u8 kAesInvSbox[256] = {
    0x52, 0x09, 0x6a, 0xd5, 0x30, 0x36, 0xa5, 0x38, 0xbf, 0x40, 0xa3, 0x9e, 0x81, 0xf3, 0xd7, 0xfb,
    0x7c, 0xe3, 0x39, 0x82, 0x9b, 0x2f, 0xff, 0x87, 0x34, 0x8e, 0x43, 0x44, 0xc4, 0xde, 0xe9, 0xcb,
    0x54, 0x7b, 0x94, 0x32, 0xa6, 0xc2, 0x23, 0x3d, 0xee, 0x4c, 0x95, 0x0b, 0x42, 0xfa, 0xc3, 0x4e,
    0x08, 0x2e, 0xa1, 0x66, 0x28, 0xd9, 0x24, 0xb2, 0x76, 0x5b, 0xa2, 0x49, 0x6d, 0x8b, 0xd1, 0x25,
    0x72, 0xf8, 0xf6, 0x64, 0x86, 0x68, 0x98, 0x16, 0xd4, 0xa4, 0x5c, 0xcc, 0x5d, 0x65, 0xb6, 0x92,
    0x6c, 0x70, 0x48, 0x50, 0xfd, 0xed, 0xb9, 0xda, 0x5e, 0x15, 0x46, 0x57, 0xa7, 0x8d, 0x9d, 0x84,
    0x90, 0xd8, 0xab, 0x00, 0x8c, 0xbc, 0xd3, 0x0a, 0xf7, 0xe4, 0x58, 0x05, 0xb8, 0xb3, 0x45, 0x06,
    0xd0, 0x2c, 0x1e, 0x8f, 0xca, 0x3f, 0x0f, 0x02, 0xc1, 0xaf, 0xbd, 0x03, 0x01, 0x13, 0x8a, 0x6b,
    0x3a, 0x91, 0x11, 0x41, 0x4f, 0x67, 0xdc, 0xea, 0x97, 0xf2, 0xcf, 0xce, 0xf0, 0xb4, 0xe6, 0x73,
    0x96, 0xac, 0x74, 0x22, 0xe7, 0xad, 0x35, 0x85, 0xe2, 0xf9, 0x37, 0xe8, 0x1c, 0x75, 0xdf, 0x6e,
    0x47, 0xf1, 0x1a, 0x71, 0x1d, 0x29, 0xc5, 0x89, 0x6f, 0xb7, 0x62, 0x0e, 0xaa, 0x18, 0xbe, 0x1b,
    0xfc, 0x56, 0x3e, 0x4b, 0xc6, 0xd2, 0x79, 0x20, 0x9a, 0xdb, 0xc0, 0xfe, 0x78, 0xcd, 0x5a, 0xf4,
    0x1f, 0xdd, 0xa8, 0x33, 0x88, 0x07, 0xc7, 0x31, 0xb1, 0x12, 0x10, 0x59, 0x27, 0x80, 0xec, 0x5f,
    0x60, 0x51, 0x7f, 0xa9, 0x19, 0xb5, 0x4a, 0x0d, 0x2d, 0xe5, 0x7a, 0x9f, 0x93, 0xc9, 0x9c, 0xef,
    0xa0, 0xe0, 0x3b, 0x4d, 0xae, 0x2a, 0xf5, 0xb0, 0xc8, 0xeb, 0xbb, 0x3c, 0x83, 0x53, 0x99, 0x61,
    0x17, 0x2b, 0x04, 0x7e, 0xba, 0x77, 0xd6, 0x26, 0xe1, 0x69, 0x14, 0x63, 0x55, 0x21, 0x0c, 0x7d,
};

/* The AES state is 4 x 4 bytes stored by columns: byte 4c + r is row r of
   column c (FIPS-197 section 3.4, and the Arm ARM's op<c*32+r*8+:8>).

   AESShiftRows rotates row r left by r columns, so result byte 4c + r comes
   from column c + r; AESInvShiftRows rotates it back. */
static vreg aes_shift_rows(vreg s) {
  vreg r;
  for (u32 i = 0; i < 16; i++) r.b[i] = s.b[(i + 4 * (i & 3)) & 15];
  return r;
}

static vreg aes_inv_shift_rows(vreg s) {
  vreg r;
  for (u32 i = 0; i < 16; i++) r.b[i] = s.b[(i - 4 * (i & 3)) & 15];
  return r;
}

static vreg aes_sub_bytes(vreg s, const u8 table[256]) {
  for (u32 i = 0; i < 16; i++) s.b[i] = table[s.b[i]];
  return s;
}

/* Multiplication by x (that is, by 2) in GF(2^8) modulo x^8 + x^4 + x^3 +
   x + 1: the Arm ARM's FFmul02 table. */
static u8 xtime(u8 x) { return (u8)(x << 1 ^ (x & 0x80 ? 0x1b : 0)); }

/* AESMixColumns: each column a[0..3] times the circulant matrix with first
   row (2 3 1 1). Row r is 2a[r] ^ 3a[r+1] ^ a[r+2] ^ a[r+3], which is
   a[r] ^ t ^ xtime(a[r] ^ a[r+1]) with t the XOR of the whole column. */
static vreg aes_mix_columns(vreg s) {
  vreg r;
  for (u32 c = 0; c < 16; c += 4) {
    const u8 *a = &s.b[c];
    u8 t = a[0] ^ a[1] ^ a[2] ^ a[3];
    for (u32 row = 0; row < 4; row++)
      r.b[c + row] = a[row] ^ t ^ xtime(a[row] ^ a[(row + 1) & 3]);
  }
  return r;
}

/* AESInvMixColumns: the matrix (14 11 13 9) factors as (2 3 1 1) times
   (5 0 4 0). In FIPS-197's polynomials (sections 5.1.3 and 5.3.3),
   0B x^3 + 0D x^2 + 09 x + 0E = (03 x^3 + 01 x^2 + 01 x + 02)(04 x^2 + 05)
   modulo x^4 + 1, so a cheap premultiplication lets MixColumns do the
   rest. */
static vreg aes_inv_mix_columns(vreg s) {
  for (u32 c = 0; c < 16; c += 4) {
    u8 *a = &s.b[c];
    u8 u = xtime(xtime(a[0] ^ a[2])), v = xtime(xtime(a[1] ^ a[3]));
    a[0] ^= u;
    a[1] ^= v;
    a[2] ^= u;
    a[3] ^= v;
  }
  return aes_mix_columns(s);
}

/* AESE: AddRoundKey (Vd EOR Vn), then ShiftRows and SubBytes. */
OP_HANDLER(aese) {
  vreg x = {.d = {cpu->v[in->rd].d[0] ^ cpu->v[in->rn].d[0],
                  cpu->v[in->rd].d[1] ^ cpu->v[in->rn].d[1]}};
  cpu->v[in->rd] = aes_sub_bytes(aes_shift_rows(x), kAesSbox);
  return NEXT;
}

/* AESD: AddRoundKey, then InvShiftRows and InvSubBytes. */
OP_HANDLER(aesd) {
  vreg x = {.d = {cpu->v[in->rd].d[0] ^ cpu->v[in->rn].d[0],
                  cpu->v[in->rd].d[1] ^ cpu->v[in->rn].d[1]}};
  cpu->v[in->rd] = aes_sub_bytes(aes_inv_shift_rows(x), kAesInvSbox);
  return NEXT;
}

OP_HANDLER(aesmc) {
  cpu->v[in->rd] = aes_mix_columns(cpu->v[in->rn]);
  return NEXT;
}

OP_HANDLER(aesimc) {
  cpu->v[in->rd] = aes_inv_mix_columns(cpu->v[in->rn]);
  return NEXT;
}

/* ---- PMULL, PMULL2 (1Q) ----------------------------------------------------- */

/* Arm ARM PolynomialMult() of two 64-bit values: the 127-bit carry-less
   product. */
static u128 clmul64(u64 a, u64 b) {
  u128 r = 0;
  for (u32 i = 0; i < 64; i++)
    if (b >> i & 1) r ^= (u128)a << i;
  return r;
}

/* imm selects the doubleword of both sources: 0, or 1 for PMULL2. */
OP_HANDLER(pmull_1q) {
  u128 p = clmul64(cpu->v[in->rn].d[in->imm], cpu->v[in->rm].d[in->imm]);
  cpu->v[in->rd] = (vreg){.d = {(u64)p, (u64)(p >> 64)}};
  return NEXT;
}

/* ---- SHA-1 and SHA-256 ------------------------------------------------------- */

/* Arm ARM SHAchoose(), SHAparity() and SHAmajority(). */
static u32 sha_choose(u32 x, u32 y, u32 z) { return ((y ^ z) & x) ^ z; }
static u32 sha_parity(u32 x, u32 y, u32 z) { return x ^ y ^ z; }
static u32 sha_majority(u32 x, u32 y, u32 z) { return (x & y) | ((x | y) & z); }

/* The shared body of SHA1C, SHA1P and SHA1M: four rounds of SHA-1 on the
   state X = Vd (a, b, c, d in elements 0-3) and Y = Sn (e), adding one
   schedule word of W = Vm per round. The pseudocode's final step,
   <Y, X> = ROL(Y:X, 32), moves the words of X up one place, the new
   sum into element 0 and the old element 3 into Y. */
static vreg sha1_hash(vreg x, u32 y, vreg w, u32 (*f)(u32, u32, u32)) {
  for (u32 e = 0; e < 4; e++) {
    y += ror32(x.s[0], 32 - 5) + f(x.s[1], x.s[2], x.s[3]) + w.s[e];
    x.s[1] = ror32(x.s[1], 2); /* ROL(X<63:32>, 30) */
    u32 top = x.s[3];
    x.s[3] = x.s[2];
    x.s[2] = x.s[1];
    x.s[1] = x.s[0];
    x.s[0] = y;
    y = top;
  }
  return x;
}

OP_HANDLER(sha1c) {
  cpu->v[in->rd] = sha1_hash(cpu->v[in->rd], cpu->v[in->rn].s[0], cpu->v[in->rm], sha_choose);
  return NEXT;
}

OP_HANDLER(sha1p) {
  cpu->v[in->rd] = sha1_hash(cpu->v[in->rd], cpu->v[in->rn].s[0], cpu->v[in->rm], sha_parity);
  return NEXT;
}

OP_HANDLER(sha1m) {
  cpu->v[in->rd] =
      sha1_hash(cpu->v[in->rd], cpu->v[in->rn].s[0], cpu->v[in->rm], sha_majority);
  return NEXT;
}

/* SHA1H: the fixed rotate of e, ROL(Sn, 30), into Sd. */
OP_HANDLER(sha1h) {
  cpu->v[in->rd] = (vreg){.d = {ror32(cpu->v[in->rn].s[0], 2), 0}};
  return NEXT;
}

/* SHA1SU0: (Vn<63:0> : Vd<127:64>) EOR Vd EOR Vm. */
OP_HANDLER(sha1su0) {
  vreg d = cpu->v[in->rd], n = cpu->v[in->rn], m = cpu->v[in->rm];
  cpu->v[in->rd] = (vreg){.d = {d.d[1] ^ d.d[0] ^ m.d[0], n.d[0] ^ d.d[1] ^ m.d[1]}};
  return NEXT;
}

/* SHA1SU1: T = Vd EOR LSR(Vn, 32); each word of T rotated left by one,
   the top word also taking ROL(T<31:0>, 2). */
OP_HANDLER(sha1su1) {
  vreg d = cpu->v[in->rd], n = cpu->v[in->rn], t, r;
  t.s[0] = d.s[0] ^ n.s[1];
  t.s[1] = d.s[1] ^ n.s[2];
  t.s[2] = d.s[2] ^ n.s[3];
  t.s[3] = d.s[3];
  for (u32 e = 0; e < 4; e++) r.s[e] = ror32(t.s[e], 31);
  r.s[3] ^= ror32(t.s[0], 30);
  cpu->v[in->rd] = r;
  return NEXT;
}

/* SHAhashSIGMA0(), SHAhashSIGMA1(). */
static u32 sha256_sum0(u32 x) { return ror32(x, 2) ^ ror32(x, 13) ^ ror32(x, 22); }
static u32 sha256_sum1(u32 x) { return ror32(x, 6) ^ ror32(x, 11) ^ ror32(x, 25); }

/* Arm ARM SHA256hash(): four rounds on the state held as X = (a, b, c, d)
   and Y = (e, f, g, h), one word each in elements 0-3, adding one word of
   W per round. <Y, X> = ROL(Y:X, 32) moves both up one word, the top of Y
   into X and the top of X into Y. part1 returns X (SHA256H), else Y
   (SHA256H2). */
static vreg sha256_hash(vreg x, vreg y, vreg w, bool part1) {
  for (u32 e = 0; e < 4; e++) {
    u32 chs = sha_choose(y.s[0], y.s[1], y.s[2]);
    u32 maj = sha_majority(x.s[0], x.s[1], x.s[2]);
    u32 t1 = y.s[3] + sha256_sum1(y.s[0]) + chs + w.s[e];
    x.s[3] += t1;
    y.s[3] = t1 + sha256_sum0(x.s[0]) + maj;
    u32 x_top = x.s[3], y_top = y.s[3];
    for (u32 k = 3; k > 0; k--) {
      x.s[k] = x.s[k - 1];
      y.s[k] = y.s[k - 1];
    }
    x.s[0] = y_top;
    y.s[0] = x_top;
  }
  return part1 ? x : y;
}

OP_HANDLER(sha256h) {
  cpu->v[in->rd] = sha256_hash(cpu->v[in->rd], cpu->v[in->rn], cpu->v[in->rm], true);
  return NEXT;
}

OP_HANDLER(sha256h2) {
  cpu->v[in->rd] = sha256_hash(cpu->v[in->rn], cpu->v[in->rd], cpu->v[in->rm], false);
  return NEXT;
}

/* The message-schedule functions sigma0 and sigma1 of FIPS 180-4. */
static u32 sha256_sigma0(u32 x) { return ror32(x, 7) ^ ror32(x, 18) ^ x >> 3; }
static u32 sha256_sigma1(u32 x) { return ror32(x, 17) ^ ror32(x, 19) ^ x >> 10; }

/* SHA256SU0: element e of Vd plus sigma0 of element e of T = Vn<31:0> :
   Vd<127:32>. */
OP_HANDLER(sha256su0) {
  vreg d = cpu->v[in->rd], n = cpu->v[in->rn], r;
  u32 t[4] = {d.s[1], d.s[2], d.s[3], n.s[0]};
  for (u32 e = 0; e < 4; e++) r.s[e] = d.s[e] + sha256_sigma0(t[e]);
  cpu->v[in->rd] = r;
  return NEXT;
}

/* SHA256SU1: element e of Vd plus element e of T0 = Vm<31:0> : Vn<127:32>
   plus sigma1 of a word two places back: Vm's elements 2 and 3 for the low
   two results, the low two results themselves for the high two. */
OP_HANDLER(sha256su1) {
  vreg d = cpu->v[in->rd], n = cpu->v[in->rn], m = cpu->v[in->rm], r;
  u32 t0[4] = {n.s[1], n.s[2], n.s[3], m.s[0]};
  for (u32 e = 0; e < 2; e++) r.s[e] = sha256_sigma1(m.s[e + 2]) + d.s[e] + t0[e];
  for (u32 e = 2; e < 4; e++) r.s[e] = sha256_sigma1(r.s[e - 2]) + d.s[e] + t0[e];
  cpu->v[in->rd] = r;
  return NEXT;
}

/* ---- SHA-512 ------------------------------------------------------------------ */

static u64 sha512_sum0(u64 x) { return ror64(x, 28) ^ ror64(x, 34) ^ ror64(x, 39); }
static u64 sha512_sum1(u64 x) { return ror64(x, 14) ^ ror64(x, 18) ^ ror64(x, 41); }
static u64 sha512_sigma0(u64 x) { return ror64(x, 1) ^ ror64(x, 8) ^ x >> 7; }
static u64 sha512_sigma1(u64 x) { return ror64(x, 19) ^ ror64(x, 61) ^ x >> 6; }

/* SHA512H: the Ch and Sigma1 half of two rounds. X = Vn, Y = Vm, W = Vd,
   each doubleword named by its pseudocode slice: hi = <127:64>,
   lo = <63:0>. */
OP_HANDLER(sha512h) {
  vreg x = cpu->v[in->rn], y = cpu->v[in->rm], w = cpu->v[in->rd], r;
  u64 ch = (y.d[1] & x.d[0]) ^ (~y.d[1] & x.d[1]);
  r.d[1] = ch + sha512_sum1(y.d[1]) + w.d[1];
  u64 tmp = r.d[1] + y.d[0];
  r.d[0] = ((tmp & y.d[1]) ^ (~tmp & x.d[0])) + sha512_sum1(tmp) + w.d[0];
  cpu->v[in->rd] = r;
  return NEXT;
}

/* SHA512H2: the Maj and Sigma0 half of two rounds; operands as SHA512H. */
OP_HANDLER(sha512h2) {
  vreg x = cpu->v[in->rn], y = cpu->v[in->rm], w = cpu->v[in->rd], r;
  u64 maj = (x.d[0] & y.d[1]) ^ (x.d[0] & y.d[0]) ^ (y.d[1] & y.d[0]);
  r.d[1] = maj + sha512_sum0(y.d[0]) + w.d[1];
  maj = (r.d[1] & y.d[0]) ^ (r.d[1] & y.d[1]) ^ (y.d[1] & y.d[0]);
  r.d[0] = maj + sha512_sum0(r.d[1]) + w.d[0];
  cpu->v[in->rd] = r;
  return NEXT;
}

/* SHA512SU0: Vd<63:0> + sigma0(Vd<127:64>), Vd<127:64> + sigma0(Vn<63:0>). */
OP_HANDLER(sha512su0) {
  vreg w = cpu->v[in->rd], x = cpu->v[in->rn];
  cpu->v[in->rd] = (vreg){.d = {w.d[0] + sha512_sigma0(w.d[1]), w.d[1] + sha512_sigma0(x.d[0])}};
  return NEXT;
}

/* SHA512SU1: each doubleword of Vd plus sigma1 of Vn's plus Vm's. */
OP_HANDLER(sha512su1) {
  vreg w = cpu->v[in->rd], x = cpu->v[in->rn], y = cpu->v[in->rm];
  cpu->v[in->rd] = (vreg){.d = {w.d[0] + sha512_sigma1(x.d[0]) + y.d[0],
                                w.d[1] + sha512_sigma1(x.d[1]) + y.d[1]}};
  return NEXT;
}

/* ---- SHA-3 -------------------------------------------------------------------- */

/* EOR3: Vn EOR Vm EOR Va. */
OP_HANDLER(eor3) {
  vreg n = cpu->v[in->rn], m = cpu->v[in->rm], a = cpu->v[in->ra];
  cpu->v[in->rd] = (vreg){.d = {n.d[0] ^ m.d[0] ^ a.d[0], n.d[1] ^ m.d[1] ^ a.d[1]}};
  return NEXT;
}

/* BCAX: Vn EOR (Vm AND NOT Va). */
OP_HANDLER(bcax) {
  vreg n = cpu->v[in->rn], m = cpu->v[in->rm], a = cpu->v[in->ra];
  cpu->v[in->rd] = (vreg){.d = {n.d[0] ^ (m.d[0] & ~a.d[0]), n.d[1] ^ (m.d[1] & ~a.d[1])}};
  return NEXT;
}

/* RAX1: Vn EOR ROL(Vm, 1), per doubleword. */
OP_HANDLER(rax1) {
  vreg n = cpu->v[in->rn], m = cpu->v[in->rm];
  cpu->v[in->rd] = (vreg){.d = {n.d[0] ^ ror64(m.d[0], 63), n.d[1] ^ ror64(m.d[1], 63)}};
  return NEXT;
}

/* XAR: ROR(Vn EOR Vm, imm), per doubleword. */
OP_HANDLER(xar) {
  vreg n = cpu->v[in->rn], m = cpu->v[in->rm];
  u32 rot = (u32)in->imm;
  cpu->v[in->rd] = (vreg){.d = {ror64(n.d[0] ^ m.d[0], rot), ror64(n.d[1] ^ m.d[1], rot)}};
  return NEXT;
}

/* ---- Decoding ------------------------------------------------------------------ */

static void decode_vregs(u32 w, struct insn *out) {
  out->rd = bits(w, 4, 0);
  out->rn = bits(w, 9, 5);
  out->rm = bits(w, 20, 16);
  out->ra = bits(w, 14, 10);
}

/* Cryptographic AES (0100 1110 size 10100 opcode 10 Rn Rd) and two-register
   SHA (0101 1110 size 10100 opcode 10 Rn Rd); size must be 0. simd.c sends
   here both the vector and the scalar words of this shape. */
bool decode_crypto_two_reg(u32 w, struct insn *out) {
  static const u16 kAes[32] = {[4] = OP_aese, [5] = OP_aesd, [6] = OP_aesmc, [7] = OP_aesimc};
  static const u16 kSha[32] = {[0] = OP_sha1h, [1] = OP_sha1su1, [2] = OP_sha256su0};
  u32 opcode = bits(w, 16, 12);
  if ((w & 0xfffe0c00) == 0x4e280800) out->op = kAes[opcode];
  else if ((w & 0xfffe0c00) == 0x5e280800) out->op = kSha[opcode];
  else return false;
  if (!out->op) return false;
  decode_vregs(w, out);
  return true;
}

/* Cryptographic three-register SHA: 0101 1110 size 0 Rm 0 opcode 00 Rn Rd,
   size 0. */
bool decode_crypto_sha_three(u32 w, struct insn *out) {
  static const u16 kOps[8] = {OP_sha1c,   OP_sha1p,    OP_sha1m,     OP_sha1su0,
                              OP_sha256h, OP_sha256h2, OP_sha256su1, 0};
  if ((w & 0xffe08c00) != 0x5e000000) return false;
  out->op = kOps[bits(w, 14, 12)];
  if (!out->op) return false;
  decode_vregs(w, out);
  return true;
}

/* PMULL, PMULL2 with size 3 (Vd.1Q): 0 Q 0 01110 11 1 Rm 1110 00 Rn Rd. The
   rest of the "three different" group's size 3 is unallocated. */
bool decode_crypto_pmull64(u32 w, struct insn *out) {
  if ((w & 0xbfe0fc00) != 0x0ee0e000) return false;
  out->op = OP_pmull_1q;
  decode_vregs(w, out);
  out->imm = bit(w, 30);
  return true;
}

/* 1100 1110 0 Op0 Rm 0 Ra Rn Rd: EOR3 (Op0 = 00), BCAX (01); SM3SS1 (10) is
   not implemented, and SM3TT1A..SM3TT2B (010 with bit 15 set) neither. */
static bool decode_crypto_four_reg(u32 w, struct insn *out) {
  static const u16 kOps[4] = {OP_eor3, OP_bcax, 0, 0};
  if (bit(w, 15)) return false;
  out->op = kOps[bits(w, 22, 21)];
  if (!out->op) return false;
  decode_vregs(w, out);
  return true;
}

/* 1100 1110 011 Rm 1 O 00 opcode Rn Rd: with O = 0, SHA512H, SHA512H2,
   SHA512SU1, RAX1; O = 1 is SM3 and SM4. */
static bool decode_crypto_sha512_three(u32 w, struct insn *out) {
  static const u16 kOps[4] = {OP_sha512h, OP_sha512h2, OP_sha512su1, OP_rax1};
  if (bits(w, 15, 12) != 8) return false;
  out->op = kOps[bits(w, 11, 10)];
  decode_vregs(w, out);
  return true;
}

/* The op0 = 1100 groups, all with bits 31:24 = 1100 1110, told apart by
   bits 23:21. */
bool decode_crypto_sha512_sha3(u32 w, struct insn *out) {
  if (bits(w, 31, 24) != 0xce) return false;
  switch (bits(w, 23, 21)) {
    case 0: case 1: case 2:
      return decode_crypto_four_reg(w, out);
    case 3:
      return decode_crypto_sha512_three(w, out);
    case 4: /* XAR: 1100 1110 100 Rm imm6 Rn Rd */
      out->op = OP_xar;
      decode_vregs(w, out);
      out->imm = bits(w, 15, 10);
      return true;
    case 6: /* 1100 1110 1100 0000 1000 00 opcode Rn Rd: SHA512SU0 (SM4E: 01) */
      if ((w & 0xfffffc00) != 0xcec08000) return false;
      out->op = OP_sha512su0;
      decode_vregs(w, out);
      return true;
    default: /* 101, 111: unallocated */
      return false;
  }
}
