/* Every conversion between host and aarch64 structure layouts, and the
   proof that the structures we pass through unchanged really are equal. */
#include "linux/xlat.h"

#include <dirent.h>
#include <fcntl.h>
#include <string.h>
#include <linux/filter.h>
#include <netinet/in.h>
#include <sys/epoll.h>
#include <sys/ipc.h>
#include <sys/msg.h>
#include <sys/resource.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <sys/socket.h>
#include <sys/statfs.h>
#include <sys/sysinfo.h>
#include <sys/time.h>
#include <sys/times.h>
#include <sys/uio.h>
#include <sys/un.h>
#include <sys/utsname.h>
#include <time.h>

/* Layouts shared by the x86-64 and aarch64 kernels (both LP64 and both on
   the asm-generic definitions). A host libc that disagreed would fail here
   instead of corrupting guest memory. */
_Static_assert(sizeof(struct timespec) == 16, "timespec");
_Static_assert(sizeof(struct timeval) == 16, "timeval");
_Static_assert(sizeof(struct rlimit) == 16, "rlimit");
_Static_assert(sizeof(struct rusage) == 144, "rusage");
_Static_assert(sizeof(struct tms) == 32, "tms");
_Static_assert(sizeof(struct sysinfo) == 112, "sysinfo");
_Static_assert(sizeof(struct utsname) == 6 * 65, "utsname");
_Static_assert(sizeof(struct iovec) == 16, "iovec");
_Static_assert(sizeof(struct flock) == 32, "flock");
_Static_assert(sizeof(struct statx) == 256, "statx");

void xlat_stat_to_guest(struct a64_stat *dst, const struct stat *src) {
  memset(dst, 0, sizeof *dst);
  dst->st_dev = src->st_dev;
  dst->st_ino = src->st_ino;
  dst->st_mode = src->st_mode;
  dst->st_nlink = (u32)src->st_nlink;
  dst->st_uid = src->st_uid;
  dst->st_gid = src->st_gid;
  dst->st_rdev = src->st_rdev;
  dst->st_size = src->st_size;
  dst->st_blksize = (i32)src->st_blksize;
  dst->st_blocks = src->st_blocks;
  dst->st_atime_sec = src->st_atim.tv_sec;
  dst->st_atime_nsec = src->st_atim.tv_nsec;
  dst->st_mtime_sec = src->st_mtim.tv_sec;
  dst->st_mtime_nsec = src->st_mtim.tv_nsec;
  dst->st_ctime_sec = src->st_ctim.tv_sec;
  dst->st_ctime_nsec = src->st_ctim.tv_nsec;
}

/* The four open(2) flags whose bits differ. Both sets occupy the same four
   bit positions, so clearing them and mapping one by one leaves every other
   bit, known or not, as the guest gave it; the host kernel then ignores
   unknown bits exactly as the aarch64 one would. */

/* The x86-64 kernel's O_LARGEFILE. glibc defines O_LARGEFILE as 0 on 64-bit
   hosts, yet the kernel sets this bit in every file's flags (F_GETFL), as
   arm64's sets its own (force_o_largefile()). */
#define HOST_O_LARGEFILE 0100000

static const struct {
  u64 a64;
  int host;
} kOpenFlags[] = {
    {A64_O_DIRECTORY, O_DIRECTORY},
    {A64_O_NOFOLLOW, O_NOFOLLOW},
    {A64_O_DIRECT, O_DIRECT},
    {A64_O_LARGEFILE, HOST_O_LARGEFILE},
};
#define MOVED_A64 (A64_O_DIRECTORY | A64_O_NOFOLLOW | A64_O_DIRECT | A64_O_LARGEFILE)
#define MOVED_HOST (O_DIRECTORY | O_NOFOLLOW | O_DIRECT | HOST_O_LARGEFILE)
_Static_assert(MOVED_A64 == MOVED_HOST, "the moved open flags share bit positions");

int xlat_open_flags_from_guest(u64 a64_flags) {
  int host = (int)(a64_flags & ~(u64)MOVED_A64);
  for (size_t i = 0; i < ARRAY_LEN(kOpenFlags); i++)
    if (a64_flags & kOpenFlags[i].a64) host |= kOpenFlags[i].host;
  return host;
}

u64 xlat_open_flags_to_guest(int host_flags) {
  u64 a64 = (u32)host_flags & ~(u32)MOVED_HOST;
  for (size_t i = 0; i < ARRAY_LEN(kOpenFlags); i++)
    if (host_flags & kOpenFlags[i].host) a64 |= kOpenFlags[i].a64;
  return a64;
}

/* ---- sockets ----
   Checked against the arm64 headers (linux-libc-dev-arm64-cross, glibc's
   aarch64 bits/socket.h): every socket structure and constant is the
   same on both ABIs, so socket.c passes them through unchanged.
   - SOCK_NONBLOCK == O_NONBLOCK (04000) and SOCK_CLOEXEC == O_CLOEXEC
     (02000000) on both (asm-generic/fcntl.h; arm64 moves other O_ bits);
   - SOL_SOCKET, SO_* and SCM_*: both arches include asm-generic/socket.h
     unchanged; MSG_*, AF_*, SOCK_* types, IPPROTO_*, IP_*, IPV6_*, TCP_*
     are arch-independent (linux/socket.h, linux/in.h, linux/in6.h);
   - sockaddr, sockaddr_un (110), sockaddr_in (16), sockaddr_in6 (28),
     sockaddr_nl (12), sockaddr_storage (128): no longs, no pointers;
   - option values: int, struct linger (two ints), struct timeval and
     __kernel_sock_timeval (SO_RCVTIMEO/SO_SNDTIMEO, old and new, two
     64-bit words), struct ucred (SO_PEERCRED, SCM_CREDENTIALS), ip_mreq,
     ip_mreqn, ip_mreq_source, ipv6_mreq, group_req and group_source_req
     (sockaddr_storage is 8-aligned on both), struct tcp_info, struct
     in_pktinfo/in6_pktinfo;
   - nlmsghdr, ifinfomsg, ifaddrmsg, rtmsg, rtattr: fixed-size fields only;
   - struct msghdr, mmsghdr, cmsghdr and sock_fprog: the same offsets
     (below), but they hold pointers, which socket.c checks. */
_Static_assert(sizeof(struct sockaddr_storage) == 128, "sockaddr_storage");
_Static_assert(sizeof(struct sockaddr_un) == 110, "sockaddr_un");
_Static_assert(sizeof(struct sockaddr_in) == 16, "sockaddr_in");
_Static_assert(sizeof(struct sockaddr_in6) == 28, "sockaddr_in6");
_Static_assert(sizeof(struct linger) == 8, "linger");
_Static_assert(sizeof(struct ucred) == 12, "ucred");
_Static_assert(sizeof(struct ip_mreqn) == 12, "ip_mreqn");
_Static_assert(sizeof(struct ipv6_mreq) == 20, "ipv6_mreq");
_Static_assert(sizeof(struct group_req) == 136, "group_req");
_Static_assert(sizeof(struct msghdr) == sizeof(struct a64_msghdr), "msghdr");
_Static_assert(offsetof(struct msghdr, msg_namelen) ==
               offsetof(struct a64_msghdr, msg_namelen), "msghdr");
_Static_assert(offsetof(struct msghdr, msg_iov) == offsetof(struct a64_msghdr, msg_iov),
               "msghdr");
_Static_assert(offsetof(struct msghdr, msg_control) ==
               offsetof(struct a64_msghdr, msg_control), "msghdr");
_Static_assert(offsetof(struct msghdr, msg_controllen) ==
               offsetof(struct a64_msghdr, msg_controllen), "msghdr");
_Static_assert(offsetof(struct msghdr, msg_flags) ==
               offsetof(struct a64_msghdr, msg_flags), "msghdr");
_Static_assert(sizeof(struct mmsghdr) == sizeof(struct a64_mmsghdr), "mmsghdr");
_Static_assert(offsetof(struct mmsghdr, msg_len) == offsetof(struct a64_mmsghdr, msg_len),
               "mmsghdr");
_Static_assert(sizeof(struct cmsghdr) == sizeof(struct a64_cmsghdr), "cmsghdr");
_Static_assert(offsetof(struct cmsghdr, cmsg_type) ==
               offsetof(struct a64_cmsghdr, cmsg_type), "cmsghdr");
_Static_assert(sizeof(struct sock_fprog) == sizeof(struct a64_sock_fprog), "sock_fprog");
_Static_assert(offsetof(struct sock_fprog, filter) ==
               offsetof(struct a64_sock_fprog, filter), "sock_fprog");
_Static_assert(SOCK_NONBLOCK == 04000 && SOCK_CLOEXEC == 02000000, "socket type flags");

/* The pointers stay guest addresses: the caller checks each one. */
void xlat_msghdr_from_guest(struct msghdr *dst, const struct a64_msghdr *src) {
  memset(dst, 0, sizeof *dst);
  dst->msg_name = g2h(src->msg_name);
  dst->msg_namelen = (socklen_t)src->msg_namelen;
  dst->msg_iov = g2h(src->msg_iov);
  dst->msg_iovlen = src->msg_iovlen;
  dst->msg_control = g2h(src->msg_control);
  dst->msg_controllen = src->msg_controllen;
  dst->msg_flags = (int)src->msg_flags;
}

/* ---- SysV IPC ---- */

/* The host libc's structures are the x86-64 kernel's ipc64 ones (glibc
   calls the kernel with them directly). shmid64_ds and msqid64_ds are the
   same on aarch64 and pass through; semid64_ds has two more words on
   x86-64 and is converted. */
_Static_assert(sizeof(struct ipc_perm) == sizeof(struct a64_ipc64_perm), "ipc64_perm");
_Static_assert(sizeof(struct shmid_ds) == 112, "shmid64_ds");
_Static_assert(sizeof(struct msqid_ds) == 120, "msqid64_ds");
_Static_assert(sizeof(struct semid_ds) == 104, "x86-64 semid64_ds");
_Static_assert(offsetof(struct semid_ds, sem_nsems) == 80, "x86-64 semid64_ds");
_Static_assert(sizeof(struct sembuf) == 6, "sembuf");

static void xlat_ipc_perm_to_guest(struct a64_ipc64_perm *dst, const struct ipc_perm *src) {
  memset(dst, 0, sizeof *dst);
  dst->key = src->__key;
  dst->uid = src->uid;
  dst->gid = src->gid;
  dst->cuid = src->cuid;
  dst->cgid = src->cgid;
  dst->mode = src->mode;
  dst->seq = src->__seq;
}

void xlat_semid_to_guest(struct a64_semid64_ds *dst, const struct semid_ds *src) {
  memset(dst, 0, sizeof *dst);
  xlat_ipc_perm_to_guest(&dst->sem_perm, &src->sem_perm);
  dst->sem_otime = src->sem_otime;
  dst->sem_ctime = src->sem_ctime;
  dst->sem_nsems = src->sem_nsems;
}

/* IPC_SET reads only the owner and the mode (ipc_update_perm()). */
void xlat_semid_from_guest(struct semid_ds *dst, const struct a64_semid64_ds *src) {
  memset(dst, 0, sizeof *dst);
  dst->sem_perm.uid = src->sem_perm.uid;
  dst->sem_perm.gid = src->sem_perm.gid;
  dst->sem_perm.mode = src->sem_perm.mode;
}

/* ---- statfs and epoll_event ---- */

void xlat_statfs_to_guest(struct a64_statfs *dst, const struct statfs *src) {
  memset(dst, 0, sizeof *dst);
  dst->f_type = src->f_type;
  dst->f_bsize = src->f_bsize;
  dst->f_blocks = (i64)src->f_blocks;
  dst->f_bfree = (i64)src->f_bfree;
  dst->f_bavail = (i64)src->f_bavail;
  dst->f_files = (i64)src->f_files;
  dst->f_ffree = (i64)src->f_ffree;
  memcpy(dst->f_fsid, &src->f_fsid, sizeof dst->f_fsid);
  dst->f_namelen = src->f_namelen;
  dst->f_frsize = src->f_frsize;
  dst->f_flags = src->f_flags;
}

/* The host's struct is packed (12 bytes, data unaligned at offset 4); the
   guest's hole after events is zeroed on the way out. */
_Static_assert(sizeof(struct epoll_event) == 12, "x86-64 struct epoll_event is packed");

void xlat_epoll_event_from_guest(struct epoll_event *dst, const struct a64_epoll_event *src) {
  dst->events = src->events;
  dst->data.u64 = src->data;
}

void xlat_epoll_event_to_guest(struct a64_epoll_event *dst, const struct epoll_event *src) {
  dst->events = src->events;
  dst->__pad = 0;
  dst->data = src->data.u64;
}
