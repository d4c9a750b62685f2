#!/usr/bin/env bash
# scale-bench.sh — throughput of the scale-out with 1, 2, … workers, and the
# queue's lag under a burst. For each worker count K: a fresh PostgreSQL
# schema and fresh streams, one linker, K workers (-j 1 each, so K cores),
# then N generated articles published at once (a burst). Prints, per K,
# the articles/s from the first publish to the last article stored, the
# lag of the burst (how long the last article waited: the same span), and
# the deepest the raw queue got.
#
# With KHABAR_BENCH_SPLIT=1 the two halves are timed apart instead: the K
# workers alone until every raw article is analysed (analysis throughput),
# then the linker alone until every record is stored (linking throughput).
#
# Usage: KHABAR_PG=postgres://user@host:port/db KHABAR_QUEUE=nats://… scripts/scale-bench.sh [N] [K...]
#   (defaults: N=600, K=1 2 3). Needs psql, to make a schema per run.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-600}; shift || true
KS=("$@"); [ ${#KS[@]} -gt 0 ] || KS=(1 2 3)
: "${KHABAR_PG:?set KHABAR_PG to a PostgreSQL database (postgres://…, no search_path)}"
: "${KHABAR_QUEUE:?set KHABAR_QUEUE to a NATS server with JetStream (nats://…)}"
WORK=$(mktemp -d /tmp/khabar-scale-bench.XXXXXX)
PIDS=()
cleanup() {
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${PIDS[@]}"; do wait "$p" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT
BIN=${KHABAR_BIN:-}
if [ -z "$BIN" ]; then BIN=$WORK/khabar; go build -o "$BIN" ./cmd/khabar; fi
"$BIN" bench -n "$N" -size 3000 -work "$WORK/gen" -no-ingest -upto extract >/dev/null
sep='?'; case "$KHABAR_PG" in *\?*) sep='&';; esac
echo "N=$N articles of ~3 KB; load average before: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) CPUs"
[ -n "${KHABAR_BENCH_SPLIT:-}" ] || printf '%-8s %-12s %-14s %-10s %s\n' workers seconds articles/s max_raw load_avg_after
for k in "${KS[@]}"; do
  run=bench_${k}_$$_$(date +%s)
  psql -q "$KHABAR_PG" -c "CREATE SCHEMA $run"
  export KHABAR_STORE="$KHABAR_PG${sep}search_path=$run" KHABAR_QUEUE_PREFIX=${run^^}
  pids=()
  depth() { # prints "raw records"
    "$BIN" sources list --store "$KHABAR_STORE" --queue "$KHABAR_QUEUE" | sed -n 's/^queue .*: \([0-9]*\) raw .*, \([0-9]*\) records .*/\1 \2/p'
  }
  stored() { psql -tA "$KHABAR_PG" -c "SELECT count(*) FROM $run.articles"; }
  if [ -z "${KHABAR_BENCH_SPLIT:-}" ]; then
    "$BIN" worker --link --store "$KHABAR_STORE" --queue "$KHABAR_QUEUE" >>"$WORK/linker-$k.log" 2>&1 & pids+=($!)
  fi
  for _ in $(seq "$k"); do "$BIN" worker -j 1 --queue "$KHABAR_QUEUE" >>"$WORK/worker-$k.log" 2>&1 & pids+=($!); done
  PIDS+=("${pids[@]}")
  sleep 3 # the workers load their models
  t0=$(date +%s.%N)
  "$BIN" ingest --queue "$KHABAR_QUEUE" "$WORK/gen/articles" >/dev/null
  maxraw=0
  if [ -n "${KHABAR_BENCH_SPLIT:-}" ]; then
    until [ "$(depth)" = "0 $N" ]; do sleep 0.3; done
    t1=$(date +%s.%N)
    "$BIN" worker --link --store "$KHABAR_STORE" --queue "$KHABAR_QUEUE" >>"$WORK/linker-$k.log" 2>&1 & pids+=($!); PIDS+=($!)
    until [ "$(depth)" = "0 0" ] && [ "$(stored)" -ge "$N" ]; do sleep 0.3; done
    t2=$(date +%s.%N)
    a=$(echo "$t1 - $t0" | bc); l=$(echo "$t2 - $t1" | bc)
    printf 'workers %s: analysis %.1f s (%.1f articles/s); then linking alone %.1f s (%.1f articles/s); load average %s\n' \
      "$k" "$a" "$(echo "$N / $a" | bc -l)" "$l" "$(echo "$N / $l" | bc -l)" "$(cut -d' ' -f1-3 /proc/loadavg)"
  else
    while :; do
      read -r raw rec <<<"$(depth)"
      [ "$raw" -gt "$maxraw" ] && maxraw=$raw
      if [ "$raw" = 0 ] && [ "$rec" = 0 ] && [ "$(stored)" -ge "$N" ]; then break; fi
      sleep 0.5
    done
    t1=$(date +%s.%N)
    secs=$(echo "$t1 - $t0" | bc)
    printf '%-8s %-12.1f %-14.1f %-10s %s\n' "$k" "$secs" "$(echo "$N / $secs" | bc -l)" "$maxraw" "$(cut -d' ' -f1-3 /proc/loadavg)"
  fi
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
  psql -q "$KHABAR_PG" -c "SET client_min_messages = warning; DROP SCHEMA $run CASCADE"
done
