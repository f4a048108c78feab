#ifndef ELFRUN_LINUX_ABI_H_
#define ELFRUN_LINUX_ABI_H_

/* The aarch64 Linux ABI where it differs from, or must not be confused with,
   the x86-64 host's. Layouts from linux-libc-dev-arm64-cross
   (asm-generic/stat.h, asm/signal.h, asm/sigcontext.h...). Conversions live
   in xlat.c, never in casts.

   What is NOT here is identical on both 64-bit ABIs and uses the host's
   definition (xlat.c pins the sizes): errno values, signal numbers, AT_*,
   MAP_*, PROT_*, MADV_*, F_* commands and struct flock, ioctl numbers of
   asm-generic/ioctls.h, struct timespec/timeval/rlimit/rusage/sysinfo/tms/
   utsname/statx/linux_dirent64/iovec, and the kernel's struct termios. */

#include "base/types.h"

/* TASK_SIZE of arm64 kernels with 48-bit user addresses (Debian's): the
   limit access_ok() checks user ranges against. */
#define A64_TASK_SIZE (1ull << 48)

#define A64_NSIG 64
#define A64_AT_FDCWD (-100)

#define A64_SIGKILL 9
#define A64_SIGSTOP 19

/* asm/fcntl.h: arm64 moves four open(2) flags; every other O_* bit has the
   same value as on x86-64 (asm-generic/fcntl.h). */
#define A64_O_DIRECTORY 0040000
#define A64_O_NOFOLLOW 0100000
#define A64_O_DIRECT 0200000
#define A64_O_LARGEFILE 0400000

/* asm-generic/stat.h: struct stat as aarch64 newfstatat/fstat fill it. */
struct a64_stat {
  u64 st_dev;
  u64 st_ino;
  u32 st_mode;
  u32 st_nlink;
  u32 st_uid;
  u32 st_gid;
  u64 st_rdev;
  u64 __pad1;
  i64 st_size;
  i32 st_blksize;
  i32 __pad2;
  i64 st_blocks;
  i64 st_atime_sec;
  u64 st_atime_nsec;
  i64 st_mtime_sec;
  u64 st_mtime_nsec;
  i64 st_ctime_sec;
  u64 st_ctime_nsec;
  u32 __unused4;
  u32 __unused5;
};
_Static_assert(sizeof(struct a64_stat) == 128, "aarch64 struct stat");

/* The kernel's struct sigaction on aarch64 (no SA_RESTORER use by glibc). */
struct a64_sigaction {
  u64 handler;
  u64 flags;
  u64 restorer;
  u64 mask;
};

/* asm-generic/signal-defs.h and asm/signal.h. The kernel keeps only these
   flag bits (UAPI_SA_FLAGS in include/linux/signal_types.h), so that
   userspace can probe for SA_UNSUPPORTED and SA_EXPOSE_TAGBITS. */
#define A64_SA_NOCLDSTOP 0x00000001u
#define A64_SA_NOCLDWAIT 0x00000002u
#define A64_SA_SIGINFO 0x00000004u
#define A64_SA_EXPOSE_TAGBITS 0x00000800u
#define A64_SA_RESTORER 0x04000000u
#define A64_SA_ONSTACK 0x08000000u
#define A64_SA_RESTART 0x10000000u
#define A64_SA_NODEFER 0x40000000u
#define A64_SA_RESETHAND 0x80000000u
#define A64_SA_UAPI_FLAGS                                                   \
  (A64_SA_NOCLDSTOP | A64_SA_NOCLDWAIT | A64_SA_SIGINFO | A64_SA_ONSTACK | \
   A64_SA_RESTART | A64_SA_NODEFER | A64_SA_RESETHAND |                    \
   A64_SA_EXPOSE_TAGBITS | A64_SA_RESTORER)

/* rt_sigprocmask's how. */
#define A64_SIG_BLOCK 0
#define A64_SIG_UNBLOCK 1
#define A64_SIG_SETMASK 2

/* The kernel's stack_t (sigaltstack). */
struct a64_stack {
  u64 ss_sp;
  i32 ss_flags;
  i32 __pad;
  u64 ss_size;
};
_Static_assert(sizeof(struct a64_stack) == 24, "aarch64 stack_t");

#define A64_SS_ONSTACK 1
#define A64_SS_DISABLE 2
#define A64_SS_AUTODISARM (1u << 31)
/* asm/signal.h: arm64's own value, larger than asm-generic's 2048. */
#define A64_MINSIGSTKSZ 5120

/* struct robust_list_head: three pointers; set_robust_list insists on it. */
#define A64_ROBUST_LIST_HEAD_SIZE 24

/* ---- processes (fork.c, exec.c, wait.c) ---- */

/* linux/sched.h: clone flags whose meaning elfrun acts on. The exit signal
   sits in the low byte (CSIGNAL). */
#define A64_CSIGNAL 0x000000ffull
#define A64_CLONE_VM 0x00000100ull
#define A64_CLONE_SIGHAND 0x00000800ull
#define A64_CLONE_PIDFD 0x00001000ull
#define A64_CLONE_VFORK 0x00004000ull
#define A64_CLONE_SETTLS 0x00080000ull
#define A64_CLONE_PARENT_SETTID 0x00100000ull
#define A64_CLONE_CHILD_CLEARTID 0x00200000ull
#define A64_CLONE_CHILD_SETTID 0x01000000ull
#define A64_CLONE_CLEAR_SIGHAND 0x100000000ull
#define A64_CLONE_INTO_CGROUP 0x200000000ull

/* linux/sched.h: clone3's argument block, all 64-bit fields. Sizes of the
   published versions; a larger one must be zero past what we know. */
struct a64_clone_args {
  u64 flags;
  u64 pidfd;        /* CLONE_PIDFD: where the pidfd goes */
  u64 child_tid;    /* CLONE_CHILD_SETTID / CLONE_CHILD_CLEARTID */
  u64 parent_tid;   /* CLONE_PARENT_SETTID */
  u64 exit_signal;
  u64 stack;        /* lowest address of the child's stack, or 0 */
  u64 stack_size;
  u64 tls;          /* CLONE_SETTLS: the child's TPIDR_EL0 */
  u64 set_tid;      /* array of pids to ask for, one per pid namespace */
  u64 set_tid_size;
  u64 cgroup;       /* CLONE_INTO_CGROUP: a cgroup directory fd */
};
#define A64_CLONE_ARGS_SIZE_VER0 64
#define A64_CLONE_ARGS_SIZE_VER1 80
#define A64_CLONE_ARGS_SIZE_VER2 88
_Static_assert(sizeof(struct a64_clone_args) == A64_CLONE_ARGS_SIZE_VER2,
               "aarch64 struct clone_args");

/* asm-generic/siginfo.h: the head of siginfo_t and its _sigchld member,
   which is all waitid() writes (si_signo, si_errno, si_code, si_pid,
   si_uid, si_status; never the times, nor the word after si_code). arm64
   does not swap si_errno and si_code. */
struct a64_siginfo_chld {
  i32 signo;
  i32 err;          /* si_errno */
  i32 code;
  i32 __pad;        /* the union is 8-byte aligned on 64-bit ABIs */
  i32 pid;
  u32 uid;
  i32 status;
  i32 __pad2;
  i64 utime;
  i64 stime;
};
_Static_assert(__builtin_offsetof(struct a64_siginfo_chld, pid) == 16, "siginfo");
_Static_assert(__builtin_offsetof(struct a64_siginfo_chld, status) == 24, "siginfo");
_Static_assert(__builtin_offsetof(struct a64_siginfo_chld, utime) == 32, "siginfo");

/* ---- timers (timer.c) ---- */

/* asm-generic/siginfo.h: struct sigevent, 64 bytes on every 64-bit ABI:
   sigval, signo, notify, then a union of which the kernel reads only the
   thread id (SIGEV_THREAD_ID); SIGEV_THREAD is libc's business. */
struct a64_sigevent {
  u64 sigev_value;
  i32 sigev_signo;
  i32 sigev_notify;
  union {
    i32 tid;
    i32 _pad[12];
  } sigev_un;
};
_Static_assert(sizeof(struct a64_sigevent) == 64, "aarch64 struct sigevent");
_Static_assert(__builtin_offsetof(struct a64_sigevent, sigev_un) == 16, "sigevent");

/* ---- sockets (socket.c, socket_msg.c) ---- */

/* linux/socket.h (struct user_msghdr) and glibc's bits/socket.h: the same
   on arm64 and x86-64, both LP64: xlat.c asserts every offset against the
   host's struct msghdr. The pointers inside are guest addresses and are
   checked before the host sees them. */
struct a64_msghdr {
  u64 msg_name;
  i32 msg_namelen;
  i32 __pad1;
  u64 msg_iov;
  u64 msg_iovlen;
  u64 msg_control;
  u64 msg_controllen;
  u32 msg_flags;
  u32 __pad2;
};
_Static_assert(sizeof(struct a64_msghdr) == 56, "aarch64 struct msghdr");

/* struct mmsghdr (sendmmsg, recvmmsg): a msghdr and the byte count. */
struct a64_mmsghdr {
  struct a64_msghdr msg_hdr;
  u32 msg_len;
  u32 __pad;
};
_Static_assert(sizeof(struct a64_mmsghdr) == 64, "aarch64 struct mmsghdr");

/* struct cmsghdr: a size_t length, level, type, then data aligned to 8
   (CMSG_ALIGN is sizeof(long) on both). */
struct a64_cmsghdr {
  u64 cmsg_len;
  i32 cmsg_level;
  i32 cmsg_type;
};
_Static_assert(sizeof(struct a64_cmsghdr) == 16, "aarch64 struct cmsghdr");

/* struct sock_fprog (SO_ATTACH_FILTER): a count and a pointer to the
   program, 8-byte aligned on both 64-bit ABIs. */
struct a64_sock_fprog {
  u16 len;
  u16 __pad[3];
  u64 filter;
};
_Static_assert(sizeof(struct a64_sock_fprog) == 16, "aarch64 struct sock_fprog");

/* ---- SysV IPC (ipc.c) ---- */

/* asm-generic/ipcbuf.h: struct ipc64_perm, the same 48 bytes on x86-64. */
struct a64_ipc64_perm {
  i32 key;
  u32 uid;
  u32 gid;
  u32 cuid;
  u32 cgid;
  u32 mode;
  u16 seq;
  u16 __pad2;
  u64 __unused1;
  u64 __unused2;
};
_Static_assert(sizeof(struct a64_ipc64_perm) == 48, "aarch64 struct ipc64_perm");

/* asm-generic/sembuf.h for 64-bit: no padding words after the two times,
   where x86-64's asm/sembuf.h has __unused1 and __unused2. The only SysV
   structure whose layout differs (shmid64_ds and msqid64_ds are equal). */
struct a64_semid64_ds {
  struct a64_ipc64_perm sem_perm;
  i64 sem_otime;
  i64 sem_ctime;
  u64 sem_nsems;
  u64 __unused3;
  u64 __unused4;
};
_Static_assert(sizeof(struct a64_semid64_ds) == 88, "aarch64 struct semid64_ds");
_Static_assert(__builtin_offsetof(struct a64_semid64_ds, sem_nsems) == 64, "semid64_ds");

/* SHMLBA of a 64-bit arm64 task (asm-generic/shmparam.h): one page. */
#define A64_SHMLBA 4096

/* ---- files and events (statfs.c, epoll.c, fs.c) ---- */

/* asm-generic/statfs.h with __statfs_word = __kernel_long_t: arm64 uses it
   as it stands (asm/statfs.h only packs the compat statfs64). x86-64's
   asm/statfs.h includes the same generic header, so the 64-bit layouts
   agree; the copy in xlat.c still goes field by field, so a host libc with
   another struct statfs could not leak into the guest. */
struct a64_statfs {
  i64 f_type;
  i64 f_bsize;
  i64 f_blocks;
  i64 f_bfree;
  i64 f_bavail;
  i64 f_files;
  i64 f_ffree;
  i32 f_fsid[2];
  i64 f_namelen;
  i64 f_frsize;
  i64 f_flags;
  i64 f_spare[4];
};
_Static_assert(sizeof(struct a64_statfs) == 120, "aarch64 struct statfs");

/* linux/eventpoll.h: EPOLL_PACKED is defined only for x86-64, so there the
   struct is 12 bytes and data sits at offset 4; arm64 aligns data to 8,
   making 16 bytes with a hole after events. */
struct a64_epoll_event {
  u32 events;
  u32 __pad;
  u64 data;
};
_Static_assert(sizeof(struct a64_epoll_event) == 16, "aarch64 struct epoll_event");

/* linux/openat2.h: struct open_how, 24 bytes in its first version; a
   larger one must be zero past what we know (copy_struct_from_user). */
struct a64_open_how {
  u64 flags;   /* O_* in the guest's encoding (asm/fcntl.h) */
  u64 mode;
  u64 resolve; /* RESOLVE_*: the same bits everywhere */
};
#define A64_OPEN_HOW_SIZE_VER0 24
_Static_assert(sizeof(struct a64_open_how) == A64_OPEN_HOW_SIZE_VER0, "struct open_how");

/* ---- message queues (mqueue.c) ----
   linux/mqueue.h: struct mq_attr is eight longs on every 64-bit ABI
   (flags, maxmsg, msgsize, curmsgs, four reserved). mq_flags carries only
   O_NONBLOCK, 04000 on both. */
struct a64_mq_attr {
  i64 mq_flags;
  i64 mq_maxmsg;
  i64 mq_msgsize;
  i64 mq_curmsgs;
  i64 __reserved[4];
};
_Static_assert(sizeof(struct a64_mq_attr) == 64, "aarch64 struct mq_attr");
_Static_assert(__builtin_offsetof(struct a64_mq_attr, mq_curmsgs) == 24, "mq_attr");

/* ---- kcmp (misc.c) ----
   linux/kcmp.h: struct kcmp_epoll_slot, three u32 on every ABI. */
struct a64_kcmp_epoll_slot {
  u32 efd;
  u32 tfd;
  u32 toff;
};
_Static_assert(sizeof(struct a64_kcmp_epoll_slot) == 12, "struct kcmp_epoll_slot");

#endif
