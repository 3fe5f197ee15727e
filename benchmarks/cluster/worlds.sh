#!/usr/bin/env bash
# World-run throughput on one machine (not run in CI): the sector world with two seed-driven
# diplomats (benchmarks/cluster/sector-diplomats.yaml: 5 powers, 12 negotiations) with seeds 1..N
# run locally on 1 and 2 threads, then spread over a cluster of 1, 2 and 3 members of 1 thread
# each (the coordinator and 0-2 `parley worker` processes on 127.0.0.1).
# Prints each run's summary line and the load, and checks that every runs.csv equals the local one.
# Usage: benchmarks/cluster/worlds.sh [SEEDS] [OUT_DIR] (defaults 400, /tmp/parley-worlds-bench).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
seeds="${1:-400}"
out="${2:-/tmp/parley-worlds-bench}"
port=17801
name="parley-worlds-bench-$$"
members="127.0.0.1:$port,127.0.0.1:$((port + 1)),127.0.0.1:$((port + 2))"
rm -rf "$out"; mkdir -p "$out"
batch() {
  "$here/parley" world "$here/benchmarks/cluster/sector-diplomats.yaml" --seeds "1..$seeds" --out "$out/$1" "${@:2}" 2>"$out/$1.err" \
    | grep "per second"
}
workers=()
stop_workers() { for p in "${workers[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done; workers=(); }
trap stop_workers EXIT
uptime
echo "local, 1 thread:";      batch local --threads 1
echo "local, 2 threads:";     batch local2 --threads 2
echo "cluster, 1 member:";    batch c1 --threads 1 --cluster "$members" --cluster-name "$name" --cluster-port "$port"
for n in 2 3; do
  "$here/parley" worker --cluster "$members" --cluster-name "$name" --cluster-port $((port + n - 1)) --threads 1 \
    2>"$out/worker-$n.err" &
  workers+=($!)
  until grep -q "^worker " "$out/worker-$n.err" 2>/dev/null; do sleep 0.5; done
  echo "cluster, $n members:"; batch "c$n" --threads 1 --cluster "$members" --cluster-name "$name" --cluster-port "$port"
  grep "world runs per member" "$out/c$n.err" || true
done
stop_workers
uptime
for run in local2 c1 c2 c3; do
  if ! cmp -s "$out/local/runs.csv" "$out/$run/runs.csv"; then
    echo "MISMATCH: $run/runs.csv differs from the local run's"; exit 1
  fi
done
echo "every runs.csv equals the local one's"
