#!/usr/bin/env python3
"""Interleaved start-up timing: runs each command once per round, rotating the order, so that a
changing load on a shared machine falls on every command alike; prints the median and mean wall
time and the mean user+sys CPU (from wait4) of each. Usage: interleave.py ROUNDS COMMAND...
Example: benchmarks/startup/interleave.py 15 "java -version" "./parley --version"
"""
import os, sys, time, shlex, statistics, subprocess
rounds = int(sys.argv[1]); cmds = sys.argv[2:]
wall = {c: [] for c in cmds}; cpu = {c: [] for c in cmds}
for _ in range(2):
    for c in cmds: subprocess.run(shlex.split(c), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
for r in range(rounds):
    order = cmds[r % len(cmds):] + cmds[:r % len(cmds)]
    for c in order:
        t = time.perf_counter()
        p = subprocess.Popen(shlex.split(c), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, status, ru = os.wait4(p.pid, 0)
        wall[c].append((time.perf_counter() - t) * 1000); cpu[c].append((ru.ru_utime + ru.ru_stime) * 1000)
        if status != 0: print("FAILED", c, status, file=sys.stderr)
for c in cmds:
    w = sorted(wall[c])
    print(f"median {statistics.median(w):6.1f} ms  mean {statistics.mean(w):6.1f} ± {statistics.pstdev(w):5.1f}  min {w[0]:6.1f}  cpu {statistics.mean(cpu[c]):6.1f} ms  | {c}")
