#!/usr/bin/env bash
# Loads the same kg-like N-Quads with Cayley's own `cayley load` and with
# `kg load`, side by side, and prints one report: bolt always, PostgreSQL when
# KG_BENCH_POSTGRES names a database (lib/pq URL; each run gets a schema of its
# own, dropped after).
#
#   bench/load.sh                       # 1M quads into bolt
#   N=200000 RUNS=3 bench/load.sh       # best of 3 runs each
#   KG_BENCH_POSTGRES=postgres://u:p@127.0.0.1/db?sslmode=disable PG_N=100000 bench/load.sh
set -euo pipefail
cd "$(dirname "$0")/.."

N=${N:-1000000}          # quads loaded into bolt
PG_N=${PG_N:-100000}     # quads loaded into PostgreSQL, row by row in both tools
RUNS=${RUNS:-1}          # runs of each; the best counts

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Cayley's command at the version kg pins, built from the module cache in a
# module of its own: its commands need modules that kg does not.
ver=$(go list -m -f '{{.Version}}' github.com/cayleygraph/cayley)
echo "building cayley $ver and kg ..." >&2
(
  cd "$work"
  go mod init cayleybench >/dev/null 2>&1
  go get "github.com/cayleygraph/cayley/cmd/cayley@$ver" >/dev/null 2>&1
  go build -o "$work/cayley" github.com/cayleygraph/cayley/cmd/cayley
)
go build -o "$work/kg" ./cmd/kg

echo "generating $N quads ..." >&2
go run ./bench/gen -n "$N" >"$work/quads.nq"
head -n "$PG_N" "$work/quads.nq" >"$work/pg.nq"

# best_of CMD...: runs the command RUNS times (its store removed between runs
# by the reset function) and prints the best wall time in seconds.
best_of() {
  local best="" start end t
  for _ in $(seq "$RUNS"); do
    reset
    start=$(date +%s%N)
    "$@" >"$work/out.log" 2>&1 || { cat "$work/out.log" >&2; exit 1; }
    end=$(date +%s%N)
    t=$(((end - start) / 1000000))
    if [[ -z $best || $t -lt $best ]]; then best=$t; fi
  done
  awk -v ms="$best" 'BEGIN { printf "%.2f", ms / 1000 }'
}

rate() { awk -v n="$1" -v s="$2" 'BEGIN { printf "%.0f", n / s }'; }

reset() { rm -rf "$work/cayley.db" "$work/kg.db"; }
c=$(best_of "$work/cayley" load --init -d bolt -a "$work/cayley.db" -i "$work/quads.nq")
k=$(best_of "$work/kg" load --batch 10000 --db "$work/kg.db" "$work/quads.nq")
held=$("$work/kg" stats --json --db "$work/kg.db" | sed 's/.*"quads":\([0-9]*\).*/\1/')

echo
echo "load of $N kg-like quads (bench/gen), best of $RUNS, $(nproc) cores"
printf '%-28s %10s %12s\n' "" seconds quads/s
printf '%-28s %10s %12s\n' "cayley load, bolt" "$c" "$(rate "$N" "$c")"
printf '%-28s %10s %12s\n' "kg load, bolt" "$k" "$(rate "$N" "$k")"
awk -v c="$c" -v k="$k" 'BEGIN { printf "kg / cayley (bolt): %.2fx\n", c / k }'
[[ $held == "$N" ]] || echo "warning: the kg store holds $held quads, not $N" >&2

if [[ -n ${KG_BENCH_POSTGRES:-} ]]; then
  url() { # the URL with its own schema
    case $KG_BENCH_POSTGRES in
      *\?*) echo "$KG_BENCH_POSTGRES&search_path=$1" ;;
      *) echo "$KG_BENCH_POSTGRES?search_path=$1" ;;
    esac
  }
  reset() {
    psql -q "$KG_BENCH_POSTGRES" -c "DROP SCHEMA IF EXISTS kgbench_c CASCADE; DROP SCHEMA IF EXISTS kgbench_k CASCADE;
      CREATE SCHEMA kgbench_c; CREATE SCHEMA kgbench_k;" 2>/dev/null
  }
  cp=$(best_of "$work/cayley" load --init -d postgres -a "$(url kgbench_c)" -i "$work/pg.nq")
  kp=$(best_of "$work/kg" load --batch 10000 --backend postgres --db "$(url kgbench_k)" "$work/pg.nq")
  psql -q "$KG_BENCH_POSTGRES" -c "DROP SCHEMA kgbench_c CASCADE; DROP SCHEMA kgbench_k CASCADE;" 2>/dev/null
  echo
  echo "load of the first $PG_N of those quads into PostgreSQL ($(psql -tA "$KG_BENCH_POSTGRES" -c 'SHOW server_version'))"
  printf '%-28s %10s %12s\n' "" seconds quads/s
  printf '%-28s %10s %12s\n' "cayley load, postgres" "$cp" "$(rate "$PG_N" "$cp")"
  printf '%-28s %10s %12s\n' "kg load, postgres" "$kp" "$(rate "$PG_N" "$kp")"
  awk -v c="$cp" -v k="$kp" 'BEGIN { printf "kg / cayley (postgres): %.2fx\n", c / k }'
fi
