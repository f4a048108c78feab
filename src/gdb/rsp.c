/* Packet framing of the GDB remote serial protocol ("Overview" and
   "Packets" in gdb's manual, appendix E): `$payload#cs`, where cs is the
   modulo-256 sum of the payload bytes in two hex digits. Each packet is
   acknowledged with '+' (or '-' to ask for a resend) until the client
   accepts QStartNoAckMode. Inside a payload, '#', '$', '}' and '*' are sent
   as '}' followed by the byte XOR 0x20 (binary data of X and qXfer). A lone
   0x03 between packets is the client's interrupt request (Ctrl-C). */
#include "gdb/rsp.h"

#include <errno.h>
#include <poll.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

void rsp_init(struct rsp *r, int fd) {
  memset(r, 0, sizeof *r);
  r->fd = fd;
  pthread_mutex_init(&r->write_lock, NULL);
}

int rsp_hex_digit(int c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

size_t rsp_hex_encode(char *dst, const void *src, size_t n) {
  static const char kHex[] = "0123456789abcdef";
  const u8 *s = src;
  for (size_t i = 0; i < n; i++) {
    dst[2 * i] = kHex[s[i] >> 4];
    dst[2 * i + 1] = kHex[s[i] & 15];
  }
  dst[2 * n] = 0;
  return 2 * n;
}

/* Decodes n bytes from 2n hex digits; false on a non-hex digit. */
bool rsp_hex_decode(void *dst, const char *src, size_t n) {
  u8 *d = dst;
  for (size_t i = 0; i < n; i++) {
    int hi = rsp_hex_digit(src[2 * i]), lo = hi < 0 ? -1 : rsp_hex_digit(src[2 * i + 1]);
    if (lo < 0) return false;
    d[i] = (u8)(hi << 4 | lo);
  }
  return true;
}

static void write_all(struct rsp *r, const void *buf, size_t n) {
  const char *p = buf;
  while (n > 0 && r->fd >= 0) {
    ssize_t w = send(r->fd, p, n, MSG_NOSIGNAL);
    if (w < 0 && errno == EINTR) continue;
    if (w <= 0) return; /* the client is gone; the next read says so */
    p += w;
    n -= (size_t)w;
  }
}

/* The next byte from the client, or -1 at end of file. */
static int next_byte(struct rsp *r) {
  if (r->in_pos == r->in_len) {
    if (r->fd < 0) return -1;
    ssize_t n;
    do n = read(r->fd, r->in, sizeof r->in);
    while (n < 0 && errno == EINTR);
    if (n <= 0) return -1;
    r->in_len = (size_t)n;
    r->in_pos = 0;
  }
  return r->in[r->in_pos++];
}

bool rsp_input_ready(struct rsp *r, int timeout_ms) {
  if (r->in_pos < r->in_len) return true;
  struct pollfd p = {.fd = r->fd, .events = POLLIN};
  return poll(&p, 1, timeout_ms) > 0;
}

/* Undoes the '}' escapes in place; returns the new length. */
static size_t unescape(char *buf, size_t n) {
  size_t o = 0;
  for (size_t i = 0; i < n; i++) buf[o++] = buf[i] == '}' && i + 1 < n ? buf[++i] ^ 0x20 : buf[i];
  return o;
}

/* Reads the rest of a packet after '$'. Returns its length, or -1 at EOF;
   *good says whether the checksum matched. */
static int read_body(struct rsp *r, char *buf, size_t cap, bool *good) {
  size_t n = 0;
  u8 sum = 0;
  int c;
  while ((c = next_byte(r)) != '#') {
    if (c < 0) return RSP_EOF;
    sum += (u8)c;
    if (n + 1 < cap) buf[n++] = (char)c;
  }
  int hi = next_byte(r), lo = next_byte(r);
  if (hi < 0 || lo < 0) return RSP_EOF;
  *good = rsp_hex_digit(hi) >= 0 && rsp_hex_digit(lo) >= 0 &&
          (rsp_hex_digit(hi) << 4 | rsp_hex_digit(lo)) == sum;
  return (int)n;
}

/* Reads one packet into buf as a NUL-terminated payload with escapes
   undone, acknowledging it. Returns its length, RSP_INTERRUPT or RSP_EOF. */
int rsp_read_packet(struct rsp *r, char *buf, size_t cap) {
  for (;;) {
    int c = next_byte(r);
    if (c < 0) return RSP_EOF;
    if (c == 0x03) return RSP_INTERRUPT;
    if (c != '$') continue; /* stray acks and noise between packets */
    bool good = false;
    int n = read_body(r, buf, cap, &good);
    if (n < 0) return RSP_EOF;
    if (!r->no_ack) {
      pthread_mutex_lock(&r->write_lock);
      write_all(r, good ? "+" : "-", 1);
      pthread_mutex_unlock(&r->write_lock);
    }
    if (!good) continue;
    n = (int)unescape(buf, (size_t)n);
    buf[n] = 0;
    return n;
  }
}

static bool needs_escape(char c) { return c == '#' || c == '$' || c == '}' || c == '*'; }

/* Frames payload into out (escaping it); returns the frame's length. */
static size_t frame(char *out, const char *payload, size_t len) {
  static const char kHex[] = "0123456789abcdef";
  size_t o = 0;
  u8 sum = 0;
  out[o++] = '$';
  for (size_t i = 0; i < len; i++) {
    char c = payload[i];
    if (needs_escape(c)) {
      out[o++] = '}';
      sum += '}';
      c ^= 0x20;
    }
    out[o++] = c;
    sum += (u8)c;
  }
  out[o++] = '#';
  out[o++] = kHex[sum >> 4];
  out[o++] = kHex[sum & 15];
  return o;
}

static char g_frame[2 * RSP_MAX_PACKET + 8];

/* Sends one packet; in ack mode, resends until the client says '+'. Only
   the server thread calls this (g_frame is its buffer). */
void rsp_send(struct rsp *r, const char *payload, size_t len) {
  if (len > RSP_MAX_PACKET) len = RSP_MAX_PACKET;
  size_t n = frame(g_frame, payload, len);
  for (int tries = 0; tries < 8; tries++) {
    pthread_mutex_lock(&r->write_lock);
    write_all(r, g_frame, n);
    pthread_mutex_unlock(&r->write_lock);
    if (r->no_ack) return;
    int c;
    while ((c = next_byte(r)) >= 0 && c != '+' && c != '-' && c != '$') {
    }
    if (c == '$') r->in_pos--; /* the next packet: taken as the ack */
    if (c != '-') return;
  }
}

void rsp_send_str(struct rsp *r, const char *payload) { rsp_send(r, payload, strlen(payload)); }

/* A last packet sent by a guest thread as the process ends (W or X): no
   wait for the acknowledgement, which nobody would read. */
void rsp_send_final(struct rsp *r, const char *payload) {
  char out[256];
  size_t len = strlen(payload);
  if (len > 100) len = 100;
  size_t n = frame(out, payload, len);
  pthread_mutex_lock(&r->write_lock);
  write_all(r, out, n);
  pthread_mutex_unlock(&r->write_lock);
}
