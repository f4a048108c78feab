#ifndef ELFRUN_LINUX_STRACE_STRUCT_H_
#define ELFRUN_LINUX_STRACE_STRUCT_H_

#include "base/types.h"

/* Guest structures printed as strace(1) prints them. Each reads guest
   memory through copy_from_guest, so a bad pointer prints as the address. */
void strace_put_stat(gaddr a);
void strace_put_timespec(gaddr a);
void strace_put_sockaddr(gaddr a, u64 len);
void strace_put_sockaddr_out(gaddr a, gaddr lenp, u64 len_before);
void strace_put_iovec(gaddr a, u64 count, u64 data_len);
void strace_put_msghdr(gaddr a, u64 data_len);
void strace_put_pollfds(gaddr a, u64 count);
void strace_put_poll_revents(gaddr a, u64 count);
void strace_put_epoll_event(gaddr a);
void strace_put_sigset(gaddr a, u64 size);
void strace_put_sigaction(gaddr a);
void strace_put_rlimit(gaddr a);
void strace_put_utsname(gaddr a);
void strace_put_open_how(gaddr a, u64 size);
void strace_put_fd_pair(gaddr a);
void strace_put_clone_args(gaddr a, u64 size);
void strace_put_int_ptr(gaddr a);
void strace_put_string_array(gaddr a);
void strace_put_string_array_count(gaddr a);
void strace_put_wait_status_ptr(gaddr a);
void strace_put_statx(gaddr a);
void strace_put_epoll_events_array(gaddr a, u64 count);
void strace_put_sockopt_out(gaddr value, gaddr lenp);

/* "Data of any length": the iovec or msghdr contents to show in full
   (up to STRACE_DATA_SHOWN bytes each), before a call has returned. */
#define STRACE_ALL_DATA (~0ull)

#endif
