#!/usr/bin/env python3
"""End-to-end tests of the trace: sysret boots in QEMU and runs programs
under /bin/trace, and the host checks what came out.

    python3 tools/trace/test_trace_run.py [-v]

Needs `make all` first (build/sysret.elf, build/initramfs.cpio, build/user).

  1. The fork demo (user/demos/fork.c) under `trace -e all`, booted as
     tools/trace/demo.py does it, on 1 and on 2 CPUs: the raw events must
     tell the demo's story in order - the parent's fork, the child switched
     in, its copy-on-write fault, its int3 turned into SIGTRAP and handled,
     its exit, SIGCHLD to the parent and handled, the wait4 that reaps it.
  2. trace2json.py on that trace: JSON with a track per CPU and per process
     and something for every event of the trace.
  3. trace2svg.py on it: both pictures parse as XML and name the processes.
  4. tools/trace/trace_calls.c (common system calls, a failing one, a fork)
     under the host's `strace -f` and under sysret's /bin/trace, compared
     call by call and field by field; the normalisations are listed at
     compare_logs().

Each check prints PASS or FAIL; the last line is "N passed, M failed", and
the exit status is 1 if anything failed. Every QEMU run has a time limit.
"""
import difflib
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
BUILD = os.path.join(ROOT, "build")
sys.path.insert(0, HERE)
import tracefile  # noqa: E402

EVENT = re.compile(r"^\d+ \d+ \d+ [a-z_]+( |$)")      # as demo.py takes them off the console
SVG = "{http://www.w3.org/2000/svg}"
VERBOSE = "-v" in sys.argv
results = {"passed": 0, "failed": 0}


def report(ok, name, detail=""):
    results["passed" if ok else "failed"] += 1
    print(f"{'PASS' if ok else 'FAIL'} {name}" + (f": {detail}" if detail and (not ok or VERBOSE) else ""))
    sys.stdout.flush()


def boot(append, smp, initrd=None, timeout=60):
    """The console output of one boot (carriage returns removed)."""
    cmd = ["qemu-system-x86_64", "-cpu", os.environ.get("QEMU_CPU", "max"), "-m", "512M",
           "-smp", str(smp), "-nographic", "-no-reboot",
           "-kernel", os.path.join(BUILD, "sysret.elf"),
           "-initrd", initrd or os.path.join(BUILD, "initramfs.cpio"),
           "-append", "console=ttyS0 quiet " + append]
    try:
        out = subprocess.run(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                             stderr=subprocess.STDOUT, timeout=timeout).stdout
    except subprocess.TimeoutExpired as e:
        out = (e.stdout or b"") + b"\n(QEMU timed out)\n"
    return out.decode("utf-8", "replace").replace("\r", "")


def tail(text, n=25):
    return "\n" + "\n".join(text.splitlines()[-n:])


# ---------------------------------------------------------------------------
# 1. The fork demo's events, in order
# ---------------------------------------------------------------------------

def demo_symbols():
    """Addresses in build/user/demos/fork: page (which holds x, alone), the handlers, and its int3."""
    exe = os.path.join(BUILD, "user", "demos", "fork")
    syms = {}
    for line in subprocess.run(["nm", exe], capture_output=True, text=True, check=True).stdout.splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[2] in ("page", "on_trap", "on_chld"):
            syms[parts[2]] = int(parts[0], 16)
    dis = subprocess.run(["objdump", "-d", exe], capture_output=True, text=True, check=True).stdout
    syms["int3"] = [int(m[1], 16) for m in re.finditer(r"^\s*([0-9a-f]+):\s+cc\s+int3\s*$", dis, re.M)]
    return syms


class Story:
    """Finds the steps of a story in a list of events, each step after the
    one it names, and reports each as a check."""

    def __init__(self, label, events):
        self.label, self.events, self.at = label, events, {"start": -1}

    def step(self, key, what, after, match):
        start = self.at.get(after)
        if start is None:
            report(False, f"{self.label}: {what}", f"not looked for: step {after!r} is missing")
            return None
        for i in range(start + 1, len(self.events)):
            if match(self.events[i]):
                self.at[key] = i
                report(True, f"{self.label}: {what}")
                return self.events[i]
        report(False, f"{self.label}: {what}", "no such event after\n  " +
               (raw_line(self.events[start]) if start >= 0 else "the start") +
               "\nthe events from there:\n" +
               "\n".join("  " + raw_line(e) for e in self.events[start + 1:start + 40]))
        return None


def raw_line(event):
    skip = ("ts", "cpu", "pid", "kind", "line")
    keys = " ".join(f"{k}={v}" for k, v in event.items() if k not in skip)
    return f"{event['ts']} {event['cpu']} {event['pid']} {event['kind']} {keys}"


def is_(event, kind, pid=None, **keys):
    return event["kind"] == kind and (pid is None or event["pid"] == pid) and \
        all(event.get(k) == v for k, v in keys.items())


def check_fork_story(label, events, console, syms):
    """The demo's story (user/demos/fork.c), step by step. Returns (parent, child)."""
    execs = [e for e in events if is_(e, "exec", path="/bin/fork")]
    report(len(execs) == 1, f"{label}: one exec of /bin/fork", execs)
    if not execs:
        return None, None
    p = execs[0]["pid"]
    s = Story(label, events)
    fork_calls = ("fork", "clone", "vfork")
    s.step("call", f"the parent ({p}) enters fork", "start",
           lambda e: is_(e, "sys_enter", p) and e.get("name") in fork_calls)
    f = s.step("fork", "the parent's fork event names the child, flags=fork", "call",
               lambda e: is_(e, "fork", p, flags="fork") and isinstance(e.get("child"), int))
    if not f:
        return p, None
    c = f["child"]
    s.step("ret", f"fork returns the child's pid ({c}) to the parent", "fork",
           lambda e: is_(e, "sys_exit", p, ret=c) and e.get("name") in fork_calls)
    sw = s.step("in", f"the child ({c}) is switched in", "fork", lambda e: is_(e, "switch", to=c))
    if sw:
        s.step("runs", "the child runs on that CPU: its first system call", "in",
               lambda e: is_(e, "sys_enter", c) and e["cpu"] == sw["cpu"])
    page = syms.get("page", -1) & ~0xFFF
    s.step("cow", "the child's copy-on-write fault on x's page: #PF (14), a fault, "
           "err user|write|present, resumed at the same instruction (resume == rip)", "in",
           lambda e: is_(e, "exception", c, vec=14, name="page_fault", user=1, **{"class": "fault"},
                         outcome="same") and e.get("err", 0) & 7 == 7 and
           e.get("cr2", -1) & ~0xFFF == page and e.get("resume") == e.get("rip"))
    int3 = syms.get("int3", [])
    report(len(int3) == 1, f"{label}: the demo has one int3", int3)
    at = int3[0] if int3 else -1
    s.step("bp", f"the child's int3 at {at:#x}: #BP (3), a trap: rip is the next instruction "
           f"({at + 1:#x}) and so is resume; it became SIGTRAP", "cow",
           lambda e: is_(e, "exception", c, vec=3, name="breakpoint", user=1, **{"class": "trap"},
                         rip=at + 1, resume=at + 1, outcome="signal", sig=5))
    s.step("trapgen", "SIGTRAP is generated for the child", "cow",
           lambda e: is_(e, "sig_gen", sig=5, to=c))
    s.step("trap", "SIGTRAP is delivered to the child's handler on_trap", "bp",
           lambda e: is_(e, "sig_deliver", c, sig=5, action="handler", handler=syms.get("on_trap")))
    s.step("trapret", "the SIGTRAP handler returns (sig_return)", "trap",
           lambda e: is_(e, "sig_return", c, sig=5))
    report(f"child {c}: x=2, int3 trapped and came back" in console,
           f"{label}: the child went on after the int3 (its line on the console)", tail(console))
    s.step("exit", "the child exits with 0", "trapret", lambda e: is_(e, "exit", c, status=0))
    s.step("chld", "SIGCHLD (17) is generated for the parent, CLD_EXITED", "exit",
           lambda e: is_(e, "sig_gen", sig=17, to=p, code=1))
    s.step("chlddel", "SIGCHLD is delivered to the parent's handler on_chld, si_pid = the child",
           "chld", lambda e: is_(e, "sig_deliver", p, sig=17, action="handler", code=1, spid=c,
                                 status=0, handler=syms.get("on_chld")))
    s.step("chldret", "the SIGCHLD handler returns (sig_return)", "chlddel",
           lambda e: is_(e, "sig_return", p, sig=17))
    s.step("wait", "the parent enters wait4 for the child", "chldret",
           lambda e: is_(e, "sys_enter", p, name="wait4") and e.get("args", [0])[0] == c)
    s.step("reap", "wait4 reaps the child (reap event, status 0)", "wait",
           lambda e: is_(e, "reap", p, child=c, status=0))
    s.step("waited", "wait4 returns the child's pid", "reap",
           lambda e: is_(e, "sys_exit", p, name="wait4", ret=c))
    s.step("pexit", "the parent exits with 0", "waited", lambda e: is_(e, "exit", p, status=0))
    report(f"parent {p}: x=1, child {c} exited with 0" in console,
           f"{label}: the parent's line on the console (its x was not changed)", tail(console))
    return p, c


# ---------------------------------------------------------------------------
# 2, 3. The pictures of that trace
# ---------------------------------------------------------------------------

def run_tool(script, *args):
    r = subprocess.run([sys.executable, os.path.join(HERE, script), *args], capture_output=True,
                       text=True, timeout=120)
    return r.returncode, r.stdout + r.stderr


def check_json(label, path, events, smp, p, c):
    out = path + ".json"
    status, output = run_tool("trace2json.py", path, out)
    report(status == 0, f"{label}: trace2json.py runs", output)
    try:
        with open(out, encoding="utf-8") as f:
            data = json.load(f)
        tes = data["traceEvents"]
    except (OSError, ValueError, KeyError) as err:
        report(False, f"{label}: the JSON loads", err)
        return
    report(True, f"{label}: the JSON loads")
    meta = [e for e in tes if e.get("ph") == "M"]
    cpus = {e["args"]["name"] for e in meta if e["pid"] == "CPUs" and e["name"] == "thread_name"}
    # A CPU that ran none of the traced processes has no events, and no track.
    used = {f"CPU {n}" for n in sorted({e["cpu"] for e in events})}
    report(cpus == used and len(used) <= smp, f"{label}: a track per CPU in the trace ({len(used)})",
           f"{cpus} in the JSON, {used} in the trace")
    names = {(e["pid"], e["name"]): e["args"]["name"] for e in meta
             if e["name"] in ("process_name", "thread_name")}
    for pid in (p, c):
        want = f"fork ({pid})"
        report(names.get((pid, "process_name")) == want and names.get((pid, "thread_name")) == want,
               f"{label}: a process and thread track named {want!r}",
               {k: v for k, v in names.items() if k[0] == pid})
    slices = [e for e in tes if e.get("ph") == "X"]
    instants = [e for e in tes if e.get("ph") == "i"]
    count = lambda kinds: sum(1 for e in events if e["kind"] in kinds)  # noqa: E731
    for what, got, want in [
            ("an exception slice per exception event",
             sum(1 for e in slices if e["cat"] == "exception"), count(("exception",))),
            ("an irq slice per irq event", sum(1 for e in slices if e["cat"] == "irq"), count(("irq",))),
            ("a signal instant per sig_gen, sig_deliver, sig_return",
             sum(1 for e in instants if e["cat"] == "signal"), count(("sig_gen", "sig_deliver", "sig_return"))),
            ("a process instant per fork, exec, exit, reap",
             sum(1 for e in instants if e["cat"] == "proc"), count(("fork", "exec", "exit", "reap", "reparent")))]:
        report(got == want and want > 0 or (what.startswith("an irq") and got == want),
               f"{label}: JSON has {what} ({want})", f"{got} in the JSON")
    report(any(e["cat"] == "cpu" for e in slices) and any(e["cat"] == "syscall" for e in slices),
           f"{label}: JSON has CPU and system call slices")
    have = {(e["pid"], e["name"]) for e in slices + instants}
    for want in [(p, "fork"), (p, "wait4"), (c, "page_fault (same)"), (c, "breakpoint (signal)"),
                 (p, f"fork → fork ({c})"), (c, "SIGTRAP delivered: handler"), (c, "exit 0"),
                 (p, "SIGCHLD delivered: handler"), (p, "SIGCHLD handler returns"),
                 (p, f"reap fork ({c}) (exit 0)")]:
        report(want in have, f"{label}: JSON has {want[1]!r} on {want[0]}")
    flows = {(e["cat"], e["pid"]) for e in tes if e.get("ph") in ("s", "f")}
    report({("fork", p), ("fork", c), ("signal", c), ("signal", p)} <= flows,
           f"{label}: JSON has the fork arrow {p} → {c} and the SIGCHLD arrow {c} → {p}", flows)


def svg_root(label, path, name):
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as err:
        report(False, f"{label}: the {name} SVG parses as XML", err)
        return None
    report(root.tag == SVG + "svg", f"{label}: the {name} SVG parses as XML", root.tag)
    return root


def check_svg(label, path, p, c):
    timeline, tree = path + "-timeline.svg", path + "-tree.svg"
    status, output = run_tool("trace2svg.py", path, timeline, tree, "--title", label)
    report(status == 0, f"{label}: trace2svg.py runs", output)
    for name, svg in (("timeline", timeline), ("tree", tree)):
        root = svg_root(label, svg, name)
        if root is None:
            continue
        texts = ["".join(t.itertext()) for t in root.iter(SVG + "text")]
        missing = [f"fork ({pid})" for pid in (p, c) if f"fork ({pid})" not in texts]
        report(not missing, f"{label}: the {name} names fork ({p}) and fork ({c})",
               f"missing {missing} in {texts[:40]}")
        if name == "tree":
            ids = {e.get("id") for e in root.iter() if e.get("id")}
            report(f"edge-{p}-{c}" in ids, f"{label}: the tree has the fork edge {p} → {c}", ids)
        else:
            report("SIGCHLD" in texts and "SIGTRAP" in texts,
                   f"{label}: the timeline names SIGCHLD and SIGTRAP", texts[:60])


def test_fork_demo(tmp):
    syms = demo_symbols()
    report(all(k in syms for k in ("page", "on_trap", "on_chld")), "fork demo: symbols page (x), on_trap, on_chld",
           syms)
    for smp in (1, 2):
        label = f"fork smp{smp}"
        console = boot("-- /bin/trace -e all -r /dev/console -o /dev/null /bin/fork", smp)
        lines = [line for line in console.splitlines() if EVENT.match(line)]
        trace = tracefile.parse_lines(lines)
        report(len(lines) > 50 and not trace.skipped and not trace.lost,
               f"{label}: the raw trace came off the console, every line parses, none lost",
               f"{len(lines)} event lines, skipped {trace.skipped[:5]}, lost {dict(trace.lost)}" +
               tail(console))
        p, c = check_fork_story(label, trace.events, console, syms)
        if p is None or c is None:
            continue
        path = os.path.join(tmp, f"fork-smp{smp}.trace")
        with open(path, "w") as f:
            f.write("\n".join(lines) + "\n")
        check_json(label, path, trace.events, smp, p, c)
        check_svg(label, path, p, c)


# ---------------------------------------------------------------------------
# 4. trace on sysret against strace -f on Linux
# ---------------------------------------------------------------------------

DATA = "hello from a file\n"    # trace_calls.data, next to the program on both


def image_ranges(exe):
    """[(start, end)] of the PT_LOAD segments of a (non-PIE, static) ELF:
    addresses there are the same on both kernels."""
    with open(exe, "rb") as f:
        elf = f.read()
    phoff, = struct.unpack_from("<Q", elf, 0x20)
    phentsize, phnum = struct.unpack_from("<HH", elf, 0x36)
    ranges = []
    for i in range(phnum):
        ptype, _, _, vaddr, _, _, memsz, _ = struct.unpack_from("<IIQQQQQQ", elf, phoff + i * phentsize)
        if ptype == 1:
            ranges.append((vaddr, vaddr + memsz))
    return ranges


def split_args(text):
    """'a, "b, c", [d, e]' -> ['a', '"b, c"', '[d, e]']: commas at the top level."""
    args, depth, quoted, cur, i = [], 0, False, "", 0
    while i < len(text):
        ch = text[i]
        if quoted:
            cur += ch
            if ch == "\\":
                cur += text[i + 1:i + 2]
                i += 1
            elif ch == '"':
                quoted = False
        elif ch == '"':
            quoted, cur = True, cur + ch
        elif ch in "[{(":
            depth, cur = depth + 1, cur + ch
        elif ch in "]})":
            depth, cur = depth - 1, cur + ch
        elif ch == "," and depth == 0:
            args.append(cur.strip())
            cur = ""
        else:
            cur += ch
        i += 1
    if cur.strip():
        args.append(cur.strip())
    return args


PREFIX = re.compile(r"^\[pid +(\d+)\] ")
CALL = re.compile(r"^(\w+)\((.*)\)\s+= (.*)$")
UNFINISHED = " <unfinished ...>"
RESUMED = re.compile(r"^<\.\.\. (\w+) resumed>(.*)$")


class Entry:
    """One line of a log, a call's two halves joined: kind is "call",
    "signal" (--- ... ---) or "end" (+++ ... +++)."""

    def __init__(self, pid, text):
        self.pid, self.text, self.kind = pid, text, "call"
        self.name, self.args, self.ret = None, [], None

    def finish(self):
        if self.text.startswith("--- "):
            self.kind, self.name = "signal", self.text.split()[1]
        elif self.text.startswith("+++ "):
            self.kind, self.name = "end", "+++"
        else:
            m = CALL.match(self.text)
            if m:
                self.name, self.args, self.ret = m[1], split_args(m[2]), m[3]
            else:
                self.name = "?" + self.text


def parse_log(text):
    """[(pid, [Entry])] in order of the processes' first lines. Each line
    goes to the process of its "[pid N]" prefix; a line without one to the
    only process alive. A call split into "<unfinished ...>" and
    "<... resumed>" is joined and kept where it began."""
    lines = text.splitlines()
    m = re.search(r"^set_tid_address\(.*\)\s+= (\d+)$", text, re.M)
    main = int(m[1]) if m else 0    # musl's start-up calls it first: it returns the pid
    alive, procs, open_calls = [main], {}, {}
    for line in lines:
        m = PREFIX.match(line)
        pid = int(m[1]) if m else (alive[0] if len(alive) == 1 else main)
        line = line[m.end():] if m else line
        if pid not in alive and not line.startswith("+++"):
            alive.append(pid)
        m = RESUMED.match(line)
        if m and pid in open_calls:
            entry = open_calls.pop(pid)
            entry.text += m[2]
        else:
            entry = Entry(pid, line)
            procs.setdefault(pid, []).append(entry)
        if entry.text.endswith(UNFINISHED):
            entry.text = entry.text[:-len(UNFINISHED)]
            open_calls[pid] = entry
            continue
        entry.finish()
        if entry.kind == "end" and pid in alive:
            alive.remove(pid)
        if entry.name in ("fork", "vfork", "clone") and entry.ret and entry.ret.isdigit():
            alive.append(int(entry.ret))
    for entry in open_calls.values():
        entry.finish()
    return list(procs.items())


# Where a call's argument or return value is a pid ("ret": its return value).
PID_FIELDS = {"getpid": ["ret"], "gettid": ["ret"], "getppid": ["ret"], "set_tid_address": ["ret"],
              "fork": ["ret"], "vfork": ["ret"], "clone": ["ret"], "wait4": [0, "ret"],
              "kill": [0], "tkill": [0], "tgkill": [0, 1]}
HEX = re.compile(r"0x[0-9a-f]+\Z")


class Comparison:
    """strace's log (host) against trace's (sysret), field by field."""

    def __init__(self, image):
        self.image = image
        self.pids, self.addrs = ({}, {}), ({}, {})     # host -> sysret, sysret -> host

    def same_as(self, table, host, ours):
        """One-to-one: a host value always goes with the same sysret value."""
        fwd, rev = table
        if fwd.setdefault(host, ours) != ours or rev.setdefault(ours, host) != host:
            return False
        return True

    def in_image(self, text):
        return any(lo <= int(text, 16) < hi for lo, hi in self.image)

    def field(self, host, ours, is_pid):
        """None if the two fields agree, else why not."""
        if is_pid and host.isdigit() and ours.isdigit():
            # Pids: sysret numbers its processes from 1 at boot, Linux from wherever it is.
            return None if self.same_as(self.pids, host, ours) else "not the same process"
        if HEX.match(host) and HEX.match(ours) and not self.in_image(host) and not self.in_image(ours):
            # Addresses outside the program (stack, brk heap, mmap): each kernel lays
            # them out its own way (Linux at random). Inside the non-PIE image they
            # must be equal.
            return None if self.same_as(self.addrs, host, ours) else "not the same address"
        if host[:1] in "[{~" and (HEX.match(ours) or ours == "NULL" and host == "NULL"):
            # strace reads the memory an argument points to (a signal set, a struct);
            # the kernel's trace records the six argument registers only.
            return None
        return None if host == ours else "differs"

    def call(self, h, o):
        """[(field, host, sysret, why)] where a call differs."""
        diffs = []
        pid_fields = PID_FIELDS.get(h.name, [])
        hargs, oargs = h.args, o.args
        if h.name == "execve":
            # The program's path is the host's scratch directory there and /bin here;
            # argv and envp are arrays in user memory the kernel does not copy (trace: ...).
            hargs, oargs = [os.path.basename(hargs[0].strip('"'))], [os.path.basename(oargs[0].strip('"'))]
        if len(hargs) != len(oargs):
            diffs.append(("arguments", ", ".join(hargs), ", ".join(oargs), "not as many"))
        for i, (a, b) in enumerate(zip(hargs, oargs)):
            why = self.field(a, b, i in pid_fields and not a.startswith("-"))
            if why:
                diffs.append((f"argument {i + 1}", a, b, why))
        why = self.field(h.ret or "", o.ret or "", "ret" in pid_fields and not (h.ret or "-").startswith("-"))
        if why:
            diffs.append(("return value", h.ret, o.ret, why))
        return diffs

    def signal(self, h, o):
        """A '--- SIGX {k=v, ...} ---' line, field by field."""
        def fields(e):
            m = re.match(r"^--- (\w+) \{(.*)\} ---$", e.text)
            return (m[1], split_args(m[2])) if m else (e.text, [])
        (hname, hf), (oname, of) = fields(h), fields(o)
        if hname != oname or len(hf) != len(of):
            return [("signal", h.text, o.text, "differs")]
        diffs = []
        for a, b in zip(hf, of):
            key, va = a.split("=", 1) if "=" in a else (a, "")
            vb = b.split("=", 1)[1] if "=" in b else ""
            if key in ("si_uid", "si_utime", "si_stime"):
                # sysret has no users and the event carries no CPU times: trace shows 0;
                # on the host they depend on who runs the test and how fast.
                continue
            why = self.field(va, vb, key == "si_pid") if b.startswith(key + "=") else "differs"
            if why:
                diffs.append((key, va, vb, why))
        return diffs

    def entry(self, h, o):
        if h.kind != o.kind or h.name != o.name:
            return [("line", h.text, o.text, "not the same call")]
        if h.kind == "call":
            return self.call(h, o)
        if h.kind == "signal":
            return self.signal(h, o)
        return [] if h.text == o.text else [("line", h.text, o.text, "differs")]


def compare_logs(host_log, our_log, image):
    """Compares the two logs process by process (the first with the first,
    the forked child with the forked child), each process's lines in order.
    Returns (ok, readable diff, number of lines compared).

    What may differ, and why (each also said where it is done):
      - pids: Comparison.field (a one-to-one mapping);
      - addresses outside the program image: Comparison.field (one-to-one);
      - a pointer where strace shows the memory behind it: Comparison.field;
      - execve's path and argv/envp: Comparison.call;
      - si_uid, si_utime, si_stime of a signal: Comparison.signal;
      - the "[pid N]" prefix's padding (strace pads to pid_max's digits):
        parse_log reads either;
      - how two processes' lines interleave: each process is compared on
        its own, a call split by another process's line put back together;
      - where an asynchronous signal (SIGCHLD) falls among the calls: it
        depends on whether the child exited before the parent got to wait4,
        and under ptrace Linux shows an ignored SIGCHLD when the parent
        returns to user mode while sysret records it when it is generated.
        A process's signals are compared in order among themselves.
    """
    cmp = Comparison(image)
    host, ours = parse_log(host_log), parse_log(our_log)
    out, ok, compared = [], True, 0
    if len(host) != len(ours):
        ok = False
        out.append(f"strace shows {len(host)} processes, trace {len(ours)}")
    for n, ((hpid, hs), (opid, os_)) in enumerate(zip(host, ours)):
        out.append(f"=== process {n + 1} (pid {hpid} on Linux, {opid} on sysret)")
        if not cmp.same_as(cmp.pids, str(hpid), str(opid)):
            ok = False
            out.append("    not the same process as the pids in the calls say")
        for signals in (False, True):
            if signals and any(e.kind == "signal" for e in hs + os_):
                out.append("  signals taken:")
            pick = lambda entries: [e for e in entries if (e.kind == "signal") == signals]  # noqa: E731
            same, count = compare_entries(cmp, pick(hs), pick(os_), out)
            ok, compared = ok and same, compared + count
    return ok, "\n".join(out), compared


def compare_entries(cmp, hs, os_, out):
    """Lines of one process in order; appends the diff to out. Returns (all
    the same, number of lines compared)."""
    ok, compared = True, 0
    keys = lambda entries: [(e.kind, e.name) for e in entries]  # noqa: E731
    sm = difflib.SequenceMatcher(None, keys(hs), keys(os_), autojunk=False)
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        if op == "equal":
            for h, o in zip(hs[i1:i2], os_[j1:j2]):
                compared += 1
                diffs = cmp.entry(h, o)
                if not diffs:
                    out.append("    " + h.text)
                    continue
                ok = False
                out.append("  - " + h.text)
                out.append("  + " + o.text)
                for what, a, b, why in diffs:
                    out.append(f"      {what}: strace {a!r}, trace {b!r}: {why}")
            continue
        ok = False
        out += ["  - " + h.text + "   (strace only)" for h in hs[i1:i2]]
        out += ["  + " + o.text + "   (trace only)" for o in os_[j1:j2]]
    return ok, compared


def build_trace_calls(tmp):
    exe = os.path.join(tmp, "trace_calls")
    r = subprocess.run(["musl-gcc", "-static", "-O2", "-Wall", "-Wextra", "-Werror", "-o", exe,
                        os.path.join(HERE, "trace_calls.c")], capture_output=True, text=True, timeout=120)
    report(r.returncode == 0, "trace_calls.c builds with musl-gcc -static", r.stderr)
    return exe if r.returncode == 0 else None


def host_strace(exe, tmp):
    """trace_calls under strace -f on this host: its log (stderr).
    -q leaves out "attached" lines, which trace does not have, and keeps
    "+++ exited with N +++", which it has (-qq would drop those)."""
    work = os.path.join(tmp, "host")
    os.makedirs(work)
    with open(os.path.join(work, "trace_calls.data"), "w") as f:
        f.write(DATA)
    shutil.copy(exe, work)
    r = subprocess.run(["strace", "-f", "-q", "./trace_calls"], cwd=work, capture_output=True,
                       text=True, timeout=30, stdin=subprocess.DEVNULL)
    ok = r.returncode == 0 and r.stdout == "trace_calls: start\nchild\ntrace_calls: done\n"
    report(ok, "trace_calls runs under strace -f on the host", repr(r))
    return r.stderr if ok else None


RUN_SH = """cd /
/bin/trace -o /trace.log -r /trace.raw /bin/trace_calls
echo @@status $?
echo @@log
cat /trace.log
echo @@raw
cat /trace.raw
echo @@end
"""


def pack_initramfs(root, archive):
    """cpio newc of the tree at root, byte-reproducible (sorted, owner 0:0,
    times 0), as tests/run.py and the Makefile pack theirs."""
    subprocess.run(["find", ".", "-exec", "touch", "-h", "-d", "@0", "{}", "+"], cwd=root, check=True)
    names = subprocess.run(["find", ".", "-mindepth", "1"], cwd=root, capture_output=True, text=True,
                           check=True).stdout.split()
    with open(archive, "wb") as out:
        subprocess.run(["cpio", "--quiet", "-o", "-H", "newc", "-R", "0:0", "--reproducible"], cwd=root,
                       input=("\n".join(sorted(names)) + "\n").encode(), stdout=out, check=True)


def trace_initramfs(exe):
    """init, sh, trace, cat, echo and trace_calls under /bin, its data file
    and the script that runs it in /."""
    root = os.path.join(BUILD, "trace_run", "root")
    shutil.rmtree(root, ignore_errors=True)
    os.makedirs(os.path.join(root, "bin"))
    shutil.copy(os.path.join(BUILD, "user", "init"), os.path.join(root, "init"))
    shutil.copy(os.path.join(BUILD, "user", "sh"), os.path.join(root, "bin", "sh"))
    for tool in ("trace", "cat", "echo"):
        shutil.copy(os.path.join(BUILD, "user", "bin", tool), os.path.join(root, "bin", tool))
    shutil.copy(exe, os.path.join(root, "bin", "trace_calls"))
    for name, text in (("trace_calls.data", DATA), ("run.sh", RUN_SH)):
        with open(os.path.join(root, name), "w") as f:
            f.write(text)
    archive = os.path.join(BUILD, "trace_run", "initramfs.cpio")
    pack_initramfs(root, archive)
    return archive


def between(text, start, end):
    m = re.search(r"^%s\n(.*?)^%s$" % (re.escape(start), re.escape(end)), text, re.M | re.S)
    return m[1] if m else None


def check_comparator(host_log, our_log, image):
    """The comparison must see a changed flag, errno, pid and count."""
    for old, new in (("O_RDONLY|O_LARGEFILE)", "O_RDONLY)"), ("ENOENT (No such file or directory)",
                                                                "ENOENT (No such file)"),
                     ('"child\\n", 6)', '"child\\n", 7)'), ("exit_group(7)", "exit_group(0)")):
        changed = our_log.replace(old, new, 1)
        ok, _, _ = compare_logs(host_log, changed, image)
        report(changed != our_log and not ok, f"trace vs strace: the comparison sees {old!r} -> {new!r}")
    lines = our_log.splitlines()
    wait = next((i for i, l in enumerate(lines) if "wait4(" in l), None)
    if wait is not None:    # a call left out
        ok, _, _ = compare_logs(host_log, "\n".join(lines[:wait] + lines[wait + 1:]), image)
        report(not ok, "trace vs strace: the comparison sees a missing wait4 line")


COVERED = ["execve", "write", "read", "open", "openat", "close", "getpid", "lseek", "brk", "mmap",
           "mprotect", "munmap", "pipe", "fork", "gettid", "wait4", "exit_group", "rt_sigprocmask"]


ERRNOS = ["ENOENT", "EBADF", "ESPIPE", "ECHILD"]


def test_against_strace(tmp):
    if not shutil.which("strace"):
        report(False, "strace is installed on the host", "apt-get install strace")
        return
    exe = build_trace_calls(tmp)
    if not exe:
        return
    host_log = host_strace(exe, tmp)
    image = image_ranges(exe)
    initrd = trace_initramfs(exe)
    for smp in (1, 2):
        label = f"trace vs strace smp{smp}"
        console = boot("panic=-1 -- /bin/sh /run.sh", smp, initrd=initrd)
        our_log = between(console, "@@log", "@@raw")
        report("@@status 0" in console and our_log is not None,
               f"{label}: trace_calls ran under /bin/trace on sysret, exit status 0", tail(console, 60))
        if our_log is None or host_log is None:
            continue
        names = {e.name for _, entries in parse_log(our_log) for e in entries}
        report(all(n in names for n in COVERED) and all(f"-1 {e} " in our_log for e in ERRNOS),
               f"{label}: the log has {', '.join(COVERED)} and {', '.join(ERRNOS)}",
               f"missing {[n for n in COVERED if n not in names]}")
        ok, diff, compared = compare_logs(host_log, our_log, image)
        report(ok and compared >= 30,
               f"{label}: {compared} lines of trace's log match strace -f field by field",
               "(- strace on Linux, + trace on sysret)\n" + diff +
               "\n--- the raw trace:\n" + (between(console, "@@raw", "@@end") or tail(console)))
        if VERBOSE:
            print(diff)
        if smp == 1 and ok:
            check_comparator(host_log, our_log, image)


def main():
    os.chdir(ROOT)
    for path in ("sysret.elf", "initramfs.cpio", "user/demos/fork", "user/bin/trace"):
        if not os.path.exists(os.path.join(BUILD, path)):
            print(f"build/{path} is missing: run make first")
            print("0 passed, 1 failed")
            return 1
    with tempfile.TemporaryDirectory(prefix="sysret-trace-run-") as tmp:
        test_fork_demo(tmp)
        test_against_strace(tmp)
    print(f"{results['passed']} passed, {results['failed']} failed")
    return 1 if results["failed"] else 0


if __name__ == "__main__":
    sys.exit(main())
