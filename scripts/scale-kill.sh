#!/usr/bin/env bash
# scale-kill.sh — the scale-out kill test, with the real binary as separate
# processes: one ingest publishing to the queue, three analysis workers, two
# linkers (one active, one waiting for the lease) and one API server, on
# N articles (generated, plus the real news of ../shared/data/news when
# present). Mid-stream a worker and the active linker are killed with
# SIGKILL and started again. At the end the PostgreSQL store must hold
# every article exactly once, the API server must see all of them, and the
# export (articles with their copies, groups and stories) must equal that
# of one process ingesting the same input into SQLite.
#
# Usage: KHABAR_STORE=postgres://… KHABAR_QUEUE=nats://… scripts/scale-kill.sh [N]
#   The database should be empty (a schema of its own: ?search_path=…), and
#   KHABAR_QUEUE_PREFIX should name streams no one else uses (default: one
#   made up for this run). KHABAR_BIN is the binary to test (default: built
#   from this checkout). docs/scale.md says how to get both servers.
# Exit status 0 when every check passes. Known gap (docs/scale.md): from
# about 2,000 articles the export after the take-over differs in some copy
# links, because link.Load does not restore the copy-detection state
# exactly; KHABAR_KILL=0 runs the same without the kills, for comparison.
set -euo pipefail
cd "$(dirname "$0")/.."

N=${1:-10000}
: "${KHABAR_STORE:?set KHABAR_STORE to an empty PostgreSQL store (postgres://…)}"
: "${KHABAR_QUEUE:?set KHABAR_QUEUE to a NATS server with JetStream (nats://…)}"
export KHABAR_QUEUE_PREFIX=${KHABAR_QUEUE_PREFIX:-KILL$$_$(date +%s)}
ACK_WAIT=${KHABAR_KILL_ACK_WAIT:-10s}
WORK=$(mktemp -d /tmp/khabar-scale-kill.XXXXXX)
PIDS=()

cleanup() {
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${PIDS[@]}"; do wait "$p" 2>/dev/null || true; done
  if [ -z "${KHABAR_KEEP:-}" ]; then rm -rf "$WORK"; else echo "work folder kept: $WORK"; fi
}
trap cleanup EXIT

say() { printf '%s  %s\n' "$(date -u +%H:%M:%S)" "$*"; }
fail() { say "FAIL: $*"; exit 1; }

BIN=${KHABAR_BIN:-}
if [ -z "$BIN" ]; then
  BIN=$WORK/khabar
  go build -o "$BIN" ./cmd/khabar
fi

# --- input: the real news, and generated articles up to N.
NEWS=${KHABAR_EVAL_DATA:-../shared/data}/news
INPUT=()
real=0
if [ -d "$NEWS" ]; then
  real=$(find "$NEWS" -type f -name '*.txt' | wc -l)
  if [ "$real" -gt "$N" ]; then real=0; else INPUT+=("$NEWS"); fi
fi
gen=$((N - real))
if [ "$gen" -gt 0 ]; then
  "$BIN" bench -n "$gen" -size 3000 -work "$WORK/gen" -no-ingest -upto extract >/dev/null
  INPUT=("$WORK/gen/articles" "${INPUT[@]}")
fi
say "input: $gen generated + $real real news files"

# --- the reference: one process, SQLite.
t0=$(date +%s.%N)
env -u KHABAR_QUEUE "$BIN" ingest -q --store "$WORK/ref" "${INPUT[@]}" >"$WORK/ref-ingest.txt"
t1=$(date +%s.%N)
"$BIN" export --store "$WORK/ref" | LC_ALL=C sort >"$WORK/ref.jsonl"
want=$(wc -l <"$WORK/ref.jsonl")
say "reference: $want articles in one process, $(echo "$t1 - $t0" | bc) s"

# --- the distributed run.
start() { # name args...: starts the binary in the background, prints its pid
  local name=$1; shift
  "$BIN" "$@" >>"$WORK/$name.log" 2>&1 &
  echo $!
}
linker_a=$(start linker-a worker --link --store "$KHABAR_STORE" --queue "$KHABAR_QUEUE" --ack-wait "$ACK_WAIT"); PIDS+=("$linker_a")
sleep 1 # linker a takes the lease first
linker_b=$(start linker-b worker --link --store "$KHABAR_STORE" --queue "$KHABAR_QUEUE" --ack-wait "$ACK_WAIT"); PIDS+=("$linker_b")
workers=()
for i in 1 2 3; do
  w=$(start "worker-$i" worker -j 1 --queue "$KHABAR_QUEUE" --ack-wait "$ACK_WAIT"); PIDS+=("$w"); workers+=("$w")
done
port=$(( 20000 + RANDOM % 20000 ))
api=$(start serve serve --store "$KHABAR_STORE" --queue "$KHABAR_QUEUE" --addr "127.0.0.1:$port" --follow=false); PIDS+=("$api")
for _ in $(seq 100); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break; sleep 0.2; done
stored() { curl -fs "http://127.0.0.1:$port/healthz" | sed -n 's/.*"articles":\([0-9]*\).*/\1/p'; }

t0=$(date +%s.%N)
"$BIN" ingest --queue "$KHABAR_QUEUE" "${INPUT[@]}" >"$WORK/publish.txt"
say "published: $(cat "$WORK/publish.txt" | head -1)"

# Kill a worker and the active linker when a third is stored
# (KHABAR_KILL=0: no kill, for comparison).
if [ "${KHABAR_KILL:-1}" != 0 ]; then
  until [ "$(stored)" -ge $((want / 3)) ]; do sleep 0.2; done
  say "$(stored) stored: kill -9 worker 1 (pid ${workers[0]}) and linker a (pid $linker_a)"
  kill -9 "${workers[0]}" "$linker_a"
  wait "${workers[0]}" "$linker_a" 2>/dev/null || true
  sleep 1
  w=$(start worker-1 worker -j 1 --queue "$KHABAR_QUEUE" --ack-wait "$ACK_WAIT"); PIDS+=("$w")
  linker_a=$(start linker-a worker --link --store "$KHABAR_STORE" --queue "$KHABAR_QUEUE" --ack-wait "$ACK_WAIT"); PIDS+=("$linker_a")
  say "restarted: worker 1 (pid $w), linker a (pid $linker_a)"
fi

# Wait until the queue is empty and the store holds every article.
deadline=$(( $(date +%s) + 600 + N / 5 ))
while :; do
  q=$("$BIN" sources list --store "$KHABAR_STORE" --queue "$KHABAR_QUEUE" | sed -n 's/^queue .*: \([0-9]*\) raw .*, \([0-9]*\) records .*/\1 \2/p')
  n=$(stored)
  if [ "$q" = "0 0" ] && [ "$n" -ge "$want" ]; then break; fi
  [ "$(date +%s)" -lt "$deadline" ] || fail "not drained: queue (raw, records) = $q, $n of $want stored"
  sleep 0.5
done
t1=$(date +%s.%N)
say "distributed: $(stored) articles stored, $(echo "$t1 - $t0" | bc) s from the first publish"

# --- checks.
"$BIN" export --store "$KHABAR_STORE" | LC_ALL=C sort >"$WORK/dist.jsonl"
got=$(wc -l <"$WORK/dist.jsonl")
ids=$(sed -n 's/^{"schema":"[^"]*","id":"\([^"]*\)".*/\1/p' "$WORK/dist.jsonl" | sort -u | wc -l)
[ "$got" -eq "$want" ] || fail "store holds $got articles, want $want"
[ "$ids" -eq "$want" ] || fail "store holds $ids distinct ids in $got articles"
api_n=$(stored)
[ "$api_n" -eq "$want" ] || fail "the API server counts $api_n articles, want $want"
for id in $(sed -n 's/^{"schema":"[^"]*","id":"\([^"]*\)".*/\1/p' "$WORK/ref.jsonl" | awk 'NR % 997 == 1'); do
  curl -fs "http://127.0.0.1:$port/api/v1/articles/$id" >/dev/null || fail "the API server does not have article $id"
done
if ! cmp -s "$WORK/ref.jsonl" "$WORK/dist.jsonl"; then
  diff "$WORK/ref.jsonl" "$WORK/dist.jsonl" | cut -c1-300 | head -n 20 || true
  fail "the export differs from the single-process SQLite ingest"
fi
dead=$("$BIN" sources list --store "$KHABAR_STORE" --queue "$KHABAR_QUEUE" | sed -n 's/.* \([0-9]*\) dead letters.*/\1/p')
say "PASS: $want articles stored exactly once, the API server counts all and serves samples, the export equals the single-process one ($dead dead letters)"
