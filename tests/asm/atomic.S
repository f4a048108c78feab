/* Exclusive, ordered and atomic accesses: LDXR/STXR and the acquire/
   release forms in every size, exclusive pairs, the monitor (success,
   failure after CLREX, after a previous STXR, at another address, after
   the value changed), LDAR/STLR/LDAPR, every LSE operation in every size
   with its A/L variants and ST<op> aliases, CAS and CASP success and
   failure. Each shows the old value returned and memory afterwards. */
.include "harness.inc"
  .arch armv8.3-a            /* LSE atomics (8.1) and LDAPR (8.3) */

/* Atomic accesses take no offset: x21-x28 hold cell + 1 ... cell + 8. */
  adr x0, cell
  add x21, x0, #1
  add x22, x0, #2
  add x24, x0, #4
  add x26, x0, #6
  add x27, x0, #7
  add x28, x0, #8

  CASE ldxr_stxr_sizes
  adr x0, cell
  mov x1, #-1
  str x1, [x0]
  str x1, [x0, #8]
  ldxrb w2, [x0]
  add w2, w2, #2
  stxrb w3, w2, [x0]
  ldxrh w4, [x22]
  stxrh w5, wzr, [x22]
  ldxr w6, [x24]
  stxr w7, w6, [x24]
  add x8, x0, #8
  ldxr x9, [x8]
  movz x10, #0x1234, lsl #48
  stxr w11, x10, [x8]
  ldr x12, [x0]
  ldr x13, [x0, #8]
  SHOW x2
  SHOW x3
  SHOW x4
  SHOW x5
  SHOW x6
  SHOW x7
  SHOW x9
  SHOW x11
  SHOW x12
  SHOW x13

  CASE acquire_release_exclusive
  adr x0, cell
  str xzr, [x0]
  ldaxr x1, [x0]
  mov x2, #77
  stlxr w3, x2, [x0]
  ldaxrb w4, [x0]
  stlxrb w5, w4, [x0]
  ldaxrh w6, [x0]
  stlxrh w7, w6, [x0]
  ldaxr w8, [x0]
  stlxr w9, w8, [x0]
  ldr x10, [x0]
  SHOW x1
  SHOW x3
  SHOW x4
  SHOW x5
  SHOW x6
  SHOW x7
  SHOW x8
  SHOW x9
  SHOW x10

  CASE stxr_fails
  adr x0, cell
  mov x1, #5
  str x1, [x0]
  ldxr x2, [x0]
  clrex
  mov x3, #6
  stxr w4, x3, [x0]          /* monitor cleared by CLREX */
  ldr x5, [x0]
  SHOW x4
  SHOW x5
  ldxr x2, [x0]
  stxr w4, x3, [x0]          /* succeeds and clears the monitor */
  mov x3, #7
  stxr w6, x3, [x0]          /* nothing to pair with */
  ldr x5, [x0]
  SHOW x4
  SHOW x6
  SHOW x5
  ldxr x2, [x0]
  stxr w4, x3, [x28]      /* another address */
  stxr w6, x3, [x0]          /* the failed STXR cleared the monitor too */
  ldr x5, [x0]
  SHOW x4
  SHOW x6
  SHOW x5
  ldxr x2, [x0]
  mov x7, #99
  str x7, [x0]               /* the value changed under the monitor */
  stxr w4, x3, [x0]
  ldr x5, [x0]
  SHOW x4
  SHOW x5

  CASE exclusive_loop
  adr x0, cell
  mov x1, #40
  str x1, [x0]
  mov x5, #0
1: ldaxr x2, [x0]
  add x2, x2, #2
  stlxr w3, x2, [x0]
  add x5, x5, #1
  cbnz w3, 1b
  ldr x4, [x0]
  SHOW x4
  SHOW x5

  CASE exclusive_pairs
  adr x0, cell
  ldr x1, =0x1111111122222222
  ldr x2, =0x3333333344444444
  stp x1, x2, [x0]
  ldxp w3, w4, [x0]
  stxp w5, w4, w3, [x0]
  ldxp x6, x7, [x0]
  stxp w8, x7, x6, [x0]
  ldp x9, x10, [x0]
  SHOW x3
  SHOW x4
  SHOW x5
  SHOW x6
  SHOW x7
  SHOW x8
  SHOW x9
  SHOW x10
  ldaxp x6, x7, [x0]
  stlxp w8, xzr, x6, [x0]
  ldaxp w3, w4, [x28]
  stlxp w5, w3, wzr, [x28]
  ldp x9, x10, [x0]
  SHOW x8
  SHOW x5
  SHOW x9
  SHOW x10
  ldxp x6, x7, [x0]
  clrex
  stxp w8, x1, x2, [x0]
  ldxp w3, w4, [x0]
  stxp w5, w1, w2, [x28]
  ldp x9, x10, [x0]
  SHOW x8
  SHOW x5
  SHOW x9
  SHOW x10

  /* CONSTRAINED UNPREDICTABLE: LDXP into one register twice keeps, in
     qemu, the value from the higher address. Rs and Rt2 of LDAR/STLR should
     be ones; qemu ignores them (gas refuses them: encoded by hand). */
  CASE exclusive_unpredictable
  adr x7, cell
  ldr x1, =0x8877665544332211
  ldr x2, =0x1122334455667788
  stp x1, x2, [x7]
  .inst 0xc87f04e1           /* ldxp x1, x1, [x7] */
  SHOW x1
  .inst 0x887f04e1           /* ldxp w1, w1, [x7] */
  SHOW x1
  .inst 0x08c0c8fd           /* ldarb w29, [x7] with Rs = 0, Rt2 = 18 */
  SHOW x29
  mov x29, #0x42
  .inst 0x0880c8fd           /* stlrb w29, [x7] with Rs = 0, Rt2 = 18 */
  ldr x3, [x7]
  SHOW x3
  clrex

  CASE ldar_stlr
  adr x0, cell
  ldr x1, =0x8182838485868788
  stlr x1, [x0]
  ldarb w2, [x0]
  ldarh w3, [x0]
  ldar w4, [x0]
  ldar x5, [x0]
  SHOW x2
  SHOW x3
  SHOW x4
  SHOW x5
  stlrb wzr, [x0]
  stlrh wzr, [x22]
  stlr wzr, [x24]
  ldar x5, [x0]
  SHOW x5
  str x1, [x0]
  ldaprb w2, [x0]
  ldaprh w3, [x0]
  ldapr w4, [x0]
  ldapr x5, [x0]
  SHOW x2
  SHOW x3
  SHOW x4
  SHOW x5

  CASE ldadd
  adr x0, cell
  ldr x1, =0x00000000fffffffe
  str x1, [x0]
  mov x2, #3
  ldadd x2, x3, [x0]
  ldr x4, [x0]
  SHOW x3
  SHOW x4
  ldadd w2, w3, [x0]         /* 32-bit wraps: carry does not reach bit 32 */
  ldr x4, [x0]
  SHOW x3
  SHOW x4
  ldaddh w2, w3, [x0]
  ldaddb w2, w3, [x21]
  ldr x4, [x0]
  SHOW x3
  SHOW x4
  ldadda x2, x3, [x0]
  ldaddl w2, w3, [x0]
  ldaddal x2, x3, [x0]
  ldaddalb w2, w3, [x0]
  ldaddah w2, w3, [x0]
  ldaddlh w2, w3, [x0]
  stadd x2, [x0]
  staddlb w2, [x0]
  ldr x4, [x0]
  SHOW x3
  SHOW x4

  CASE ldclr_ldeor_ldset
  adr x0, cell
  ldr x1, =0xff00ff00f0f0f0f0
  str x1, [x0]
  ldr x2, =0x0ff00ff00ff00ff0
  ldclr x2, x3, [x0]
  ldr x4, [x0]
  SHOW x3
  SHOW x4
  ldeor x2, x3, [x0]
  ldr x4, [x0]
  SHOW x3
  SHOW x4
  ldset w1, w3, [x0]
  ldr x4, [x0]
  SHOW x3
  SHOW x4
  ldclrb w1, w3, [x27]
  ldeorh w2, w5, [x22]
  ldsetal x2, x6, [x0]
  stclr x1, [x0]
  steorl w2, [x24]
  stsetb w1, [x0]
  ldr x4, [x0]
  SHOW x3
  SHOW x5
  SHOW x6
  SHOW x4

  CASE min_max
  adr x0, cell
  ldr x1, =0x80000000000000ff
  str x1, [x0]
  mov x2, #1
  ldsmax x2, x3, [x0]        /* old is negative: 1 is larger */
  ldr x4, [x0]
  SHOW x3
  SHOW x4
  str x1, [x0]
  ldumax x2, x3, [x0]
  ldr x4, [x0]
  SHOW x4
  ldsmin x2, x3, [x0]
  ldr x4, [x0]
  SHOW x4
  ldumin x1, x3, [x0]
  ldr x4, [x0]
  SHOW x4
  str x1, [x0]
  ldsmaxb w2, w3, [x0]       /* 0xff is -1 as a byte */
  ldsminb w2, w5, [x21]   /* 0x00 */
  ldumaxh w1, w6, [x22]
  ldr x4, [x0]
  SHOW x3
  SHOW x5
  SHOW x6
  SHOW x4
  mov x7, #-2
  ldsmin w7, w3, [x24]    /* 0x80000000 is the most negative */
  ldsmax w7, w5, [x0]
  lduminal w7, w6, [x0]
  ldr x4, [x0]
  SHOW x3
  SHOW x5
  SHOW x6
  SHOW x4
  stsmax x2, [x0]
  stumin x2, [x0]
  stsminl w7, [x0]
  stumaxh w7, [x26]
  ldr x4, [x0]
  SHOW x4

  CASE swp
  adr x0, cell
  ldr x1, =0x0123456789abcdef
  str x1, [x0]
  mov x2, #-1
  swp x2, x3, [x0]
  ldr x4, [x0]
  SHOW x3
  SHOW x4
  swpb wzr, w3, [x0]
  swph w1, w5, [x22]
  swpal w1, w6, [x24]
  swpl x1, x7, [x0]
  swpa x1, xzr, [x0]
  ldr x4, [x0]
  SHOW x3
  SHOW x5
  SHOW x6
  SHOW x7
  SHOW x4

  CASE cas
  adr x0, cell
  ldr x1, =0x1122334455667788
  str x1, [x0]
  mov x2, x1
  mov x3, #42
  cas x2, x3, [x0]           /* succeeds: x2 keeps the old value */
  ldr x4, [x0]
  SHOW x2
  SHOW x4
  mov x2, #41
  mov x3, #43
  casal x2, x3, [x0]         /* fails: x2 gets the memory value */
  ldr x4, [x0]
  SHOW x2
  SHOW x4
  str x1, [x0]
  ldr x2, =0xffffffff55667788 /* only the low 32 bits are compared */
  mov x3, #-1
  casa w2, w3, [x0]
  ldr x4, [x0]
  SHOW x2
  SHOW x4
  mov x2, #0x88
  casb w2, wzr, [x21]     /* fails: the byte is 0xff */
  mov x5, #0xff
  caslb w5, wzr, [x21]
  mov x6, #0x1122
  casah w6, w2, [x26]
  ldr x4, [x0]
  SHOW x2
  SHOW x5
  SHOW x6
  SHOW x4
  cas xzr, x1, [x0]          /* compares with zero: fails */
  ldr x4, [x0]
  SHOW x4

  CASE casp
  adr x0, cell
  ldr x1, =0x1111111111111111
  ldr x2, =0x2222222222222222
  stp x1, x2, [x0]
  mov x4, x1
  mov x5, x2
  mov x6, #6
  mov x7, #7
  casp x4, x5, x6, x7, [x0]  /* succeeds */
  ldp x8, x9, [x0]
  SHOW x4
  SHOW x5
  SHOW x8
  SHOW x9
  caspal x4, x5, x6, x7, [x0] /* fails: memory now holds 6, 7 */
  ldp x8, x9, [x0]
  SHOW x4
  SHOW x5
  SHOW x8
  SHOW x9
  stp x1, x2, [x0]
  ldr x10, =0x11111111
  ldr x11, =0x11111111
  mov x12, #-1
  mov x13, #0
  caspa w10, w11, w12, w13, [x0]   /* compares the 8 bytes at [x0] */
  ldp x8, x9, [x0]
  SHOW x10
  SHOW x11
  SHOW x8
  caspl w10, w11, w12, w13, [x28] /* fails */
  SHOW x10
  SHOW x11

  CASE sp_base
  mov x9, sp
  sub sp, sp, #16
  mov x1, #10
  str x1, [sp]
  mov x2, #5
  ldadd x2, x3, [sp]
  ldxr x4, [sp]
  stxr w5, x2, [sp]
  ldar x6, [sp]
  mov x7, #5
  cas x7, x1, [sp]
  ldr x8, [sp]
  add sp, sp, #16
  SHOW x3
  SHOW x4
  SHOW x5
  SHOW x6
  SHOW x7
  SHOW x8
  DONE

  .data
  .balign 16
cell: .skip 32
