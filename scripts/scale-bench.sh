#!/usr/bin/env bash
# scale-bench.sh — throughput of the scale-out with 1, 2, … workers, and the
# queue's lag under a burst. For each worker count K: a fresh PostgreSQL
# schema and fresh streams, one linker, K workers (-j 1 each, so K cores),
# then N generated articles published at once (a burst). Prints, per K,
# the articles/s from the first publish to the last article stored, the
# lag of the burst (how long the last article waited: the same span), and
# the deepest the raw queue got.
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
printf '%-8s %-12s %-14s %-10s %s\n' workers seconds articles/s max_raw load_avg_after
for k in "${KS[@]}"; do
  run=bench_${k}_$$_$(date +%s)
  psql -q "$KHABAR_PG" -c "CREATE SCHEMA $run"
  export KHABAR_STORE="$KHABAR_PG${sep}search_path=$run" KHABAR_QUEUE_PREFIX=${run^^}
  pids=()
  "$BIN" worker --link --store "$KHABAR_STORE" --queue "$KHABAR_QUEUE" >>"$WORK/linker-$k.log" 2>&1 & pids+=($!)
  for _ in $(seq "$k"); do "$BIN" worker -j 1 --queue "$KHABAR_QUEUE" >>"$WORK/worker-$k.log" 2>&1 & pids+=($!); done
  PIDS+=("${pids[@]}")
  sleep 3 # the workers load their models
  t0=$(date +%s.%N)
  "$BIN" ingest --queue "$KHABAR_QUEUE" "$WORK/gen/articles" >/dev/null
  maxraw=0
  while :; do
    line=$("$BIN" sources list --store "$KHABAR_STORE" --queue "$KHABAR_QUEUE" | grep '^queue ')
    raw=$(sed -n 's/.*: \([0-9]*\) raw .*/\1/p' <<<"$line"); rec=$(sed -n 's/.* \([0-9]*\) records .*/\1/p' <<<"$line")
    [ "$raw" -gt "$maxraw" ] && maxraw=$raw
    n=$(psql -tA "$KHABAR_PG" -c "SELECT count(*) FROM $run.articles")
    if [ "$raw" = 0 ] && [ "$rec" = 0 ] && [ "$n" -ge "$N" ]; then break; fi
    sleep 0.5
  done
  t1=$(date +%s.%N)
  secs=$(echo "$t1 - $t0" | bc)
  printf '%-8s %-12.1f %-14.1f %-10s %s\n' "$k" "$secs" "$(echo "$N / $secs" | bc -l)" "$maxraw" "$(cut -d' ' -f1-3 /proc/loadavg)"
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
  psql -q "$KHABAR_PG" -c "DROP SCHEMA $run CASCADE"
done
