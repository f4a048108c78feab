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

# Threading under load: 16 workers hashing at once, then the primitives
# that park threads on futexes (Event, Condition, Barrier, Semaphore).
from concurrent.futures import ThreadPoolExecutor
def digest(i):
    h = hashlib.sha256()
    for k in range(2000): h.update(b"%d:%d" % (i, k))
    return h.hexdigest()[:12]
with ThreadPoolExecutor(max_workers=16) as ex:
    ds = list(ex.map(digest, range(64)))
print(len(ds), ds[0], ds[63], hashlib.sha256("".join(ds).encode()).hexdigest()[:16])
ready, cond, items = threading.Event(), threading.Condition(), []
def producer():
    ready.wait()
    for i in range(100):
        with cond: items.append(i); cond.notify()
def consumer(out):
    got = 0
    while got < 50:
        with cond:
            cond.wait_for(lambda: items)
            items.pop(); got += 1
    out.append(got)
outs = []
cs = [threading.Thread(target=consumer, args=(outs,)) for _ in range(2)]
p = threading.Thread(target=producer)
[t.start() for t in cs + [p]]; ready.set(); [t.join() for t in cs + [p]]
print("condition", outs, items)
bar, sem, count = threading.Barrier(8), threading.BoundedSemaphore(3), [0]
lock = threading.Lock()
def party():
    bar.wait()
    with sem:
        with lock: count[0] += 1
ts = [threading.Thread(target=party) for _ in range(8)]
[t.start() for t in ts]; [t.join() for t in ts]
print("barrier", count[0], threading.active_count())

# subprocess: pipes both ways, check_output, a timeout, death by signal.
r = subprocess.run(["tr", "a-z", "A-Z"], input="piped text\n", capture_output=True, text=True)
print(r.returncode, r.stdout.strip(), repr(r.stderr))
print(subprocess.check_output(["/bin/echo", "checked", "output"]))
p = subprocess.Popen(["sleep", "10"], stdout=subprocess.PIPE)
try:
    p.communicate(timeout=0.2); print("no timeout")
except subprocess.TimeoutExpired:
    print("timed out")
p.kill(); p.communicate(); print("killed", p.returncode)
p = subprocess.Popen(["cat"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
print(p.communicate(b"x" * 200000, timeout=20)[0] == b"x" * 200000, p.returncode)
p = subprocess.run(["sh", "-c", "kill -TERM $$"]); print("signalled", p.returncode)
try:
    subprocess.run(["false"], check=True)
except subprocess.CalledProcessError as e:
    print("check", e.returncode)

# multiprocessing: a pool of two forked workers.
import multiprocessing
def square(x): return x * x
if __name__ == "__main__":
    with multiprocessing.get_context("fork").Pool(2) as pool:
        print("pool", pool.map(square, range(10)), sum(pool.imap_unordered(square, range(100))))
