#!/usr/bin/env python3
"""Analysis benchmark: Grappe against python-igraph, NetworKit and networkx on the same edge list.

1. Builds grappe and grappe-bench (release), generates the networks of the analysts' issue with
   `grappe generate` (seed 1) and exports their metrics graph as an edge list (`grappe export --format
   csv --metrics-graph`), so the three tools work on exactly the same graph.
2. Large network (100,000 organisations / 1,000,000 relations): degree, connected components, PageRank,
   local clustering and betweenness from 256 pivots, timed in each tool, each in its own process.
   igraph runs subset betweenness from the same number of sources; NetworKit runs EstimateBetweenness
   with the same number of samples, on as many threads as Grappe uses (every core); networkx runs
   `betweenness_centrality(k=...)` with --networkx-pivots (default 16) and the time is scaled to 256
   pivots (Brandes' cost is linear in the pivots), marked "est." in the table.
3. Medium network (5,000 organisations / 25,000 relations): exact betweenness.
Peak memory is each process's maximum resident set (loading included).

    pip install igraph networkit networkx scipy
    python3 Benchmarks/analysis.py [--networkx-pivots 16] [--skip-networkx]
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import textwrap

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

PEER = textwrap.dedent('''
    import csv, json, random, sys, time
    tool, folder, mode, pivots = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    started = time.perf_counter()
    ids = {}
    for row in csv.DictReader(open(folder + "/nodes.csv", encoding="utf-8")):
        ids[row["Id"]] = len(ids)
    edges = [(ids[r["Source"]], ids[r["Target"]]) for r in csv.DictReader(open(folder + "/edges.csv", encoding="utf-8"))]
    seconds = {}
    def timed(name, work):
        start = time.perf_counter(); work(); seconds[name] = time.perf_counter() - start
    random.seed(1)
    sources = random.sample(range(len(ids)), min(pivots, len(ids)))
    if tool == "networkit":
        import os, networkit as nk
        nk.setNumberOfThreads(os.cpu_count())
        g = nk.Graph(len(ids))
        for u, v in edges:
            g.addEdge(u, v)
        seconds["load"] = time.perf_counter() - started
        if mode == "exact":
            timed("betweenness_exact", lambda: nk.centrality.Betweenness(g, normalized=True).run())
        else:
            timed("degree", lambda: nk.centrality.DegreeCentrality(g).run())
            timed("components", lambda: nk.components.ConnectedComponents(g).run())
            timed("pagerank", lambda: nk.centrality.PageRank(g, damp=0.85).run())
            timed("clustering", lambda: nk.centrality.LocalClusteringCoefficient(g).run())
            timed("betweenness_sampled", lambda: nk.centrality.EstimateBetweenness(g, pivots, True, True).run())
    elif tool == "igraph":
        import igraph
        g = igraph.Graph(n=len(ids), edges=edges)
        seconds["load"] = time.perf_counter() - started
        if mode == "exact":
            timed("betweenness_exact", lambda: g.betweenness(directed=False))
        else:
            timed("degree", lambda: g.degree())
            timed("components", lambda: g.connected_components())
            timed("pagerank", lambda: g.pagerank())
            timed("clustering", lambda: g.transitivity_local_undirected(mode="zero"))
            timed("betweenness_sampled", lambda: g.betweenness(sources=sources, directed=False))
    else:
        import networkx as nx
        g = nx.Graph()
        g.add_nodes_from(range(len(ids)))
        g.add_edges_from(edges)
        seconds["load"] = time.perf_counter() - started
        if mode == "exact":
            timed("betweenness_exact", lambda: nx.betweenness_centrality(g))
        else:
            timed("degree", lambda: dict(g.degree()))
            timed("components", lambda: list(nx.connected_components(g)))
            timed("pagerank", lambda: nx.pagerank(g))
            timed("clustering", lambda: nx.clustering(g))
            timed("betweenness_sampled", lambda: nx.betweenness_centrality(g, k=pivots, seed=1))
    print(json.dumps({"seconds": seconds, "nodes": len(ids), "edges": len(edges)}))
''')


def run(command):
    """Runs a command in its own process: its JSON report and its peak RSS in MB."""
    child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    output = child.stdout.read()
    _, status, usage = os.wait4(child.pid, 0)
    if status != 0:
        sys.exit(f"failed: {' '.join(command)}")
    return json.loads(output), usage.ru_maxrss / 1024


def network(binary, organisations, relations):
    """A generated network and its metrics graph as Gephi CSV, made once and kept in /tmp."""
    base = os.path.join(tempfile.gettempdir(), f"grappe-bench-{organisations}-{relations}-1")
    metrics = base + "-metrics"
    if not os.path.exists(os.path.join(base, "edges.csv")):
        subprocess.run([binary, "generate", "--organisations", str(organisations), "--relations", str(relations),
                        "--seed", "1", "--output", base, "--force"], check=True, stderr=subprocess.DEVNULL)
    if not os.path.exists(os.path.join(metrics, "edges.csv")):
        subprocess.run([binary, "export", "--seeds", base, "--format", "csv", "--metrics-graph", "--output", metrics], check=True)
        with open(os.path.join(base, "documents.yaml"), encoding="utf-8") as source, \
                open(os.path.join(metrics, "documents.yaml"), "w", encoding="utf-8") as target:
            target.write(source.read())
    return metrics


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--networkx-pivots", type=int, default=16)
    parser.add_argument("--skip-networkx", action="store_true")
    args = parser.parse_args()
    print("building (release)…", file=sys.stderr)
    subprocess.run(["swift", "build", "-c", "release"], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    grappe = os.path.join(ROOT, ".build", "release", "grappe")
    bench = os.path.join(ROOT, ".build", "release", "grappe-bench")

    large = network(grappe, 100_000, 1_000_000)
    print("large network: grappe…", file=sys.stderr)
    ours, our_memory = run([bench, large, "--pivots", "256"])
    print("large network: igraph…", file=sys.stderr)
    theirs, igraph_memory = run([sys.executable, "-c", PEER, "igraph", large, "sampled", "256"])
    print("large network: NetworKit…", file=sys.stderr)
    kit, kit_memory = run([sys.executable, "-c", PEER, "networkit", large, "sampled", "256"])
    nx_report, nx_memory = None, None
    if not args.skip_networkx:
        print(f"large network: networkx (betweenness from {args.networkx_pivots} pivots)…", file=sys.stderr)
        nx_report, nx_memory = run([sys.executable, "-c", PEER, "networkx", large, "sampled", str(args.networkx_pivots)])
        nx_report["seconds"]["betweenness_sampled"] *= 256 / args.networkx_pivots

    print(f"\nmetrics graph of a generated network: {ours['nodes']:,} nodes, {ours['edges']:,} edges "
          f"(100,000 organisations, 1,000,000 relations, seed 1); {os.cpu_count()} cores\n")
    header = (f"{'operation':<24}{'grappe':>10}{'igraph':>10}{'NetworKit':>11}{'networkx':>12}"
              f"{'igraph/grappe':>15}{'NetworKit/grappe':>18}{'networkx/grappe':>17}")
    print(header)
    print("-" * len(header))
    for name, label in [("degree", "degree"), ("components", "components"), ("pagerank", "PageRank"),
                        ("clustering", "clustering"), ("betweenness_sampled", "betweenness (k=256)")]:
        g, i, k = ours["seconds"][name], theirs["seconds"][name], kit["seconds"][name]
        n = nx_report["seconds"][name] if nx_report else None
        nx_text = "–" if n is None else f"{n:.3f}" + ("*" if name == "betweenness_sampled" else "")
        print(f"{label:<24}{g:>10.3f}{i:>10.3f}{k:>11.3f}{nx_text:>12}{i / max(g, 1e-6):>14.1f}×{k / max(g, 1e-6):>17.1f}×"
              + ("" if n is None else f"{n / max(g, 1e-6):>16.0f}×"))
    total = sum(ours["seconds"][k] for k in ["degree", "components", "pagerank", "clustering", "betweenness_sampled"])
    total_i = sum(theirs["seconds"][k] for k in ["degree", "components", "pagerank", "clustering", "betweenness_sampled"])
    total_k = sum(kit["seconds"][k] for k in ["degree", "components", "pagerank", "clustering", "betweenness_sampled"])
    line = f"{'all five':<24}{total:>10.3f}{total_i:>10.3f}{total_k:>11.3f}"
    if nx_report:
        total_n = sum(nx_report["seconds"][k] for k in ["degree", "components", "pagerank", "clustering", "betweenness_sampled"])
        line += f"{total_n:>12.1f}{total_i / total:>14.1f}×{total_k / total:>17.1f}×{total_n / total:>16.0f}×"
    else:
        line += f"{'–':>12}{total_i / total:>14.1f}×{total_k / total:>17.1f}×"
    print(line)
    print(f"{'load (edge list)':<24}{ours['seconds']['load']:>10.3f}{theirs['seconds']['load']:>10.3f}{kit['seconds']['load']:>11.3f}"
          + (f"{nx_report['seconds']['load']:>12.3f}" if nx_report else ""))
    print(f"{'peak memory (MB)':<24}{our_memory:>10.0f}{igraph_memory:>10.0f}{kit_memory:>11.0f}" + (f"{nx_memory:>12.0f}" if nx_memory else ""))
    if nx_report:
        print(f"* networkx betweenness from {args.networkx_pivots} pivots, scaled ×{256 // args.networkx_pivots} to 256 (est.)")

    medium = network(grappe, 5_000, 25_000)
    ours, _ = run([bench, medium, "--exact-betweenness"])
    theirs, _ = run([sys.executable, "-c", PEER, "igraph", medium, "exact", "0"])
    kit_exact, _ = run([sys.executable, "-c", PEER, "networkit", medium, "exact", "0"])
    line = f"\nexact betweenness, {ours['nodes']:,} nodes / {ours['edges']:,} edges: grappe {ours['seconds']['betweenness_exact']:.3f} s, " \
           f"igraph {theirs['seconds']['betweenness_exact']:.3f} s ({theirs['seconds']['betweenness_exact'] / ours['seconds']['betweenness_exact']:.1f}× grappe), " \
           f"NetworKit {kit_exact['seconds']['betweenness_exact']:.3f} s ({kit_exact['seconds']['betweenness_exact'] / ours['seconds']['betweenness_exact']:.1f}× grappe)"
    if not args.skip_networkx:
        nx_exact, _ = run([sys.executable, "-c", PEER, "networkx", medium, "exact", "0"])
        line += f", networkx {nx_exact['seconds']['betweenness_exact']:.1f} s"
    print(line)


if __name__ == "__main__":
    main()
