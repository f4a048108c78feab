#ifndef ELFRUN_GDB_RSP_H_
#define ELFRUN_GDB_RSP_H_

#include <pthread.h>

#include "base/types.h"

/* The packet layer of the GDB remote serial protocol over one socket. */
struct rsp {
  int fd;                 /* the connected client, or -1 once it is gone */
  bool no_ack;            /* QStartNoAckMode accepted: no '+'/'-' any more */
  u8 in[4096];            /* bytes read but not yet consumed */
  size_t in_len, in_pos;
  pthread_mutex_t write_lock; /* guest threads send W/X themselves */
};

#define RSP_MAX_PACKET 0x4000 /* what qSupported advertises as PacketSize */
#define RSP_EOF (-1)          /* the client closed the connection */
#define RSP_INTERRUPT (-2)    /* a lone 0x03 byte: Ctrl-C */

void rsp_init(struct rsp *r, int fd);
int rsp_read_packet(struct rsp *r, char *buf, size_t cap);
bool rsp_input_ready(struct rsp *r, int timeout_ms);
void rsp_send(struct rsp *r, const char *payload, size_t len);
void rsp_send_str(struct rsp *r, const char *payload);
void rsp_send_final(struct rsp *r, const char *payload);
size_t rsp_hex_encode(char *dst, const void *src, size_t n);
bool rsp_hex_decode(void *dst, const char *src, size_t n);
int rsp_hex_digit(int c);

#endif
