#!/usr/bin/env python3
"""make docs: the pictures of the guide (docs/guide/), drawn from real runs.

For each picture below it boots sysret once, runs a lecture demo under
`trace -e all` (tools/trace/demo.py), and draws the trace with
tools/trace/trace2svg.py into docs/pictures/NAME-timeline.svg and
NAME-tree.svg (only the ones the guide uses). QEMU counts instructions
(-icount: one instruction is one nanosecond) on a virtual clock, so a run
gives the same trace, and the same pictures, every time.

Usage: tools/trace/docs.py [--out DIR] [--keep-traces] [NAME ...]
"""
import argparse
import os
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import demo  # noqa: E402

# (picture name, demo, its arguments, CPUs, which pictures the guide uses)
PICTURES = [
    ("exceptions", "exceptions", "", 1, ("timeline",)),
    ("syscall", "syscall", "", 1, ("timeline",)),
    ("cow", "cow", "", 1, ("timeline",)),
    ("timeslice", "timeslice", "", 1, ("timeline",)),
    ("pingpong", "pingpong", "", 1, ("timeline",)),
    ("fork", "fork", "", 1, ("timeline", "tree")),
    ("fork_loop", "fork_loop", "2", 1, ("tree",)),
    ("exec", "exec", "", 1, ("timeline", "tree")),
    ("exit_wait", "exit_wait", "", 1, ("timeline", "tree")),
    ("zombie_orphan", "zombie_orphan", "", 1, ("timeline", "tree")),
    ("sigmask", "sigmask", "", 1, ("timeline",)),
    ("sigsuspend", "sigsuspend", "", 1, ("timeline",)),
    ("jobctl", "jobctl", "", 1, ("timeline",)),
    ("pipeline", "pipeline", "", 1, ("timeline", "tree")),
]


def make(picture, out, keep):
    """Boots, traces and draws one picture; returns a line for the log."""
    name, prog, args, smp, kinds = picture
    events, _ = demo.run_demo(prog, args, smp, deterministic=True)
    with tempfile.TemporaryDirectory() as tmp:
        trace = os.path.join(keep or tmp, name + ".trace")
        demo.write_trace(events, trace)
        paths = {kind: os.path.join(out if kind in kinds else tmp, "%s-%s.svg" % (name, kind))
                 for kind in ("timeline", "tree")}
        command = " ".join(["trace", prog] + ([args] if args else []))
        demo.draw(trace, paths["timeline"], paths["tree"],
                  "%s on sysret, -smp %d" % (command, smp))
    return "  %-16s %4d events  %s" % (name, len(events), ", ".join(
        os.path.relpath(paths[kind], demo.ROOT) for kind in kinds))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=os.path.join(demo.ROOT, "docs/pictures"))
    ap.add_argument("--keep-traces", metavar="DIR", help="also keep the raw traces in DIR")
    ap.add_argument("names", nargs="*", help="only these pictures")
    opts = ap.parse_args()
    chosen = [p for p in PICTURES if not opts.names or p[0] in opts.names]
    unknown = set(opts.names) - {p[0] for p in PICTURES}
    if unknown:
        sys.exit("docs: no picture %s; the pictures: %s" % (
            ", ".join(sorted(unknown)), " ".join(p[0] for p in PICTURES)))
    missing = [p[1] for p in chosen if not demo.is_demo(p[1])]
    if missing:
        sys.exit("docs: no demo %s" % ", ".join(missing))
    os.makedirs(opts.out, exist_ok=True)
    if opts.keep_traces:
        os.makedirs(opts.keep_traces, exist_ok=True)
    # Two boots at a time: one per core. Each run is deterministic on its own.
    with ThreadPoolExecutor(max_workers=2) as pool:
        for line in pool.map(lambda p: make(p, opts.out, opts.keep_traces), chosen):
            print(line)
    print("docs: %d pictures in %s" % (sum(len(p[4]) for p in chosen),
                                       os.path.relpath(opts.out, demo.ROOT)))


if __name__ == "__main__":
    main()
