-- A few seconds of computation in Lua 5.4, for the translator's hot paths
-- (the interpreter loop, float arithmetic, table access, string building):
-- spectral norm, fannkuch, a sieve, n-body steps, string hashing. The
-- expected values were computed by the same algorithms in Python on the
-- host. BAD lines are failed self-checks.

local function check(what, got, want)
  if got == want then
    print(what .. ": " .. tostring(got))
  else
    print("BAD " .. what .. ": got " .. tostring(got) .. ", want " .. tostring(want))
  end
end

-- Spectral norm of the infinite matrix A(i,j) = 1/((i+j)(i+j+1)/2+i+1).
local function spectral(n)
  local function a(i, j) local ij = i + j - 1; return 1.0 / (ij * (ij - 1) * 0.5 + i) end
  local function av(x, y) for i = 1, n do local s = 0 for j = 1, n do s = s + a(i, j) * x[j] end y[i] = s end end
  local function atv(x, y) for i = 1, n do local s = 0 for j = 1, n do s = s + a(j, i) * x[j] end y[i] = s end end
  local u, v, t = {}, {}, {}
  for i = 1, n do u[i] = 1 end
  for _ = 1, 10 do
    av(u, t); atv(t, v)
    av(v, t); atv(t, u)
  end
  local vbv, vv = 0, 0
  for i = 1, n do vbv = vbv + u[i] * v[i]; vv = vv + v[i] * v[i] end
  return string.format("%0.9f", math.sqrt(vbv / vv))
end
check("spectral norm 100", spectral(100), "1.274219991")

-- Fannkuch-redux: the maximum number of flips and the checksum.
local function fannkuch(n)
  local perm, perm1, count = {}, {}, {}
  local maxflips, checksum, permcount = 0, 0, 0
  for i = 0, n - 1 do perm1[i] = i end
  local r = n
  while true do
    while r ~= 1 do count[r - 1] = r; r = r - 1 end
    for i = 0, n - 1 do perm[i] = perm1[i] end
    local flips = 0
    local k = perm[0]
    while k ~= 0 do
      local i, j = 0, k
      while i < j do perm[i], perm[j] = perm[j], perm[i]; i = i + 1; j = j - 1 end
      flips = flips + 1
      k = perm[0]
    end
    if flips > maxflips then maxflips = flips end
    checksum = checksum + (permcount % 2 == 0 and flips or -flips)
    while true do
      if r == n then return checksum, maxflips end
      local p0 = perm1[0]
      for i = 0, r - 1 do perm1[i] = perm1[i + 1] end
      perm1[r] = p0
      count[r] = count[r] - 1
      if count[r] > 0 then break end
      r = r + 1
    end
    permcount = permcount + 1
  end
end
local cs, mf = fannkuch(8)
check("fannkuch 8", cs .. " " .. mf, "1616 22")

-- Sieve of Eratosthenes.
local function sieve(n)
  local composite, count, last = {}, 0, 0
  for i = 2, n do
    if not composite[i] then
      count = count + 1
      last = i
      for j = i * i, n, i do composite[j] = true end
    end
  end
  return count, last
end
local count, last = sieve(300000)
check("primes below 300000", count .. " " .. last, "25997 299993")

-- N-body: the Sun and the four outer planets, energy before and after.
local PI, DAYS = math.pi, 365.24
local SOLAR = 4 * PI * PI
local bodies = {
  {x = 0, y = 0, z = 0, vx = 0, vy = 0, vz = 0, m = SOLAR},
  {x = 4.84143144246472090e+00, y = -1.16032004402742839e+00, z = -1.03622044471123109e-01,
   vx = 1.66007664274403694e-03 * DAYS, vy = 7.69901118419740425e-03 * DAYS,
   vz = -6.90460016972063023e-05 * DAYS, m = 9.54791938424326609e-04 * SOLAR},
  {x = 8.34336671824457987e+00, y = 4.12479856412430479e+00, z = -4.03523417114321381e-01,
   vx = -2.76742510726862411e-03 * DAYS, vy = 4.99852801234917238e-03 * DAYS,
   vz = 2.30417297573763929e-05 * DAYS, m = 2.85885980666130812e-04 * SOLAR},
  {x = 1.28943695621391310e+01, y = -1.51111514016986312e+01, z = -2.23307578892655734e-01,
   vx = 2.96460137564761618e-03 * DAYS, vy = 2.37847173959480950e-03 * DAYS,
   vz = -2.96589568540237556e-05 * DAYS, m = 4.36624404335156298e-05 * SOLAR},
  {x = 1.53796971148509165e+01, y = -2.59193146099879641e+01, z = 1.79258772950371181e-01,
   vx = 2.68067772490389322e-03 * DAYS, vy = 1.62824170038242295e-03 * DAYS,
   vz = -9.51592254519715870e-05 * DAYS, m = 5.15138902046611451e-05 * SOLAR},
}
local function energy()
  local e = 0
  for i = 1, #bodies do
    local b = bodies[i]
    e = e + 0.5 * b.m * (b.vx * b.vx + b.vy * b.vy + b.vz * b.vz)
    for j = i + 1, #bodies do
      local c = bodies[j]
      local dx, dy, dz = b.x - c.x, b.y - c.y, b.z - c.z
      e = e - b.m * c.m / math.sqrt(dx * dx + dy * dy + dz * dz)
    end
  end
  return e
end
local function advance(dt)
  for i = 1, #bodies do
    local b = bodies[i]
    for j = i + 1, #bodies do
      local c = bodies[j]
      local dx, dy, dz = b.x - c.x, b.y - c.y, b.z - c.z
      local d2 = dx * dx + dy * dy + dz * dz
      local mag = dt / (d2 * math.sqrt(d2))
      b.vx = b.vx - dx * c.m * mag; b.vy = b.vy - dy * c.m * mag; b.vz = b.vz - dz * c.m * mag
      c.vx = c.vx + dx * b.m * mag; c.vy = c.vy + dy * b.m * mag; c.vz = c.vz + dz * b.m * mag
    end
  end
  for _, b in ipairs(bodies) do
    b.x = b.x + dt * b.vx; b.y = b.y + dt * b.vy; b.z = b.z + dt * b.vz
  end
end
local px, py, pz = 0, 0, 0
for _, b in ipairs(bodies) do px = px + b.vx * b.m; py = py + b.vy * b.m; pz = pz + b.vz * b.m end
bodies[1].vx, bodies[1].vy, bodies[1].vz = -px / SOLAR, -py / SOLAR, -pz / SOLAR
check("n-body energy before", string.format("%.9f", energy()), "-0.169075164")
for _ = 1, 20000 do advance(0.01) end
check("n-body energy after 20000 steps", string.format("%.9f", energy()), "-0.169089263")

-- String building and a hash over it (FNV-1a, 32 bits).
local parts = {}
for i = 1, 20000 do parts[i] = string.format("%d:%x;", i, i * 2654435761 % 4294967296) end
local s = table.concat(parts)
local h = 2166136261
for i = 1, #s do h = ((h ~ s:byte(i)) * 16777619) & 0xffffffff end
check("string length", #s, 287561)
check("fnv1a", string.format("%08x", h), "901bee1b")
print("done")
