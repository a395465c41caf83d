-- Lua 5.4 the language: strings and patterns, tables, closures, metatables,
-- integers and floats, varargs, load, error handling. Lines starting with
-- BAD are failed self-checks (tests/sysroot.sh fails the case on them).

local function check(what, got, want)
  if got == want then
    print(what .. ": " .. tostring(got))
  else
    print("BAD " .. what .. ": got " .. tostring(got) .. ", want " .. tostring(want))
  end
end

-- Strings and patterns.
local s = "The quick brown fox jumps over the lazy dog"
check("upper", s:upper():sub(1, 9), "THE QUICK")
check("find", select(1, s:find("fox")), 17)
check("match", s:match("(%a+) dog$"), "lazy")
check("gsub count", select(2, s:gsub("o", "0")), 4)
check("gsub function", (s:gsub("%w+", function(w) return #w end)), "3 5 5 3 5 4 3 4 3")
local words = {}
for w in s:gmatch("%a+") do words[#words + 1] = w:lower() end
check("gmatch words", #words, 9)
check("rep", ("ab"):rep(3, "-"), "ab-ab-ab")
check("reverse", ("stressed"):reverse(), "desserts")
check("byte/char", string.char(s:byte(1, 3)), "The")
check("format", string.format("%5.2f|%-4d|%x|%q|%s", math.pi, 42, 255, "a\nb", nil), " 3.14|42  |ff|\"a\\\nb\"|nil")
check("format %g", string.format("%g %g %g", 1e20, 0.1, 2^63), "1e+20 0.1 9.22337e+18")
check("utf8", utf8.len("h\u{e9}llo \u{4e16}\u{754c}"), 8)
local cps = {}
for _, c in utf8.codes("\u{e9}\u{4e16}") do cps[#cps + 1] = c end
check("utf8 codes", table.concat(cps, ","), "233,19990")
local packed = string.pack("<i4 d s1", -2, 1.5, "xy")
check("pack size", #packed, 4 + 8 + 3)
local a, b, c = string.unpack("<i4 d s1", packed)
check("unpack", a .. " " .. b .. " " .. c, "-2 1.5 xy")

-- Tables.
local t = {}
for i = 1, 100 do t[i] = (i * 37) % 101 end
table.sort(t)
check("sort", t[1] .. " " .. t[50] .. " " .. t[100], "1 50 100")
table.sort(t, function(x, y) return x > y end)
check("sort desc", t[1], 100)
check("concat", table.concat({1, 2, 3}, "+"), "1+2+3")
local moved = table.move({1, 2, 3, 4, 5}, 2, 4, 1, {})
check("move", table.concat(moved, ","), "2,3,4")
local u = {10, 20, 30}
table.insert(u, 2, 15)
check("insert/remove", table.remove(u) .. " " .. table.concat(u, ","), "30 10,15,20")
check("unpack", select("#", table.unpack({1, nil, 3}, 1, 3)), 3)
local keys = {}
for k in pairs({zeta = 1, alpha = 2, mid = 3}) do keys[#keys + 1] = k end
table.sort(keys)
check("pairs keys", table.concat(keys, ","), "alpha,mid,zeta")
local big = {}
for i = 1, 20000 do big["k" .. i] = i end
local sum = 0
for _, v in pairs(big) do sum = sum + v end
check("hash table sum", sum, 20000 * 20001 // 2)

-- Closures and upvalues.
local function counter()
  local n = 0
  return function() n = n + 1; return n end, function() return n end
end
local inc, get = counter()
inc(); inc(); inc()
local inc2 = counter()
inc2()
check("closures", get() .. " " .. inc2(), "3 2")
local fns = {}
for i = 1, 3 do fns[i] = function() return i * 10 end end
check("loop closures", fns[1]() + fns[2]() + fns[3](), 60)
local function compose(f, g) return function(...) return f(g(...)) end end
check("compose", compose(function(x) return x + 1 end, function(x, y) return x * y end)(6, 7), 43)
local function varsum(...)
  local total = 0
  for i = 1, select("#", ...) do total = total + (select(i, ...) or 0) end
  return total, select("#", ...)
end
check("varargs", table.concat({varsum(1, 2, nil, 4)}, " "), "7 4")

-- Metatables: a vector type with operators, __index inheritance, __call.
local Vec = {}
Vec.__index = Vec
function Vec.new(x, y) return setmetatable({x = x, y = y}, Vec) end
function Vec.__add(p, q) return Vec.new(p.x + q.x, p.y + q.y) end
function Vec.__eq(p, q) return p.x == q.x and p.y == q.y end
function Vec.__tostring(p) return "(" .. p.x .. "," .. p.y .. ")" end
function Vec.__len(p) return math.sqrt(p.x * p.x + p.y * p.y) end
function Vec:scale(k) return Vec.new(self.x * k, self.y * k) end
local v = Vec.new(3, 4) + Vec.new(0, 0)
check("metamethods", tostring(v:scale(2)) .. " " .. #v, "(6,8) 5.0")
check("__eq", Vec.new(1, 2) == Vec.new(1, 2), true)
local Animal = {sound = "..."}
Animal.__index = Animal
function Animal:speak() return self.name .. " says " .. self.sound end
local Dog = setmetatable({sound = "woof"}, Animal)
Dog.__index = Dog
local d = setmetatable({name = "rex"}, Dog)
check("inheritance", d:speak(), "rex says woof")
local memo = setmetatable({}, {__index = function(tbl, n)
  local r = n < 2 and n or tbl[n - 1] + tbl[n - 2]
  tbl[n] = r
  return r
end})
check("memo fib", memo[90], 2880067194370816120)
local callable = setmetatable({}, {__call = function(_, x) return x * 2 end})
check("__call", callable(21), 42)

-- Integers and floats.
check("int overflow wraps", math.maxinteger + 1 == math.mininteger, true)
check("floor div", (-7) // 2 .. " " .. (-7) % 2 .. " " .. 7 // -2, "-4 1 -4")
check("float div", 7 / 2, 3.5)
check("bitwise", (0xF0 | 0x0F) ~ 0xFF, 0)
check("shift", 1 << 62, 4611686018427387904)
check("tointeger", math.tointeger(3.0), 3)
check("float string", tostring(1e15) .. " " .. tostring(2^53) .. " " .. tostring(-0.0), "1e+15 9.007199254741e+15 -0.0")
check("sqrt", string.format("%.10f", math.sqrt(2)), "1.4142135624")
check("fmod", math.fmod(-7, 3), -1)
check("math.type", math.type(1) .. math.type(1.0) .. tostring(math.type("1")), "integerfloatnil")
check("string to number", tonumber("0x1p4") + tonumber("  12  ") + tonumber("z", 36), 63.0)

-- load, pcall, error objects, goto.
local chunk = load("local a, b = ...; return a * b + 1")
check("load", chunk(6, 7), 43)
local ok, err = pcall(function() error({code = 42}) end)
check("error object", (not ok) and err.code, 42)
ok, err = pcall(function() local x = nil; return x.field end)
check("runtime error", (not ok) and (err:match("attempt to index") ~= nil), true)
local ok2, msg = xpcall(function() error("deep", 0) end, function(m) return "handled " .. m end)
check("xpcall", tostring(ok2) .. " " .. msg, "false handled deep")
local n = 0
::again::
n = n + 1
if n < 5 then goto again end
check("goto", n, 5)
collectgarbage()
check("gc count", collectgarbage("count") > 0, true)
print("done")
