# Debian's arm64 python3.11 under a sysroot, exercising the modules issue 4
# names (os, socket, select, selectors, mmap, tempfile, shutil, json,
# hashlib) plus threading and subprocess. Run it under elfrun and under
# qemu-aarch64 -L on the same glibc sysroot and compare the output:
#   elfrun --sysroot R R/usr/bin/python3 tests/sysroot/python_modules.py
import threading, subprocess, os, json, hashlib, socket, select, tempfile, shutil, mmap
res = []
def work(i): res.append(sum(range(i * 1000)))
ts = [threading.Thread(target=work, args=(i,)) for i in range(8)]
[t.start() for t in ts]; [t.join() for t in ts]
print(sorted(res)[:3])
print(subprocess.run(["echo", "from child"], capture_output=True, text=True).stdout.strip())
print(json.dumps({"sha": hashlib.sha256(b"abc").hexdigest()[:16]}))
a, b = socket.socketpair(); a.send(b"ping"); print(b.recv(4))
d = tempfile.mkdtemp(); open(d + "/f", "w").write("x" * 10); shutil.rmtree(d); print("tmp ok")
with tempfile.TemporaryFile() as f:
    f.write(b"hello mmap"); f.flush(); m = mmap.mmap(f.fileno(), 0); print(m[:5])
import selectors
r, w = os.pipe(); os.write(w, b"sel")
print(select.select([r], [], [], 1)[0] == [r])
sel = selectors.DefaultSelector(); sel.register(r, selectors.EVENT_READ)
print([k.fd == r for k, _ in sel.select(1)], os.read(r, 3))
print(os.getcwd() == os.path.realpath("."))
