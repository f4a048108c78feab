#!/usr/bin/env python3
"""Runs COMMAND in a new user namespace and mount namespace in which user
and group ids 0-65535 map to the same ids outside.

    userns.py COMMAND [ARGS...]

`unshare --map-root-user` maps only root, so nobody else exists inside and
`setpriv --reuid=65534` fails; `unshare --map-users` needs newuidmap. A
root caller may write the wider map itself (user_namespaces(7)), which
lets a test mount its own binfmt_misc instance (one per user namespace
since Linux 6.7) and still try it as an unprivileged user. Needs root.
"""
import ctypes
import os
import sys

CLONE_NEWNS = 0x00020000
CLONE_NEWUSER = 0x10000000


def main():
    if len(sys.argv) < 2:
        sys.exit("usage: userns.py COMMAND [ARGS...]")
    ready_r, ready_w = os.pipe()
    mapped_r, mapped_w = os.pipe()
    pid = os.fork()
    if pid == 0:
        libc = ctypes.CDLL(None, use_errno=True)
        if libc.unshare(CLONE_NEWUSER | CLONE_NEWNS) != 0:
            err = ctypes.get_errno()
            sys.stderr.write(f"userns.py: unshare: {os.strerror(err)}\n")
            os._exit(125)
        os.write(ready_w, b"x")
        if os.read(mapped_r, 1) != b"x":
            os._exit(125)
        os.execvp(sys.argv[1], sys.argv[1:])
    os.read(ready_r, 1)
    ok = b"x"
    try:
        for name in ("uid_map", "gid_map"):
            with open(f"/proc/{pid}/{name}", "w") as f:
                f.write("0 0 65536\n")
    except OSError as e:
        sys.stderr.write(f"userns.py: cannot write the id map: {e.strerror}\n")
        ok = b"n"
    os.write(mapped_w, ok)
    _, status = os.waitpid(pid, 0)
    sys.exit(os.waitstatus_to_exitcode(status) % 256)


if __name__ == "__main__":
    main()
