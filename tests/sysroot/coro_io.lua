-- Lua 5.4 coroutines and the os and io libraries: generators, a producer
-- and consumer pipeline, coroutine errors and close; files written, read,
-- seeked and renamed in the current (scratch) directory; arguments, the
-- environment, dates; exits with os.exit(3). BAD lines are failed
-- self-checks.

local function check(what, got, want)
  if got == want then
    print(what .. ": " .. tostring(got))
  else
    print("BAD " .. what .. ": got " .. tostring(got) .. ", want " .. tostring(want))
  end
end

-- Generators.
local function range(n)
  return coroutine.wrap(function()
    for i = 1, n do coroutine.yield(i) end
  end)
end
local s = 0
for i in range(1000) do s = s + i end
check("generator sum", s, 500500)

local function primes()
  return coroutine.wrap(function()
    local found = {}
    local n = 2
    while true do
      local prime = true
      for _, p in ipairs(found) do
        if p * p > n then break end
        if n % p == 0 then prime = false; break end
      end
      if prime then found[#found + 1] = n; coroutine.yield(n) end
      n = n + 1
    end
  end)
end
local gen, list = primes(), {}
for _ = 1, 15 do list[#list + 1] = gen() end
check("primes", table.concat(list, " "), "2 3 5 7 11 13 17 19 23 29 31 37 41 43 47")

-- Producer, filter, consumer, passing values both ways through resume/yield.
local producer = coroutine.create(function()
  for _, w in ipairs({"lua", "coroutines", "are", "cooperative", "threads"}) do
    local reply = coroutine.yield(w)
    assert(reply == #w, "reply")
  end
  return "producer done"
end)
local got = {}
local ok, value = coroutine.resume(producer)
while coroutine.status(producer) == "suspended" do
  got[#got + 1] = value:upper()
  ok, value = coroutine.resume(producer, #value)
end
check("pipeline", table.concat(got, " ") .. " / " .. value, "LUA COROUTINES ARE COOPERATIVE THREADS / producer done")
check("status dead", coroutine.status(producer), "dead")
local co = coroutine.create(function() error("inside") end)
local ok2, err = coroutine.resume(co)
check("error in coroutine", tostring(ok2) .. " " .. tostring(err:match("inside")), "false inside")
check("isyieldable", coroutine.isyieldable(), false)
local closed = {}
local cc = coroutine.create(function()
  local _ <close> = setmetatable({}, {__close = function() closed[#closed + 1] = "closed" end})
  coroutine.yield(1)
end)
coroutine.resume(cc)
check("coroutine.close", tostring(coroutine.close(cc)) .. " " .. (closed[1] or "none"), "true closed")
-- Deep recursion inside a coroutine uses its own stack.
local deep = coroutine.wrap(function()
  local function down(n) if n == 0 then return 0 end return 1 + down(n - 1) end
  coroutine.yield(down(10000))
end)
check("deep recursion", deep(), 10000)

-- Files.
local f = assert(io.open("data.txt", "w"))
for i = 1, 200 do f:write(string.format("row %03d %d\n", i, i * i)) end
f:write("tail without newline")
f:close()
local total, rows = 0, 0
for line in io.lines("data.txt") do
  local n = line:match("^row %d+ (%d+)$")
  if n then total = total + tonumber(n); rows = rows + 1 end
end
check("lines", rows .. " " .. total, "200 2686700")
f = assert(io.open("data.txt", "r"))
local size = #"tail without newline"
for i = 1, 200 do size = size + #string.format("row %03d %d\n", i, i * i) end
check("size by seek", f:seek("end"), size)
f:seek("set", 4)
check("read after seek", f:read(3), "001")
f:seek("set", 0)
check("read number", f:read("l"), "row 001 1")
f:close()
f = assert(io.open("data.txt", "a+"))
f:write("\nappended")
f:seek("set")
local all = f:read("a")
f:close()
check("append", all:sub(-8), "appended")
local bin = assert(io.open("bytes.bin", "wb"))
local bytes = {}
for i = 0, 255 do bytes[#bytes + 1] = string.char(i) end
bin:write(table.concat(bytes))
bin:close()
bin = assert(io.open("bytes.bin", "rb"))
local b = bin:read("a")
bin:close()
check("binary round trip", #b .. " " .. b:byte(1) .. " " .. b:byte(256), "256 0 255")
check("rename", os.rename("bytes.bin", "renamed.bin"), true)
check("old name gone", io.open("bytes.bin") == nil, true)
check("remove", os.remove("renamed.bin"), true)
local nf, msg = io.open("no/such/file")
check("open error", nf == nil and msg:match("No such file") ~= nil, true)
local tmp = os.tmpname()
check("tmpname", type(tmp), "string")
os.remove(tmp)
io.write("io.write ", 1, " ", 2.5, "\n")
io.stdout:write("stdout:write\n")

-- os.
check("arg", #arg .. " " .. arg[1] .. " " .. arg[2], "2 arg1 two")
check("getenv", os.getenv("SYSROOT_TEST_VAR"), "a value with spaces")
check("getenv missing", os.getenv("NO_SUCH_VARIABLE_HERE"), nil)
check("date of 0", os.date("!%Y-%m-%d %H:%M:%S", 0), "1970-01-01 00:00:00")
check("time of a date", os.time({year = 2024, month = 2, day = 29, hour = 12}), 1709208000)
check("date table", os.date("!*t", 86400 * 365).year, 1971)
local c0 = os.clock()
local x = 0
for i = 1, 200000 do x = x + i % 7 end
check("clock runs", os.clock() >= c0, true)
check("time now is recent", os.time() > 1700000000, true)
io.stdout:flush()
os.exit(3)
