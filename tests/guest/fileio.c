/* File I/O on a temporary file: mkstemp in /tmp, write in odd-sized chunks,
   seek, read back, pread/pwrite, ftruncate, fstat, stdio on top of the
   descriptor, rename, unlink, and the errors that follow. The file's name
   is random, so it is never printed. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define SIZE 100000

static unsigned char g_data[SIZE], g_back[SIZE];

static const char *yes(int b) { return b ? "yes" : "no"; }

static void write_in_chunks(int fd) {
  size_t done = 0, chunk = 1;
  while (done < SIZE) {
    size_t n = chunk < SIZE - done ? chunk : SIZE - done;
    ssize_t w = write(fd, g_data + done, n);
    if (w <= 0) {
      printf("write failed: %s\n", strerror(errno));
      return;
    }
    done += (size_t)w;
    chunk = chunk * 3 + 1; /* 1, 4, 13, 40, ... bytes */
  }
  printf("wrote %zu bytes\n", done);
}

static void read_back(int fd) {
  off_t at = lseek(fd, 0, SEEK_SET);
  size_t done = 0;
  ssize_t r;
  while ((r = read(fd, g_back + done, 4093)) > 0) done += (size_t)r;
  printf("lseek to 0 returned %lld; read %zu bytes back, same: %s; read at EOF returns %zd\n",
         (long long)at, done, yes(done == SIZE && !memcmp(g_data, g_back, SIZE)), r);
}

static void positional(int fd) {
  unsigned char buf[16];
  ssize_t r = pread(fd, buf, sizeof buf, 50000);
  printf("pread 16 at 50000: %zd bytes, same: %s, offset unchanged: %s\n", r,
         yes(r == 16 && !memcmp(buf, g_data + 50000, 16)), yes(lseek(fd, 0, SEEK_CUR) == SIZE));
  ssize_t w = pwrite(fd, "PWRITE", 6, 10);
  r = pread(fd, buf, 8, 8);
  printf("pwrite 6 at 10: %zd; bytes 8..15 now %02x %02x %.6s\n", w, buf[0], buf[1], buf + 2);
  off_t end = lseek(fd, 0, SEEK_END), hole = lseek(fd, 4096, SEEK_END);
  w = write(fd, "!", 1);
  struct stat st;
  fstat(fd, &st);
  printf("SEEK_END %lld, past it %lld, size after writing there %lld, regular file %s\n",
         (long long)end, (long long)hole, (long long)st.st_size, yes(S_ISREG(st.st_mode)));
  r = pread(fd, buf, 4, SIZE + 100);
  printf("the hole reads as zeros: %s\n", yes(r == 4 && !buf[0] && !buf[1] && !buf[2] && !buf[3]));
  ftruncate(fd, 1234);
  fstat(fd, &st);
  printf("ftruncate to 1234: size %lld, mode %o\n", (long long)st.st_size, st.st_mode & 0777);
}

static void with_stdio(int fd) {
  FILE *f = fdopen(dup(fd), "w+");
  rewind(f);
  for (int i = 0; i < 5; i++) fprintf(f, "line %d: %s\n", i, i % 2 ? "odd" : "even");
  fflush(f);
  rewind(f);
  char line[64];
  int lines = 0;
  while (fgets(line, sizeof line, f)) {
    if (lines++ == 3) printf("4th line via fgets: %s", line);
    if (lines == 5) break;
  }
  printf("ftell after 5 lines: %ld\n", ftell(f));
  fclose(f);
}

int main(void) {
  for (size_t i = 0; i < SIZE; i++) g_data[i] = (unsigned char)(i * 7 + i / 251);
  char path[] = "/tmp/elfrun-fileio-XXXXXX";
  int fd = mkstemp(path);
  if (fd < 0) {
    printf("mkstemp failed: %s\n", strerror(errno));
    return 1;
  }
  printf("mkstemp replaced the X's: %s\n", yes(!strstr(path, "XXXXXX")));
  write_in_chunks(fd);
  read_back(fd);
  positional(fd);
  with_stdio(fd);
  close(fd);

  char renamed[sizeof path + 4];
  snprintf(renamed, sizeof renamed, "%s.new", path);
  printf("rename: %d\n", rename(path, renamed));
  errno = 0;
  printf("open old name: %d, ENOENT: %s\n", open(path, O_RDONLY), yes(errno == ENOENT));
  fd = open(renamed, O_RDONLY);
  char head[8] = {0};
  printf("open new name: %s, first bytes %02x %02x\n", yes(fd >= 0),
         (unsigned char)(read(fd, head, 2) == 2 ? head[0] : 0), (unsigned char)head[1]);
  close(fd);
  printf("unlink: %d\n", unlink(renamed));
  errno = 0;
  printf("unlink again: %d, ENOENT: %s\n", unlink(renamed), yes(errno == ENOENT));
  errno = 0;
  printf("close(fd) twice: %d, EBADF: %s\n", close(fd), yes(errno == EBADF));
  errno = 0;
  printf("open(\"/tmp\", O_WRONLY): %d, EISDIR: %s\n", open("/tmp", O_WRONLY), yes(errno == EISDIR));
  return 0;
}
