#!/usr/bin/env python3
"""Turn a sysret event trace into a Chrome trace-event JSON file.

    python3 tools/trace/trace2json.py run.trace run.json

Open run.json in https://ui.perfetto.dev (Open trace file) or in Chrome's
chrome://tracing. It shows:

  - a "CPUs" group with one track per CPU: who ran when, one slice per
    stretch of a process on the CPU, named "name (pid)" (a new slice after an
    exec, since the name changes), with its user and kernel time;
  - one track per process: its system calls (with their arguments, strings
    and return values), exceptions ("page_fault (same)") and interrupts as
    slices, and instant events for signals (generated, delivered, handler
    returned) and for fork, exec, exit, reap, reparent, stop and continue;
  - arrows (flow events) from a parent's fork to its child, and from the
    process that generated a signal to the delivery of that signal.

The trace's nanoseconds become the format's microseconds (3 decimals: no
precision lost). Thread ids of the CPU tracks are CPU_TID + cpu: viewers keep
one set of thread ids for all processes, and CPU 1 must not be mistaken for
process 1.
"""
import bisect
import itertools
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import tracefile  # noqa: E402
from tracefile import signal_name  # noqa: E402

CPUS = "CPUs"           # the pid of the CPU tracks' group
CPU_TID = 10000000      # thread id of CPU n's track: CPU_TID + n (above any real pid)

# The hexadecimal keys of the trace stay hexadecimal in the slices' args.
HEX_KEYS = ("rip", "resume", "err", "cr2", "status", "handler")


def us(ns):
    """Nanoseconds to the format's microseconds."""
    return round(ns / 1000.0, 3)


def hexs(value):
    return "0x%x" % value if isinstance(value, int) and value >= 0 else str(value)


class Builder:
    """Collects trace events; knows each track's slices, to hang arrows on."""

    def __init__(self, model):
        self.model = model
        self.events = []
        self.slices = {}        # (pid, tid) -> [(start ns, end ns)]
        self.index = {}         # pid -> its track's slices, sorted, for anchor()
        self.anchors = {}       # (pid, ts) -> the anchor slice made there
        self.next_flow = 1

    def add(self, event):
        self.events.append(event)
        return event

    def slice(self, pid, tid, name, cat, start, end, args=None):
        """A complete ("X") slice from start to end (ns)."""
        self.slices.setdefault((pid, tid), []).append((start, end))
        event = {"ph": "X", "name": name, "cat": cat, "pid": pid, "tid": tid,
                 "ts": us(start), "dur": us(max(end - start, 0))}
        if args:
            event["args"] = args
        return self.add(event)

    def instant(self, pid, name, cat, ts, args=None):
        event = {"ph": "i", "s": "t", "name": name, "cat": cat, "pid": pid, "tid": pid,
                 "ts": us(ts)}
        if args:
            event["args"] = args
        return self.add(event)

    def flow(self, cat, name, source, target, to_next_slice=False):
        """An arrow from source to target, each (pid, ts ns). Arrows start and
        end on slices: where there is none, a tiny "anchor" slice is added
        (or, with to_next_slice, the arrow ends on the target's next slice)."""
        start = self.anchor(source, name, later=False)
        end = self.anchor(target, name, later=to_next_slice)
        if end[1] < start[1]:
            return
        flow_id = self.next_flow
        self.next_flow += 1
        common = {"cat": cat, "name": name, "id": flow_id}
        self.add(dict(common, ph="s", pid=start[0], tid=start[0], ts=us(start[1])))
        self.add(dict(common, ph="f", bp="e", pid=end[0], tid=end[0], ts=us(end[1])))

    def anchor(self, where, name, later):
        """(pid, ts) inside a slice of that track, at or (later=True) after ts."""
        pid, ts = where
        spans, starts, reach = self.track_index(pid)
        inside = bisect.bisect_left(starts, ts)     # the slices that start before ts
        if inside and reach[inside - 1] > ts:       # ... one of them ends after it
            return pid, ts
        if later:
            for start, end in spans[inside:inside + 50]:
                if end - start >= 2:
                    return pid, start + 1
        if (pid, ts) not in self.anchors:
            self.anchors[(pid, ts)] = self.slice(pid, pid, name, "anchor", ts, ts + 2,
                                                 {"note": "end of an arrow"})
        return pid, ts + 1

    def track_index(self, pid):
        """(slices sorted by start, their starts, the latest end so far) of a
        process's track, made once the slices are all there (anchors aside)."""
        if pid not in self.index:
            spans = sorted(self.slices.get((pid, pid), []))
            reach = list(itertools.accumulate((end for _, end in spans), max))
            self.index[pid] = (spans, [start for start, _ in spans], reach)
        return self.index[pid]


# ---------------------------------------------------------------------------
# Tracks
# ---------------------------------------------------------------------------

def metadata(b):
    """Names and order of the tracks: the CPUs first, then the processes as
    in the process tree (parents above children)."""
    b.add({"ph": "M", "name": "process_name", "pid": CPUS, "tid": CPU_TID,
           "args": {"name": CPUS}})
    b.add({"ph": "M", "name": "process_sort_index", "pid": CPUS, "tid": CPU_TID,
           "args": {"sort_index": -1}})
    for cpu in b.model.cpus:
        tid = CPU_TID + cpu
        b.add({"ph": "M", "name": "thread_name", "pid": CPUS, "tid": tid,
               "args": {"name": "CPU %d" % cpu}})
        b.add({"ph": "M", "name": "thread_sort_index", "pid": CPUS, "tid": tid,
               "args": {"sort_index": cpu}})
    for index, pid in enumerate(track_pids(b.model)):
        label = b.model.procs[pid].label
        for name, args in (("process_name", {"name": label}),
                           ("process_sort_index", {"sort_index": index}),
                           ("thread_name", {"name": label})):
            b.add({"ph": "M", "name": name, "pid": pid, "tid": pid, "args": args})


def track_pids(model):
    """Every process in tree order; idle (pid 0) last if it did anything."""
    pids = model.tree_order()
    return pids + [0] if 0 in model.procs else pids


def cpu_tracks(b):
    """One slice per process per stretch on a CPU; split at each exec."""
    model = b.model
    for run in model.runs:
        if run.pid == 0:
            continue
        proc = model.procs[run.pid]
        cuts = [ts for ts, _ in proc.execs if run.start < ts < run.end]
        edges = [run.start] + cuts + [run.end]
        for start, end in zip(edges, edges[1:]):
            modes = model.mode_times(run.pid, start, end)
            args = {"pid": run.pid, "cpu": run.cpu,
                    "user_us": us(modes["user"]), "kernel_us": us(modes["kernel"]),
                    "ended_by": "switch why=%s" % run.why if run.why and end == run.end
                    else ("exec" if end != run.end else "end of trace")}
            if run.inferred:
                args["note"] = "no switch events: guessed from the PID column"
            b.slice(CPUS, CPU_TID + run.cpu, proc.label_at(start), "cpu", start, end, args)


def syscall_slices(b):
    for pid, calls in b.model.syscalls.items():
        for call in calls:
            b.slice(pid, pid, call.name, "syscall", call.start, call.end, syscall_args(call))


def syscall_args(call):
    args = {}
    if call.enter:
        enter = call.enter
        args["nr"] = enter.get("nr")
        args["args"] = ", ".join(hexs(a) for a in enter.get("args", []))
        if "str" in enter:
            args["str"] = enter["str"]
            args["strlen"] = enter.get("strlen")
    else:
        args["note"] = "began before it was traced (or a child's return from fork)"
    if call.exit:
        args["ret"] = tracefile.errno_text(call.exit.get("ret"))
        if "str" in call.exit:
            args["ret_str"] = call.exit["str"]
            args["ret_strlen"] = call.exit.get("strlen")
    else:
        args["note"] = "no sys_exit: it did not return (exit, exec) before the trace ended"
    return args


def exception_slices(b):
    for event in b.model.trace.events:
        kind = event["kind"]
        if kind == "exception":
            name = "%s (%s)" % (event.get("name", "exception"), event.get("outcome", "?"))
            args = event_args(event)
            if "sig" in event:
                args["signal"] = signal_name(event["sig"])
            b.slice(event["pid"], event["pid"], name, "exception",
                    tracefile.event_start(event), event["ts"], args)
        elif kind == "irq":
            b.slice(event["pid"], event["pid"], "irq %s" % event.get("src", "?"), "irq",
                    tracefile.event_start(event), event["ts"], event_args(event))


def event_args(event):
    """An event's keys, for a slice's or instant's args."""
    skip = ("ts", "cpu", "pid", "kind", "line", "start")
    args = {k: (hexs(v) if k in HEX_KEYS else v) for k, v in event.items() if k not in skip}
    args["cpu"] = event["cpu"]
    return args


# ---------------------------------------------------------------------------
# Instants and arrows
# ---------------------------------------------------------------------------

def instant_name(model, event):
    """What an instant event is called on its track."""
    kind, sig = event["kind"], signal_name(event.get("sig"))
    label = lambda key: model.proc(event.get(key)).label  # noqa: E731
    names = {
        "sig_gen": lambda: "%s → %s" % (sig, label("to")),
        "sig_deliver": lambda: "%s delivered: %s" % (sig, event.get("action")),
        "sig_return": lambda: "%s handler returns" % sig,
        "fork": lambda: "fork → %s" % label("child"),
        "exec": lambda: "exec %s" % event.get("path"),
        "exit": lambda: tracefile.describe_status(event.get("status", 0)),
        "reap": lambda: "reap %s (%s)" % (label("child"),
                                          tracefile.describe_status(event.get("status", 0))),
        "reparent": lambda: "orphan: adopted by %s" % label("parent"),
        "stop": lambda: "stopped by %s" % sig,
        "cont": lambda: "continued",
    }
    return names[kind]() if kind in names else None


def instants(b):
    model = b.model
    for event in model.trace.events:
        name = instant_name(model, event)
        if name is None:
            continue
        # A reparent happens in the exiting parent; it is shown on the orphan.
        pid = event["child"] if event["kind"] == "reparent" else event["pid"]
        cat = "signal" if event["kind"].startswith("sig_") else "proc"
        b.instant(pid, name, cat, event["ts"], event_args(event))
    for event in model.trace.lost_events:
        b.add({"ph": "i", "s": "g", "name": "%s events lost on CPU %s" % (
            event.get("count"), event.get("cpu_", event["cpu"])), "cat": "lost",
            "pid": CPUS, "tid": CPU_TID + event["cpu"], "ts": us(event["ts"])})


def flows(b):
    model = b.model
    for event in model.trace.events:
        if event["kind"] == "fork":
            child = model.proc(event["child"])
            b.flow("fork", "fork", (event["pid"], event["ts"]),
                   (child.pid, child_start(model, child, event["ts"])), to_next_slice=True)
    for flow in model.signals:
        if flow.deliver is not None:
            b.flow("signal", signal_name(flow.sig), (flow.gen["pid"], flow.gen["ts"]),
                   (flow.deliver["pid"], flow.deliver["ts"]))


def child_start(model, child, fork_ts):
    """When a forked child first runs (its first run, else the fork)."""
    starts = [run.start for run in model.runs if run.pid == child.pid and run.end > fork_ts]
    return max(min(starts), fork_ts) if starts else fork_ts


# ---------------------------------------------------------------------------

def convert(model):
    """The trace-event JSON object of a Model."""
    b = Builder(model)
    metadata(b)
    cpu_tracks(b)
    syscall_slices(b)
    exception_slices(b)
    instants(b)
    flows(b)
    return {"traceEvents": b.events, "displayTimeUnit": "ns",
            "otherData": {"source": "sysret event trace",
                          "skipped_lines": len(model.trace.skipped),
                          "lost_events": model.trace.lost_total()}}


def write_json(result, f):
    """The JSON with one trace event a line: compact, yet readable."""
    f.write('{"displayTimeUnit": "ns", "otherData": %s, "traceEvents": [\n' %
            json.dumps(result["otherData"]))
    f.write(",\n".join(json.dumps(e, ensure_ascii=False) for e in result["traceEvents"]))
    f.write("\n]}\n")


def main(argv):
    if len(argv) != 3:
        sys.stderr.write("usage: trace2json.py TRACE OUT.json\n")
        return 2
    trace = tracefile.read(argv[1])
    result = convert(tracefile.analyse(trace))
    with open(argv[2], "w", encoding="utf-8") as f:
        write_json(result, f)
    print("%s: %d events -> %d trace events (%d lines skipped, %d events lost)" % (
        argv[2], len(trace.events), len(result["traceEvents"]), len(trace.skipped),
        trace.lost_total()))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
