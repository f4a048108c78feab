/* File calls: statfs/fstatfs (field sanity only: sizes vary by machine),
   sendfile, splice, tee, vmsplice and copy_file_range through pipes and
   files, extended attributes on a file under /tmp (user.* may be refused
   by the file system: the errno is printed then), fallocate, the sync
   family, readahead, fadvise, flock, OFD locks, pipe sizes and
   name_to_handle_at.
   Oracle: qemu-aarch64. No inode numbers, sizes of the disk or temporary
   names are printed. See also io_native.c (calls qemu 7.2 lacks). */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/sendfile.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <sys/xattr.h>
#include <unistd.h>

static const char *errname(int e) {
  switch (e) {
    case EBADF: return "EBADF";     case EFAULT: return "EFAULT";
    case EINVAL: return "EINVAL";   case EAGAIN: return "EAGAIN";
    case ENOENT: return "ENOENT";   case EPERM: return "EPERM";
    case ENODATA: return "ENODATA"; case ERANGE: return "ERANGE";
    case EOPNOTSUPP: return "EOPNOTSUPP"; case ESPIPE: return "ESPIPE";
    case EEXIST: return "EEXIST";   case E2BIG: return "E2BIG";
    case EXDEV: return "EXDEV";     case EISDIR: return "EISDIR";
    case ENOTDIR: return "ENOTDIR"; case EOVERFLOW: return "EOVERFLOW";
    case ENOSYS: return "ENOSYS";   case EBUSY: return "EBUSY";
    default: return "E?";
  }
}

static void show(const char *what, long r) {
  if (r == -1) printf("%-44s %s\n", what, errname(errno));
  else printf("%-44s %ld\n", what, r);
}

static char g_dir[64];
static void *volatile g_bad = (void *)8; /* hidden from the compiler's checks */

static const char *in_dir(const char *name) {
  static char buf[4][128];
  static int which;
  char *b = buf[which++ % 4];
  snprintf(b, sizeof buf[0], "%s/%s", g_dir, name);
  return b;
}

static void test_statfs(void) {
  struct statfs st;
  memset(&st, 0xff, sizeof st);
  show("statfs /tmp", statfs(g_dir, &st));
  printf("f_bsize > 0: %d, f_namelen > 0: %d, f_frsize > 0: %d, spare zero: %d\n",
         st.f_bsize > 0, st.f_namelen > 0, st.f_frsize > 0,
         st.f_spare[0] == 0 && st.f_spare[3] == 0);
  printf("bfree <= blocks: %d, bavail <= bfree: %d\n", st.f_bfree <= st.f_blocks,
         st.f_bavail <= st.f_bfree);
  struct statfs fs2;
  int fd = open(g_dir, O_RDONLY | O_DIRECTORY);
  show("fstatfs", fstatfs(fd, &fs2));
  printf("same type and fsid: %d\n", fs2.f_type == st.f_type &&
         !memcmp(&fs2.f_fsid, &st.f_fsid, sizeof st.f_fsid));
  close(fd);
  show("statfs /proc is procfs", statfs("/proc/self", &st) == 0 && st.f_type == 0x9fa0);
  show("statfs missing", statfs("/nonexistent/x", &st));
  show("statfs bad buffer", syscall(SYS_statfs, g_dir, (void *)8));
  show("fstatfs bad fd", fstatfs(999, &st));
  printf("sizeof(struct statfs)=%zu\n", sizeof st);
}

static int make_file(const char *name, const char *text) {
  int fd = open(in_dir(name), O_RDWR | O_CREAT | O_TRUNC, 0600);
  if (text) (void)!write(fd, text, strlen(text));
  return fd;
}

static void show_text(const char *what, int fd, long len) {
  char buf[64] = {0};
  long n = read(fd, buf, len < 63 ? len : 63);
  printf("%s: %ld \"%s\"\n", what, n, n > 0 ? buf : "");
}

static void test_splice_family(void) {
  int src = make_file("src", "hello, splice world\n");
  int p[2];
  if (pipe(p)) return;
  off_t off = 7;
  show("sendfile file->pipe from 7", sendfile(p[1], src, &off, 6));
  printf("offset now %ld\n", (long)off);
  show_text("pipe has", p[0], 6);
  lseek(src, 0, SEEK_SET);
  show("sendfile using file position", sendfile(p[1], src, NULL, 5));
  show("file position after", lseek(src, 0, SEEK_CUR));
  int dst = make_file("dst", NULL);
  loff_t out_off = 2;
  show("splice pipe->file at 2", splice(p[0], NULL, dst, &out_off, 5, 0));
  printf("out offset now %ld\n", (long)out_off);
  lseek(dst, 2, SEEK_SET);
  show_text("file has", dst, 5);

  int q[2];
  if (pipe(q)) return;
  (void)!write(p[1], "teedata", 7);
  show("tee p->q", tee(p[0], q[1], 7, 0));
  show_text("tee copy", q[0], 7);
  show_text("original still there", p[0], 7);

  char a[] = "vm", b[] = "splice";
  struct iovec iov[2] = {{a, 2}, {b, 6}};
  show("vmsplice 2 segments", vmsplice(p[1], iov, 2, 0));
  show_text("pipe has", p[0], 8);
  struct iovec bad = {(void *)8, 4};
  show("vmsplice bad segment", vmsplice(p[1], &bad, 1, 0));
  show("vmsplice bad array", vmsplice(p[1], (void *)8, 1, 0));

  loff_t in_off = 0, o2 = 0;
  int cpy = make_file("copy", NULL);
  show("copy_file_range 12 bytes", copy_file_range(src, &in_off, cpy, &o2, 12, 0));
  printf("offsets now %ld %ld\n", (long)in_off, (long)o2);
  lseek(cpy, 0, SEEK_SET);
  show_text("copy has", cpy, 12);
  show("copy_file_range bad flags", copy_file_range(src, &in_off, cpy, &o2, 1, 1));
  show("copy_file_range to a pipe", copy_file_range(src, &in_off, p[1], NULL, 1, 0));
  show("splice bad fd", splice(999, NULL, p[1], NULL, 1, 0));
  show("splice file->file", splice(src, NULL, cpy, NULL, 1, 0));
  show("sendfile bad offset pointer", sendfile(p[1], src, (void *)8, 1));
  show("splice offset on a pipe", splice(p[0], &in_off, cpy, NULL, 1, 0));
  close(src); close(dst); close(cpy);
  close(p[0]); close(p[1]); close(q[0]); close(q[1]);
}

static void test_xattr(void) {
  const char *f = in_dir("xattr");
  int fd = make_file("xattr", "x");
  long r = setxattr(f, "user.elfrun", "value1", 6, XATTR_CREATE);
  show("setxattr user.elfrun", r);
  if (r != 0) {
    close(fd);
    return; /* the file system refuses user.*: the errno above says so */
  }
  show("setxattr again XATTR_CREATE", setxattr(f, "user.elfrun", "v", 1, XATTR_CREATE));
  show("setxattr missing XATTR_REPLACE", setxattr(f, "user.nope", "v", 1, XATTR_REPLACE));
  char buf[64] = {0};
  show("getxattr size query", getxattr(f, "user.elfrun", NULL, 0));
  show("getxattr", getxattr(f, "user.elfrun", buf, sizeof buf));
  printf("value %s\n", buf);
  show("getxattr buffer too small", getxattr(f, "user.elfrun", buf, 2));
  show("getxattr missing", getxattr(f, "user.missing", buf, sizeof buf));
  show("fsetxattr user.two", fsetxattr(fd, "user.two", "22", 2, 0));
  show("fgetxattr user.two", fgetxattr(fd, "user.two", buf, sizeof buf));
  memset(buf, 0, sizeof buf);
  long n = listxattr(f, buf, sizeof buf);
  show("listxattr", n);
  /* Order is the file system's: print the names sorted. */
  int has1 = 0, has2 = 0;
  for (long off = 0; off < n; off += strlen(buf + off) + 1) {
    has1 |= !strcmp(buf + off, "user.elfrun");
    has2 |= !strcmp(buf + off, "user.two");
  }
  printf("lists user.elfrun %d user.two %d\n", has1, has2);
  show("flistxattr size query", flistxattr(fd, NULL, 0));
  show("listxattr too small", listxattr(f, buf, 3));
  show("removexattr", removexattr(f, "user.elfrun"));
  show("removexattr again", removexattr(f, "user.elfrun"));
  show("fremovexattr", fremovexattr(fd, "user.two"));
  show("getxattr empty name", getxattr(f, "", buf, sizeof buf));
  char longname[300];
  memset(longname, 'a', sizeof longname);
  memcpy(longname, "user.", 5);
  longname[299] = 0;
  show("getxattr 299-byte name", getxattr(f, longname, buf, sizeof buf));
  show("getxattr bad name pointer", getxattr(f, (void *)8, buf, sizeof buf));
  show("setxattr bad value pointer", setxattr(f, "user.x", g_bad, 4, 0));
  show("setxattr unknown namespace", setxattr(f, "bogus.x", "v", 1, 0));
  show("setxattr bad flags", setxattr(f, "user.x", "v", 1, 4));
  show("getxattr missing file", getxattr(in_dir("none"), "user.x", buf, sizeof buf));
  symlink("xattr", in_dir("xlink"));
  show("lgetxattr on symlink", lgetxattr(in_dir("xlink"), "user.x", buf, sizeof buf));
  show("lsetxattr user.* on symlink", lsetxattr(in_dir("xlink"), "user.x", "v", 1, 0));
  show("llistxattr on symlink", llistxattr(in_dir("xlink"), buf, sizeof buf) >= 0);
  show("lremovexattr on symlink", lremovexattr(in_dir("xlink"), "user.x"));
  show("fgetxattr bad fd", fgetxattr(999, "user.x", buf, sizeof buf));
  unlink(in_dir("xlink"));
  close(fd);
}

static void test_space_and_sync(void) {
  int fd = make_file("space", NULL);
  struct stat st;
  show("fallocate 8192", fallocate(fd, 0, 0, 8192));
  fstat(fd, &st);
  printf("size %ld\n", (long)st.st_size);
  show("fallocate KEEP_SIZE", fallocate(fd, FALLOC_FL_KEEP_SIZE, 8192, 4096));
  fstat(fd, &st);
  printf("size %ld\n", (long)st.st_size);
  show("fallocate bad mode", fallocate(fd, 0x1000000, 0, 1));
  show("fallocate negative len", fallocate(fd, 0, 0, -1));
  show("ftruncate 100", ftruncate(fd, 100));
  show("truncate 50", truncate(in_dir("space"), 50));
  fstat(fd, &st);
  printf("size %ld\n", (long)st.st_size);
  show("truncate negative", truncate(in_dir("space"), -1));
  show("fsync", fsync(fd));
  show("fdatasync", fdatasync(fd));
  show("syncfs", syncfs(fd));
  show("syncfs bad fd", syncfs(999));
  show("sync_file_range", sync_file_range(fd, 0, 0, SYNC_FILE_RANGE_WRITE));
  show("sync_file_range bad flags", sync_file_range(fd, 0, 0, 8));
  show("readahead", readahead(fd, 0, 4096));
  show("posix_fadvise WILLNEED", posix_fadvise(fd, 0, 0, POSIX_FADV_WILLNEED));
  show("posix_fadvise DONTNEED", posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED));
  show("fadvise64 bad advice", syscall(SYS_fadvise64, fd, 0, 0, 99));
  int p[2];
  if (pipe(p)) return;
  show("fadvise64 on a pipe", syscall(SYS_fadvise64, p[0], 0, 0, POSIX_FADV_NORMAL));
  show("readahead on a pipe", readahead(p[0], 0, 10));
  show("F_GETPIPE_SZ", fcntl(p[0], F_GETPIPE_SZ));
  show("F_SETPIPE_SZ 65536*2", fcntl(p[0], F_SETPIPE_SZ, 131072));
  show("F_GETPIPE_SZ", fcntl(p[1], F_GETPIPE_SZ));
  show("F_SETPIPE_SZ on a file", fcntl(fd, F_SETPIPE_SZ, 4096));
  close(p[0]); close(p[1]);
  close(fd);
}

static void test_locks(void) {
  int a = make_file("lock", "0123456789");
  int b = open(in_dir("lock"), O_RDWR);
  show("flock EX", flock(a, LOCK_EX));
  show("flock EX|NB other open file", flock(b, LOCK_EX | LOCK_NB));
  show("flock UN", flock(a, LOCK_UN));
  show("flock EX|NB now", flock(b, LOCK_EX | LOCK_NB));
  show("flock bad op", flock(b, 99));
  flock(b, LOCK_UN);
  struct flock fl = {.l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 0, .l_len = 5};
  show("F_OFD_SETLK write 0-4", fcntl(a, F_OFD_SETLK, &fl));
  struct flock q = {.l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 2, .l_len = 1};
  show("F_OFD_GETLK from other file", fcntl(b, F_OFD_GETLK, &q));
  printf("conflict: type=%s start=%ld len=%ld pid=%d\n",
         q.l_type == F_WRLCK ? "F_WRLCK" : q.l_type == F_UNLCK ? "F_UNLCK" : "?",
         (long)q.l_start, (long)q.l_len, q.l_pid);
  q.l_type = F_WRLCK;
  q.l_start = 2;
  q.l_len = 1;
  q.l_pid = 0;
  show("F_OFD_SETLK conflicting", fcntl(b, F_OFD_SETLK, &q));
  q.l_start = 6;
  show("F_OFD_SETLKW free range", fcntl(b, F_OFD_SETLKW, &q));
  q.l_pid = 1;
  show("F_OFD_SETLK with l_pid set", fcntl(b, F_OFD_SETLK, &q));
  show("F_OFD_GETLK bad pointer", fcntl(b, F_OFD_GETLK, (void *)8));
  show("unknown fcntl", fcntl(a, 9999));
  close(a); close(b);
}

static void test_handles(void) {
  struct {
    struct file_handle fh;
    unsigned char bytes[128];
  } h;
  int mount_id;
  h.fh.handle_bytes = 0;
  long r = name_to_handle_at(AT_FDCWD, in_dir("lock"), &h.fh, &mount_id, 0);
  printf("%-44s %s\n", "name_to_handle_at, 0 bytes",
         r == -1 ? errname(errno) : "succeeded");
  printf("handle_bytes filled in: %d\n", h.fh.handle_bytes > 0);
  r = name_to_handle_at(AT_FDCWD, in_dir("lock"), &h.fh, &mount_id, 0);
  printf("%-44s %s\n", "name_to_handle_at", r == -1 ? errname(errno) : "0");
  show("name_to_handle_at bad flags", name_to_handle_at(AT_FDCWD, g_dir, &h.fh, &mount_id, 8));
  show("name_to_handle_at missing",
       name_to_handle_at(AT_FDCWD, in_dir("none"), &h.fh, &mount_id, 0));
}

int main(void) {
  setvbuf(stdout, NULL, _IONBF, 0);
  strcpy(g_dir, "/tmp/io_files.XXXXXX");
  if (!mkdtemp(g_dir)) return 1;
  test_statfs();
  test_splice_family();
  test_xattr();
  test_space_and_sync();
  test_locks();
  test_handles();
  const char *names[] = {"src", "dst", "copy", "xattr", "space", "lock"};
  for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) unlink(in_dir(names[i]));
  show("rmdir", rmdir(g_dir));
  return 0;
}
