/* Names of the aarch64 ABI's flags and enums, for --strace.

   The values are the guest's, written out rather than taken from the
   host's headers: most are asm-generic and equal on x86-64, but the open
   flags are not (arch/arm64/include/uapi/asm/fcntl.h moves O_DIRECTORY,
   O_NOFOLLOW, O_DIRECT and O_LARGEFILE), and the guest's numbers are what
   the guest passed. Sources: include/uapi/asm-generic/{fcntl,mman-common,
   signal,socket,ioctls,errno}.h, include/uapi/linux/{fcntl,eventpoll,
   openat2,futex,sched,wait,time,resource}.h and include/linux/socket.h.
   Printing follows strace(1): known bits by name joined with '|', the
   remaining bits in hex, a value with no known bit as hex followed by a
   comment naming the kind (PREFIX_???). */
#include "linux/strace_flags.h"

#include <string.h>

#include "base/types.h"
#include "linux/abi.h"
#include "linux/strace_print.h"

#define PUT_FLAGS(table, v, unknown) strace_put_flags(table, ARRAY_LEN(table), v, unknown)
#define PUT_ENUM(table, v, unknown) strace_put_enum(table, ARRAY_LEN(table), v, unknown)

/* In strace's order (its xlat/open_mode_flags.in), so that lines compare
   with a native trace: O_SYNC (__O_SYNC|O_DSYNC) before O_DSYNC, O_TMPFILE
   (__O_TMPFILE|O_DIRECTORY) before O_DIRECTORY. */
static const struct strace_name kOpenFlags[] = {
    {0100, "O_CREAT"},        {0200, "O_EXCL"},
    {0400, "O_NOCTTY"},       {01000, "O_TRUNC"},
    {02000, "O_APPEND"},      {04000, "O_NONBLOCK"},
    {04010000, "O_SYNC"},     {010000, "O_DSYNC"},
    {A64_O_DIRECT, "O_DIRECT"}, {A64_O_LARGEFILE, "O_LARGEFILE"},
    {A64_O_NOFOLLOW, "O_NOFOLLOW"}, {01000000, "O_NOATIME"},
    {02000000, "O_CLOEXEC"},  {010000000, "O_PATH"},
    {020000000 | A64_O_DIRECTORY, "O_TMPFILE"}, {A64_O_DIRECTORY, "O_DIRECTORY"},
    {020000, "FASYNC"},
};

void strace_put_open_flags(u64 v) {
  static const char *const kAccess[] = {"O_RDONLY", "O_WRONLY", "O_RDWR", "O_ACCMODE"};
  strace_put("%s", kAccess[v & 3]);
  strace_put_more_flags(kOpenFlags, ARRAY_LEN(kOpenFlags), v & ~3ull);
}

static const struct strace_name kAtFlags[] = {
    {0x100, "AT_SYMLINK_NOFOLLOW"}, {0x200, "AT_REMOVEDIR"},
    {0x400, "AT_SYMLINK_FOLLOW"},   {0x800, "AT_NO_AUTOMOUNT"},
    {0x1000, "AT_EMPTY_PATH"},      {0x2000, "AT_STATX_FORCE_SYNC"},
    {0x4000, "AT_STATX_DONT_SYNC"}, {0x8000, "AT_RECURSIVE"},
};

void strace_put_at_flags(u64 v) { PUT_FLAGS(kAtFlags, v, "AT_???"); }

/* faccessat2 reuses 0x200 as AT_EACCESS. */
static const struct strace_name kEaccessFlags[] = {
    {0x100, "AT_SYMLINK_NOFOLLOW"}, {0x200, "AT_EACCESS"}, {0x1000, "AT_EMPTY_PATH"},
};

void strace_put_eaccess_flags(u64 v) { PUT_FLAGS(kEaccessFlags, v, "AT_???"); }

static const struct strace_name kAccessModes[] = {
    {4, "R_OK"}, {2, "W_OK"}, {1, "X_OK"},
};

void strace_put_access_mode(u64 v) {
  if (v) PUT_FLAGS(kAccessModes, v, "?_OK");
  else strace_put("F_OK");
}

static const struct strace_name kProt[] = {
    {1, "PROT_READ"}, {2, "PROT_WRITE"}, {4, "PROT_EXEC"}, {0x8, "PROT_SEM"},
    /* arch/arm64/include/uapi/asm/mman.h */
    {0x10, "PROT_BTI"}, {0x20, "PROT_MTE"},
    {0x01000000, "PROT_GROWSDOWN"}, {0x02000000, "PROT_GROWSUP"},
};

void strace_put_prot(u64 v) {
  if (v) PUT_FLAGS(kProt, v, "PROT_???");
  else strace_put("PROT_NONE");
}

static const struct strace_name kMapTypes[] = {
    {1, "MAP_SHARED"}, {2, "MAP_PRIVATE"}, {3, "MAP_SHARED_VALIDATE"},
};

static const struct strace_name kMapFlags[] = {
    {0x10, "MAP_FIXED"},        {0x20, "MAP_ANONYMOUS"},
    {0x100, "MAP_GROWSDOWN"},   {0x800, "MAP_DENYWRITE"},
    {0x1000, "MAP_EXECUTABLE"}, {0x2000, "MAP_LOCKED"},
    {0x4000, "MAP_NORESERVE"},  {0x8000, "MAP_POPULATE"},
    {0x10000, "MAP_NONBLOCK"},  {0x20000, "MAP_STACK"},
    {0x40000, "MAP_HUGETLB"},   {0x80000, "MAP_SYNC"},
    {0x100000, "MAP_FIXED_NOREPLACE"}, {0x4000000, "MAP_UNINITIALIZED"},
};

void strace_put_map_flags(u64 v) {
  PUT_ENUM(kMapTypes, v & 0xf, "MAP_???");
  strace_put_more_flags(kMapFlags, ARRAY_LEN(kMapFlags), v & ~0xfull);
}

static const struct strace_name kCloneFlags[] = {
    {0x100, "CLONE_VM"},           {0x200, "CLONE_FS"},
    {0x400, "CLONE_FILES"},        {0x800, "CLONE_SIGHAND"},
    {0x1000, "CLONE_PIDFD"},       {0x2000, "CLONE_PTRACE"},
    {0x4000, "CLONE_VFORK"},       {0x8000, "CLONE_PARENT"},
    {0x10000, "CLONE_THREAD"},     {0x20000, "CLONE_NEWNS"},
    {0x40000, "CLONE_SYSVSEM"},    {0x80000, "CLONE_SETTLS"},
    {0x100000, "CLONE_PARENT_SETTID"}, {0x200000, "CLONE_CHILD_CLEARTID"},
    {0x400000, "CLONE_DETACHED"},  {0x800000, "CLONE_UNTRACED"},
    {0x1000000, "CLONE_CHILD_SETTID"}, {0x2000000, "CLONE_NEWCGROUP"},
    {0x4000000, "CLONE_NEWUTS"},   {0x8000000, "CLONE_NEWIPC"},
    {0x10000000, "CLONE_NEWUSER"}, {0x20000000, "CLONE_NEWPID"},
    {0x40000000, "CLONE_NEWNET"},  {0x80000000, "CLONE_IO"},
    {0x100000000ull, "CLONE_CLEAR_SIGHAND"}, {0x200000000ull, "CLONE_INTO_CGROUP"},
};

/* The low byte is the signal sent to the parent at exit (CSIGNAL). */
void strace_put_clone_flags(u64 v) {
  u64 flags = v & ~0xffull, sig = v & 0xff;
  if (flags) PUT_FLAGS(kCloneFlags, flags, "CLONE_???");
  if (flags && sig) strace_put("|");
  if (sig || !flags) strace_put_signal(sig);
}

static const char *const kSignalNames[] = {
    NULL,      "SIGHUP",  "SIGINT",    "SIGQUIT", "SIGILL",    "SIGTRAP",
    "SIGABRT", "SIGBUS",  "SIGFPE",    "SIGKILL", "SIGUSR1",   "SIGSEGV",
    "SIGUSR2", "SIGPIPE", "SIGALRM",   "SIGTERM", "SIGSTKFLT", "SIGCHLD",
    "SIGCONT", "SIGSTOP", "SIGTSTP",   "SIGTTIN", "SIGTTOU",   "SIGURG",
    "SIGXCPU", "SIGXFSZ", "SIGVTALRM", "SIGPROF", "SIGWINCH",  "SIGIO",
    "SIGPWR",  "SIGSYS"};

void strace_put_signal(u64 v) {
  int sig = (int)v;
  if (sig > 0 && sig < (int)ARRAY_LEN(kSignalNames)) strace_put("%s", kSignalNames[sig]);
  else if (sig == 32) strace_put("SIGRTMIN");
  else if (sig > 32 && sig <= A64_NSIG) strace_put("SIGRT_%d", sig - 32);
  else strace_put("%d", sig);
}

/* A 64-bit signal set as strace shows it: names without "SIG", and a
   complement (~[...]) when more than half of the set is on. */
void strace_put_sigset_word(u64 set) {
  bool invert = __builtin_popcountll(set) > 32;
  if (invert) set = ~set;
  strace_put(invert ? "~[" : "[");
  const char *sep = "";
  for (int sig = 1; sig <= A64_NSIG; sig++) {
    if (!(set >> (sig - 1) & 1)) continue;
    strace_put("%s", sep);
    if (sig < (int)ARRAY_LEN(kSignalNames)) strace_put("%s", kSignalNames[sig] + 3);
    else if (sig == 32) strace_put("RTMIN");
    else strace_put("RT_%d", sig - 32);
    sep = " ";
  }
  strace_put("]");
}

static const struct strace_name kSigmaskHow[] = {
    {0, "SIG_BLOCK"}, {1, "SIG_UNBLOCK"}, {2, "SIG_SETMASK"},
};

void strace_put_sigmask_how(u64 v) { PUT_ENUM(kSigmaskHow, v, "SIG_???"); }

static const struct strace_name kSaFlags[] = {
    {A64_SA_NOCLDSTOP, "SA_NOCLDSTOP"}, {A64_SA_NOCLDWAIT, "SA_NOCLDWAIT"},
    {A64_SA_SIGINFO, "SA_SIGINFO"},     {0x400, "SA_UNSUPPORTED"},
    {A64_SA_EXPOSE_TAGBITS, "SA_EXPOSE_TAGBITS"}, {A64_SA_RESTORER, "SA_RESTORER"},
    {A64_SA_ONSTACK, "SA_ONSTACK"},     {A64_SA_RESTART, "SA_RESTART"},
    {A64_SA_NODEFER, "SA_NODEFER"},     {A64_SA_RESETHAND, "SA_RESETHAND"},
};

void strace_put_sa_flags(u64 v) { PUT_FLAGS(kSaFlags, v, "SA_???"); }

static const struct strace_name kFcntlCmds[] = {
    {0, "F_DUPFD"},           {1, "F_GETFD"},          {2, "F_SETFD"},
    {3, "F_GETFL"},           {4, "F_SETFL"},          {5, "F_GETLK"},
    {6, "F_SETLK"},           {7, "F_SETLKW"},         {8, "F_SETOWN"},
    {9, "F_GETOWN"},          {10, "F_SETSIG"},        {11, "F_GETSIG"},
    {15, "F_SETOWN_EX"},      {16, "F_GETOWN_EX"},     {17, "F_GETOWNER_UIDS"},
    {36, "F_OFD_GETLK"},      {37, "F_OFD_SETLK"},     {38, "F_OFD_SETLKW"},
    {1024, "F_SETLEASE"},     {1025, "F_GETLEASE"},    {1026, "F_NOTIFY"},
    {1030, "F_DUPFD_CLOEXEC"}, {1031, "F_SETPIPE_SZ"}, {1032, "F_GETPIPE_SZ"},
    {1033, "F_ADD_SEALS"},    {1034, "F_GET_SEALS"},   {1035, "F_GET_RW_HINT"},
    {1036, "F_SET_RW_HINT"},  {1037, "F_GET_FILE_RW_HINT"}, {1038, "F_SET_FILE_RW_HINT"},
};

void strace_put_fcntl_cmd(u64 v) { PUT_ENUM(kFcntlCmds, (u32)v, "F_???"); }

static const struct strace_name kFdFlags[] = {{1, "FD_CLOEXEC"}};

void strace_put_fd_flags(u64 v) { PUT_FLAGS(kFdFlags, v, "FD_???"); }

/* The tty and file ioctls of asm-generic/ioctls.h, which arm64 uses. */
static const struct strace_name kIoctls[] = {
    {0x5401, "TCGETS"},     {0x5402, "TCSETS"},      {0x5403, "TCSETSW"},
    {0x5404, "TCSETSF"},    {0x5405, "TCGETA"},      {0x5406, "TCSETA"},
    {0x5407, "TCSETAW"},    {0x5408, "TCSETAF"},     {0x5409, "TCSBRK"},
    {0x540A, "TCXONC"},     {0x540B, "TCFLSH"},      {0x540C, "TIOCEXCL"},
    {0x540D, "TIOCNXCL"},   {0x540E, "TIOCSCTTY"},   {0x540F, "TIOCGPGRP"},
    {0x5410, "TIOCSPGRP"},  {0x5411, "TIOCOUTQ"},    {0x5412, "TIOCSTI"},
    {0x5413, "TIOCGWINSZ"}, {0x5414, "TIOCSWINSZ"},  {0x5415, "TIOCMGET"},
    {0x541B, "FIONREAD"},   {0x541C, "TIOCLINUX"},   {0x541D, "TIOCCONS"},
    {0x5420, "TIOCPKT"},    {0x5421, "FIONBIO"},     {0x5422, "TIOCNOTTY"},
    {0x5423, "TIOCSETD"},   {0x5424, "TIOCGETD"},    {0x5425, "TCSBRKP"},
    {0x5429, "TIOCGSID"},   {0x802c542a, "TCGETS2"}, {0x402c542b, "TCSETS2"},
    {0x80045430, "TIOCGPTN"}, {0x40045431, "TIOCSPTLCK"}, {0x80045432, "TIOCGDEV"},
    {0x5441, "TIOCGPTPEER"}, {0x5450, "FIONCLEX"},   {0x5451, "FIOCLEX"},
    {0x5452, "FIOASYNC"},   {0x5460, "FIOQSIZE"},
};

void strace_put_ioctl_request(u64 v) { PUT_ENUM(kIoctls, (u32)v, "_IOC_???"); }

static const struct strace_name kEpollOps[] = {
    {1, "EPOLL_CTL_ADD"}, {2, "EPOLL_CTL_DEL"}, {3, "EPOLL_CTL_MOD"},
};

void strace_put_epoll_op(u64 v) { PUT_ENUM(kEpollOps, v, "EPOLL_CTL_???"); }

static const struct strace_name kEpollEvents[] = {
    {0x1, "EPOLLIN"},        {0x2, "EPOLLPRI"},       {0x4, "EPOLLOUT"},
    {0x8, "EPOLLERR"},       {0x10, "EPOLLHUP"},      {0x20, "EPOLLNVAL"},
    {0x40, "EPOLLRDNORM"},   {0x80, "EPOLLRDBAND"},   {0x100, "EPOLLWRNORM"},
    {0x200, "EPOLLWRBAND"},  {0x400, "EPOLLMSG"},     {0x2000, "EPOLLRDHUP"},
    {1u << 28, "EPOLLEXCLUSIVE"}, {1u << 29, "EPOLLWAKEUP"},
    {1u << 30, "EPOLLONESHOT"},   {1u << 31, "EPOLLET"},
};

void strace_put_epoll_events(u64 v) { PUT_FLAGS(kEpollEvents, (u32)v, "EPOLL???"); }

static const struct strace_name kPollEvents[] = {
    {0x1, "POLLIN"},       {0x2, "POLLPRI"},      {0x4, "POLLOUT"},
    {0x8, "POLLERR"},      {0x10, "POLLHUP"},     {0x20, "POLLNVAL"},
    {0x40, "POLLRDNORM"},  {0x80, "POLLRDBAND"},  {0x100, "POLLWRNORM"},
    {0x200, "POLLWRBAND"}, {0x400, "POLLMSG"},    {0x2000, "POLLRDHUP"},
};

void strace_put_poll_events(u64 v) { PUT_FLAGS(kPollEvents, (u16)v, "POLL???"); }

static const struct strace_name kResolveFlags[] = {
    {0x1, "RESOLVE_NO_XDEV"},  {0x2, "RESOLVE_NO_MAGICLINKS"},
    {0x4, "RESOLVE_NO_SYMLINKS"}, {0x8, "RESOLVE_BENEATH"},
    {0x10, "RESOLVE_IN_ROOT"}, {0x20, "RESOLVE_CACHED"},
};

void strace_put_resolve_flags(u64 v) { PUT_FLAGS(kResolveFlags, v, "RESOLVE_???"); }

static const struct strace_name kFamilies[] = {
    {0, "AF_UNSPEC"},    {1, "AF_UNIX"},      {2, "AF_INET"},    {4, "AF_IPX"},
    {5, "AF_APPLETALK"}, {10, "AF_INET6"},    {16, "AF_NETLINK"}, {17, "AF_PACKET"},
    {29, "AF_CAN"},      {31, "AF_BLUETOOTH"}, {38, "AF_ALG"},   {40, "AF_VSOCK"},
    {44, "AF_XDP"},
};

void strace_put_socket_family(u64 v) { PUT_ENUM(kFamilies, (u32)v, "AF_???"); }

static const struct strace_name kSocketTypes[] = {
    {1, "SOCK_STREAM"}, {2, "SOCK_DGRAM"},     {3, "SOCK_RAW"},
    {4, "SOCK_RDM"},    {5, "SOCK_SEQPACKET"}, {6, "SOCK_DCCP"},
    {10, "SOCK_PACKET"},
};

static const struct strace_name kSocketTypeFlags[] = {
    {02000000, "SOCK_CLOEXEC"}, {04000, "SOCK_NONBLOCK"},
};

void strace_put_socket_type(u64 v) {
  PUT_ENUM(kSocketTypes, v & 0xf, "SOCK_???");
  strace_put_more_flags(kSocketTypeFlags, ARRAY_LEN(kSocketTypeFlags), (u32)v & ~0xfu);
}

static const struct strace_name kMsgFlags[] = {
    {0x1, "MSG_OOB"},          {0x2, "MSG_PEEK"},        {0x4, "MSG_DONTROUTE"},
    {0x8, "MSG_CTRUNC"},       {0x10, "MSG_PROXY"},      {0x20, "MSG_TRUNC"},
    {0x40, "MSG_DONTWAIT"},    {0x80, "MSG_EOR"},        {0x100, "MSG_WAITALL"},
    {0x200, "MSG_FIN"},        {0x400, "MSG_SYN"},       {0x800, "MSG_CONFIRM"},
    {0x1000, "MSG_RST"},       {0x2000, "MSG_ERRQUEUE"}, {0x4000, "MSG_NOSIGNAL"},
    {0x8000, "MSG_MORE"},      {0x10000, "MSG_WAITFORONE"}, {0x40000, "MSG_BATCH"},
    {0x4000000, "MSG_ZEROCOPY"}, {0x20000000, "MSG_FASTOPEN"},
    {0x40000000, "MSG_CMSG_CLOEXEC"},
};

void strace_put_msg_flags(u64 v) { PUT_FLAGS(kMsgFlags, (u32)v, "MSG_???"); }

static const struct strace_name kLevels[] = {
    {0, "SOL_IP"},      {1, "SOL_SOCKET"},  {6, "SOL_TCP"},  {17, "SOL_UDP"},
    {41, "SOL_IPV6"},   {255, "SOL_RAW"},   {263, "SOL_PACKET"},
    {270, "SOL_NETLINK"},
};

void strace_put_sock_level(u64 v) { PUT_ENUM(kLevels, (u32)v, "SOL_???"); }

static const struct strace_name kSocketOptions[] = {
    {1, "SO_DEBUG"},       {2, "SO_REUSEADDR"},   {3, "SO_TYPE"},
    {4, "SO_ERROR"},       {5, "SO_DONTROUTE"},   {6, "SO_BROADCAST"},
    {7, "SO_SNDBUF"},      {8, "SO_RCVBUF"},      {9, "SO_KEEPALIVE"},
    {10, "SO_OOBINLINE"},  {11, "SO_NO_CHECK"},   {12, "SO_PRIORITY"},
    {13, "SO_LINGER"},     {14, "SO_BSDCOMPAT"},  {15, "SO_REUSEPORT"},
    {16, "SO_PASSCRED"},   {17, "SO_PEERCRED"},   {18, "SO_RCVLOWAT"},
    {19, "SO_SNDLOWAT"},   {20, "SO_RCVTIMEO_OLD"}, {21, "SO_SNDTIMEO_OLD"},
    {25, "SO_BINDTODEVICE"}, {26, "SO_ATTACH_FILTER"}, {27, "SO_DETACH_FILTER"},
    {28, "SO_PEERNAME"},   {29, "SO_TIMESTAMP_OLD"}, {30, "SO_ACCEPTCONN"},
    {31, "SO_PEERSEC"},    {32, "SO_SNDBUFFORCE"}, {33, "SO_RCVBUFFORCE"},
    {34, "SO_PASSSEC"},    {36, "SO_MARK"},       {38, "SO_PROTOCOL"},
    {39, "SO_DOMAIN"},     {40, "SO_RXQ_OVFL"},   {42, "SO_PEEK_OFF"},
    {46, "SO_BUSY_POLL"},  {49, "SO_INCOMING_CPU"}, {57, "SO_COOKIE"},
    {59, "SO_PEERGROUPS"}, {60, "SO_ZEROCOPY"},   {66, "SO_RCVTIMEO_NEW"},
    {67, "SO_SNDTIMEO_NEW"},
};

static const struct strace_name kTcpOptions[] = {
    {1, "TCP_NODELAY"},   {2, "TCP_MAXSEG"},       {3, "TCP_CORK"},
    {4, "TCP_KEEPIDLE"},  {5, "TCP_KEEPINTVL"},    {6, "TCP_KEEPCNT"},
    {7, "TCP_SYNCNT"},    {8, "TCP_LINGER2"},      {9, "TCP_DEFER_ACCEPT"},
    {10, "TCP_WINDOW_CLAMP"}, {11, "TCP_INFO"},    {12, "TCP_QUICKACK"},
    {13, "TCP_CONGESTION"}, {18, "TCP_USER_TIMEOUT"}, {23, "TCP_FASTOPEN"},
    {25, "TCP_NOTSENT_LOWAT"},
};

static const struct strace_name kIpOptions[] = {
    {1, "IP_TOS"},        {2, "IP_TTL"},          {3, "IP_HDRINCL"},
    {4, "IP_OPTIONS"},    {6, "IP_RECVOPTS"},     {8, "IP_PKTINFO"},
    {10, "IP_MTU_DISCOVER"}, {11, "IP_RECVERR"},  {12, "IP_RECVTTL"},
    {13, "IP_RECVTOS"},   {14, "IP_MTU"},         {32, "IP_MULTICAST_IF"},
    {33, "IP_MULTICAST_TTL"}, {34, "IP_MULTICAST_LOOP"},
    {35, "IP_ADD_MEMBERSHIP"}, {36, "IP_DROP_MEMBERSHIP"},
};

static const struct strace_name kIpv6Options[] = {
    {16, "IPV6_UNICAST_HOPS"}, {26, "IPV6_V6ONLY"}, {49, "IPV6_RECVPKTINFO"},
    {67, "IPV6_TCLASS"},
};

void strace_put_sockopt_name(u64 level, u64 name) {
  switch ((u32)level) {
    case 1: PUT_ENUM(kSocketOptions, (u32)name, "SO_???"); break;
    case 6: PUT_ENUM(kTcpOptions, (u32)name, "TCP_???"); break;
    case 0: PUT_ENUM(kIpOptions, (u32)name, "IP_???"); break;
    case 41: PUT_ENUM(kIpv6Options, (u32)name, "IPV6_???"); break;
    default: strace_put("%u", (u32)name); break;
  }
}

static const struct strace_name kScmTypes[] = {
    {1, "SCM_RIGHTS"}, {2, "SCM_CREDENTIALS"}, {3, "SCM_SECURITY"},
};

void strace_put_cmsg_type(u64 level, u64 type) {
  if ((u32)level == 1) PUT_ENUM(kScmTypes, (u32)type, "SCM_???");
  else strace_put("%#x", (u32)type);
}

static const struct strace_name kFutexCmds[] = {
    {0, "FUTEX_WAIT"},          {1, "FUTEX_WAKE"},        {2, "FUTEX_FD"},
    {3, "FUTEX_REQUEUE"},       {4, "FUTEX_CMP_REQUEUE"}, {5, "FUTEX_WAKE_OP"},
    {6, "FUTEX_LOCK_PI"},       {7, "FUTEX_UNLOCK_PI"},   {8, "FUTEX_TRYLOCK_PI"},
    {9, "FUTEX_WAIT_BITSET"},   {10, "FUTEX_WAKE_BITSET"}, {11, "FUTEX_WAIT_REQUEUE_PI"},
    {12, "FUTEX_CMP_REQUEUE_PI"}, {13, "FUTEX_LOCK_PI2"},
};

/* FUTEX_PRIVATE_FLAG (128) joins the name, as in FUTEX_WAKE_PRIVATE. */
void strace_put_futex_op(u64 v) {
  u32 op = (u32)v;
  PUT_ENUM(kFutexCmds, op & 127, "FUTEX_???");
  if (op & 128) strace_put("_PRIVATE");
  if (op & 256) strace_put("|FUTEX_CLOCK_REALTIME");
  if (op & ~511u) strace_put("|%#x", op & ~511u);
}

static const struct strace_name kWaitOptions[] = {
    {1, "WNOHANG"},          {2, "WSTOPPED"},     {4, "WEXITED"},
    {8, "WCONTINUED"},       {0x1000000, "WNOWAIT"}, {0x20000000, "__WNOTHREAD"},
    {0x40000000, "__WALL"},  {0x80000000, "__WCLONE"},
};

void strace_put_wait_options(u64 v) { PUT_FLAGS(kWaitOptions, (u32)v, "W???"); }

static const struct strace_name kRlimits[] = {
    {0, "RLIMIT_CPU"},     {1, "RLIMIT_FSIZE"},   {2, "RLIMIT_DATA"},
    {3, "RLIMIT_STACK"},   {4, "RLIMIT_CORE"},    {5, "RLIMIT_RSS"},
    {6, "RLIMIT_NPROC"},   {7, "RLIMIT_NOFILE"},  {8, "RLIMIT_MEMLOCK"},
    {9, "RLIMIT_AS"},      {10, "RLIMIT_LOCKS"},  {11, "RLIMIT_SIGPENDING"},
    {12, "RLIMIT_MSGQUEUE"}, {13, "RLIMIT_NICE"}, {14, "RLIMIT_RTPRIO"},
    {15, "RLIMIT_RTTIME"},
};

void strace_put_rlimit_resource(u64 v) { PUT_ENUM(kRlimits, (u32)v, "RLIMIT_???"); }

static const struct strace_name kClocks[] = {
    {0, "CLOCK_REALTIME"},        {1, "CLOCK_MONOTONIC"},
    {2, "CLOCK_PROCESS_CPUTIME_ID"}, {3, "CLOCK_THREAD_CPUTIME_ID"},
    {4, "CLOCK_MONOTONIC_RAW"},   {5, "CLOCK_REALTIME_COARSE"},
    {6, "CLOCK_MONOTONIC_COARSE"}, {7, "CLOCK_BOOTTIME"},
    {8, "CLOCK_REALTIME_ALARM"},  {9, "CLOCK_BOOTTIME_ALARM"},
    {11, "CLOCK_TAI"},
};

/* Negative ids are per-process or per-thread CPU clocks (clock_getcpuclockid),
   shown as the number. */
void strace_put_clock_id(u64 v) {
  if ((i32)v < 0) strace_put("%d", (i32)v);
  else PUT_ENUM(kClocks, (u32)v, "CLOCK_???");
}

static const struct strace_name kFileTypes[] = {
    {0140000, "S_IFSOCK"}, {0120000, "S_IFLNK"}, {0100000, "S_IFREG"},
    {0060000, "S_IFBLK"},  {0040000, "S_IFDIR"}, {0020000, "S_IFCHR"},
    {0010000, "S_IFIFO"},
};

/* st_mode as strace shows it: S_IFREG|0644, with the set-id bits by name. */
void strace_put_file_mode(u64 mode) {
  if (mode & 0170000) {
    PUT_ENUM(kFileTypes, mode & 0170000, "S_IF???");
    strace_put("|");
  }
  if (mode & 04000) strace_put("S_ISUID|");
  if (mode & 02000) strace_put("S_ISGID|");
  if (mode & 01000) strace_put("S_ISVTX|");
  strace_put("%#llo", (unsigned long long)(mode & 0777));
}

static const struct strace_name kIpProtocols[] = {
    {0, "IPPROTO_IP"},    {1, "IPPROTO_ICMP"},  {6, "IPPROTO_TCP"},
    {17, "IPPROTO_UDP"},  {58, "IPPROTO_ICMPV6"}, {132, "IPPROTO_SCTP"},
    {136, "IPPROTO_UDPLITE"}, {255, "IPPROTO_RAW"}, {262, "IPPROTO_MPTCP"},
};

static const struct strace_name kNetlinkProtocols[] = {
    {0, "NETLINK_ROUTE"},  {2, "NETLINK_USERSOCK"}, {4, "NETLINK_SOCK_DIAG"},
    {9, "NETLINK_AUDIT"},  {15, "NETLINK_KOBJECT_UEVENT"}, {16, "NETLINK_GENERIC"},
};

/* socket(2)'s protocol means something only within its family. */
void strace_put_socket_protocol(u64 family, u64 v) {
  if ((u32)family == 2 || (u32)family == 10) PUT_ENUM(kIpProtocols, (u32)v, "IPPROTO_???");
  else if ((u32)family == 16) PUT_ENUM(kNetlinkProtocols, (u32)v, "NETLINK_???");
  else strace_put("%d", (int)v);
}

/* The flags of calls that make a descriptor: each family has its own
   prefix for the same O_CLOEXEC and O_NONBLOCK bits (include/uapi/linux/
   eventfd.h, inotify.h, signalfd.h, timerfd.h, eventpoll.h). */
#define CLOEXEC_NONBLOCK(prefix) {02000000, prefix "_CLOEXEC"}, {04000, prefix "_NONBLOCK"}

static const struct strace_name kPipeFlags[] = {
    CLOEXEC_NONBLOCK("O"), {A64_O_DIRECT, "O_DIRECT"}, {0200, "O_NOTIFICATION_PIPE"},
};
static const struct strace_name kDup3Flags[] = {{02000000, "O_CLOEXEC"}};
static const struct strace_name kEpollFlags[] = {{02000000, "EPOLL_CLOEXEC"}};
static const struct strace_name kEventfdFlags[] = {CLOEXEC_NONBLOCK("EFD"), {1, "EFD_SEMAPHORE"}};
static const struct strace_name kInotifyFlags[] = {CLOEXEC_NONBLOCK("IN")};
static const struct strace_name kSignalfdFlags[] = {CLOEXEC_NONBLOCK("SFD")};
static const struct strace_name kTimerfdFlags[] = {CLOEXEC_NONBLOCK("TFD")};
static const struct strace_name kAcceptFlags[] = {CLOEXEC_NONBLOCK("SOCK")};
static const struct strace_name kMemfdFlags[] = {
    {1, "MFD_CLOEXEC"}, {2, "MFD_ALLOW_SEALING"}, {4, "MFD_HUGETLB"},
    {8, "MFD_NOEXEC_SEAL"}, {0x10, "MFD_EXEC"},
};

/* Returns false for a call with no such flags. */
bool strace_put_fd_creation_flags(const char *call, u64 v) {
  static const struct {
    const char *call;
    const struct strace_name *table;
    size_t n;
    const char *unknown;
  } kCalls[] = {
      {"pipe2", kPipeFlags, ARRAY_LEN(kPipeFlags), "O_???"},
      {"dup3", kDup3Flags, ARRAY_LEN(kDup3Flags), "O_???"},
      {"epoll_create1", kEpollFlags, ARRAY_LEN(kEpollFlags), "EPOLL_???"},
      {"eventfd2", kEventfdFlags, ARRAY_LEN(kEventfdFlags), "EFD_???"},
      {"inotify_init1", kInotifyFlags, ARRAY_LEN(kInotifyFlags), "IN_???"},
      {"signalfd4", kSignalfdFlags, ARRAY_LEN(kSignalfdFlags), "SFD_???"},
      {"timerfd_create", kTimerfdFlags, ARRAY_LEN(kTimerfdFlags), "TFD_???"},
      {"accept4", kAcceptFlags, ARRAY_LEN(kAcceptFlags), "SOCK_???"},
      {"memfd_create", kMemfdFlags, ARRAY_LEN(kMemfdFlags), "MFD_???"},
  };
  for (size_t i = 0; i < ARRAY_LEN(kCalls); i++) {
    if (strcmp(kCalls[i].call, call)) continue;
    strace_put_flags(kCalls[i].table, kCalls[i].n, (u32)v, kCalls[i].unknown);
    return true;
  }
  return false;
}

/* wait4's status word as strace shows it (include/uapi/linux/wait.h and
   the W* macros of <sys/wait.h>, which are arch-independent). */
void strace_put_wait_status(u32 s) {
  if ((s & 0x7f) == 0) {
    strace_put("[{WIFEXITED(s) && WEXITSTATUS(s) == %u}", (s >> 8) & 0xff);
  } else if ((s & 0xff) == 0x7f) {
    strace_put("[{WIFSTOPPED(s) && WSTOPSIG(s) == ");
    strace_put_signal((s >> 8) & 0xff);
    strace_put("}");
  } else if ((s & 0xffff) == 0xffff) {
    strace_put("[{WIFCONTINUED(s)}");
  } else {
    strace_put("[{WIFSIGNALED(s) && WTERMSIG(s) == ");
    strace_put_signal(s & 0x7f);
    strace_put("%s}", s & 0x80 ? " && WCOREDUMP(s)" : "");
  }
  if (s >> 16) strace_put(" | %#x", s & 0xffff0000u);
  strace_put("]");
}

static const struct strace_name kWhence[] = {
    {0, "SEEK_SET"}, {1, "SEEK_CUR"}, {2, "SEEK_END"}, {3, "SEEK_DATA"}, {4, "SEEK_HOLE"},
};

void strace_put_seek_whence(u64 v) { PUT_ENUM(kWhence, (u32)v, "SEEK_???"); }

static const struct strace_name kMadvice[] = {
    {0, "MADV_NORMAL"},      {1, "MADV_RANDOM"},       {2, "MADV_SEQUENTIAL"},
    {3, "MADV_WILLNEED"},    {4, "MADV_DONTNEED"},     {8, "MADV_FREE"},
    {9, "MADV_REMOVE"},      {10, "MADV_DONTFORK"},    {11, "MADV_DOFORK"},
    {12, "MADV_MERGEABLE"},  {13, "MADV_UNMERGEABLE"}, {14, "MADV_HUGEPAGE"},
    {15, "MADV_NOHUGEPAGE"}, {16, "MADV_DONTDUMP"},    {17, "MADV_DODUMP"},
    {18, "MADV_WIPEONFORK"}, {19, "MADV_KEEPONFORK"},  {20, "MADV_COLD"},
    {21, "MADV_PAGEOUT"},    {22, "MADV_POPULATE_READ"}, {23, "MADV_POPULATE_WRITE"},
    {24, "MADV_DONTNEED_LOCKED"}, {25, "MADV_COLLAPSE"}, {100, "MADV_HWPOISON"},
    {101, "MADV_SOFT_OFFLINE"},
};

void strace_put_madvice(u64 v) { PUT_ENUM(kMadvice, (u32)v, "MADV_???"); }

static const struct strace_name kGetrandomFlags[] = {
    {1, "GRND_NONBLOCK"}, {2, "GRND_RANDOM"}, {4, "GRND_INSECURE"},
};

void strace_put_getrandom_flags(u64 v) { PUT_FLAGS(kGetrandomFlags, (u32)v, "GRND_???"); }

/* include/uapi/linux/prctl.h, with arm64's PR_SVE_* and PR_PAC_* */
static const struct strace_name kPrctlOptions[] = {
    {1, "PR_SET_PDEATHSIG"},     {2, "PR_GET_PDEATHSIG"},    {3, "PR_GET_DUMPABLE"},
    {4, "PR_SET_DUMPABLE"},      {7, "PR_GET_KEEPCAPS"},     {8, "PR_SET_KEEPCAPS"},
    {15, "PR_SET_NAME"},         {16, "PR_GET_NAME"},        {21, "PR_GET_SECCOMP"},
    {22, "PR_SET_SECCOMP"},      {23, "PR_CAPBSET_READ"},    {24, "PR_CAPBSET_DROP"},
    {29, "PR_SET_TIMERSLACK"},   {30, "PR_GET_TIMERSLACK"},  {35, "PR_SET_MM"},
    {36, "PR_SET_CHILD_SUBREAPER"}, {37, "PR_GET_CHILD_SUBREAPER"},
    {38, "PR_SET_NO_NEW_PRIVS"}, {39, "PR_GET_NO_NEW_PRIVS"}, {41, "PR_SET_THP_DISABLE"},
    {42, "PR_GET_THP_DISABLE"},  {47, "PR_CAP_AMBIENT"},     {50, "PR_SVE_SET_VL"},
    {51, "PR_SVE_GET_VL"},       {54, "PR_PAC_RESET_KEYS"},  {55, "PR_SET_TAGGED_ADDR_CTRL"},
    {56, "PR_GET_TAGGED_ADDR_CTRL"}, {59, "PR_SET_SYSCALL_USER_DISPATCH"},
    {0x53564d41, "PR_SET_VMA"},
};

void strace_put_prctl_option(u64 v) { PUT_ENUM(kPrctlOptions, (u32)v, "PR_???"); }

/* statx's flags: the sync type is a two-bit field whose zero value has a
   name (AT_STATX_SYNC_AS_STAT), shown first as strace does. */
void strace_put_statx_at_flags(u64 v) {
  static const struct strace_name kSync[] = {
      {0, "AT_STATX_SYNC_AS_STAT"}, {0x2000, "AT_STATX_FORCE_SYNC"},
      {0x4000, "AT_STATX_DONT_SYNC"}, {0x6000, "AT_STATX_SYNC_TYPE"},
  };
  PUT_ENUM(kSync, v & 0x6000, "AT_STATX_???");
  strace_put_more_flags(kAtFlags, ARRAY_LEN(kAtFlags), v & ~0x6000ull);
}

/* include/uapi/linux/stat.h: STATX_ALL and STATX_BASIC_STATS first, so
   that they win over their parts. */
static const struct strace_name kStatxMask[] = {
    {0xfff, "STATX_ALL"},       {0x7ff, "STATX_BASIC_STATS"},
    {0x1, "STATX_TYPE"},        {0x2, "STATX_MODE"},   {0x4, "STATX_NLINK"},
    {0x8, "STATX_UID"},         {0x10, "STATX_GID"},   {0x20, "STATX_ATIME"},
    {0x40, "STATX_MTIME"},      {0x80, "STATX_CTIME"}, {0x100, "STATX_INO"},
    {0x200, "STATX_SIZE"},      {0x400, "STATX_BLOCKS"}, {0x800, "STATX_BTIME"},
    {0x1000, "STATX_MNT_ID"},   {0x2000, "STATX_DIOALIGN"},
    {0x4000, "STATX_MNT_ID_UNIQUE"},
};

void strace_put_statx_mask(u64 v) { PUT_FLAGS(kStatxMask, (u32)v, "STATX_???"); }
