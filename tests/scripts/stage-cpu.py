#!/usr/bin/env python3
"""Wall and CPU time of each stage of a MovieLens first run of the main sample, from the two files
tests/scripts/cpu-per-second.sh writes: PREFIX.out (each line the sample printed, stamped with the time) and PREFIX.cpu
(the process's CPU ticks, sampled every second; read between samples linearly). The pipeline's stages come from its
`Stage times:` line; the ablation's from the lines that open them. Not run by CI. Example:
    tests/scripts/cpu-per-second.sh /tmp/first dotnet samples/LlmErs.Quickstart/bin/Release/net10.0/linux-x64/LlmErs.Quickstart.dll \
        --movielens ../shared/data/movielens-latest-small --out /tmp/first-run
    python3 tests/scripts/stage-cpu.py /tmp/first
"""
import bisect
import os
import re
import sys

# Where each ablation stage starts, in the order they run: the first line that matches.
ABLATION = [
    ("the ablation's catalog-text embeddings", r'Embedding "title'),
    ("leave-one-out: teacher, pairs, features and viewer profiles", r"Leave-one-out by time"),
    ("leave-one-out rows, the cold-item preparation beside them", r"feature blocks"),
    ("the cold-item split's last rows", r"Stage times: LLM teacher"),
    (None, r"Stage time: ablation"),
]


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: stage-cpu.py PREFIX")
    prefix = sys.argv[1]
    ticks = os.sysconf("SC_CLK_TCK")
    samples = [tuple(map(float, line.split()[:2])) for line in open(prefix + ".cpu") if line.strip()]
    times = [t for t, _ in samples]

    def cpu(at):
        i = min(max(bisect.bisect_left(times, at), 1), len(samples) - 1)
        (t0, c0), (t1, c1) = samples[i - 1], samples[i]
        return (c0 + (c1 - c0) * (at - t0) / (t1 - t0)) / ticks

    lines = [(float(stamp), text) for stamp, _, text in (line.rstrip("\n").partition(" ") for line in open(prefix + ".out"))]

    def first(pattern):
        return next(t for t, text in lines if re.search(pattern, text))

    end, stages = next((t, text) for t, text in lines if text.startswith("Stage times: Enrichment"))
    durations = [(name, float(seconds)) for name, seconds in re.findall(r"(\w+) ([\d.]+) s", stages)]
    start = end - sum(seconds for _, seconds in durations)
    rows = []
    for name, seconds in durations:
        rows.append((name, start, start + seconds))
        start += seconds

    marks = [(name, first(pattern)) for name, pattern in ABLATION]
    rows += [(name, at, following) for (name, at), (_, following) in zip(marks, marks[1:])]

    print("| stage | wall | CPU |\n|---|---:|---:|")
    for name, begin, finish in rows:
        print(f"| {name} | {finish - begin:.1f} s | {cpu(finish) - cpu(begin):.1f} s |")
    print(f"| whole process | {times[-1] - times[0]:.1f} s | {samples[-1][1] / ticks:.1f} s (last sample) |")


if __name__ == "__main__":
    main()
