#!/usr/bin/env python3
"""Talks the remote protocol to `elfrun --gdb` directly, for what gdb's
scripts cannot show: the error reply for bad memory, the stop replies for a
guest signal and for Ctrl-C, continue-with-signal delivery, qXfer objects,
thread names, the W reply. Prints one line per exchange, thread ids as TID.

  rsp.py PORT ADDRESS-OF-stop_spinning
"""
import re
import socket
import sys

sock = socket.create_connection(("127.0.0.1", int(sys.argv[1])))
flag = int(sys.argv[2], 16)
buf = b""


def send(payload):
    data = payload.encode("latin-1")
    sock.sendall(b"$%s#%02x" % (data, sum(data) & 0xFF))


def reply():
    global buf
    while True:
        start = buf.find(b"$")
        end = buf.find(b"#", start)
        if start >= 0 and end >= 0 and len(buf) >= end + 3:
            body = buf[start + 1:end].decode("latin-1")
            buf = buf[end + 3:]
            return body
        chunk = sock.recv(65536)
        if not chunk:
            return "<closed>"
        buf += chunk


def ask(payload, show=None):
    send(payload)
    r = reply()
    tid = re.search(r"thread:([0-9a-f]+);", r)
    if tid:
        ask.tid = tid.group(1)
    r = re.sub(r"thread:[0-9a-f]+;", "thread:TID;", r)
    print("%s -> %s" % (show or payload, r))
    return r


sock.sendall(b"+")
send("QStartNoAckMode")
reply()
sock.sendall(b"+")
ask("?")
ask("m0,4")
ask("m10000,4")
exe = reply_exe = None
send("qXfer:exec-file:read::0,fff")
exe = reply()
print("qXfer:exec-file:read -> %s" % exe[0] + exe.rsplit("/", 1)[-1])
send("qXfer:auxv:read::0,1000")
auxv = reply()
print("qXfer:auxv:read -> %s, %d bytes, ends with AT_NULL: %s" %
      (auxv[0], len(auxv) - 1, auxv[-16:] == "\0" * 16))
ask("vCont;c")
send("vCont;C1e")
sock.sendall(b"\x03")
r = re.sub(r"thread:[0-9a-f]+;", "thread:TID;", reply())
print("vCont;C1e, then Ctrl-C -> %s" % r)
send("qThreadExtraInfo,%s" % ask.tid)
print("qThreadExtraInfo -> %s" % bytes.fromhex(reply()).decode())
ask("M%x,4:01000000" % flag, "M stop_spinning,4:01000000")
ask("vCont;c")
