#!/usr/bin/env bash
# kg serve under load: wrk (Debian's package) drives a mix of searches as
# typed, neighbourhoods, paths, facts and Gizmo queries on loopback, and
# every other second a Gizmo query that loops forever, which the server must
# stop at its deadline (504) while it keeps answering the rest. It prints requests/s,
# latency percentiles, the answers by status and the server's memory over
# the run.
#
#   bench/serve.sh                          # the examples, 10 minutes
#   DURATION=20s bench/serve.sh             # a short run (what the test runs)
#   DB=~/.cache/kg-bench/store-1m.db bench/serve.sh   # a store of your own
#
# CONNECTIONS (8) and THREADS (2) set wrk's; QUERY_TIMEOUT (1s) the server's
# --query-timeout. The last line says whether the run held: no answer but
# 200, the endless queries' 504 and the 503 "too many queries at once" of a
# Gizmo query that finds the server's four query places taken, no socket
# error, and memory flat (the last sample within 1.5x of the one at a third
# of the run).
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-10m}
CONNECTIONS=${CONNECTIONS:-8}
THREADS=${THREADS:-2}
QUERY_TIMEOUT=${QUERY_TIMEOUT:-1s}
die() { echo "bench/serve.sh: $*" >&2; exit 2; }
command -v wrk >/dev/null || die "wrk is needed (apt-get install wrk)"
command -v curl >/dev/null || die "curl is needed (apt-get install curl)"

work=$(mktemp -d)
server=
cleanup() {
  [[ -n $server ]] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
go build -o "$work/kg" ./cmd/kg
db=${DB:-}
if [[ -z $db ]]; then
  db=$work/kg.db
  "$work/kg" build --quiet --db "$db" examples/*.txt
fi

# The entities to ask about: the 50 most connected, hubs first.
"$work/kg" entities --db "$db" --sort degree -n 50 --json | grep -o '"id":"[^"]*"' | cut -d'"' -f4 >"$work/ids"
"$work/kg" entities --db "$db" --sort degree -n 50 --json | grep -o '"name":"[^"]*"' | cut -d'"' -f4 >"$work/names"
[[ -s $work/ids ]] || die "$db has no entities"

port=$((20000 + RANDOM % 20000))
"$work/kg" serve --db "$db" --addr "127.0.0.1:$port" --query-timeout "$QUERY_TIMEOUT" 2>"$work/log" &
server=$!
for _ in $(seq 100); do
  curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
  sleep 0.1
done
curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null || { cat "$work/log" >&2; die "kg serve did not start"; }

rss() { awk '/^VmRSS/ { print int($2 / 1024) }' "/proc/$server/status"; }
(
  while kill -0 "$server" 2>/dev/null; do
    rss >>"$work/rss" 2>/dev/null || true
    sleep 2
  done
) &
sampler=$!

cat >"$work/mix.lua" <<'EOF'
local function lines(path)
  local t = {}
  for l in io.lines(path) do t[#t + 1] = l end
  return t
end
local function enc(s)
  return (s:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end
local ids, names = lines(os.getenv("KG_IDS")), lines(os.getenv("KG_NAMES"))
counts = {} -- global: done() reads it from each thread
local n = 0
local threads = {}

function setup(thread) table.insert(threads, thread) end

function init()
  math.randomseed(os.time() + math.floor(os.clock() * 1e6))
end

function request()
  n = n + 1
  local k = n % 20
  local now = os.time()
  if now % 2 == 0 and now ~= endless_at then
    -- every other second, on each of wrk's threads: a query that never
    -- ends, stopped at the deadline (so that, with QUERY_TIMEOUT 1s, they
    -- hold one or two of the server's four query places, not all)
    endless_at = now
    return wrk.format("POST", "/api/v1/query", {["Content-Type"] = "application/json"},
      '{"query":"var i = 0; while (true) { i++ }"}')
  end
  local a, b = ids[math.random(#ids)], ids[math.random(#ids)]
  if k < 6 then
    local name = names[math.random(#names)]
    return wrk.format("GET", "/api/v1/search?limit=10&q=" .. enc(name:sub(1, 1 + math.random(3))))
  elseif k < 11 then
    return wrk.format("GET", "/api/v1/neighbors?depth=1&limit=50&name=" .. enc(a))
  elseif k < 14 then
    return wrk.format("GET", "/api/v1/paths?k=3&max_hops=4&from=" .. enc(a) .. "&to=" .. enc(b))
  elseif k < 17 then
    return wrk.format("GET", "/api/v1/facts?name=" .. enc(a))
  else
    return wrk.format("POST", "/api/v1/query", {["Content-Type"] = "application/json"},
      '{"query":"g.V(\\"' .. a .. '\\").Out().Out(\\"<kg:name>\\").All()","limit":100}')
  end
end

function response(status, headers, body)
  local key = tostring(status)
  -- the server's four query places all taken: back-pressure, with Retry-After
  if status == 503 and body and body:find("too many queries", 1, true) then key = "503 busy" end
  counts[key] = (counts[key] or 0) + 1
end

function done(summary, latency, requests)
  local all = {}
  for _, t in ipairs(threads) do
    for s, c in pairs(t:get("counts")) do all[s] = (all[s] or 0) + c end
  end
  local keys = {}
  for s in pairs(all) do keys[#keys + 1] = s end
  table.sort(keys)
  local parts = {}
  for _, s in ipairs(keys) do parts[#parts + 1] = s .. ": " .. all[s] end
  io.write("answers by status: ", table.concat(parts, ", "), "\n")
  local e = summary.errors
  io.write(string.format("socket errors: %d (connect %d, read %d, write %d, timeout %d)\n",
    e.connect + e.read + e.write + e.timeout, e.connect, e.read, e.write, e.timeout))
  for _, p in ipairs({50, 90, 99}) do
    io.write(string.format("latency p%d: %.1f ms\n", p, latency:percentile(p) / 1000))
  end
  io.write(string.format("latency max: %.1f ms\n", latency.max / 1000))
  local bad = 0
  for s, c in pairs(all) do if s ~= "200" and s ~= "504" and s ~= "503 busy" then bad = bad + c end end
  io.write("unexpected answers: ", bad, "\n")
end
EOF

echo "kg serve on $db: wrk -t$THREADS -c$CONNECTIONS -d$DURATION, query timeout $QUERY_TIMEOUT"
# wrk's own timeout is past the server's deadline: the endless queries get
# their 504, not a dropped socket.
KG_IDS=$work/ids KG_NAMES=$work/names wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout 30s \
  -s "$work/mix.lua" "http://127.0.0.1:$port" | tee "$work/wrk"
kill "$sampler" 2>/dev/null || true
wait "$sampler" 2>/dev/null || true

mapfile -t mem <"$work/rss"
count=${#mem[@]}
((count >= 3)) || die "too few memory samples ($count): run longer"
third=${mem[$((count / 3))]}
last=${mem[$((count - 1))]}
peak=$(printf '%s\n' "${mem[@]}" | sort -n | tail -1)
echo "server memory (RSS): first ${mem[0]} MB, at a third $third MB, peak $peak MB, last $last MB ($count samples)"
bad=$(awk '/^unexpected answers:/ { print $3 }' "$work/wrk")
sock=$(awk '/^socket errors:/ { print $3 }' "$work/wrk")
if [[ $bad == 0 && $sock == 0 ]] && ((last * 2 <= third * 3)); then
  echo "held: every answer 200, the deadline's 504 or a busy 503, no socket error, memory flat"
else
  echo "did not hold: $bad unexpected answers, $sock socket errors, memory $third -> $last MB"
  tail -20 "$work/log" >&2
  exit 1
fi
