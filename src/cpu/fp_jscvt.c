/* FJCVTZS (FEAT_JSCVT, "jscvt"): the JavaScript ToInt32 conversion of a
   double, in one instruction. fp.c decodes it (sf = 0, ftype = 01,
   rmode = 11, opcode = 110 of "conversion between floating-point and
   integer"); the semantics are fp64_to_js_int() in sem_fp.c. */
#include "cpu/insn.h"
#include "cpu/sem_fp.h"

/* Wd = FPToFixedJS(Dn), zero-extended; NZCV = 0:Z:0:0, Z set when the
   conversion was exact. */
OP_HANDLER(fjcvtzs) {
  bool z;
  u32 result = fp64_to_js_int(cpu, cpu->v[in->rn].d[0], &z);
  cpu->x[in->rd] = result;
  cpu->nf = 0;
  cpu->zf = z;
  cpu->cf = 0;
  cpu->vf = 0;
  return NEXT;
}
