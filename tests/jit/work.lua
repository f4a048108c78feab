-- Deterministic CPU work for tests/jit/programs.sh: the same bytes out
-- under every tier of elfrun's CPU engine.
local function fib(n) if n < 2 then return n end return fib(n - 1) + fib(n - 2) end
print(fib(24))
local t = {}
for i = 1, 60000 do t[i] = (i * 7919) % 10007 end
table.sort(t)
local s = 0
for i = 1, #t, 97 do s = s + t[i] end
print(s)
local acc = 0.0
for i = 0, 40000 do acc = acc + math.sin(i / 7.0) * math.exp(-i / 5000.0) end
print(string.format("%.17g", acc))
local parts = {}
for i = 1, 20000 do parts[#parts + 1] = string.format("%d:%x", i, i * 31) end
local str = table.concat(parts, ",")
local count = 0
for w in str:gmatch("%x+") do count = count + 1 end
print(#str, count, str:sub(1000, 1040))
local h = 0
for i = 1, #str do h = (h * 31 + str:byte(i)) % 4294967296 end
print(h, 2^53 + 1, 1/3, math.maxinteger // 7, -7 // 2, 7.5 % -2)
