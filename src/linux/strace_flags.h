#ifndef ELFRUN_LINUX_STRACE_FLAGS_H_
#define ELFRUN_LINUX_STRACE_FLAGS_H_

#include "base/types.h"

/* Flag sets and enums of the aarch64 ABI, printed by name for --strace. */
void strace_put_open_flags(u64 v);
void strace_put_at_flags(u64 v);
void strace_put_eaccess_flags(u64 v);
void strace_put_access_mode(u64 v);
void strace_put_prot(u64 v);
void strace_put_map_flags(u64 v);
void strace_put_clone_flags(u64 v);
void strace_put_signal(u64 v);
void strace_put_sigset_word(u64 set);
void strace_put_sigmask_how(u64 v);
void strace_put_sa_flags(u64 v);
void strace_put_fcntl_cmd(u64 v);
void strace_put_fd_flags(u64 v);
void strace_put_ioctl_request(u64 v);
void strace_put_epoll_op(u64 v);
void strace_put_epoll_events(u64 v);
void strace_put_poll_events(u64 v);
void strace_put_resolve_flags(u64 v);
void strace_put_socket_family(u64 v);
void strace_put_socket_type(u64 v);
void strace_put_socket_protocol(u64 family, u64 v);
void strace_put_msg_flags(u64 v);
void strace_put_sock_level(u64 v);
void strace_put_sockopt_name(u64 level, u64 name);
void strace_put_cmsg_type(u64 level, u64 type);
void strace_put_futex_op(u64 v);
void strace_put_wait_options(u64 v);
void strace_put_rlimit_resource(u64 v);
void strace_put_clock_id(u64 v);
void strace_put_file_mode(u64 mode);
bool strace_put_fd_creation_flags(const char *call, u64 v);
void strace_put_wait_status(u32 status);
void strace_put_seek_whence(u64 v);
void strace_put_madvice(u64 v);
void strace_put_getrandom_flags(u64 v);
void strace_put_prctl_option(u64 v);
void strace_put_statx_at_flags(u64 v);
void strace_put_statx_mask(u64 v);

#endif
