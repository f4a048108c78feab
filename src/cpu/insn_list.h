/* The one list of operations the engine implements:
     INSN(name, family, feature, flow)
   name    -> enum OP_name and handler op_name() in src/cpu/<family>.c
   family  -> the Arm ARM decode group (and the file) it belongs to
   feature -> the FEAT_ row of features.h it needs; AT_HWCAP is derived
              from the features named here.
   flow    -> SEQ: always continues with the next instruction;
              SIDE: a conditional branch: leaves the block when taken,
              else continues with the next instruction, so the block
              builder goes on past it (up to a limit, block.c);
              END: may leave the block (branches, SVC, exceptions, or a
              change to state that is part of the block key), so the
              block builder stops after it.
   Each family keeps its rows in its own file below so they stay next to
   the decoder that produces them. No include guard: included repeatedly. */
#include "cpu/list_system.h"
#include "cpu/list_branch.h"
#include "cpu/list_dp_imm.h"
#include "cpu/list_dp_reg.h"
#include "cpu/list_ldst.h"
#include "cpu/list_atomic.h"
#include "cpu/list_fp.h"
#include "cpu/list_simd.h"
#include "cpu/list_crypto.h"
#include "cpu/list_fp16.h"
