#!/usr/bin/env python3
"""Writes the networkx reference values that Grappe's metrics are tested against.

For four classic networks shipped with networkx (Florentine families, Zachary's karate club, Davis'
southern women, Les Misérables) it writes, in a folder per network:
  seeds/                 the network as Gephi spreadsheet seeds (ids are slugs of the names);
  expected.json          networkx's values for every node, plus a reference partition and its modularity.

The graphs are made simple and unweighted (nx.Graph, weights dropped), as Grappe's metrics graph is.
PageRank is run with a tight tolerance (1e-13, at most 10,000 iterations) so that the comparison
measures the definition, not where networkx's default tolerance stops the iteration.

    python3 make_fixtures.py        # networkx 3.x; rerun to refresh, then commit the output
"""
import csv
import json
import os
import re
import unicodedata

import networkx as nx
from networkx.algorithms import community

HERE = os.path.dirname(os.path.abspath(__file__))


def slug(name):
    text = unicodedata.normalize("NFKD", str(name)).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-") or "node"


def simple(graph):
    result = nx.Graph()
    result.add_nodes_from(graph.nodes())
    result.add_edges_from((u, v) for u, v in graph.edges() if u != v)
    return result


def write(name, graph):
    folder = os.path.join(HERE, "classic", name)
    seeds = os.path.join(folder, "seeds")
    os.makedirs(seeds, exist_ok=True)
    ids = {node: slug(node) for node in graph.nodes()}
    assert len(set(ids.values())) == len(ids), f"{name}: slugs collide"
    with open(os.path.join(seeds, "nodes.csv"), "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["Id", "Label", "Provenance"])
        for node in graph.nodes():
            writer.writerow([ids[node], str(node), "networkx"])
    with open(os.path.join(seeds, "edges.csv"), "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["Source", "Target", "Provenance"])
        for u, v in graph.edges():
            writer.writerow([ids[u], ids[v], "networkx"])
    with open(os.path.join(seeds, "documents.yaml"), "w", encoding="utf-8") as handle:
        handle.write(f"documents:\n  - id: networkx\n    title: networkx {nx.__version__} classic network '{name}'\n")

    betweenness = nx.betweenness_centrality(graph)
    closeness = nx.closeness_centrality(graph)
    pagerank = nx.pagerank(graph, alpha=0.85, weight=None, tol=1e-13, max_iter=10000)
    clustering = nx.clustering(graph)
    degree_centrality = nx.degree_centrality(graph)
    components = list(nx.connected_components(graph))
    component_of = {node: index for index, nodes in enumerate(components) for node in nodes}
    partition = community.greedy_modularity_communities(graph)
    louvain = community.louvain_communities(graph, seed=1)
    nodes = {
        ids[node]: {
            "degree": graph.degree(node),
            "degree_centrality": degree_centrality[node],
            "betweenness": betweenness[node],
            "closeness": closeness[node],
            "pagerank": pagerank[node],
            "clustering": clustering[node],
            "component": component_of[node],
        }
        for node in graph.nodes()
    }
    expected = {
        "networkx": nx.__version__,
        "nodes": nodes,
        "reference_partition": [sorted(ids[node] for node in block) for block in partition],
        "reference_modularity": community.modularity(graph, partition),
        "networkx_louvain_modularity": community.modularity(graph, louvain),
        "average_clustering": nx.average_clustering(graph),
        "density": nx.density(graph),
    }
    largest = graph.subgraph(max(components, key=len))
    expected["diameter_largest_component"] = nx.diameter(largest)
    expected["average_shortest_path_largest_component"] = nx.average_shortest_path_length(largest)
    with open(os.path.join(folder, "expected.json"), "w", encoding="utf-8") as handle:
        json.dump(expected, handle, indent=1, sort_keys=True, ensure_ascii=False)
        handle.write("\n")
    print(f"{name}: {graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges")


if __name__ == "__main__":
    write("florentine-families", simple(nx.florentine_families_graph()))
    write("karate-club", simple(nx.karate_club_graph()))
    write("davis-southern-women", simple(nx.davis_southern_women_graph()))
    write("les-miserables", simple(nx.les_miserables_graph()))
