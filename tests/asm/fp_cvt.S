/* FCVT between half, single and double precision: NaN payloads kept from
   the top and quietened (IOC for signalling ones), DN, rounding in each
   mode with overflow and underflow, denormals in and out, FZ (which applies
   to single and double operands and results, never to half precision), and
   the alternative half-precision format (FPCR.AHP: no infinities or NaNs).
   Each case shows FPSR and V0 (top half preset to garbage). */
.include "harness.inc"

.set RN, 0x000000
.set RP, 0x400000
.set RM, 0x800000
.set RZ, 0xc00000
.set FZ, 0x1000000
.set DN, 0x2000000
.set AHP, 0x4000000
.set FZ16, 0x80000

.macro MODE name, fpcr
  CASE \name
  ldr x9, =\fpcr
  msr fpcr, x9
.endm

/* fcvt d0, s1 etc.: to and from name the precisions, a is the operand. */
.macro CVT to, from, a
  CASE fcvt_\to\()_\from\()_\a
  ldr x9, =\a
  fmov d1, x9
  fmov v0.d[1], x9
  msr fpsr, xzr
  fcvt \to\()0, \from\()1
  FPSR
  SHOWV 0
.endm

  /* Widening is exact: only NaNs, denormals under FZ and half-precision
     denormals (never flushed) are interesting. */
  MODE rn, RN
  .irp a, 0x00000000, 0x80000000, 0x3f800000, 0x7f7fffff, 0x00000001, 0x807fffff, 0xff800000, 0x7fc00001, 0xffbfffff, 0x7f800001
  CVT d, s, \a
  .endr
  .irp a, 0x0000, 0x8000, 0x3c00, 0x7bff, 0x0001, 0x83ff, 0x0400, 0x7c00, 0xfc00, 0x7e01, 0xfdff, 0x7c01
  CVT s, h, \a
  CVT d, h, \a
  .endr

  /* Narrowing in each rounding mode. */
  .irp mode, RN, RP, RM, RZ
  MODE mode_\mode, \mode
  CVT s, d, 0x3ff0000010000000   /* 1 + 2^-24: tie */
  CVT s, d, 0x3ff0000030000000   /* tie, odd: up */
  CVT s, d, 0xbff0000010000001   /* just above a tie, negative */
  CVT s, d, 0x47efffffe0000000   /* max single + half ulp: overflows */
  CVT s, d, 0xc7efffffd0000000   /* just below that: max */
  CVT s, d, 0x380fffffe0000000   /* rounds to 2^-126: tiny before */
  CVT s, d, 0x3690000000000001   /* 2^-150 and a bit: smallest denormal? */
  CVT s, d, 0x0000000000000001   /* far below: zero or smallest */
  CVT h, s, 0x3f801000           /* 1 + 2^-11: tie */
  CVT h, s, 0x477ff000           /* 65520: overflows to inf in RN */
  CVT h, s, 0xc77fefff           /* -65519.99 */
  CVT h, s, 0x33000001           /* just above 2^-25: denormal */
  CVT h, s, 0x387fc000           /* rounds to 2^-14 */
  CVT h, d, 0x3ff0020000000000   /* 1 + 2^-11: tie */
  CVT h, d, 0x40effe0000000001   /* 65520 and a bit */
  CVT h, d, 0x3e70000000000001   /* 2^-24 and a bit */
  .endr

  MODE nan, RN
  CVT s, d, 0x7ff8000000000001   /* payload below single precision: lost */
  CVT s, d, 0xfff0000020000000   /* signalling, payload kept: IOC */
  CVT s, d, 0x7ff7ffffe0000000
  CVT h, s, 0x7f802000           /* signalling */
  CVT h, s, 0xffc00fff
  CVT h, d, 0x7ff0040000000000
  CVT h, d, 0x7ff0000000000001   /* payload lost: quiet NaN */

  /* FZ flushes single and double operands and results; half-precision
     ones are never flushed by FCVT (FZ16 is ignored). */
  MODE fz, FZ|FZ16
  CVT d, s, 0x00000001
  CVT d, s, 0x807fffff
  CVT s, d, 0x0000000000000001
  CVT s, d, 0x380fffffe0000000   /* would round to 2^-126: flushed */
  CVT s, d, 0x3810000000000000
  CVT h, s, 0x00000001           /* flushed operand */
  CVT h, s, 0x33000001           /* half-precision denormal result */
  CVT s, h, 0x0001
  CVT d, h, 0x83ff
  CVT h, d, 0x0000000000000001

  MODE dn, DN
  CVT d, s, 0x7fc00001
  CVT s, d, 0xfff0000000000001
  CVT h, s, 0x7f800001
  CVT s, h, 0xfe01
  CVT d, h, 0x7c01

  /* Alternative half precision: exponent 31 is a normal number, NaNs
     become zero and infinities the largest number, both Invalid. */
  .irp mode, RN, RZ
  MODE ahp_\mode, AHP|\mode
  .irp a, 0x7c00, 0xfc00, 0x7fff, 0x7e00, 0x0001, 0x3c00
  CVT s, h, \a
  CVT d, h, \a
  .endr
  .irp a, 0x477ff000, 0x47fff000, 0x48000000, 0xc7ffefff, 0x7f800000, 0xff800000, 0x7fc00000, 0xff800001, 0x33000001
  CVT h, s, \a
  .endr
  .irp a, 0x40fffe0000000000, 0x4100000000000000, 0xfff0000000000000, 0x7ff8000000000000
  CVT h, d, \a
  .endr
  .endr
  MODE ahp_dn, AHP|DN
  CVT h, s, 0x7fc00000
  CVT s, h, 0x7fff
  DONE
