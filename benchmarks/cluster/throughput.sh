#!/usr/bin/env bash
# Cluster throughput on one machine (not run in CI): the same tournament (6 strategies on the 3
# built-in scenarios, 510 assignments x R repetitions, 100 rounds) run locally on 1 thread, then
# spread over a cluster of 1, 2 and 3 members of 1 thread each (the coordinator and 0-2
# `parley worker` processes on 127.0.0.1). Prints each run's summary line and the load.
# Usage: benchmarks/cluster/throughput.sh [REPETITIONS] [OUT_DIR] (defaults 8, /tmp/parley-cluster-bench).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
reps="${1:-8}"
out="${2:-/tmp/parley-cluster-bench}"
port=17701
name="parley-bench-$$"
members="127.0.0.1:$port,127.0.0.1:$((port + 1)),127.0.0.1:$((port + 2))"
rm -rf "$out"; mkdir -p "$out"
tournament() {
  "$here/parley" tournament --strategies boulware,conceder,linear,tit-for-tat,micro,frequency --scenarios "$here/scenarios" \
    --repetitions "$reps" --seed 1 --threads 1 --out "$out/$1" "${@:2}" 2>"$out/$1.err" | grep "per second"
}
workers=()
stop_workers() { for p in "${workers[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done; workers=(); }
trap stop_workers EXIT
uptime
echo "local, 1 thread:";      tournament local
echo "cluster, 1 member:";    tournament c1 --cluster "$members" --cluster-name "$name" --cluster-port "$port"
for n in 2 3; do
  "$here/parley" worker --cluster "$members" --cluster-name "$name" --cluster-port $((port + n - 1)) --threads 1 \
    2>"$out/worker-$n.err" &
  workers+=($!)
  until grep -q "^worker " "$out/worker-$n.err" 2>/dev/null; do sleep 0.5; done
  echo "cluster, $n members:"; tournament "c$n" --cluster "$members" --cluster-name "$name" --cluster-port "$port"
  grep "played per member" "$out/c$n.err" || true
done
stop_workers
uptime
for run in c1 c2 c3; do
  if ! cmp -s <(sed 's/"millis":[0-9]*//' "$out/local/results.jsonl") <(sed 's/"millis":[0-9]*//' "$out/$run/results.jsonl"); then
    echo "MISMATCH: $run/results.jsonl differs from the local run's"; exit 1
  fi
done
echo "every cluster run's journal equals the local one's (but for the millis)"
