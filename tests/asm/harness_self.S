/* Smoke test of the harness itself (and of MOVZ/MOVK). */
.include "harness.inc"
  CASE movz
  movz x0, #0x1234, lsl #16
  SHOW x0
  cmp x0, #0
  FLAGS
  CASE movk
  movk x0, #0xbeef
  SHOW x0
  SHOWV 0
  DONE
