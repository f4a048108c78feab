# Deterministic CPU work for tests/jit/programs.sh: the same bytes out
# under every tier of elfrun's CPU engine.
import hashlib, json, math, re

def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

out = []
out.append(fib(22))
out.append(hashlib.sha256(str(math.factorial(1500)).encode()).hexdigest())
xs = [(i * 7919) % 10007 for i in range(40000)]
xs.sort()
out.append(sum(xs[::97]))
out.append(repr(sum(math.sin(i / 7.0) * math.exp(-i / 5000.0) for i in range(20000))))
out.append(repr(sum(1.0 / (k * k) for k in range(1, 30000))))
words = re.findall(r"[a-z]+", " ".join(f"w{i % 97}x{i % 13}y" for i in range(8000)))
out.append(len(set(words)))
d = {str(i): [i, i * 0.5, str(i)[::-1]] for i in range(3000)}
out.append(hashlib.md5(json.dumps(d, sort_keys=True).encode()).hexdigest())
out.append(format(2 ** 0.5, ".17g") + " " + format(1e300 * 1e10, "") + " " + repr(0.1 + 0.2))
for line in out:
    print(line)
