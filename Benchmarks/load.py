#!/usr/bin/env python3
"""Seed loading benchmark: how long `grappe check` takes, and its peak memory.

Builds grappe in release mode, generates the synthetic benchmark network
(100,000 organisations, 1,000,000 relations, seed 1) once, then runs `grappe check` several
times on it and on the curated seeds, each in a fresh process, and prints the median and best
wall time and the peak resident memory. Goals: curated seeds under 50 ms; the generated network
under 1.5 s and 400 MB.

    python3 Benchmarks/load.py [--runs 5] [--organisations 100000] [--relations 1000000] [--versus OTHER_GRAPPE]

--versus times another build (say, the previous commit's release binary) in the same run, the two
alternating, so that a change is compared on the same machine at the same moment.
"""
import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def run_once(binary, seeds):
    """Wall time (s) and peak RSS (MB) of one `grappe check` in its own process."""
    started = time.perf_counter()
    child = subprocess.Popen([binary, "check", "--no-warnings", "--seeds", seeds],
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, _, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - started
    return elapsed, usage.ru_maxrss / 1024


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--organisations", type=int, default=100_000)
    parser.add_argument("--relations", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--versus", help="another grappe binary, timed in the same run (alternating)")
    args = parser.parse_args()

    print("building grappe (release)…", file=sys.stderr)
    subprocess.run(["swift", "build", "-c", "release", "--product", "grappe"], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)
    binary = os.path.join(ROOT, ".build", "release", "grappe")

    generated = os.path.join(tempfile.gettempdir(),
                             f"grappe-bench-{args.organisations}-{args.relations}-{args.seed}")
    if not os.path.exists(os.path.join(generated, "edges.csv")):
        print(f"generating {generated}…", file=sys.stderr)
        subprocess.run([binary, "generate", "--organisations", str(args.organisations), "--relations",
                        str(args.relations), "--seed", str(args.seed), "--output", generated, "--force"], check=True)

    cases = [
        ("curated seeds (seeds/)", os.path.join(ROOT, "seeds"), 0.050, None),
        (f"generated {args.organisations:,} orgs / {args.relations:,} relations", generated, 1.5, 400),
    ]
    binaries = [("this build", binary)] + ([("versus", args.versus)] if args.versus else [])
    print(f"\ngrappe check, {args.runs} runs each, {os.cpu_count()} cores\n")
    print(f"{'network':<48} {'binary':<11} {'median':>9} {'best':>9} {'peak RSS':>10}   goal")
    for name, seeds, time_goal, memory_goal in cases:
        runs = {label: [] for label, _ in binaries}
        for _ in range(args.runs):
            for label, path in binaries:
                runs[label].append(run_once(path, seeds))
        for label, _ in binaries:
            times = sorted(t for t, _ in runs[label])
            median, best, peak = statistics.median(times), times[0], max(m for _, m in runs[label])
            goal = f"< {time_goal * 1000:.0f} ms" + (f", < {memory_goal} MB" if memory_goal else "")
            ok = median < time_goal and (memory_goal is None or peak < memory_goal)
            print(f"{name:<48} {label:<11} {median * 1000:>6.0f} ms {best * 1000:>6.0f} ms {peak:>7.0f} MB   {goal} {'ok' if ok else 'MISSED'}")
    print("\nphases of one run on the generated network (grappe check --timings):")
    subprocess.run([binary, "check", "--no-warnings", "--timings", "--seeds", generated], stdout=subprocess.DEVNULL)


if __name__ == "__main__":
    main()
