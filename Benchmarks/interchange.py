#!/usr/bin/env python3
"""Interchange benchmark: Grappe's export and import of each graph format, beside networkx's
write_graphml/read_graphml and write_gexf/read_gexf on the same graph, in the same run.

1. Builds grappe (release) and generates the benchmark network (100,000 organisations, 1,000,000
   relations, seed 1) unless --seeds names one.
2. Grappe: `grappe export` to GraphML, GEXF and Gephi CSV (each timed in its own process, with its peak
   memory), then `grappe check` on each export (the loader reads it back as seeds).
3. networkx: read_graphml and read_gexf on Grappe's files, then write_graphml and write_gexf of the graph
   it read, each in its own process.

    pip install networkx
    python3 Benchmarks/interchange.py [--seeds DIR] [--skip-networkx] [--formats graphml,gexf,csv]
"""
import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import textwrap
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

PEER = textwrap.dedent('''
    import sys, time, networkx as nx
    action, path, out = sys.argv[1], sys.argv[2], sys.argv[3]
    read = nx.read_graphml if path.endswith("graphml") else nx.read_gexf
    write = nx.write_graphml if path.endswith("graphml") else nx.write_gexf
    started = time.perf_counter()
    g = read(path)
    read_seconds = time.perf_counter() - started
    if action == "write":
        started = time.perf_counter()
        write(g, out)
        print(time.perf_counter() - started, g.number_of_nodes(), g.number_of_edges())
    else:
        print(read_seconds, g.number_of_nodes(), g.number_of_edges())
''')


def timed(command, **kwargs):
    """Wall seconds and peak RSS (MB) of a command in its own process, and its standard output."""
    started = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kwargs)
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - started
    output = child.stdout.read()
    if os.waitstatus_to_exitcode(status) not in (0,):
        sys.exit(f"failed: {' '.join(command)}\n{child.stderr.read()}")
    return seconds, usage.ru_maxrss / 1024, output


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seeds", help="a generated network (default: generate one in a temporary folder)")
    parser.add_argument("--formats", default="graphml,gexf,csv")
    parser.add_argument("--skip-networkx", action="store_true")
    args = parser.parse_args()

    subprocess.run(["swift", "build", "-c", "release", "--product", "grappe"], cwd=ROOT, check=True)
    grappe = os.path.join(ROOT, ".build/release/grappe")
    work = tempfile.mkdtemp(prefix="grappe-interchange-")
    try:
        seeds = args.seeds
        if not seeds:
            seeds = os.path.join(work, "seeds")
            subprocess.run([grappe, "generate", "--organisations", "100000", "--relations", "1000000", "--seed", "1",
                            "--output", seeds], check=True, stdout=subprocess.DEVNULL)
        rows = []
        for format in args.formats.split(","):
            folder = os.path.join(work, format)
            os.makedirs(folder)
            shutil.copy(os.path.join(seeds, "documents.yaml"), folder)
            target = folder if format == "csv" else os.path.join(folder, "network." + format)
            seconds, memory, _ = timed([grappe, "export", "--no-store", "--seeds", seeds, "--format", format, "-o", target])
            rows.append(("grappe", "export " + format, seconds, memory, ""))
            seconds, memory, _ = timed([grappe, "check", "--no-warnings", "--seeds", folder])
            rows.append(("grappe", "import " + format, seconds, memory, ""))
            if format == "csv" or args.skip_networkx:
                continue
            for action in ("read", "write"):
                seconds, memory, output = timed([sys.executable, "-c", PEER, action, target, os.path.join(work, "nx." + format)])
                inner, nodes, edges = output.split()
                rows.append(("networkx", f"{action}_{format}", float(inner), memory, f"{nodes} nodes, {edges} edges; process {seconds:.1f} s"))
        print(f"\n{'tool':<9} {'work':<16} {'seconds':>8} {'peak MB':>8}  note")
        for tool, work_name, seconds, memory, note in rows:
            print(f"{tool:<9} {work_name:<16} {seconds:>8.2f} {memory:>8.0f}  {note}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
