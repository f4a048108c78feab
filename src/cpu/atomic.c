/* Exclusive, ordered and atomic memory accesses (Arm ARM C4.1.88:
   "Load/store exclusive register", "... exclusive pair", "Load/store
   ordered", "Compare and swap", "Compare and swap pair", "Atomic memory
   operations"; the memory model in B2.3, the exclusive monitors in B2.9).

   The exclusive monitor. A hardware monitor notices any write to the
   reserved granule; elfrun cannot see other threads' plain stores, so it
   remembers the value instead. LDXR records address, size and value
   (cpu->excl_*); STXR succeeds only if the monitor holds that address and
   size and a host compare-and-swap from the recorded value succeeds. Every
   STXR clears the monitor, as do CLREX, SVC, signal delivery and sigreturn.
   The ABA window: if other threads change the value and then restore it
   between the LDXR and the STXR, the STXR succeeds where hardware would
   fail. The LL/SC loops compilers emit (read-modify-write, compare and
   swap) cannot tell, because their result depends only on the value; only
   code that uses the pair to detect an intervening store of the same value
   could. qemu has the same window.

   Memory orders. x86-TSO already gives plain loads acquire and plain
   stores release semantics. Arm's load-acquire and store-release are
   moreover sequentially consistent with each other (RCsc: STLR then LDAR
   must not be reordered), which on x86 needs a locked instruction; the
   store side pays for it: STLR and STLXR are seq_cst (XCHG, LOCK CMPXCHG),
   while a seq_cst load is still a plain MOV. LDAPR (RCpc) is a plain
   acquire. Every x86 read-modify-write is a LOCKed instruction and a full
   barrier, so the LSE operations and CAS use seq_cst whatever their A and
   R bits say: the host instruction is the same for every variant. */
#include "cpu/atomic.h"

#include "cpu/mem_access.h"

/* Single-copy atomic accesses of 1 << log2 bytes at an aligned host
   pointer, zero-extended. `order` is a constant once inlined. */

static inline u64 load_sized(const u8 *p, u32 log2, int order) {
  switch (log2) {
    case 0: return __atomic_load_n(p, order);
    case 1: return __atomic_load_n((const u16 *)p, order);
    case 2: return __atomic_load_n((const u32 *)p, order);
    default: return __atomic_load_n((const u64 *)p, order);
  }
}

static inline void store_sized(u8 *p, u32 log2, u64 v, int order) {
  switch (log2) {
    case 0: __atomic_store_n(p, (u8)v, order); break;
    case 1: __atomic_store_n((u16 *)p, (u16)v, order); break;
    case 2: __atomic_store_n((u32 *)p, (u32)v, order); break;
    default: __atomic_store_n((u64 *)p, v, order); break;
  }
}

/* Compare-and-swap; returns the old value, so the swap took place iff it
   equals `expected` truncated to the access size. */
#define DEFINE_CAS(T)                                                         \
  static inline u64 cas_##T(u8 *p, T expected, T desired, int order) {        \
    __atomic_compare_exchange_n((T *)p, &expected, desired, false, order,     \
                                __ATOMIC_RELAXED);                            \
    return expected;                                                          \
  }
DEFINE_CAS(u8)
DEFINE_CAS(u16)
DEFINE_CAS(u32)
DEFINE_CAS(u64)
#undef DEFINE_CAS

static inline u64 cas_sized(u8 *p, u32 log2, u64 expected, u64 desired, int order) {
  switch (log2) {
    case 0: return cas_u8(p, (u8)expected, (u8)desired, order);
    case 1: return cas_u16(p, (u16)expected, (u16)desired, order);
    case 2: return cas_u32(p, (u32)expected, (u32)desired, order);
    default: return cas_u64(p, expected, desired, order);
  }
}

/* The 16-byte compare-and-swap of STXP and CASP. x86-64 has only LOCK
   CMPXCHG16B for it, and GCC would route a 16-byte __atomic to libatomic,
   so it is spelled out. Compares RDX:RAX with the memory and stores RCX:RBX
   if equal, else loads the memory into RDX:RAX: either way RDX:RAX ends as
   the old value. p must be 16-byte aligned. */
static u128 cas128(u8 *p, u128 expected, u128 desired) {
  u64 lo = (u64)expected, hi = (u64)(expected >> 64);
  __asm__ volatile("lock cmpxchg16b %0"
                   : "+m"(*(u128 *)p), "+a"(lo), "+d"(hi)
                   : "b"((u64)desired), "c"((u64)(desired >> 64))
                   : "memory", "cc");
  return (u128)hi << 64 | lo;
}

/* The exclusive monitor (see the top of the file). Addresses are kept
   without their tag byte: the monitor watches memory, not pointers. */

static void monitor_set(struct cpu *cpu, const u8 *p, u32 bytes, u64 lo, u64 hi) {
  cpu->excl_addr = h2g(p);
  cpu->excl_size = bytes;
  cpu->excl_val[0] = lo;
  cpu->excl_val[1] = hi;
}

/* Does the monitor hold [va, va + bytes)? Clears it either way. */
static bool monitor_take(struct cpu *cpu, u64 va, u32 bytes) {
  bool held = cpu->excl_addr == (va & TBI_MASK) && cpu->excl_size == bytes;
  cpu->excl_addr = ~0ull;
  return held;
}

/* LDXR, LDAXR: a = log2 of the size, rd = Rt. */
static inline const struct insn *load_exclusive(struct cpu *cpu, const struct insn *in,
                                                int order) {
  u32 bytes = 1u << in->a;
  const u8 *p = guest_aligned_ptr(cpu, cpu->x[in->rn], bytes);
  u64 v = load_sized(p, in->a, order);
  monitor_set(cpu, p, bytes, v, 0);
  cpu->x[in->rd] = v;
  return NEXT;
}

OP_HANDLER(ldxr) { return load_exclusive(cpu, in, __ATOMIC_RELAXED); }
OP_HANDLER(ldaxr) { return load_exclusive(cpu, in, __ATOMIC_SEQ_CST); }

/* STXR, STLXR: a = log2 of the size, rd = Rt, rm = Ws (status: 0 if the
   store happened). The alignment check comes before the monitor's, the
   address check only if the monitor holds (AArch64.ExclusiveMonitorsPass),
   and the status is written after every access. */
static inline const struct insn *store_exclusive(struct cpu *cpu, const struct insn *in,
                                                 int order) {
  u32 bytes = 1u << in->a;
  u64 va = cpu->x[in->rn], value = cpu->x[in->rd];
  guest_check_aligned(cpu, va, bytes);
  bool ok = monitor_take(cpu, va, bytes) &&
            cas_sized(guest_data_ptr(cpu, va, bytes), in->a, cpu->excl_val[0], value,
                      order) == cpu->excl_val[0];
  cpu->x[in->rm] = !ok;
  return NEXT;
}

OP_HANDLER(stxr) { return store_exclusive(cpu, in, __ATOMIC_RELAXED); }
OP_HANDLER(stlxr) { return store_exclusive(cpu, in, __ATOMIC_SEQ_CST); }

/* LDXP, LDAXP: a = log2 of each register's size (2 or 3), rd = Rt, ra =
   Rt2. The pair is one aligned access of twice that size. A pair of X
   registers is read as two 8-byte loads: the architecture makes the 16
   bytes single-copy atomic only when a following STXP succeeds, and
   STXP's CMPXCHG16B compares all 16 bytes with what was read. */
static inline const struct insn *load_exclusive_pair(struct cpu *cpu,
                                                     const struct insn *in, int order) {
  u32 bytes = 2u << in->a;
  const u8 *p = guest_aligned_ptr(cpu, cpu->x[in->rn], bytes);
  u64 first, second;
  if (in->a == 2) {
    u64 v = load_sized(p, 3, order);
    first = (u32)v;
    second = v >> 32;
    monitor_set(cpu, p, bytes, v, 0);
  } else {
    first = load_sized(p, 3, order);
    second = load_sized(p + 8, 3, order);
    monitor_set(cpu, p, bytes, first, second);
  }
  cpu->x[in->rd] = first;
  cpu->x[in->ra] = second;
  return NEXT;
}

OP_HANDLER(ldxp) { return load_exclusive_pair(cpu, in, __ATOMIC_RELAXED); }
OP_HANDLER(ldaxp) { return load_exclusive_pair(cpu, in, __ATOMIC_SEQ_CST); }

/* STXP, STLXP: a = log2 of each register's size, rd = Rt, ra = Rt2, rm =
   Ws. Rt goes to the lower address. */
static inline const struct insn *store_exclusive_pair(struct cpu *cpu,
                                                      const struct insn *in, int order) {
  u32 bytes = 2u << in->a;
  u64 va = cpu->x[in->rn], first = cpu->x[in->rd], second = cpu->x[in->ra];
  guest_check_aligned(cpu, va, bytes);
  bool ok = false;
  if (monitor_take(cpu, va, bytes)) {
    u8 *p = guest_data_ptr(cpu, va, bytes);
    if (in->a == 2) {
      u64 expected = cpu->excl_val[0];
      ok = cas_u64(p, expected, (u32)first | second << 32, order) == expected;
    } else {
      u128 expected = (u128)cpu->excl_val[1] << 64 | cpu->excl_val[0];
      ok = cas128(p, expected, (u128)second << 64 | first) == expected;
    }
  }
  cpu->x[in->rm] = !ok;
  return NEXT;
}

OP_HANDLER(stxp) { return store_exclusive_pair(cpu, in, __ATOMIC_RELAXED); }
OP_HANDLER(stlxp) { return store_exclusive_pair(cpu, in, __ATOMIC_SEQ_CST); }

/* LDAR, LDAPR, STLR: a = log2 of the size, rd = Rt. Without FEAT_LSE2
   they must be aligned. */
OP_HANDLER(ldar) {
  const u8 *p = guest_aligned_ptr(cpu, cpu->x[in->rn], 1u << in->a);
  cpu->x[in->rd] = load_sized(p, in->a, __ATOMIC_SEQ_CST);
  return NEXT;
}

OP_HANDLER(ldapr) {
  const u8 *p = guest_aligned_ptr(cpu, cpu->x[in->rn], 1u << in->a);
  cpu->x[in->rd] = load_sized(p, in->a, __ATOMIC_ACQUIRE);
  return NEXT;
}

OP_HANDLER(stlr) {
  u64 value = cpu->x[in->rd];
  store_sized(guest_aligned_ptr(cpu, cpu->x[in->rn], 1u << in->a), in->a, value,
              __ATOMIC_SEQ_CST);
  return NEXT;
}

/* CAS, CASA, CASL, CASAL: a = log2 of the size, rd = Rt (the new value),
   rm = Rs (the compare value), ra = Rs as a destination (the old value). */
OP_HANDLER(cas) {
  u64 expected = cpu->x[in->rm], desired = cpu->x[in->rd];
  u8 *p = guest_aligned_ptr(cpu, cpu->x[in->rn], 1u << in->a);
  cpu->x[in->ra] = cas_sized(p, in->a, expected, desired, __ATOMIC_SEQ_CST);
  return NEXT;
}

/* CASP and variants: rd = Rt, a = Rt+1, rm = Rs, b = Rs+1 as sources, ra =
   Rs+1 as a destination (Rs is even, so never 31, but Rs+1 may be XZR).
   Rs and Rt go to the lower address. */
OP_HANDLER(casp_w) {
  u64 expected = (u32)cpu->x[in->rm] | cpu->x[in->b] << 32;
  u64 desired = (u32)cpu->x[in->rd] | cpu->x[in->a] << 32;
  u8 *p = guest_aligned_ptr(cpu, cpu->x[in->rn], 8);
  u64 old = cas_u64(p, expected, desired, __ATOMIC_SEQ_CST);
  cpu->x[in->rm] = (u32)old;
  cpu->x[in->ra] = old >> 32;
  return NEXT;
}

OP_HANDLER(casp_x) {
  u128 expected = (u128)cpu->x[in->b] << 64 | cpu->x[in->rm];
  u128 desired = (u128)cpu->x[in->a] << 64 | cpu->x[in->rd];
  u128 old = cas128(guest_aligned_ptr(cpu, cpu->x[in->rn], 16), expected, desired);
  cpu->x[in->rm] = (u64)old;
  cpu->x[in->ra] = (u64)(old >> 64);
  return NEXT;
}

/* LD<op> and SWP: a = log2 of the size, rm = Rs (the operand), rd = Rt
   (receives the old value; XZR for the ST<op> aliases). */
enum rmw_op { RMW_ADD, RMW_CLR, RMW_EOR, RMW_SET, RMW_SMAX, RMW_SMIN, RMW_UMAX, RMW_UMIN, RMW_SWP };

/* The value a min/max stores: the signed or unsigned comparison of Arm
   ARM MemAtomic() at the access width (old and operand zero-extended). */
static inline u64 minmax(enum rmw_op op, u64 old, u64 operand, u32 width) {
  i64 sold = sext(old, width), soperand = sext(operand, width);
  switch (op) {
    case RMW_SMAX: return sold > soperand ? old : operand;
    case RMW_SMIN: return sold < soperand ? old : operand;
    case RMW_UMAX: return old > operand ? old : operand;
    default: return old < operand ? old : operand;
  }
}

/* One size of every operation; x86 has no fetch-and-min, so min and max
   are compare-and-swap loops. */
#define DEFINE_RMW(T)                                                          \
  static inline u64 rmw_##T(u8 *p, enum rmw_op op, T operand) {                \
    T *m = (T *)p;                                                             \
    switch (op) {                                                              \
      case RMW_ADD: return __atomic_fetch_add(m, operand, __ATOMIC_SEQ_CST);   \
      case RMW_CLR: return __atomic_fetch_and(m, (T)~operand, __ATOMIC_SEQ_CST); \
      case RMW_EOR: return __atomic_fetch_xor(m, operand, __ATOMIC_SEQ_CST);   \
      case RMW_SET: return __atomic_fetch_or(m, operand, __ATOMIC_SEQ_CST);    \
      case RMW_SWP: return __atomic_exchange_n(m, operand, __ATOMIC_SEQ_CST);  \
      default: break;                                                          \
    }                                                                          \
    T old = __atomic_load_n(m, __ATOMIC_RELAXED);                              \
    while (!__atomic_compare_exchange_n(m, &old,                               \
                                        (T)minmax(op, old, operand, 8 * sizeof(T)), \
                                        false, __ATOMIC_SEQ_CST, __ATOMIC_RELAXED)) \
      continue;                                                                \
    return old;                                                                \
  }
DEFINE_RMW(u8)
DEFINE_RMW(u16)
DEFINE_RMW(u32)
DEFINE_RMW(u64)
#undef DEFINE_RMW

static inline const struct insn *atomic_rmw(struct cpu *cpu, const struct insn *in,
                                            enum rmw_op op) {
  u64 operand = cpu->x[in->rm], old;
  u8 *p = guest_aligned_ptr(cpu, cpu->x[in->rn], 1u << in->a);
  switch (in->a) {
    case 0: old = rmw_u8(p, op, (u8)operand); break;
    case 1: old = rmw_u16(p, op, (u16)operand); break;
    case 2: old = rmw_u32(p, op, (u32)operand); break;
    default: old = rmw_u64(p, op, operand); break;
  }
  cpu->x[in->rd] = old;
  return NEXT;
}

OP_HANDLER(ldadd) { return atomic_rmw(cpu, in, RMW_ADD); }
OP_HANDLER(ldclr) { return atomic_rmw(cpu, in, RMW_CLR); }
OP_HANDLER(ldeor) { return atomic_rmw(cpu, in, RMW_EOR); }
OP_HANDLER(ldset) { return atomic_rmw(cpu, in, RMW_SET); }
OP_HANDLER(ldsmax) { return atomic_rmw(cpu, in, RMW_SMAX); }
OP_HANDLER(ldsmin) { return atomic_rmw(cpu, in, RMW_SMIN); }
OP_HANDLER(ldumax) { return atomic_rmw(cpu, in, RMW_UMAX); }
OP_HANDLER(ldumin) { return atomic_rmw(cpu, in, RMW_UMIN); }
OP_HANDLER(swp) { return atomic_rmw(cpu, in, RMW_SWP); }

/* Decoding. */

/* Load/store exclusive register (o2:o1 = 00): L, o0 = acquire/release. */
static bool decode_exclusive_reg(u32 w, struct insn *out) {
  bool ordered = bit(w, 15);
  if (bit(w, 22)) {
    out->op = ordered ? OP_ldaxr : OP_ldxr;
    out->rd = reg_dst(bits(w, 4, 0));
  } else {
    out->op = ordered ? OP_stlxr : OP_stxr;
    out->rd = reg_src(bits(w, 4, 0));
    out->rm = reg_dst(bits(w, 20, 16));
  }
  return true;
}

/* Load/store exclusive pair (o2:o1 = 01, size = 1x). */
static bool decode_exclusive_pair(u32 w, struct insn *out) {
  bool ordered = bit(w, 15);
  if (bit(w, 22)) {
    out->op = ordered ? OP_ldaxp : OP_ldxp;
    out->rd = reg_dst(bits(w, 4, 0));
    out->ra = reg_dst(bits(w, 14, 10));
  } else {
    out->op = ordered ? OP_stlxp : OP_stxp;
    out->rd = reg_src(bits(w, 4, 0));
    out->ra = reg_src(bits(w, 14, 10));
    out->rm = reg_dst(bits(w, 20, 16));
  }
  return true;
}

/* Compare and swap pair (o2:o1 = 01, size = 0x). An odd Rs or Rt is
   CONSTRAINED UNPREDICTABLE; like qemu, elfrun makes it undefined. */
static bool decode_casp(u32 w, struct insn *out) {
  u32 rs = bits(w, 20, 16), rt = bits(w, 4, 0);
  if (bits(w, 14, 10) != 31 || (rs & 1) || (rt & 1)) return false;
  out->op = bit(w, 30) ? OP_casp_x : OP_casp_w;
  out->rd = (u8)rt;
  out->a = reg_src(rt + 1);
  out->rm = (u8)rs;
  out->b = reg_src(rs + 1);
  out->ra = reg_dst(rs + 1);
  return true;
}

/* Load/store ordered (o2:o1 = 10): LDAR, STLR. o0 = 0 is LDLAR/STLLR,
   which need FEAT_LOR, not advertised. */
static bool decode_ordered(u32 w, struct insn *out) {
  if (!bit(w, 15)) return false;
  out->op = bit(w, 22) ? OP_ldar : OP_stlr;
  out->rd = bit(w, 22) ? reg_dst(bits(w, 4, 0)) : reg_src(bits(w, 4, 0));
  return true;
}

/* Compare and swap (o2:o1 = 11). */
static bool decode_cas(u32 w, struct insn *out) {
  if (bits(w, 14, 10) != 31) return false;
  out->op = OP_cas;
  out->rd = reg_src(bits(w, 4, 0));
  out->rm = reg_src(bits(w, 20, 16));
  out->ra = reg_dst(bits(w, 20, 16));
  return true;
}

bool decode_ldst_exclusive(u32 w, struct insn *out) {
  u32 size = bits(w, 31, 30);
  out->rn = reg_or_sp(bits(w, 9, 5));
  out->a = size;
  switch (bit(w, 23) << 1 | bit(w, 21)) { /* o2:o1 */
    case 0: return decode_exclusive_reg(w, out);
    case 1: return size >= 2 ? decode_exclusive_pair(w, out) : decode_casp(w, out);
    case 2: return decode_ordered(w, out);
    default: return decode_cas(w, out);
  }
}

bool decode_ldst_atomic(u32 w, struct insn *out) {
  static const u16 kOps[8] = {OP_ldadd,  OP_ldclr,  OP_ldeor,  OP_ldset,
                              OP_ldsmax, OP_ldsmin, OP_ldumax, OP_ldumin};
  u32 opc = bits(w, 14, 12), rs = bits(w, 20, 16);
  out->a = bits(w, 31, 30);
  out->rn = reg_or_sp(bits(w, 9, 5));
  out->rd = reg_dst(bits(w, 4, 0));
  out->rm = reg_src(rs);
  if (!bit(w, 15)) {
    out->op = kOps[opc];
    return true;
  }
  if (opc == 0) {
    out->op = OP_swp;
    return true;
  }
  /* LDAPR: A = 1, R = 0, Rs = 31. The other o3 = 1 encodings are LD64B
     and friends (FEAT_LS64), not advertised. */
  if (opc == 4 && bit(w, 23) && !bit(w, 22) && rs == 31) {
    out->op = OP_ldapr;
    return true;
  }
  return false;
}
