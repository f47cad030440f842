#!/usr/bin/env bash
# Times the questions of issue 13 on the 1M-quad store that bench/gen makes,
# whole commands (process start included) with their peak memory, and the
# in-process percentiles of go test -bench Query; with OLD=path/to/kg, the
# same commands of that binary side by side.
#
#   bench/query.sh                          # kg as built from this tree
#   OLD=/tmp/kg-old bench/query.sh          # and an older kg beside it
#   SKIP_GOBENCH=1 bench/query.sh           # without the percentiles (minutes)
#
# The store is built once (kg load of 1M generated quads, a few minutes) into
# the benchmark cache: KG_BENCH_CACHE, else ~/.cache/kg-bench/store-1m.db.
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

# one BIN ARGS...: wall seconds and peak RSS (MB) of one run.
one() {
  local bin=$1; shift
  /usr/bin/time -f '%e %M' -o "$work/t" "$bin" "$@" --db "$DB" >"$work/out" 2>"$work/err" || true
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
} | tee "$CACHE/query-report.txt"
