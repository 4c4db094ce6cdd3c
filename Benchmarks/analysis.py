#!/usr/bin/env python3
"""Analysis benchmark: Grappe against igraph, NetworKit, SuiteSparse:GraphBLAS and networkx on the same graph.

1. Builds grappe and grappe-bench (release), generates the networks of the analysts' issues with
   `grappe generate` (seed 1) and exports their metrics graph as an edge list (`grappe export --format
   csv --metrics-graph`), so every tool works on exactly the same graph.
2. At 100,000 organisations / 1,000,000 relations and (with --large) 1,000,000 / 10,000,000:
   degree, connected components, PageRank, local clustering, betweenness from 256 pivots and Louvain,
   timed in each tool, each tool in its own process, in the same run.
   - PageRank stops on the same rule everywhere: the L1 change of an iteration below 1e-10 (NetworKit
     with its L1 norm; GraphBLAS and networkx take `tol` per node, so 1e-10 / n). igraph has no
     stopping rule: PRPACK solves the system directly.
   - Betweenness: igraph from the same number of sources; NetworKit's EstimateBetweenness with the
     same number of samples; networkx `betweenness_centrality(k=...)` from --networkx-pivots (default
     16), its time scaled to 256 pivots and marked "*".
   - Louvain: igraph `community_multilevel`, NetworKit PLM without refinement, networkx
     `louvain_communities(seed=1)`.
   - GraphBLAS (python-graphblas with graphblas-algorithms) has PageRank and clustering; it has no
     betweenness, component labelling or Louvain, shown as "–".
   - Every library runs on every core (NetworKit and GraphBLAS thread themselves; igraph and networkx
     have one thread); Grappe too.
   networkx runs on the small network only (--skip-networkx leaves it out).
3. 5,000 organisations / 25,000 relations: exact betweenness.
Peak memory is each process's maximum resident set (loading included).

    pip install igraph networkit networkx scipy python-graphblas graphblas-algorithms
    python3 Benchmarks/analysis.py [--large] [--networkx-pivots 16] [--skip-networkx]
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import textwrap

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TOLERANCE = 1e-10
MEASURES = [("degree", "degree"), ("components", "components"), ("pagerank", "PageRank"),
            ("clustering", "clustering"), ("betweenness_sampled", "betweenness (k=256)"), ("louvain", "Louvain")]

PEER = textwrap.dedent('''
    import csv, json, random, sys, time
    tool, folder, mode, pivots, tolerance = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), float(sys.argv[5])
    started = time.perf_counter()
    ids = {}
    for row in csv.DictReader(open(folder + "/nodes.csv", encoding="utf-8")):
        ids[row["Id"]] = len(ids)
    edges = [(ids[r["Source"]], ids[r["Target"]]) for r in csv.DictReader(open(folder + "/edges.csv", encoding="utf-8"))]
    n = len(ids)
    seconds = {}
    def timed(name, work):
        start = time.perf_counter(); work(); seconds[name] = time.perf_counter() - start
    random.seed(1)
    sources = random.sample(range(n), min(pivots, n))
    if tool == "networkit":
        import os, networkit as nk
        nk.setNumberOfThreads(os.cpu_count())
        g = nk.Graph(n)
        for u, v in edges:
            g.addEdge(u, v)
        seconds["load"] = time.perf_counter() - started
        if mode == "exact":
            timed("betweenness_exact", lambda: nk.centrality.Betweenness(g, normalized=True).run())
        else:
            def pagerank():
                rank = nk.centrality.PageRank(g, damp=0.85, tol=tolerance)
                rank.norm = nk.centrality.Norm.L1_NORM
                rank.run()
            timed("degree", lambda: nk.centrality.DegreeCentrality(g).run())
            timed("components", lambda: nk.components.ConnectedComponents(g).run())
            timed("pagerank", pagerank)
            timed("clustering", lambda: nk.centrality.LocalClusteringCoefficient(g).run())
            timed("betweenness_sampled", lambda: nk.centrality.EstimateBetweenness(g, pivots, True, True).run())
            nk.engineering.setSeed(1, False)
            timed("louvain", lambda: nk.community.PLM(g, refine=False).run())
    elif tool == "igraph":
        import igraph
        g = igraph.Graph(n=n, edges=edges)
        seconds["load"] = time.perf_counter() - started
        if mode == "exact":
            timed("betweenness_exact", lambda: g.betweenness(directed=False))
        else:
            timed("degree", lambda: g.degree())
            timed("components", lambda: g.connected_components())
            timed("pagerank", lambda: g.pagerank())
            timed("clustering", lambda: g.transitivity_local_undirected(mode="zero"))
            timed("betweenness_sampled", lambda: g.betweenness(sources=sources, directed=False))
            timed("louvain", lambda: g.community_multilevel())
    elif tool == "graphblas":
        import graphblas as gb, graphblas_algorithms as ga
        rows = [u for u, v in edges] + [v for u, v in edges]
        columns = [v for u, v in edges] + [u for u, v in edges]
        matrix = gb.Matrix.from_coo(rows, columns, 1.0, nrows=n, ncols=n)
        g = ga.Graph(matrix)
        seconds["load"] = time.perf_counter() - started
        timed("degree", lambda: g.get_property("plus_rowwise+"))
        timed("pagerank", lambda: ga.pagerank(g, tol=tolerance / n, max_iter=1000))
        timed("clustering", lambda: ga.clustering(g))
    else:
        import networkx as nx
        g = nx.Graph()
        g.add_nodes_from(range(n))
        g.add_edges_from(edges)
        seconds["load"] = time.perf_counter() - started
        if mode == "exact":
            timed("betweenness_exact", lambda: nx.betweenness_centrality(g))
        else:
            timed("degree", lambda: dict(g.degree()))
            timed("components", lambda: list(nx.connected_components(g)))
            timed("pagerank", lambda: nx.pagerank(g, tol=tolerance / n, max_iter=1000))
            timed("clustering", lambda: nx.clustering(g))
            timed("betweenness_sampled", lambda: nx.betweenness_centrality(g, k=pivots, seed=1))
            timed("louvain", lambda: nx.community.louvain_communities(g, seed=1))
    print(json.dumps({"seconds": seconds, "nodes": n, "edges": len(edges)}))
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


def compare(grappe, bench, organisations, args, networkx):
    """One network: every tool on every measure, a table of times, the fastest peer and Grappe's lead."""
    folder = network(grappe, organisations, organisations * 10)
    reports = {}
    peers = ["igraph", "networkit", "graphblas"] + (["networkx"] if networkx else [])
    print(f"{organisations:,} organisations: grappe…", file=sys.stderr)
    reports["grappe"] = run([bench, folder, "--pivots", "256", "--tolerance", str(TOLERANCE)])
    for peer in peers:
        print(f"{organisations:,} organisations: {peer}…", file=sys.stderr)
        pivots = str(args.networkx_pivots if peer == "networkx" else 256)
        reports[peer] = run([sys.executable, "-c", PEER, peer, folder, "sampled", pivots, str(TOLERANCE)])
    if networkx:
        reports["networkx"][0]["seconds"]["betweenness_sampled"] *= 256 / args.networkx_pivots
    ours = reports["grappe"][0]
    print(f"\nmetrics graph of a generated network: {ours['nodes']:,} nodes, {ours['edges']:,} edges "
          f"({organisations:,} organisations, {organisations * 10:,} relations, seed 1); {os.cpu_count()} cores")
    names = {"grappe": "grappe", "igraph": "igraph", "networkit": "NetworKit", "graphblas": "GraphBLAS", "networkx": "networkx"}
    header = f"{'seconds':<22}" + "".join(f"{names[tool]:>11}" for tool in reports) + f"{'fastest peer':>14}{'its time / grappe':>19}"
    print(header)
    print("-" * len(header))
    for key, label in MEASURES + [("load", "load (edge list)")]:
        line = f"{label:<22}"
        for tool, (report, _) in reports.items():
            value = report["seconds"].get(key)
            line += f"{'–':>11}" if value is None else f"{value:>10.3f}" + ("*" if tool == "networkx" and key == "betweenness_sampled" else " ")
        times = [(reports[p][0]["seconds"][key], p) for p in peers if key in reports[p][0]["seconds"]]
        if times and key != "load":
            best, peer = min(times)
            line += f"{names[peer]:>14}{best / max(ours['seconds'][key], 1e-6):>18.1f}×"
        print(line)
    print(f"{'peak memory (MB)':<22}" + "".join(f"{memory:>10.0f} " for _, memory in reports.values()))
    if networkx:
        print(f"* networkx betweenness from {args.networkx_pivots} pivots, scaled ×{256 // args.networkx_pivots} to 256 (est.)")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--networkx-pivots", type=int, default=16)
    parser.add_argument("--skip-networkx", action="store_true")
    parser.add_argument("--large", action="store_true", help="also 1,000,000 organisations / 10,000,000 relations")
    parser.add_argument("--skip-small", action="store_true")
    args = parser.parse_args()
    print("building (release)…", file=sys.stderr)
    subprocess.run(["swift", "build", "-c", "release"], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    grappe = os.path.join(ROOT, ".build", "release", "grappe")
    bench = os.path.join(ROOT, ".build", "release", "grappe-bench")
    if not args.skip_small:
        compare(grappe, bench, 100_000, args, networkx=not args.skip_networkx)
    if args.large:
        compare(grappe, bench, 1_000_000, args, networkx=False)
    if args.skip_small:
        return
    medium = network(grappe, 5_000, 25_000)
    ours, _ = run([bench, medium, "--exact-betweenness"])
    theirs, _ = run([sys.executable, "-c", PEER, "igraph", medium, "exact", "0", "0"])
    kit_exact, _ = run([sys.executable, "-c", PEER, "networkit", medium, "exact", "0", "0"])
    line = f"\nexact betweenness, {ours['nodes']:,} nodes / {ours['edges']:,} edges: grappe {ours['seconds']['betweenness_exact']:.3f} s, " \
           f"igraph {theirs['seconds']['betweenness_exact']:.3f} s ({theirs['seconds']['betweenness_exact'] / ours['seconds']['betweenness_exact']:.1f}× grappe), " \
           f"NetworKit {kit_exact['seconds']['betweenness_exact']:.3f} s ({kit_exact['seconds']['betweenness_exact'] / ours['seconds']['betweenness_exact']:.1f}× grappe)"
    if not args.skip_networkx:
        nx_exact, _ = run([sys.executable, "-c", PEER, "networkx", medium, "exact", "0", "0"])
        line += f", networkx {nx_exact['seconds']['betweenness_exact']:.1f} s"
    print(line)


if __name__ == "__main__":
    main()
