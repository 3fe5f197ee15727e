#!/usr/bin/env python3
"""The diplomat benchmark by kind of talks: benchmarks/diplomat/breakdown.py OUT_DIR (of tournament.sh).

Prints, per kind of talks (bilateral; 3 or 4 parties, unanimous or with a quorum) and strategy, the
mean discounted utility of the strategy's seats and its agreement rate; then, for each other
strategy X, the seat-swap difference: the diplomat's discounted utility in a seat minus X's in the
same seat of the same scenario against the same other strategies (only negotiations without X
elsewhere at the table have such a twin), its mean and 95 % interval (1.96 standard errors). The
pairing removes the spread between scenarios, so its interval is narrower than the ranking's.
Then the bilateral talks of the diplomat against each other strategy, head to head; the mean over
the tournament's self-play closes the report. Standard library only.
"""
import collections
import json
import math
import os
import re
import sys


def rules(scenarios):
    """Scenario name -> 'unanimous' or 'quorum', from the files' `agreement:` field."""
    kinds = {}
    for file in os.listdir(scenarios):
        text = open(os.path.join(scenarios, file), encoding='utf-8').read()
        name = re.search(r'^name:\s*(\S+)', text, re.M).group(1).strip('"\'')
        rule = re.search(r'^agreement:\s*(\S.*)?$', text, re.M)
        kinds[name] = 'unanimous' if rule and rule.group(1) and 'unanim' in rule.group(1) else 'quorum'
    return kinds


def main(out):
    kinds = rules(os.path.join(out, 'scenarios'))
    rows = [json.loads(line) for line in open(os.path.join(out, 'tournament', 'results.jsonl'), encoding='utf-8')]

    def kind(row):
        n = len(row['parties'])
        return 'bilateral' if n == 2 else f"{n}p-{kinds[row['scenario']]}"

    seats = collections.defaultdict(lambda: [0, 0.0, 0])
    for row in rows:
        for i, strategy in enumerate(row['strategies']):
            for key in ((kind(row), strategy), ('all', strategy)):
                seat = seats[key]
                seat[0] += 1
                seat[1] += row['discounted'][i]
                seat[2] += row['agreement']
    strategies = sorted({s for (_, s) in seats}, key=lambda s: (s != 'diplomat', s))
    order = ['bilateral', '3p-unanimous', '3p-quorum', '4p-unanimous', '4p-quorum', 'all']
    order = [k for k in order if (k, strategies[0]) in seats]
    print('mean discounted utility / agreements')
    print(f"{'talks':13}" + ''.join(f'{s:>15}' for s in strategies))
    for k in order:
        print(f'{k:13}' + ''.join(
            f'{seats[(k, s)][1] / seats[(k, s)][0]:9.3f} {100 * seats[(k, s)][2] / seats[(k, s)][0]:3.0f}%' for s in strategies))

    print('\nseat swap: diplomat minus X in the same seat, same scenario, same other strategies (mean ±95%)')
    by_table = {(row['scenario'], tuple(row['strategies'])): row for row in rows}
    print(f"{'X':13}" + ''.join(f'{k:>18}' for k in order))
    for other in strategies[1:]:
        differences = collections.defaultdict(list)
        for row in rows:
            if other in row['strategies']:
                continue
            for i, strategy in enumerate(row['strategies']):
                if strategy != 'diplomat':
                    continue
                twin = list(row['strategies'])
                twin[i] = other
                match = by_table.get((row['scenario'], tuple(twin)))
                if match is not None:
                    d = row['discounted'][i] - match['discounted'][i]
                    differences[kind(row)].append(d)
                    differences['all'].append(d)
        cells = []
        for k in order:
            d = differences[k]
            mean = sum(d) / len(d)
            sd = math.sqrt(sum((x - mean) ** 2 for x in d) / max(1, len(d) - 1))
            cells.append(f'{mean:+.3f} ±{1.96 * sd / math.sqrt(len(d)):.3f}')
        print(f'{other:13}' + ''.join(f'{c:>18}' for c in cells))

    print('\nbilateral head to head: the diplomat against X, mean discounted utility of each (negotiations)')
    for other in strategies[1:]:
        pairs = [row for row in rows if len(row['parties']) == 2 and set(row['strategies']) == {'diplomat', other}]
        if pairs:
            ours = sum(row['discounted'][row['strategies'].index('diplomat')] for row in pairs) / len(pairs)
            theirs = sum(row['discounted'][row['strategies'].index(other)] for row in pairs) / len(pairs)
            print(f'{other:13} diplomat {ours:.3f}  {other} {theirs:.3f}  ({len(pairs)})')

    self_play = os.path.join(out, 'self-play', 'results.jsonl')
    if os.path.exists(self_play):
        games = [json.loads(line) for line in open(self_play, encoding='utf-8')]
        agreed = sum(g['agreement'] for g in games)
        mean = sum(sum(g['discounted']) for g in games) / sum(len(g['discounted']) for g in games)
        rounds = sum(g['rounds'] for g in games) / len(games)
        print(f'\nself-play: {agreed} of {len(games)} agreed, mean discounted utility {mean:.3f}, {rounds:.1f} rounds')


if __name__ == '__main__':
    if len(sys.argv) != 2:
        sys.exit('usage: breakdown.py OUT_DIR (the directory benchmarks/diplomat/tournament.sh wrote)')
    main(sys.argv[1])
