#!/usr/bin/env python3
"""Self-test of the trace tools: the parser, the model, and the pictures.

    python3 tools/trace/test_trace_tools.py

It reads sample.trace (next to this file): a trace written by hand as
docs/TRACE.md describes it, on 2 CPUs:

  - a shell, sh (5), forks a child (6) that execs /bin/hello; the child is
    preempted by the timer (irq src=timer, switch why=preempt), takes a page
    fault (outcome=same) and an int3 (class=trap, outcome=next), writes
    "hi\\n" and exits; the shell, blocked in read, gets SIGCHLD, runs its
    handler (sig_deliver action=handler ... sig_return), reaps the child from
    it: the child was a zombie in between;
  - meanwhile orphan (7) forks 8 and exits at once: 8 is reparented to
    init (1), which reaps 7; 8 is stopped by ^Z (SIGTSTP), continued
    (SIGCONT), then killed by ^C (SIGINT), each sent by the kernel from a
    serial interrupt while CPU 1 was idle; init reaps it;
  - a `lost` line (first, as the kernel writes it), console output mixed in,
    and a cut line.

Then it runs trace2json.py and trace2svg.py on it as a user would, and on a
long generated trace, and checks what they wrote. Each check prints PASS or
FAIL; the exit status is 1 if any failed.
"""
import json
import os
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import tracefile  # noqa: E402

SAMPLE = os.path.join(HERE, "sample.trace")
SVG = "{http://www.w3.org/2000/svg}"
failures = []


checks = []


def check(name, condition, detail=""):
    print("%s %s%s" % ("PASS" if condition else "FAIL", name,
                       "" if condition or not detail else ": %s" % detail))
    checks.append(name)
    if not condition:
        failures.append(name)


def run_tool(script, *args):
    """Runs a tool as a user would; returns (exit status, output)."""
    result = subprocess.run([sys.executable, os.path.join(HERE, script)] + list(args),
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            universal_newlines=True)
    return result.returncode, result.stdout


# ---------------------------------------------------------------------------
# The parser
# ---------------------------------------------------------------------------

def test_parser():
    e = tracefile.parse_line('1043211 0 7 sys_enter nr=1 name=write '
                             'args=0x1,0x4020e0,0x3,0x0,0x0,0x0 str="hi\\n" strlen=3\n')
    check("parse: columns",
          (e["ts"], e["cpu"], e["pid"], e["kind"]) == (1043211, 0, 7, "sys_enter"))
    check("parse: args is a list of numbers", e["args"] == [1, 0x4020e0, 3, 0, 0, 0], e["args"])
    check("parse: quoted string with \\n", e["str"] == "hi\n" and e["strlen"] == 3, repr(e["str"]))
    e = tracefile.parse_line('5 1 2 exec path="a b\\"c\\\\d\\x41\\t" strlen=9')
    check("parse: C escapes", e["path"] == 'a b"c\\dA\t', repr(e.get("path")))
    e = tracefile.parse_line("9 0 7 sys_exit nr=0 name=read ret=-4")
    check("parse: negative numbers", e["ret"] == -4)
    e = tracefile.parse_line("9 0 7 exit status=0x100")
    check("parse: hexadecimal numbers", e["status"] == 0x100)
    e = tracefile.parse_line("9 1 0 lost cpu=1 count=12")
    check("parse: a key named like a column keeps the column", e["cpu"] == 1 and e["cpu_"] == 1)
    check("parse: console text is not an event",
          tracefile.parse_line("[    0.1] sysret: hello") is None and
          tracefile.parse_line("\n") is None)
    for bad in ("5013 0 this line is cut", '12 0 1 exec path="unterminated',
                "12 0 1 switch from=1", "12 0 1 fork child=x", "12 0 1 exec =3"):
        try:
            tracefile.parse_line(bad)
            check("parse: rejects %r" % bad, False, "no error")
        except ValueError:
            check("parse: rejects %r" % bad, True)


# ---------------------------------------------------------------------------
# The model of sample.trace
# ---------------------------------------------------------------------------

def test_model():
    trace = tracefile.read(SAMPLE)
    check("sample: 3 non-event lines skipped and counted", len(trace.skipped) == 3,
          trace.skipped)
    check("sample: lost events counted", dict(trace.lost) == {1: 3}, dict(trace.lost))
    check("sample: events in time order",
          [e["ts"] for e in trace.events] == sorted(e["ts"] for e in trace.events))
    model = tracefile.analyse(trace)
    check("model: the lost line's read time is not the end of the trace",
          (model.t0, model.t1) == (4999000, 5022000), (model.t0, model.t1))
    cpu0 = [run.pid for run in model.runs if run.cpu == 0]
    check("model: who ran on CPU 0", cpu0 == [5, 6, 8, 6, 5, 8, 0], cpu0)
    first = [run for run in model.runs if run.cpu == 1][0]
    check("model: before its first switch, CPU 1 runs its first event's PID",
          (first.pid, first.start, first.end, first.why) == (7, 5000500, 5003200, "exit"), first)
    procs = model.procs
    labels = {pid: procs[pid].label for pid in (1, 5, 6, 7, 8)}
    check("model: names from exec, inherited at fork, 'pid N' without",
          labels == {1: "pid 1", 5: "sh (5)", 6: "hello (6)", 7: "orphan (7)", 8: "orphan (8)"},
          labels)
    check("model: name before exec is the parent's", procs[6].label_at(5003000) == "sh (6)")
    check("model: programs run", procs[6].programs == ["sh", "hello"], procs[6].programs)
    check("model: parents", (procs[6].parent, procs[8].parent, procs[7].parent) == (5, 7, 1))
    check("model: orphan", procs[8].orphan and procs[8].reparents[0][1] == 1)
    fates = (procs[6].fate, procs[8].fate, procs[5].fate)
    check("model: fates", fates == ("exit 0", "killed by SIGINT", "running at the end"), fates)
    check("model: zombie from exit to reap",
          procs[6].zombie_span(model.t1) == (5016000, 5017300, True))
    check("model: stopped from stop to cont", procs[8].stops == [[5013700, 5018450, 20]],
          procs[8].stops)
    modes = {(s.start, s.end): s.mode for s in model.segments[6]}
    check("model: execve is kernel time", modes.get((5002600, 5008200)) == "kernel", modes)
    check("model: a page fault is kernel time", modes.get((5008600, 5009400)) == "kernel")
    check("model: between two exceptions is user time", modes.get((5009400, 5009800)) == "user")
    check("model: from the timer interrupt to the switch is kernel time",
          modes.get((5010600, 5011100)) == "kernel")
    total = sum(s.end - s.start for s in model.segments[6])
    check("model: user + kernel = running time", total == (5011100 - 5002100) + (5016200 - 5013800))
    pairs = {(f.gen["pid"], f.gen["to"], f.sig): f.deliver and f.deliver["ts"]
             for f in model.signals}
    check("model: SIGCHLD paired with its delivery", pairs.get((6, 5, 17)) == 5016500, pairs)
    handler = model.handlers[0]
    check("model: handler runs to sig_return",
          (handler.pid, handler.deliver["ts"], handler.ret["ts"]) == (5, 5016500, 5017900))


# ---------------------------------------------------------------------------
# trace2json.py
# ---------------------------------------------------------------------------

def test_json(tmp):
    out = os.path.join(tmp, "sample.json")
    status, output = run_tool("trace2json.py", SAMPLE, out)
    check("json: trace2json.py runs", status == 0, output)
    try:
        with open(out, encoding="utf-8") as f:
            data = json.load(f)
    except (OSError, ValueError) as err:
        check("json: loads", False, err)
        return
    check("json: loads", True)
    events = data.get("traceEvents", [])
    check("json: displayTimeUnit", data.get("displayTimeUnit") == "ns")
    meta = [e for e in events if e["ph"] == "M"]
    cpu_names = {e["args"]["name"] for e in meta
                 if e["pid"] == "CPUs" and e["name"] == "thread_name"}
    check("json: a track per CPU", cpu_names == {"CPU 0", "CPU 1"}, cpu_names)
    cpu_slices = {e["tid"] for e in events if e["ph"] == "X" and e["pid"] == "CPUs"}
    check("json: running slices on each CPU track", len(cpu_slices) == 2, cpu_slices)
    names = {e["pid"]: e["args"]["name"] for e in meta if e["name"] == "process_name"}
    check("json: a track per process",
          all(names.get(pid) == label for pid, label in
              ((1, "pid 1"), (5, "sh (5)"), (6, "hello (6)"), (7, "orphan (7)"),
               (8, "orphan (8)"))),
          names)
    execve = [e for e in events if e["ph"] == "X" and e["pid"] == 6 and e["name"] == "execve"]
    check("json: system call slice in microseconds",
          len(execve) == 1 and execve[0]["ts"] == 5002.6 and execve[0]["dur"] == 5.6 and
          execve[0]["args"].get("str") == "/bin/hello", execve)
    check("json: exception slice named with its outcome",
          any(e["ph"] == "X" and e["pid"] == 6 and e["name"] == "page_fault (same)"
              for e in events))
    check("json: irq slice", any(e["ph"] == "X" and e["name"] == "irq timer" for e in events))
    instants = {(e["pid"], e["name"]) for e in events if e["ph"] == "i"}
    for want in ((5, "fork → hello (6)"), (6, "exec /bin/hello"), (6, "exit 0"),
                 (5, "SIGCHLD delivered: handler"), (5, "SIGCHLD handler returns"),
                 (8, "orphan: adopted by pid 1"), (8, "stopped by SIGTSTP"), (8, "continued")):
        check("json: instant %r on %d" % (want[1], want[0]), want in instants)
    starts = {e["id"]: e for e in events if e["ph"] == "s"}
    ends = {e["id"]: e for e in events if e["ph"] == "f"}
    check("json: every flow has a start and an end", set(starts) == set(ends))
    flows = {(starts[i]["cat"], starts[i]["pid"], ends[i]["pid"]) for i in starts if i in ends}
    check("json: fork flow parent → child", ("fork", 5, 6) in flows, flows)
    check("json: signal flow sender → receiver", ("signal", 6, 5) in flows, flows)
    check("json: flows on slices", all(on_slice(events, e) for e in list(starts.values()) +
                                       list(ends.values())))
    check("json: slices nest on each track", nested(events))


def on_slice(events, flow):
    """True if the flow event lies inside a slice of its track (Perfetto
    binds arrows to slices)."""
    return any(e["ph"] == "X" and e["pid"] == flow["pid"] and e["tid"] == flow["tid"] and
               e["ts"] < flow["ts"] < e["ts"] + e["dur"] + 1e-9 for e in events)


def nested(events):
    """True if no two slices of a track overlap without one holding the other."""
    tracks = {}
    for e in events:
        if e["ph"] == "X":
            tracks.setdefault((str(e["pid"]), e["tid"]), []).append(
                (round(e["ts"] * 1000), round((e["ts"] + e["dur"]) * 1000)))
    for spans in tracks.values():
        spans.sort(key=lambda s: (s[0], -s[1]))
        stack = []
        for start, end in spans:
            while stack and stack[-1] <= start:
                stack.pop()
            if stack and end > stack[-1]:
                return False
            stack.append(end)
    return True


# ---------------------------------------------------------------------------
# trace2svg.py
# ---------------------------------------------------------------------------

def svg_texts(root):
    return [("".join(t.itertext())) for t in root.iter(SVG + "text")]


def parse_svg(path, name):
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as err:
        check("svg: %s parses as XML" % name, False, err)
        return None
    check("svg: %s parses as XML" % name, root.tag == SVG + "svg" and root.get("version") == "1.1")
    text = open(path, encoding="utf-8").read()
    check("svg: %s is self-contained" % name,
          not any(word in text for word in ("<script", "<style", "href=", "@import", "<image")))
    return root


def test_svg(tmp):
    timeline, tree = os.path.join(tmp, "timeline.svg"), os.path.join(tmp, "tree.svg")
    status, output = run_tool("trace2svg.py", SAMPLE, timeline, tree, "--title", "fork demo")
    check("svg: trace2svg.py runs", status == 0, output)
    labels = ["pid 1", "sh (5)", "hello (6)", "orphan (7)", "orphan (8)"]
    root = parse_svg(timeline, "timeline")
    if root is not None:
        texts = svg_texts(root)
        check("svg: timeline has the title", "fork demo" in texts)
        check("svg: timeline labels every process", all(label in texts for label in labels),
              [label for label in labels if label not in texts])
        check("svg: timeline names the signals",
              all(sig in texts for sig in ("SIGCHLD", "SIGTSTP", "SIGCONT", "SIGINT")))
        check("svg: timeline labels switches with why",
              all(why in texts for why in ("preempt", "block", "stop", "exit")))
        titles = [("".join(t.itertext())) for t in root.iter(SVG + "title")]
        check("svg: exception tooltips give name, rip, outcome",
              any("page_fault" in t and "rip=0x401000" in t and "outcome=same" in t for t in titles)
              and any("breakpoint" in t and "outcome=next" in t for t in titles))
        check("svg: zombie and stopped bars", "zombie" in texts and "stopped" in texts)
        check("svg: an axis in µs", any("(µs)" in t for t in texts))
    root = parse_svg(tree, "tree")
    if root is not None:
        texts = svg_texts(root)
        ids = {e.get("id") for e in root.iter() if e.get("id")}
        check("svg: tree labels every process", all(label in texts for label in labels),
              [label for label in labels if label not in texts])
        check("svg: tree has the fork edge 5 → 6", "edge-5-6" in ids and "edge-7-8" in ids, ids)
        check("svg: tree has the adoption by init", "reparent-1-8" in ids and
              "orphan, adopted by init" in texts)
        check("svg: tree has the zombie badge", "zombie-6" in ids and
              any(t.startswith("zombie for") for t in texts))
        check("svg: tree shows programs and fates", "sh → hello" in texts and
              "exit 0" in texts and "killed by SIGINT" in texts)


# ---------------------------------------------------------------------------
# Long, empty and switch-less traces
# ---------------------------------------------------------------------------

def long_trace(path, rounds=700):
    """Two processes taking turns on CPU 0, with system calls and timer
    interrupts, while a third one runs system calls on CPU 1: about 8 events
    a round."""
    lines, ts = [], 1000000
    lines.append("%d 0 2 fork child=3 flags=fork" % ts)
    lines.append("%d 1 4 exec path=\"/bin/spin\" strlen=9" % (ts + 1))
    for i in range(rounds):
        for pid, other in ((2, 3), (3, 2)):
            ts += 400
            lines.append("%d 0 %d sys_enter nr=1 name=write args=0x1,0x0,0x1,0x0,0x0,0x0 "
                         'str="x" strlen=1' % (ts, pid))
            lines.append("%d 1 4 sys_enter nr=39 name=getpid args=0x0,0x0,0x0,0x0,0x0,0x0"
                         % (ts + 100))
            ts += 300
            lines.append("%d 0 %d sys_exit nr=1 name=write ret=1" % (ts, pid))
            lines.append("%d 1 4 sys_exit nr=39 name=getpid ret=4" % (ts + 100))
            ts += 500
            lines.append("%d 0 %d irq vec=32 src=timer start=%d" % (ts, pid, ts - 150))
            ts += 20
            lines.append("%d 0 %d switch from=%d to=%d why=preempt" % (ts, pid, pid, other))
    lines.sort(key=lambda line: int(line.split()[0]))
    with open(path, "w") as f:
        f.write("\n".join(lines) + "\n")
    return len(lines)


def test_long(tmp):
    path = os.path.join(tmp, "long.trace")
    count = long_trace(path)
    began = time.time()
    status, output = run_tool("trace2svg.py", path, os.path.join(tmp, "l.svg"),
                              os.path.join(tmp, "lt.svg"))
    took = time.time() - began
    check("long: %d events drawn in %.1f s" % (count, took), status == 0 and took < 60, output)
    root = parse_svg(os.path.join(tmp, "l.svg"), "long timeline")
    if root is not None:
        check("long: width capped", float(root.get("width")) <= 1600, root.get("width"))
        check("long: tiny intervals merged", any("merged" in t for t in svg_texts(root)))
    status, output = run_tool("trace2json.py", path, os.path.join(tmp, "l.json"))
    check("long: trace2json.py runs", status == 0, output)


def test_odd_traces(tmp):
    empty = os.path.join(tmp, "empty.trace")
    with open(empty, "w") as f:
        f.write("nothing but console output\n")
    status, output = run_tool("trace2svg.py", empty, os.path.join(tmp, "e.svg"),
                              os.path.join(tmp, "et.svg"))
    check("empty trace: trace2svg.py runs", status == 0, output)
    if status == 0:
        parse_svg(os.path.join(tmp, "e.svg"), "empty timeline")
    status, output = run_tool("trace2json.py", empty, os.path.join(tmp, "e.json"))
    check("empty trace: trace2json.py runs", status == 0, output)
    # Without kinds=switch: who ran when comes from the PID column.
    lines = [line for line in open(SAMPLE) if " switch " not in line]
    trace = tracefile.parse_lines(lines)
    model = tracefile.analyse(trace)
    runs = [(r.pid, r.inferred) for r in model.runs if r.cpu == 0][:3]
    check("no switches: runs guessed from the PID column",
          runs == [(5, True), (6, True), (8, True)], runs)


def test_untraced(tmp):
    """With pid=N (the trace tool), the tool itself (2) forks nothing in the
    trace but reaps the command (3): it is not traced. Its lane is grey and
    says so; it gets no user or kernel time; a CPU that switched to idle
    runs it from its first event on (the switch idle -> 2 is not recorded)."""
    lines = ["1000 0 2 switch from=2 to=3 why=block",
             '1100 0 3 sys_enter nr=1 name=write args=0x1,0x0,0x2,0x0,0x0,0x0 str="hi" strlen=2',
             "1200 0 3 sys_exit nr=1 name=write ret=2",
             "1300 0 3 sys_enter nr=231 name=exit_group args=0x0,0x0,0x0,0x0,0x0,0x0",
             "1400 0 3 exit status=0x0",
             "1450 0 3 sig_gen sig=17 to=2 code=1",
             "1500 0 3 switch from=3 to=0 why=exit",
             "1900 0 2 reap child=3 status=0x0",
             "2000 0 2 sig_gen sig=1 to=3 code=0"]
    model = tracefile.analyse(tracefile.parse_lines(lines))
    check("untraced: the tool is not traced, the command is",
          model.untraced == {2} and not model.procs[2].traced and model.procs[3].traced,
          model.untraced)
    runs = [(r.pid, r.start, r.end) for r in model.runs]
    check("untraced: its event ends the idle run", (0, 1500, 1900) in runs and
          (2, 1900, 2000) in runs, runs)
    modes = {s.mode for s in model.segments[2]}
    check("untraced: no user or kernel time", modes == {"untraced"}, modes)
    check("untraced: its fate", model.procs[2].fate == "not traced", model.procs[2].fate)
    no_sys = tracefile.analyse(tracefile.parse_lines(
        [l for l in lines if " sys_" not in l]))
    check("untraced: without system calls, everyone counts as traced", not no_sys.untraced)
    path = os.path.join(tmp, "untraced.trace")
    with open(path, "w") as f:
        f.write("\n".join(lines) + "\n")
    timeline, tree = os.path.join(tmp, "u.svg"), os.path.join(tmp, "ut.svg")
    status, output = run_tool("trace2svg.py", path, timeline, tree)
    check("untraced: trace2svg.py runs", status == 0, output)
    root = parse_svg(timeline, "untraced timeline")
    if root is not None:
        texts = svg_texts(root)
        check("untraced: lane labelled 'not traced', and in the legend",
              "pid 2 (not traced)" in texts and "not traced" in texts, texts)
        fills = {e.get("fill") for e in root.iter(SVG + "rect")}
        check("untraced: its bar is the grey 'untraced' pattern", "url(#untraced)" in fills)
    root = parse_svg(tree, "untraced tree")
    if root is not None:
        dashed = [e for e in root.iter(SVG + "rect") if e.get("stroke-dasharray")]
        check("untraced: a dashed grey box in the tree", dashed and "not traced" in svg_texts(root))
    sample = tracefile.analyse(tracefile.read(SAMPLE))
    check("untraced: in the sample every process is traced", not sample.untraced, sample.untraced)


def main():
    test_parser()
    test_model()
    with tempfile.TemporaryDirectory() as tmp:
        test_json(tmp)
        test_svg(tmp)
        test_long(tmp)
        test_odd_traces(tmp)
        test_untraced(tmp)
    print("%d passed, %d failed" % (len(checks) - len(failures), len(failures)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
