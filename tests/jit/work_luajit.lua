-- Deterministic work for LuaJIT (tests/jit/programs.sh): hot loops that
-- LuaJIT compiles to arm64 code at run time, which elfrun must then run
-- (it writes the code, flushes it with IC IVAU, jumps to it).
local function fib(n) if n < 2 then return n end return fib(n - 1) + fib(n - 2) end
print(fib(27))
local t = {}
for i = 1, 200000 do t[i] = (i * 7919) % 10007 end
table.sort(t)
local s = 0
for i = 1, #t, 97 do s = s + t[i] end
print(s)
local acc = 0.0
for i = 0, 400000 do acc = acc + math.sin(i / 7.0) * math.exp(-i / 50000.0) end
print(string.format("%.17g", acc))
local h = 0
for i = 1, 3000000 do h = (h * 31 + i) % 4294967291 end
print(h)
local parts = {}
for i = 1, 20000 do parts[#parts + 1] = string.format("%d:%x", i, i * 31) end
local str = table.concat(parts, ",")
local n = 0
for w in str:gmatch("%x+") do n = n + 1 end
print(#str, n, jit and jit.status() and "jit on" or "jit off")
