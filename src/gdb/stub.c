/* The commands of the GDB remote serial protocol that elfrun answers,
   while the process is stopped ("Packets", "General Query Packets" and
   "Stop Reply Packets" in gdb's manual, appendix E). An unknown packet gets
   the empty reply, which tells gdb it is unsupported. */
#include "gdb/stub.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "gdb/points.h"
#include "gdb/regs.h"
#include "gdb/server.h"
#include "gdb/signo.h"
#include "linux/process.h"
#include "mem/guest.h"

#define E_FAULT "E0e" /* EFAULT (14), what gdbserver answers for bad memory */

static void reply(struct stub *s, const char *text) { rsp_send_str(&s->rsp, text); }

static void reply_errno(struct stub *s, int err) {
  char e[8];
  snprintf(e, sizeof e, "E%02x", err & 0xff);
  reply(s, e);
}

static bool starts(const char *pkt, const char *prefix) {
  return !strncmp(pkt, prefix, strlen(prefix));
}

/* Parses hex up to a non-hex character; *end points past it. */
static u64 parse_hex(const char *p, const char **end) {
  u64 v = 0;
  int d;
  while ((d = rsp_hex_digit(*p)) >= 0) v = v << 4 | (u64)d, p++;
  if (end) *end = p;
  return v;
}

/* A thread id as gdb writes it without multiprocess: hex, 0 (any) or -1. */
static int parse_tid(const char *p) {
  if (p[0] == '-' && p[1] == '1') return -1;
  return (int)parse_hex(p, NULL);
}

/* ---- stop replies ---- */

static const char *watch_name(enum point_kind k) {
  return k == POINT_READ_WATCH ? "rwatch" : k == POINT_ACCESS_WATCH ? "awatch" : "watch";
}

void stub_send_stop(struct stub *s, const struct stop_event *ev) {
  char buf[128];
  int tid = ev->thread ? ev->thread->tid : getpid();
  int n = snprintf(buf, sizeof buf, "T%02xthread:%x;", gdb_signal_from_linux(ev->signo), tid);
  if (ev->kind == STOP_BREAK && ev->point == POINT_HW_BREAK && s->hwbreak)
    snprintf(buf + n, sizeof buf - n, "hwbreak:;");
  else if (ev->kind == STOP_BREAK && s->swbreak)
    snprintf(buf + n, sizeof buf - n, "swbreak:;");
  else if (ev->kind == STOP_WATCH)
    snprintf(buf + n, sizeof buf - n, "%s:%" PRIx64 ";", watch_name(ev->point), ev->addr);
  s->last = *ev;
  reply(s, buf);
}

/* ---- registers ---- */

/* The thread Hg selected, or the one that stopped. */
static struct thread *reg_thread(struct stub *s) {
  struct thread *t = s->g_tid > 0 ? stop_find_thread(s->g_tid) : NULL;
  return t ? t : s->last.thread ? s->last.thread : stop_main_thread();
}

static void cmd_read_registers(struct stub *s) {
  gdb_regs_hex(&reg_thread(s)->cpu, s->out);
  reply(s, s->out);
}

static void cmd_write_registers(struct stub *s, const char *hex) {
  reply(s, gdb_regs_from_hex(&reg_thread(s)->cpu, hex) ? "OK" : "E16");
}

static void cmd_read_register(struct stub *s, const char *args) {
  u8 buf[16];
  size_t n = gdb_reg_read(&reg_thread(s)->cpu, (int)parse_hex(args, NULL), buf);
  if (!n) return reply(s, "E16");
  rsp_hex_encode(s->out, buf, n);
  reply(s, s->out);
}

static void cmd_write_register(struct stub *s, const char *args) {
  const char *p;
  int regno = (int)parse_hex(args, &p);
  u32 size = gdb_reg_size(regno);
  u8 buf[16];
  if (!size || *p != '=' || strlen(p + 1) != 2 * size || !rsp_hex_decode(buf, p + 1, size))
    return reply(s, "E16");
  gdb_reg_write(&reg_thread(s)->cpu, regno, buf);
  reply(s, "OK");
}

/* ---- memory ---- */

/* "ADDR,LEN" then sep; false if malformed or too long for one packet. */
static bool parse_addr_len(const char *p, char sep, u64 *addr, u64 *len, const char **rest) {
  *addr = parse_hex(p, &p);
  if (*p++ != ',') return false;
  *len = parse_hex(p, &p);
  if (*p != sep) return false;
  *rest = sep ? p + 1 : p;
  return *len <= RSP_MAX_PACKET / 2;
}

static void cmd_read_memory(struct stub *s, const char *args) {
  u64 addr, len;
  const char *rest;
  static u8 buf[RSP_MAX_PACKET / 2];
  if (!parse_addr_len(args, 0, &addr, &len, &rest)) return reply(s, "E16");
  int n = points_debugger_copy(buf, addr, len, false);
  if (n <= 0 && len) return reply(s, E_FAULT);
  rsp_hex_encode(s->out, buf, (size_t)n);
  reply(s, s->out);
}

static void write_memory(struct stub *s, u64 addr, const void *data, u64 len) {
  if (len && points_debugger_copy((void *)data, addr, len, true) != (int)len)
    return reply(s, E_FAULT);
  reply(s, "OK");
}

static void cmd_write_memory_hex(struct stub *s, const char *args) {
  u64 addr, len;
  const char *hex;
  static u8 buf[RSP_MAX_PACKET / 2];
  if (!parse_addr_len(args, ':', &addr, &len, &hex) || strlen(hex) != 2 * len ||
      !rsp_hex_decode(buf, hex, len))
    return reply(s, "E16");
  write_memory(s, addr, buf, len);
}

static void cmd_write_memory_binary(struct stub *s, const char *args, int pkt_len, const char *pkt) {
  u64 addr, len;
  const char *data;
  if (!parse_addr_len(args, ':', &addr, &len, &data) || (u64)(pkt + pkt_len - data) != len)
    return reply(s, "E16");
  write_memory(s, addr, data, len);
}

/* ---- breakpoints and watchpoints ---- */

static void cmd_point(struct stub *s, const char *pkt) {
  const char *p = pkt + 1;
  int kind = (int)parse_hex(p, &p);
  if (*p++ != ',') return reply(s, "E16");
  u64 addr = parse_hex(p, &p);
  if (*p++ != ',') return reply(s, "E16");
  u64 len = parse_hex(p, NULL);
  int r = pkt[0] == 'Z' ? points_insert(kind, addr, len) : points_remove(kind, addr, len);
  if (r == -ENOSYS) return reply(s, "");
  if (r) return reply_errno(s, -r);
  reply(s, "OK");
}

/* ---- resuming ---- */

/* One vCont action "c", "s", "Cxx" or "Sxx", with ":TID" or for all. */
static bool parse_action(const char *p, struct resume_action *a) {
  a->step = *p == 's' || *p == 'S';
  a->signo = 0;
  a->tid = -1;
  if (*p == 'C' || *p == 'S') a->signo = gdb_signal_to_linux((int)parse_hex(p + 1, &p));
  else if (*p == 'c' || *p == 's') p++;
  else return false;
  if (*p == ':') a->tid = parse_tid(p + 1);
  return true;
}

static enum stub_result cmd_vcont(struct stub *s, char *args) {
  struct resume_action acts[MAX_GDB_THREADS];
  int n = 0;
  for (char *tok = strtok(args, ";"); tok && n < MAX_GDB_THREADS; tok = strtok(NULL, ";"))
    if (!parse_action(tok, &acts[n++])) {
      reply(s, "E16");
      return STUB_STAY;
    }
  stop_resume(acts, n);
  return STUB_RESUMED;
}

/* c, s, C and S: the Hc thread steps (or the stopped one), every other
   thread continues. A resume address is not supported (gdb never sends
   one to a stub with vCont). */
static enum stub_result cmd_legacy_resume(struct stub *s, const char *pkt) {
  struct resume_action acts[2] = {{.tid = -1}};
  int sig = pkt[0] == 'C' || pkt[0] == 'S' ? gdb_signal_to_linux((int)parse_hex(pkt + 1, NULL)) : 0;
  if (pkt[0] == 's' || pkt[0] == 'S') {
    struct thread *t = s->c_tid > 0 ? stop_find_thread(s->c_tid) : NULL;
    if (!t) t = s->last.thread ? s->last.thread : stop_main_thread();
    acts[0] = (struct resume_action){.step = true, .signo = sig, .tid = t->tid};
    acts[1] = (struct resume_action){.tid = -1};
    stop_resume(acts, 2);
  } else {
    acts[0].signo = sig;
    stop_resume(acts, 1);
  }
  return STUB_RESUMED;
}

/* ---- threads ---- */

static void cmd_thread_list(struct stub *s) {
  struct thread *all[MAX_GDB_THREADS];
  int n = stop_list_threads(all, MAX_GDB_THREADS), o = 0;
  s->out[o++] = 'm';
  for (int i = 0; i < n && o < RSP_MAX_PACKET - 16; i++)
    o += snprintf(s->out + o, 16, "%s%x", i ? "," : "", all[i]->tid);
  s->out[o] = 0;
  reply(s, n ? s->out : "l");
}

/* The thread's name: the host thread's comm, which the guest's
   prctl(PR_SET_NAME) and pthread_setname_np set (src/linux/misc.c). */
static void cmd_thread_extra_info(struct stub *s, const char *args) {
  char path[64], name[32] = "";
  snprintf(path, sizeof path, "/proc/self/task/%d/comm", parse_tid(args));
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  ssize_t n = fd >= 0 ? read(fd, name, sizeof name - 1) : -1;
  if (fd >= 0) close(fd);
  if (n > 0 && name[n - 1] == '\n') n--;
  rsp_hex_encode(s->out, name, n > 0 ? (size_t)n : 0);
  reply(s, s->out);
}

static void cmd_set_thread(struct stub *s, const char *pkt) {
  int tid = parse_tid(pkt + 2);
  if (tid > 0 && !stop_find_thread(tid)) return reply(s, "E02");
  *(pkt[1] == 'g' ? &s->g_tid : &s->c_tid) = tid;
  reply(s, "OK");
}

/* ---- qXfer ---- */

/* Sends [off, off+len) of an object of size total as an "m" (more) or
   "l" (last) chunk. */
static void xfer_reply(struct stub *s, const void *obj, u64 total, u64 off, u64 len) {
  if (off >= total) return reply(s, "l");
  u64 n = total - off < len ? total - off : len;
  if (n > RSP_MAX_PACKET - 1) n = RSP_MAX_PACKET - 1;
  s->out[0] = off + n < total ? 'm' : 'l';
  memcpy(s->out + 1, (const u8 *)obj + off, n);
  rsp_send(&s->rsp, s->out, n + 1);
}

static void xfer_auxv(struct stub *s, u64 off, u64 len) {
  struct process *p = stop_main_thread()->proc;
  static u8 auxv[4096];
  u64 total = p->auxv_len < sizeof auxv ? p->auxv_len : sizeof auxv;
  if (copy_from_guest(auxv, p->auxv_at, total)) return reply(s, E_FAULT);
  xfer_reply(s, auxv, total, off, len);
}

/* qXfer:OBJECT:read:ANNEX:OFF,LEN */
static void cmd_xfer(struct stub *s, char *args) {
  char *obj = args, *op = strchr(obj, ':');
  char *annex = op ? strchr(op + 1, ':') : NULL;
  char *range = annex ? strchr(annex + 1, ':') : NULL;
  if (!range || strncmp(op, ":read:", 6)) return reply(s, "");
  *op = *annex = *range = 0;
  annex++;
  const char *p;
  u64 off = parse_hex(range + 1, &p), len = *p == ',' ? parse_hex(p + 1, NULL) : 0;
  if (!strcmp(obj, "features")) {
    if (strcmp(annex, "target.xml")) return reply(s, "E00");
    return xfer_reply(s, g_gdb_target_xml, strlen(g_gdb_target_xml), off, len);
  }
  if (!strcmp(obj, "auxv")) return xfer_auxv(s, off, len);
  if (!strcmp(obj, "exec-file")) {
    const char *exe = stop_main_thread()->proc->exe_path;
    return xfer_reply(s, exe ? exe : "", exe ? strlen(exe) : 0, off, len);
  }
  reply(s, "");
}

/* ---- queries ---- */

static void cmd_supported(struct stub *s, const char *args) {
  s->swbreak = strstr(args, "swbreak+") != NULL;
  s->hwbreak = strstr(args, "hwbreak+") != NULL;
  char buf[256];
  snprintf(buf, sizeof buf,
           "PacketSize=%x;qXfer:features:read+;qXfer:auxv:read+;qXfer:exec-file:read+;"
           "QStartNoAckMode+;swbreak+;hwbreak+;vContSupported+",
           RSP_MAX_PACKET);
  reply(s, buf);
}

static void cmd_query(struct stub *s, char *pkt) {
  char buf[64];
  if (starts(pkt, "qSupported")) return cmd_supported(s, pkt);
  if (starts(pkt, "qXfer:")) return cmd_xfer(s, pkt + 6);
  if (!strcmp(pkt, "qfThreadInfo")) return cmd_thread_list(s);
  if (!strcmp(pkt, "qsThreadInfo")) return reply(s, "l");
  if (starts(pkt, "qThreadExtraInfo,")) return cmd_thread_extra_info(s, pkt + 17);
  if (!strcmp(pkt, "qC")) {
    struct thread *t = s->last.thread ? s->last.thread : stop_main_thread();
    snprintf(buf, sizeof buf, "QC%x", t->tid);
    return reply(s, buf);
  }
  /* elfrun created the process, so gdb's quit kills it (as with qemu -g,
     which leaves qAttached unanswered: gdb then assumes the same). */
  if (starts(pkt, "qAttached")) return reply(s, "0");
  if (starts(pkt, "qSymbol")) return reply(s, "OK");
  reply(s, "");
}

static enum stub_result cmd_v(struct stub *s, char *pkt, int len) {
  (void)len;
  if (!strcmp(pkt, "vCont?")) {
    reply(s, "vCont;c;C;s;S");
    return STUB_STAY;
  }
  if (starts(pkt, "vCont;")) return cmd_vcont(s, pkt + 6);
  if (starts(pkt, "vKill")) {
    reply(s, "OK");
    server_forget_client();
    process_die_by_signal(SIGKILL);
  }
  reply(s, "");
  return STUB_STAY;
}

/* Handles one packet while the process is stopped. */
enum stub_result stub_handle(struct stub *s, char *pkt, int len) {
  switch (pkt[0]) {
    case '?': stub_send_stop(s, &s->last); break;
    case 'g': cmd_read_registers(s); break;
    case 'G': cmd_write_registers(s, pkt + 1); break;
    case 'p': cmd_read_register(s, pkt + 1); break;
    case 'P': cmd_write_register(s, pkt + 1); break;
    case 'm': cmd_read_memory(s, pkt + 1); break;
    case 'M': cmd_write_memory_hex(s, pkt + 1); break;
    case 'X': cmd_write_memory_binary(s, pkt + 1, len, pkt); break;
    case 'Z': case 'z': cmd_point(s, pkt); break;
    case 'H': cmd_set_thread(s, pkt); break;
    case 'T': reply(s, stop_find_thread(parse_tid(pkt + 1)) ? "OK" : "E01"); break;
    case 'c': case 's': case 'C': case 'S': return cmd_legacy_resume(s, pkt);
    case 'v': return cmd_v(s, pkt, len);
    case 'q': cmd_query(s, pkt); break;
    case 'Q':
      if (strcmp(pkt, "QStartNoAckMode")) return reply(s, ""), STUB_STAY;
      reply(s, "OK");
      s->rsp.no_ack = true;
      break;
    case 'D':
      reply(s, "OK");
      stop_detach();
      return STUB_GONE;
    case 'k':
      server_forget_client();
      process_die_by_signal(SIGKILL);
    default: reply(s, "");
  }
  return STUB_STAY;
}
