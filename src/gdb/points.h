#ifndef ELFRUN_GDB_POINTS_H_
#define ELFRUN_GDB_POINTS_H_

#include "base/types.h"

/* The kinds of Z/z packets, numbered as the protocol numbers them. */
enum point_kind {
  POINT_SW_BREAK = 0,
  POINT_HW_BREAK = 1,
  POINT_WRITE_WATCH = 2,
  POINT_READ_WATCH = 3,
  POINT_ACCESS_WATCH = 4,
};

int points_insert(enum point_kind kind, gaddr addr, u64 len);
int points_remove(enum point_kind kind, gaddr addr, u64 len);
bool points_breakpoint_at(u64 pc);
bool points_hw_breakpoint_at(u64 pc);
bool points_changed(void);
void points_remove_all(void);
void points_forget_after_fork(void);
bool points_watch_hit(gaddr addr, bool write, bool *watched_page, gaddr *hit,
                      enum point_kind *kind);
void points_unprotect_page(gaddr addr);
void points_protect_all(void);
int points_debugger_copy(void *dst, gaddr src, size_t n, bool to_guest);

#endif
