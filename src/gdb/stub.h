#ifndef ELFRUN_GDB_STUB_H_
#define ELFRUN_GDB_STUB_H_

#include "gdb/rsp.h"
#include "gdb/stop.h"

/* What the command loop needs between packets. */
struct stub {
  struct rsp rsp;
  struct stop_event last; /* the stop gdb was last told of */
  int g_tid;              /* Hg: thread for register access (0: the stopped one) */
  int c_tid;              /* Hc: thread for c/s (0 or -1: any) */
  bool swbreak, hwbreak;  /* the client understands these stop reasons */
  char in[RSP_MAX_PACKET + 1];
  char out[2 * RSP_MAX_PACKET + 64];
};

enum stub_result { STUB_STAY, STUB_RESUMED, STUB_GONE };

void stub_send_stop(struct stub *s, const struct stop_event *ev);
enum stub_result stub_handle(struct stub *s, char *pkt, int len);

#endif
