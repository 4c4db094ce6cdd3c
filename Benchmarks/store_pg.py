#!/usr/bin/env python3
"""Save latency on a PostgreSQL server, Grappe beside pgbench, in the same run.

    python3 Benchmarks/store_pg.py URL [--count 1000] [--rounds 10] [--startup 10000] [--binary .build/release/grappe-bench]

URL is a superuser's postgres:// URL (as `.ci/postgres start` prints). COUNT saves of each kind, in
ROUNDS rounds taken in turn, so that all meet the same weather on a shared machine: in each round,
Grappe saves COUNT/ROUNDS missions, one transaction each (grappe-bench SEEDS --store-saves); pgbench
runs as many transactions of one single-row INSERT (one client, its default query mode); and pgbench
calls grappe.save_record itself as many times (the one statement a Grappe save sends: lock, version
check, record, journal entry, announcement; prepared once, as Grappe prepares it, with a mission body
of Grappe's shape, in a workspace of its own that is deleted afterwards), to show the server's share.
Each round is a new session for all three, whose first transaction (a warm-up: preparing, compiling
the PL/pgSQL) is left out. Each reports p50/p99 in milliseconds over all its rounds; the goal is
Grappe's p99 at most twice pgbench's. The report also divides the server's share by the insert (what
no client can go under) and Grappe's save by the server's share (the client's part). A separate run
(grappe-bench SEEDS --store) times the start to the first dashboard frame with STARTUP recorded
missions.
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


def insert_table(url, create):
    plain = url.split("?")[0]
    sql = ("DROP TABLE IF EXISTS bench_insert; CREATE TABLE bench_insert (id bigserial PRIMARY KEY, title text, body text)"
           if create else "DROP TABLE bench_insert")
    subprocess.run(["psql", plain, "-X", "-q", "-c", sql], check=True, capture_output=True)


def pgbench_insert(url, count):
    """pgbench's single-row insert, COUNT transactions; their latencies in ms."""
    return run_pgbench(url.split("?")[0], "INSERT INTO bench_insert (title, body) VALUES ('Mission d''essai', repeat('x', 1500));\n", count)


MISSION_BODY = json.dumps({
    "id": "mission-pgbench", "kind": "mission", "title": "Mission d'essai pgbench",
    "mission": {"budget": {"amount": "10000.00", "currency": "CAD"}, "destinations": ["lyon"], "objectives": [],
                "origin": "laval", "outcomes": [], "start": "2027-01-10", "status": "planned"},
    "parties": [{"id": "marc-demers", "role": "leader"}, {"id": "cqic", "role": "on_behalf_of"},
                {"attendance": "confirmed", "id": "technomontreal", "role": "delegate"}],
    "sources": []}, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


SAVE_RECORD_WORKSPACE = "pgbench-save-record"


def clear_save_record_workspace(url, workspace=SAVE_RECORD_WORKSPACE):
    plain = url.split("?")[0]
    clear = ("DELETE FROM grappe.journal_items WHERE workspace = '%s'; DELETE FROM grappe.journal WHERE workspace = '%s'; "
             "DELETE FROM grappe.records WHERE workspace = '%s'" % (workspace, workspace, workspace))
    subprocess.run(["psql", plain, "-X", "-q", "-c", clear], check=True, capture_output=True)


def pgbench_save_record(url, count, workspace=SAVE_RECORD_WORKSPACE):
    """pgbench calling the statement a Grappe save sends, with new ids (the server's share of a save)."""
    literal = "'" + MISSION_BODY.replace("'", "''") + "'"
    return run_pgbench(url.split("?")[0], "\\set n random(1, 2000000000)\n"
                       "SELECT * FROM grappe.save_record('%s', 'mission-' || :n, 0, 'mission', 'Mission d''essai', 'planned', "
                       "'2027-01-10', NULL, 1000000, 'CAD', '2026-12-04T10:00:00Z', 'pgbench', %s, 'add', 'Mission added', 'grappe');\n"
                       % (workspace, literal), count, mode="prepared")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("url")
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--startup", type=int, default=10000)
    parser.add_argument("--binary", default=".build/release/grappe-bench")
    parser.add_argument("--seeds", default="seeds")
    args = parser.parse_args()
    per_round = max(1, args.count // args.rounds)
    grappe, insert, server_share = [], [], []
    insert_table(args.url, create=True)
    for turn in range(args.rounds):
        saved = subprocess.run([args.binary, args.seeds, "--store-saves", "--server", args.url, "--count", str(per_round + 1),
                                "--first", str(turn * (per_round + 1))], check=True, capture_output=True, text=True).stdout
        if turn == 0:
            # Grappe's first start made the schema on a new server; pgbench's workspace starts empty.
            clear_save_record_workspace(args.url)
        # Each round is a new session for all three: its first transaction also prepares the statement
        # and compiles grappe.save_record's PL/pgSQL (a few ms, once per session in real use), so it is
        # left out of each, as a warm-up.
        grappe += json.loads(saved)["save_ms_all"][1:]
        insert += pgbench_insert(args.url, per_round + 1)[1:]
        server_share += pgbench_save_record(args.url, per_round + 1)[1:]
    insert_table(args.url, create=False)
    clear_save_record_workspace(args.url)
    startup = json.loads(subprocess.run([args.binary, args.seeds, "--store", "--server", args.url, "--count", "20",
                                         "--startup", str(args.startup)], check=True, capture_output=True, text=True).stdout)
    grappe_ms, insert_ms, share_ms = percentiles(grappe), percentiles(insert), percentiles(server_share)
    report = {"rounds": args.rounds, "saves_each": per_round * args.rounds,
              "grappe_save_ms": grappe_ms, "pgbench_insert_ms": insert_ms, "pgbench_save_record_ms": share_ms,
              "grappe_p99_over_pgbench_p99": round(grappe_ms["p99"] / insert_ms["p99"], 2),
              "grappe_p50_over_pgbench_p50": round(grappe_ms["p50"] / insert_ms["p50"], 2),
              # The server's share alone (pgbench sending the save's statement, no Grappe at all) over
              # the single-row insert; and Grappe's whole save over that share: the client's part.
              "save_record_p99_over_insert_p99": round(share_ms["p99"] / insert_ms["p99"], 2),
              "grappe_p99_over_save_record_p99": round(grappe_ms["p99"] / share_ms["p99"], 2),
              "startup_missions": startup["startup_missions"], "startup_to_first_frame_ms": startup["startup_to_first_frame_ms"],
              "startup_last_run_phases": startup["startup_last_run_phases"]}
    print(json.dumps(report, indent=2, sort_keys=True))


if __name__ == "__main__":
    main()
