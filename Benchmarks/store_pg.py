#!/usr/bin/env python3
"""Save latency on a PostgreSQL server, Grappe beside pgbench, in the same run.

    python3 Benchmarks/store_pg.py URL [--count 1000] [--startup 10000] [--binary .build/release/grappe-bench]

URL is a superuser's postgres:// URL (as `.ci/postgres start` prints). Grappe saves COUNT missions,
one transaction each (grappe-bench SEEDS --store --server URL); pgbench runs COUNT transactions of
one single-row INSERT on the same server, one client, with per-transaction latencies logged. Both
report p50/p99 in milliseconds; the goal is Grappe's p99 at most twice pgbench's. Grappe's run also
times the start to the first dashboard frame with STARTUP recorded missions.

To tell the server's share from the client's, pgbench also calls grappe.save_record itself (the one
statement a Grappe save sends: lock, version check, record, journal entry, announcement) COUNT times
with a mission body of Grappe's shape, in a workspace of its own that is deleted afterwards; prepared
once, as Grappe prepares it (pgbench -M prepared). The single-row insert runs in pgbench's default
(simple) query mode.
"""
import argparse, glob, json, os, shutil, statistics, subprocess, sys, tempfile


def percentiles(values):
    values = sorted(values)
    at = lambda p: values[min(len(values) - 1, int(len(values) * p))]
    return {"p50": round(at(0.5), 3), "p99": round(at(0.99), 3), "max": round(values[-1], 3)}


def run_pgbench(plain_url, script_text, count, mode="simple"):
    """pgbench, one client, COUNT transactions of the script (sent in pgbench's query MODE); each
    transaction's latency in ms."""
    folder = tempfile.mkdtemp()
    script = os.path.join(folder, "script.sql")
    with open(script, "w") as f:
        f.write(script_text)
    subprocess.run(["pgbench", "-n", "-M", mode, "-c", "1", "-t", str(count), "-f", script, "-l", "--log-prefix",
                    os.path.join(folder, "log"), plain_url], check=True, capture_output=True)
    latencies = []
    for path in glob.glob(os.path.join(folder, "log*")):
        with open(path) as f:
            latencies += [int(line.split()[2]) / 1000 for line in f if line.strip()]
    shutil.rmtree(folder)
    return latencies


def pgbench(url, count):
    plain = url.split("?")[0]
    subprocess.run(["psql", plain, "-X", "-q", "-c",
                    "DROP TABLE IF EXISTS bench_insert; CREATE TABLE bench_insert (id bigserial PRIMARY KEY, title text, body text)"],
                   check=True)
    latencies = run_pgbench(plain, "INSERT INTO bench_insert (title, body) VALUES ('Mission d''essai', repeat('x', 1500));\n", count)
    subprocess.run(["psql", plain, "-X", "-q", "-c", "DROP TABLE bench_insert"], check=True)
    return percentiles(latencies)


MISSION_BODY = json.dumps({
    "id": "mission-pgbench", "kind": "mission", "title": "Mission d'essai pgbench",
    "mission": {"budget": {"amount": "10000.00", "currency": "CAD"}, "destinations": ["lyon"], "objectives": [],
                "origin": "laval", "outcomes": [], "start": "2027-01-10", "status": "planned"},
    "parties": [{"id": "marc-demers", "role": "leader"}, {"id": "cqic", "role": "on_behalf_of"},
                {"attendance": "confirmed", "id": "technomontreal", "role": "delegate"}],
    "sources": []}, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def pgbench_save_record(url, count, workspace="pgbench-save-record"):
    """pgbench calling the statement a Grappe save sends, with new ids (the server's share of a save)."""
    plain = url.split("?")[0]
    literal = "'" + MISSION_BODY.replace("'", "''") + "'"
    clear = ("DELETE FROM grappe.journal_items WHERE workspace = '%s'; DELETE FROM grappe.journal WHERE workspace = '%s'; "
             "DELETE FROM grappe.records WHERE workspace = '%s'" % (workspace, workspace, workspace))
    subprocess.run(["psql", plain, "-X", "-q", "-c", clear], check=True)
    latencies = run_pgbench(plain, "\\set n random(1, 2000000000)\n"
                            "SELECT * FROM grappe.save_record('%s', 'mission-' || :n, 0, 'mission', 'Mission d''essai', 'planned', "
                            "'2027-01-10', NULL, 1000000, 'CAD', '2026-12-04T10:00:00Z', 'pgbench', %s, 'add', 'Mission added', 'grappe');\n"
                            % (workspace, literal), count, mode="prepared")
    subprocess.run(["psql", plain, "-X", "-q", "-c", clear], check=True)
    return percentiles(latencies)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("url")
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--startup", type=int, default=10000)
    parser.add_argument("--binary", default=".build/release/grappe-bench")
    parser.add_argument("--seeds", default="seeds")
    args = parser.parse_args()
    before = pgbench(args.url, args.count)
    grappe = json.loads(subprocess.run([args.binary, args.seeds, "--store", "--server", args.url, "--count", str(args.count),
                                        "--startup", str(args.startup)], check=True, capture_output=True, text=True).stdout)
    after = pgbench(args.url, args.count)
    server_share = pgbench_save_record(args.url, args.count)
    # The stricter comparison: the better of the two pgbench runs.
    peer = before if before["p99"] <= after["p99"] else after
    report = {"grappe_save_ms": grappe["save_ms"], "pgbench_insert_ms_before": before, "pgbench_insert_ms_after": after,
              "grappe_p99_over_pgbench_p99": round(grappe["save_ms"]["p99"] / peer["p99"], 2),
              "pgbench_save_record_ms": server_share,
              "startup_missions": grappe["startup_missions"], "startup_to_first_frame_ms": grappe["startup_to_first_frame_ms"],
              "startup_last_run_phases": grappe["startup_last_run_phases"]}
    print(json.dumps(report, indent=2, sort_keys=True))


if __name__ == "__main__":
    main()
