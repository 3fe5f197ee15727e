#!/usr/bin/env bash
# The diplomat benchmark: the three built-in scenarios and 30 generated ones (2-4 parties, per-round
# discounts from [0.98, 1), reservations up to 0.5, every other 3- or 4-party scenario with an
# "all but one must sign" rule), a tournament of the diplomat against the classic strategies, and
# the diplomat's self-play. Usage: benchmarks/diplomat/tournament.sh [OUT_DIR] [FIRST_SEED]
# (defaults /tmp/parley-diplomat and 1): the generated scenarios take seeds FIRST_SEED..FIRST_SEED+29,
# so a second set (e.g. 101) checks that a change does not fit the first set's 30 scenarios alone.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
out="${1:-/tmp/parley-diplomat}"
first="${2:-1}"
mkdir -p "$out/scenarios"
cp "$here"/scenarios/*.yaml "$out/scenarios/"
for s in $(seq "$first" $(( first + 29 ))); do
  parties=$(( 2 + s % 3 ))
  issues=$(( 3 + s % 3 ))
  quorum=0
  if [ "$parties" -gt 2 ] && [ $(( s % 2 )) -eq 0 ]; then quorum=$(( parties - 1 )); fi
  "$here/parley" generate --parties "$parties" --issues "$issues" --options 4 --seed "$s" --reservation 0.5 \
    --constraints $(( s % 2 )) --discount 0.98 --quorum "$quorum" --out "$out/scenarios/generated-$s.yaml" > /dev/null
done
"$here/parley" tournament --strategies diplomat,boulware,conceder,linear,tit-for-tat,frequency,micro \
  --scenarios "$out/scenarios" --out "$out/tournament"
"$here/parley" tournament --strategies diplomat --self-play --scenarios "$out/scenarios" --out "$out/self-play"
