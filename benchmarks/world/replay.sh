#!/usr/bin/env bash
# How long a world played in the browser takes to come back after a kill -9 (not run in CI): a
# server on a fresh SQLite file starts two copies of benchmarks/world/long.yaml (200 negotiations,
# the person's power in the last), waits while the AI powers play and store the first 199, is
# killed with SIGKILL, and starts again. The first view of each world then replays it from the
# store: the first in a fresh JVM, the second in a warm one; the third view is from memory. Each
# rebuilt view must equal the view before the kill. Prints the times and the load.
# Usage: benchmarks/world/replay.sh [OUT_DIR] (default /tmp/parley-world-replay).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
out="${1:-/tmp/parley-world-replay}"
port=17741
rm -rf "$out"; mkdir -p "$out"
server=""
serve() {
  "$here/parley" serve --port "$port" --db "jdbc:sqlite:$out/parley.db" >"$out/serve.log" 2>&1 &
  server=$!
  until grep -q "is serving" "$out/serve.log" 2>/dev/null; do sleep 0.2; done
}
trap '[ -n "$server" ] && kill "$server" 2>/dev/null || true' EXIT
uptime
serve
python3 - "$port" "$here/benchmarks/world/long.yaml" "$out" <<'PY'
import json, sys, time, urllib.request
port, world, out = sys.argv[1], open(sys.argv[2]).read(), sys.argv[3]
api = 'http://127.0.0.1:%s/api/worlds' % port
worlds = []
for seed in (4, 5):
    body = json.dumps({"worldText": world, "power": "c", "seed": seed}).encode()
    started = json.load(urllib.request.urlopen(urllib.request.Request(api, data=body,
                                                                     headers={'Content-Type': 'application/json'})))
    t = time.time()
    while True:
        view = json.load(urllib.request.urlopen(urllib.request.Request(api + '/' + started['id'],
                                                                       headers={'Authorization': 'Bearer ' + started['token']})))
        if view['state'] != 'running':
            break
        time.sleep(0.5)
    print('world seed %d: the AI powers played %d negotiations in %.1f s; the world waits at the person\'s table'
          % (seed, view['position'], time.time() - t))
    worlds.append({'id': started['id'], 'token': started['token'], 'view': view})
json.dump(worlds, open(out + '/worlds.json', 'w'))
PY
kill -9 "$server"; wait "$server" 2>/dev/null || true
rm -f "$out/serve.log"
serve
python3 - "$port" "$out" <<'PY'
import json, sys, time, urllib.request
port, out = sys.argv[1], sys.argv[2]
api = 'http://127.0.0.1:%s/api/worlds' % port
worlds = json.load(open(out + '/worlds.json'))
for what, w in (('replayed in a fresh JVM', worlds[0]), ('replayed in a warm JVM', worlds[1]), ('from memory', worlds[0])):
    t = time.time()
    view = json.load(urllib.request.urlopen(urllib.request.Request(api + '/' + w['id'],
                                                                   headers={'Authorization': 'Bearer ' + w['token']})))
    millis = (time.time() - t) * 1000
    if view != w['view']:
        sys.exit('MISMATCH: the view after the restart differs from the one before')
    print('first view after kill -9, %s: %.0f ms (the same view as before)' % (what, millis))
PY
uptime
