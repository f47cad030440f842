#!/usr/bin/env bash
# Times the questions of issue 13 on the 1M-quad store that bench/gen makes,
# whole commands (process start included) with their peak memory, and the
# in-process percentiles of go test -bench Query; with OLD=path/to/kg, the
# same commands of that binary side by side.
#
#   bench/query.sh                          # kg as built from this tree
#   OLD=/tmp/kg-old bench/query.sh          # and an older kg beside it
#   SKIP_GOBENCH=1 bench/query.sh           # without the percentiles (minutes)
#   KG_BENCH_POSTGRES=postgres://u:p@127.0.0.1/db?sslmode=disable bench/query.sh
#                                           # and the same on PostgreSQL
#
# The store is built once (kg load of 1M generated quads, a few minutes) into
# the benchmark cache: KG_BENCH_CACHE, else ~/.cache/kg-bench/store-1m.db;
# on PostgreSQL, into the schema kgbench_q of that database (a few minutes,
# once: a stamp in the cache says it is there).
set -euo pipefail
cd "$(dirname "$0")/.."

CACHE=${KG_BENCH_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/kg-bench}
DB=$CACHE/store-1m.db
die() { echo "bench/query.sh: $*" >&2; exit 1; }
[[ -x /usr/bin/time ]] || die "/usr/bin/time (GNU time) is needed for peak memory"
mkdir -p "$CACHE"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/kg" ./cmd/kg
if [[ ! -f $DB ]]; then
  echo "building $DB from 1M generated quads (minutes, once) ..." >&2
  go run ./bench/gen -n 1000000 >"$work/quads.nq"
  "$work/kg" load --db "$DB.tmp" "$work/quads.nq" >&2
  mv "$DB.tmp" "$DB"
fi
# A store kept from an older kg has an older index (or none), which read-only
# commands do not use: build this kg's anew once (kg verify --reindex; verify's
# own verdict is beside the point here).
ixv=$(sed -n 's/.*ixVersion *= *"\([0-9]*\)".*/\1/p' graph/index.go)
if [[ $(cat "$DB.ixv" 2>/dev/null) != "$ixv" ]]; then
  echo "building the index of $DB anew (version $ixv, a minute, once) ..." >&2
  "$work/kg" verify --reindex --db "$DB" >/dev/null 2>&1 || true
  echo "$ixv" >"$DB.ixv"
fi

# one BIN ARGS...: wall seconds and peak RSS (MB) of one run, on the store
# that STORE_ARGS name.
STORE_ARGS=(--db "$DB")
one() {
  local bin=$1; shift
  /usr/bin/time -f '%e %M' -o "$work/t" "$bin" "$@" "${STORE_ARGS[@]}" >"$work/out" 2>"$work/err" || true
  awk '{ printf "%7.2f s %6.0f MB", $1, $2 / 1024 }' "$work/t"
}

commands=(
  'neighbors|Entity 1000'
  'facts|Entity 1000'
  'support|Entity 1000|penalize|Entity 0'
  'path|Entity 1000|Entity 5000'
  'neighbors|Entity 0'
  'facts|Entity 0'
  'path|Entity 0|Entity 5000'
  'entities|-n|3'
  'entities|-n|3'
  'rank|-n|3'
  'rank|-n|3'
  'communities|-n|3'
  'communities|-n|3'
)
rm -f "$DB.analysis" # entities, rank and communities: the first run computes, the second reads the cache
{
  echo
  echo "kg query benchmark: $(nproc) cores, $(go env GOVERSION), $(date -u +%Y-%m-%dT%H:%MZ)"
  echo "store: $DB ($(du -m "$DB" | cut -f1) MB, 1M quads of bench/gen)"
  echo
  printf '%-42s %20s' "command" "this kg"
  [[ -n ${OLD:-} ]] && printf ' %20s' "old ($OLD)"
  echo
  for c in "${commands[@]}"; do
    IFS='|' read -r -a args <<<"$c"
    printf '%-42s %20s' "kg ${args[*]}" "$(one "$work/kg" "${args[@]}")"
    if [[ -n ${OLD:-} ]]; then
      printf ' %20s' "$(one "$OLD" "${args[@]}")"
    fi
    echo
  done
  echo "(entities, rank and communities twice: computed, then from the cache kept beside the store)"
  if [[ -z ${SKIP_GOBENCH:-} ]]; then
    echo
    echo "in process, store opening included, over 100+ entities of every degree (go test -bench Query -benchtime 1x ./cmd/kg)"
    KG_BENCH_STORE=$DB go test -run '^$' -bench Query -benchtime 1x -timeout 0 ./cmd/kg | grep '^Benchmark' | sed 's/^/  /'
  fi

  if [[ -n ${KG_BENCH_POSTGRES:-} ]]; then
    case $KG_BENCH_POSTGRES in
      *\?*) PGURL="$KG_BENCH_POSTGRES&search_path=kgbench_q" ;;
      *) PGURL="$KG_BENCH_POSTGRES?search_path=kgbench_q" ;;
    esac
    stamp=$CACHE/postgres-1m.stamp
    if [[ $(cat "$stamp" 2>/dev/null) != "$KG_BENCH_POSTGRES" ]] || ! psql -qtA "$KG_BENCH_POSTGRES" -c 'SELECT 1 FROM kgbench_q.quads LIMIT 1' >/dev/null 2>&1; then
      echo "loading 1M generated quads into PostgreSQL, schema kgbench_q (minutes, once) ..." >&2
      psql -q "$KG_BENCH_POSTGRES" -c 'DROP SCHEMA IF EXISTS kgbench_q CASCADE; CREATE SCHEMA kgbench_q' >/dev/null
      go run ./bench/gen -n 1000000 >"$work/quads.nq"
      "$work/kg" load --backend postgres --db "$PGURL" "$work/quads.nq" >&2
      echo "$KG_BENCH_POSTGRES" >"$stamp"
    fi
    STORE_ARGS=(--backend postgres --db "$PGURL")
    echo
    echo "the same on PostgreSQL $(psql -tA "$KG_BENCH_POSTGRES" -c 'SHOW server_version'), schema kgbench_q"
    echo
    for c in "${commands[@]}"; do
      IFS='|' read -r -a args <<<"$c"
      printf '%-42s %20s\n' "kg ${args[*]}" "$(one "$work/kg" "${args[@]}")"
    done
    if [[ -z ${SKIP_GOBENCH:-} ]]; then
      echo
      echo "in process on PostgreSQL (KG_BENCH_QUERY_POSTGRES=... go test -bench Query -benchtime 1x ./cmd/kg)"
      KG_BENCH_QUERY_POSTGRES=$PGURL go test -run '^$' -bench Query -benchtime 1x -timeout 0 ./cmd/kg | grep '^Benchmark' | sed 's/^/  /'
    fi
  fi
} | tee "$CACHE/query-report.txt"
