#!/usr/bin/env python3
"""Bytes the dashboard writes to the terminal per key, measured on the real binary in a pseudo-terminal.

Starts `grappe` (release build) at 160×50 on a seed directory, without a store, and times how long the
home page takes to reach the terminal (from starting the process to the home page's bar-chart title
arriving). Then it sends navigation keys one at a time and counts the bytes written in answer to each
(ncurses sends only the cells that changed). Prints the start-up time, the first frame's size and, per
kind of key, the median and largest count.

    python3 Benchmarks/dashboard_bytes.py [--seeds seeds]
"""
import argparse
import fcntl
import os
import pty
import select
import statistics
import struct
import sys
import termios
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def drain(fd, quiet=0.15, limit=5.0):
    """Reads until the terminal has been quiet for `quiet` seconds; returns the byte count."""
    total, start, last = 0, time.time(), time.time()
    while time.time() - start < limit:
        ready, _, _ = select.select([fd], [], [], 0.02)
        if ready:
            try:
                data = os.read(fd, 65536)
            except OSError:
                break
            total += len(data)
            last = time.time()
        elif total and time.time() - last > quiet:
            break
    return total


def wait_for(fd, marker, limit=60.0):
    """Reads until `marker` has arrived; returns the bytes read."""
    seen, start = b"", time.time()
    while marker not in seen and time.time() - start < limit:
        ready, _, _ = select.select([fd], [], [], 0.01)
        if ready:
            try:
                seen += os.read(fd, 65536)
            except OSError:
                break
    return seen


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seeds", default=os.path.join(ROOT, "seeds"))
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build", "release", "grappe"),
                        help="the grappe to measure (to compare two builds in one run)")
    parser.add_argument("--cache", help="XDG_CACHE_HOME for the run (a new empty folder times a cold start)")
    args = parser.parse_args()
    binary = args.binary
    started = time.time()
    pid, fd = pty.fork()
    if pid == 0:
        os.environ.update({"TERM": "xterm-256color", "LC_ALL": "C.UTF-8"})
        if args.cache:
            os.environ["XDG_CACHE_HOME"] = args.cache
        os.execv(binary, [binary, "--seeds", args.seeds, "--lang", "en", "--no-store"])
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 50, 160, 0, 0))
    home = wait_for(fd, b"Most connected")
    startup = time.time() - started
    first = len(home) + drain(fd, quiet=1.0, limit=60)
    results = {}
    for name, keys in [("section switch (2, 3…)", [b"2", b"3", b"4", b"5", b"2"]), ("down (j)", [b"j"] * 20),
                       ("up (k)", [b"k"] * 10), ("open card (Enter) and back (Esc)", [b"\r", b"\x1b"] * 3)]:
        counts = []
        for key in keys:
            os.write(fd, key)
            counts.append(drain(fd))
        results[name] = counts
    os.write(fd, b"q")
    drain(fd)
    os.waitpid(pid, 0)
    print(f"start to the home page on the terminal: {startup * 1000:.0f} ms")
    print(f"first frame: {first} bytes (160×50)")
    for name, counts in results.items():
        print(f"{name:<36} median {statistics.median(counts):>6.0f} bytes, max {max(counts):>6} bytes")


if __name__ == "__main__":
    main()
