#!/usr/bin/env bash
# Builds one long JSON Lines document (the example article over and over, as
# one record: 30 MB, about 650,000 facts) into a fresh bolt store and prints
# one report: wall time, max RSS and, where the memory is held to a limit,
# the limit's peak; with STEPS it also builds a changed copy (a replacement)
# and removes the document. Each step is followed by `kg verify`. (Replacing
# or removing a long document is one transaction that holds all its old
# quads: those steps need more memory than the build.)
#
# Max RSS alone says little of a build that writes a large bolt file: bbolt
# reads the file through a shared mapping, and every page of it that a
# transaction touches counts in the process's resident size for as long as it
# stays mapped, though it is page cache that the kernel takes back when it
# needs it. So, run as root where the memory cgroup can be written (v1 or
# v2), every step runs in a cgroup whose limit counts page cache too (LIMIT_MB,
# 470 MiB): the step must finish under it, and its max RSS, the binary's
# pages included (copied inside the cgroup), cannot pass it. Elsewhere the
# steps run unlimited and the report says so.
#
#   bench/longdoc.sh                 # 30 MB
#   MB=1 LIMIT_MB=200 STEPS="build replace remove" bench/longdoc.sh
set -euo pipefail
cd "$(dirname "$0")/.."

MB=${MB:-30}
LIMIT_MB=${LIMIT_MB:-470}
STEPS=${STEPS:-build}

work=$(mktemp -d)
cg=""
cleanup() {
  if [ -n "$cg" ]; then
    cat "$cg/cgroup.procs" 2>/dev/null | while read -r p; do echo "$p" >"$(dirname "$cg")/cgroup.procs" 2>/dev/null || true; done
    rmdir "$cg" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

go build -o "$work/kg.bin" ./cmd/kg

echo "writing a $MB MB JSON Lines document ..." >&2
python3 - "$MB" "$work" <<'EOF'
import json, sys
mb, work = int(sys.argv[1]), sys.argv[2]
t = open('examples/harbor-sanctions.txt').read() + '\n\n'
text = t * (mb * 2**20 // len(t) + 1)
with open(work + '/long.jsonl', 'w') as f:
    f.write(json.dumps({'id': 'long', 'text': text}) + '\n')
mkdir = __import__('os').makedirs
mkdir(work + '/changed')
with open(work + '/changed/long.jsonl', 'w') as f:
    f.write(json.dumps({'id': 'long', 'text': text.replace('Harbor Networks', 'Harbour Networks')}) + '\n')
EOF

# A memory cgroup of our own: v2 (memory.max) or v1 (memory.limit_in_bytes).
limit=$((LIMIT_MB << 20))
if [ -w /sys/fs/cgroup/cgroup.subtree_control ] && grep -qw memory /sys/fs/cgroup/cgroup.controllers 2>/dev/null; then
  cg=/sys/fs/cgroup/kg-longdoc-$$
  mkdir "$cg" && echo "$limit" >"$cg/memory.max" && echo 0 >"$cg/memory.swap.max" 2>/dev/null || true
  peakfile=$cg/memory.peak
elif [ -w /sys/fs/cgroup/memory ]; then
  cg=/sys/fs/cgroup/memory/kg-longdoc-$$
  mkdir "$cg" && echo "$limit" >"$cg/memory.limit_in_bytes"
  peakfile=$cg/memory.max_usage_in_bytes
fi
if [ -n "$cg" ]; then
  echo "memory held to $LIMIT_MB MiB by the cgroup $cg (page cache counted)" >&2
else
  echo "no memory cgroup writable here: the steps run without a limit" >&2
fi

# step NAME ARGS...: runs kg ARGS in the cgroup, then kg verify, and prints
# the report's line.
step() {
  local name=$1
  shift
  [ -n "$cg" ] && [ -f "$cg/memory.max_usage_in_bytes" ] && echo 0 >"$cg/memory.max_usage_in_bytes"
  # The binary is copied inside the cgroup, so that its pages count there.
  if ! bash -c '[ -n "$1" ] && echo $$ >"$1/cgroup.procs"; cp "$2/kg.bin" "$2/kg"; shift 2; exec /usr/bin/time -f "%e %M" -o "$0" "$@"' \
    "$work/time" "$cg" "$work" "$work/kg" "$@" >"$work/out" 2>&1; then
    echo "$name: failed" >&2
    tail -5 "$work/out" >&2
    exit 1
  fi
  read -r secs rss <"$work/time"
  local peak="-"
  [ -n "$cg" ] && peak="$(($(cat "$peakfile") >> 20)) MiB"
  local verified
  verified=$("$work/kg.bin" verify --db "$work/kg.db" 2>&1 | tail -1)
  printf '%-28s %8.1f s   max RSS %5d MiB   cgroup peak %9s   %s\n' "$name" "$secs" "$((rss >> 10))" "$peak" "$verified"
}

limitSaid=none
[ -n "$cg" ] && limitSaid="$LIMIT_MB MiB, page cache counted"
echo "$("$work/kg.bin" --version | head -1); a $MB MB document; memory limit: $limitSaid"
for s in $STEPS; do
  case $s in
  build) step "build" build --quiet --db "$work/kg.db" "$work/long.jsonl" ;;
  replace) step "build changed (replace)" build --quiet --db "$work/kg.db" "$work/changed/long.jsonl" ;;
  remove) step "remove" remove --db "$work/kg.db" long ;;
  *) echo "STEPS: unknown step $s (want build, replace, remove)" >&2; exit 2 ;;
  esac
done
