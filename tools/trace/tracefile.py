"""Read a sysret event trace and work out what happened in it.

The kernel writes its event trace (docs/TRACE.md) as text, one event a line:

    TIMESTAMP CPU PID KIND key=value key=value ...
    1043211 0 7 sys_enter nr=1 name=write args=0x1,0x4020e0,0x3,0x0,0x0,0x0 str="hi\\n" strlen=3

This module is the part the drawing tools (trace2json.py, trace2svg.py) share:

  - read() parses a trace file into events, plain dicts such as
        {"ts": 1043211, "cpu": 0, "pid": 7, "kind": "sys_enter", "nr": 1,
         "name": "write", "args": [1, 0x4020e0, 3, 0, 0, 0], "str": "hi\\n", "strlen": 3}
    Numbers (decimal or 0x hexadecimal) become ints, comma lists become lists,
    quoted strings lose their quotes and C escapes. Lines that are not events
    (serial console output mixed in, a cut line) are skipped and counted.
  - analyse() turns the events into a Model: which process ran when on each
    CPU, which part of that was user time and which kernel time, each
    process's life (name, parent, exec, exit, zombie, reap, orphan, stops), the
    system calls, and which delivery each generated signal led to.

Use it from Python (run from this directory, or put it on sys.path):

    import tracefile
    trace = tracefile.read("run.trace")
    model = tracefile.analyse(trace)
    for run in model.runs:
        print(run.cpu, model.procs[run.pid].label_at(run.start), run.start, run.end)

or run it to print a summary:  python3 tracefile.py run.trace
"""
import bisect
import os
import re
import sys
from collections import defaultdict

# ---------------------------------------------------------------------------
# Names for numbers
# ---------------------------------------------------------------------------

SIGNAL_NAMES = {
    1: "SIGHUP", 2: "SIGINT", 3: "SIGQUIT", 4: "SIGILL", 5: "SIGTRAP", 6: "SIGABRT",
    7: "SIGBUS", 8: "SIGFPE", 9: "SIGKILL", 10: "SIGUSR1", 11: "SIGSEGV", 12: "SIGUSR2",
    13: "SIGPIPE", 14: "SIGALRM", 15: "SIGTERM", 16: "SIGSTKFLT", 17: "SIGCHLD",
    18: "SIGCONT", 19: "SIGSTOP", 20: "SIGTSTP", 21: "SIGTTIN", 22: "SIGTTOU", 23: "SIGURG",
    24: "SIGXCPU", 25: "SIGXFSZ", 26: "SIGVTALRM", 27: "SIGPROF", 28: "SIGWINCH", 29: "SIGIO",
    30: "SIGPWR", 31: "SIGSYS",
}

ERRNO_NAMES = {
    1: "EPERM", 2: "ENOENT", 3: "ESRCH", 4: "EINTR", 5: "EIO", 6: "ENXIO", 7: "E2BIG",
    8: "ENOEXEC", 9: "EBADF", 10: "ECHILD", 11: "EAGAIN", 12: "ENOMEM", 13: "EACCES",
    14: "EFAULT", 16: "EBUSY", 17: "EEXIST", 18: "EXDEV", 19: "ENODEV", 20: "ENOTDIR",
    21: "EISDIR", 22: "EINVAL", 23: "ENFILE", 24: "EMFILE", 25: "ENOTTY", 27: "EFBIG",
    28: "ENOSPC", 29: "ESPIPE", 30: "EROFS", 31: "EMLINK", 32: "EPIPE", 33: "EDOM",
    34: "ERANGE", 36: "ENAMETOOLONG", 38: "ENOSYS", 39: "ENOTEMPTY", 40: "ELOOP",
}

# si_code values (Linux): the same for every signal, then per signal.
SI_CODES = {0: "SI_USER", 0x80: "SI_KERNEL", -1: "SI_QUEUE", -2: "SI_TIMER", -6: "SI_TKILL"}
SI_CODES_BY_SIGNAL = {
    17: {1: "CLD_EXITED", 2: "CLD_KILLED", 3: "CLD_DUMPED", 4: "CLD_TRAPPED",
         5: "CLD_STOPPED", 6: "CLD_CONTINUED"},
    11: {1: "SEGV_MAPERR", 2: "SEGV_ACCERR"},
    5: {1: "TRAP_BRKPT", 2: "TRAP_TRACE"},
}

OUTCOMES = {
    "same": "resumed at the faulting instruction",
    "next": "resumed after the instruction",
    "signal": "turned into a signal",
    "fixup": "bad user pointer: the system call returns EFAULT",
    "oops": "a kernel bug (oops)",
}


def signal_name(sig):
    """SIGCHLD for 17; SIG34 for real-time signals and anything unknown."""
    if isinstance(sig, int) and sig in SIGNAL_NAMES:
        return SIGNAL_NAMES[sig]
    return "SIG%s" % sig


def si_code_name(sig, code):
    """CLD_EXITED for (SIGCHLD, 1), SI_USER for (any, 0), the number otherwise."""
    if code in SI_CODES_BY_SIGNAL.get(sig, {}):
        return SI_CODES_BY_SIGNAL[sig][code]
    return SI_CODES.get(code, str(code))


def errno_text(ret):
    """'-4 (EINTR)' for -4, '3' for 3: a system call's return value."""
    if isinstance(ret, int) and -4096 < ret < 0 and -ret in ERRNO_NAMES:
        return "%d (%s)" % (ret, ERRNO_NAMES[-ret])
    return str(ret)


def describe_status(status):
    """A wait status, as the parent sees it: 'exit 0', 'killed by SIGINT'."""
    sig = status & 0x7F
    if sig == 0:
        return "exit %d" % ((status >> 8) & 0xFF)
    if sig == 0x7F:
        return "stopped by %s" % signal_name((status >> 8) & 0xFF)
    text = "killed by %s" % signal_name(sig)
    return text + " (core dumped)" if status & 0x80 else text


def format_duration(ns):
    """A duration for people: 850 ns, 12.3 µs, 4.56 ms, 1.2 s."""
    if ns < 1000:
        return "%d ns" % ns
    for unit, scale in (("µs", 1e3), ("ms", 1e6), ("s", 1e9)):
        value = ns / scale
        if value < 1000 or unit == "s":
            return "%s %s" % (_three_digits(value), unit)
    return "%d ns" % ns


def _three_digits(value):
    if value >= 100:
        return "%.0f" % value
    if value >= 10:
        return "%.1f" % value
    return "%.2f" % value


# ---------------------------------------------------------------------------
# Parsing
# ---------------------------------------------------------------------------

COLUMNS = ("ts", "cpu", "pid", "kind")
_DECIMAL = re.compile(r"-?[0-9]+\Z")
_HEX = re.compile(r"-?0x[0-9a-fA-F]+\Z")
_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")
_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\", "'": "'",
            "0": "\0", "a": "\a", "b": "\b", "f": "\f", "v": "\v"}


# The keys the tools rely on, per kind: a line without them is damaged.
NUMBER_KEYS = {
    "switch": ("from", "to"), "fork": ("child",), "reap": ("child",),
    "reparent": ("child", "parent"), "sig_gen": ("sig", "to"), "sig_deliver": ("sig",),
    "sig_return": ("sig",), "lost": ("count",),
}


class Trace:
    """A parsed trace file.

    events:  the events, in time order (a stable sort: lines with the same
             timestamp keep their order), without the `lost` lines.
    lost_events: the `lost` lines. Their timestamp is when the trace was read,
             not when the events were lost, so they stay out of `events`.
    lost:    {cpu: number of events lost on that CPU}.
    skipped: [(line number, reason, text)] for every line that is not an event.
    """

    def __init__(self):
        self.events = []
        self.lost_events = []
        self.lost = defaultdict(int)
        self.skipped = []

    def lost_total(self):
        return sum(self.lost.values())


def parse_line(line):
    """One line of the trace as a dict, or None if it is not an event at all.

    A line that does not start with a number (console output, a blank line) is
    not an event: None. A line that starts with a number but is not a valid
    event raises ValueError with the reason.
    """
    line = line.rstrip("\r\n")
    if not line[:1].isdigit():
        return None
    parts = line.split(" ", 4)
    if len(parts) < 4:
        raise ValueError("fewer than 4 columns")
    ts, cpu, pid, kind = parts[:4]
    if not (ts.isdigit() and cpu.isdigit() and pid.isdigit()):
        raise ValueError("TIMESTAMP, CPU and PID must be decimal numbers")
    if not _KEY.match(kind):
        raise ValueError("bad event kind %r" % kind)
    event = {"ts": int(ts), "cpu": int(cpu), "pid": int(pid), "kind": kind}
    for key, value in split_keys(parts[4] if len(parts) > 4 else ""):
        # A key named like a column (lost's cpu=) must not hide the column.
        event[key + "_" if key in COLUMNS else key] = value
    for key in NUMBER_KEYS.get(kind, ()):
        if not isinstance(event.get(key), int):
            raise ValueError("%s without a number %s=" % (kind, key))
    return event


def split_keys(text):
    """The (key, value) pairs of 'key=value key="a string" ...'."""
    pairs = []
    i, n = 0, len(text)
    while i < n:
        if text[i] == " ":
            i += 1
            continue
        eq = text.find("=", i)
        space = text.find(" ", i)
        if eq < 0 or 0 <= space < eq:
            raise ValueError("expected key=value at %r" % text[i:i + 20])
        key = text[i:eq]
        if not _KEY.match(key):
            raise ValueError("bad key %r" % key)
        i = eq + 1
        if text.startswith('"', i):
            value, i = read_quoted(text, i + 1)
            if i < n and text[i] != " ":
                raise ValueError("text after the closing quote of %s" % key)
        else:
            end = text.find(" ", i)
            end = n if end < 0 else end
            value = convert(key, text[i:end])
            i = end
        pairs.append((key, value))
    return pairs


def read_quoted(text, i):
    """Decodes a C string whose opening quote is just before text[i].

    Returns (the string, the index after the closing quote). Bytes written as
    \\xNN are collected and decoded as UTF-8 (a cut character becomes U+FFFD).
    """
    out = bytearray()
    n = len(text)
    while i < n:
        c = text[i]
        if c == '"':
            return out.decode("utf-8", "replace"), i + 1
        if c != "\\":
            out += c.encode("utf-8")
            i += 1
            continue
        esc = text[i + 1:i + 2]
        if esc == "x" and re.match(r"[0-9a-fA-F]{2}\Z", text[i + 2:i + 4]):
            out.append(int(text[i + 2:i + 4], 16))
            i += 4
        elif esc in _ESCAPES and esc:
            out += _ESCAPES[esc].encode("ascii")
            i += 2
        else:
            raise ValueError("bad escape \\%s" % esc)
    raise ValueError("unterminated string")


def convert(key, raw):
    """'12' -> 12, '0x1f' -> 31, 'a,b' -> [a, b], anything else stays text."""
    if key == "args" or "," in raw:
        return [_number(part) for part in raw.split(",")] if raw else []
    return _number(raw)


def _number(raw):
    if _HEX.match(raw):
        return int(raw, 16)
    if _DECIMAL.match(raw):
        return int(raw)
    return raw


def read(source):
    """Reads a trace from a file name or an open text file: a Trace."""
    if isinstance(source, str):
        with open(source, encoding="utf-8", errors="replace") as f:
            return parse_lines(f)
    return parse_lines(source)


def parse_lines(lines):
    """A Trace from an iterable of lines."""
    trace = Trace()
    events = []
    for number, line in enumerate(lines, 1):
        try:
            event = parse_line(line)
        except ValueError as err:
            trace.skipped.append((number, str(err), line.rstrip("\r\n")))
            continue
        if event is None:
            if line.strip():
                trace.skipped.append((number, "not an event", line.rstrip("\r\n")))
            continue
        event["line"] = number
        if event["kind"] == "lost":
            trace.lost_events.append(event)
            trace.lost[event.get("cpu_", event["cpu"])] += event.get("count", 0)
        else:
            events.append(event)
    events.sort(key=lambda e: e["ts"])
    trace.events = events
    return trace


# ---------------------------------------------------------------------------
# The model: what the events mean
# ---------------------------------------------------------------------------

class Run:
    """Process pid ran on cpu from start to end (nanoseconds).

    why: how the run ended: the `why` of the switch away, or None if the
    trace ended first. inferred: True when the CPU had no switch events and
    the run was guessed from the PID column.
    """

    def __init__(self, cpu, pid, start, end, why=None, inferred=False):
        self.cpu, self.pid, self.start, self.end = cpu, pid, start, end
        self.why, self.inferred = why, inferred

    def __repr__(self):
        return "Run(cpu=%d, pid=%d, %d..%d, why=%s)" % (self.cpu, self.pid, self.start,
                                                         self.end, self.why)


class Segment:
    """Part of a run: mode is "user", "kernel", "idle" (the idle process), or
    "untraced" (a process that is not traced: what it did is not known)."""

    def __init__(self, cpu, pid, start, end, mode):
        self.cpu, self.pid, self.start, self.end, self.mode = cpu, pid, start, end, mode

    def __repr__(self):
        return "Segment(%s, pid=%d, %d..%d)" % (self.mode, self.pid, self.start, self.end)


class Syscall:
    """A system call of pid from start to end. enter or exit is None when it
    is missing from the trace (the call began before the trace, or never
    returned: exit, a successful execve, the end of the trace)."""

    def __init__(self, pid, start, end, enter, exit_event):
        self.pid, self.start, self.end = pid, start, end
        self.enter, self.exit = enter, exit_event

    @property
    def name(self):
        event = self.enter or self.exit
        return str(event.get("name", "syscall %s" % event.get("nr")))


class SignalFlow:
    """A sig_gen event and the sig_deliver it led to (None if none did)."""

    def __init__(self, gen):
        self.gen, self.deliver = gen, None

    @property
    def sig(self):
        return self.gen.get("sig")


class Handler:
    """A signal handler of pid running from its sig_deliver to its sig_return
    (None if it had not returned by the end of the trace)."""

    def __init__(self, deliver):
        self.deliver, self.ret = deliver, None
        self.pid, self.sig = deliver["pid"], deliver.get("sig")


class Proc:
    """Everything the trace says about one process.

    Its name: the name it was born with (its parent's at fork), then one more
    per exec (the program's file name). A process first seen without a name is
    called "pid N"; the idle process (pid 0) is "idle".
    """

    def __init__(self, pid):
        self.pid = pid
        self.birth_name = "idle" if pid == 0 else None
        self.execs = []             # [(ts, program name)]
        self.parent = None          # pid of the parent, if known
        self.parent_known_from = None   # "fork", or "reap" (forked before the trace)
        self.fork_ts = self.fork_flags = None
        self.children = []          # [(fork ts, child pid)]
        self.first_ts = self.last_ts = None
        self.exit_ts = self.exit_status = None
        self.killed_by = None       # a signal whose default action killed it
        self.reap_ts = self.reaper = self.reap_status = None
        self.reparents = []         # [(ts, new parent, old parent's pid)]
        self.stops = []             # [[start, end or None, signal]]
        self.traced = True          # False: seen only through traced processes

    # -- names --
    def name_at(self, ts):
        """The process's name at time ts, or None if it has none yet."""
        name = self.birth_name
        for when, program in self.execs:
            if when <= ts:
                name = program
        return name

    @property
    def name(self):
        return self.execs[-1][1] if self.execs else self.birth_name

    def label_at(self, ts):
        return self._label(self.name_at(ts))

    @property
    def label(self):
        """'hello (6)', or 'pid 6' if it never had a name."""
        return self._label(self.name)

    def _label(self, name):
        return "%s (%d)" % (name, self.pid) if name else "pid %d" % self.pid

    @property
    def programs(self):
        """The names it had, in order: ['sh', 'hello'] for a shell child that
        exec'd hello."""
        names = [self.birth_name] if self.birth_name else []
        return names + [program for _, program in self.execs]

    # -- fate --
    @property
    def fate(self):
        """How it ended: 'exit 0', 'killed by SIGINT', or what it was doing
        when the trace ended."""
        status = self.exit_status if self.exit_status is not None else self.reap_status
        if status is not None:
            return describe_status(status)
        if not self.traced:
            return "not traced"
        if self.killed_by is not None:
            return "killed by %s" % signal_name(self.killed_by)
        if self.stops and self.stops[-1][1] is None:
            return "stopped by %s at the end" % signal_name(self.stops[-1][2])
        return "running at the end"

    @property
    def orphan(self):
        return bool(self.reparents)

    def zombie_span(self, t_end):
        """(start, end, reaped) of its zombie time, or None if it never died."""
        if self.exit_ts is None:
            return None
        if self.reap_ts is not None:
            return self.exit_ts, self.reap_ts, True
        return self.exit_ts, t_end, False


class Model:
    """What a trace means. Times are nanoseconds, as in the trace.

    t0, t1:    the first and last moment the trace covers
    cpus:      the CPU numbers seen
    runs:      [Run], every stretch of a process on a CPU, in time order
    segments:  {pid: [Segment]}, the runs cut into user and kernel time
    procs:     {pid: Proc}
    syscalls:  {pid: [Syscall]}
    signals:   [SignalFlow], in time order
    handlers:  [Handler]
    """

    def __init__(self, trace):
        self.trace = trace
        events = trace.events
        self.t0, self.t1 = time_range(events)
        self.cpus = sorted({e["cpu"] for e in events})
        self.untraced = untraced_pids(events)
        self.runs = cpu_runs(events, self.t1, self.untraced)
        self.procs = processes(events)
        for pid in self.untraced:
            self.proc(pid).traced = False
        self.syscalls = syscall_spans(events, self.runs, self.t1)
        self.segments = split_modes(self.runs, kernel_spans(events, self.runs, self.syscalls),
                                    self.untraced)
        self.signals = pair_signals(events)
        self.handlers = handler_spans(events)
        self._starts = {}

    def proc(self, pid):
        """The Proc of pid (created empty if the trace never mentioned it)."""
        if pid not in self.procs:
            self.procs[pid] = Proc(pid)
        return self.procs[pid]

    def mode_times(self, pid, start, end):
        """{"user": ns, "kernel": ns} of process pid between start and end."""
        if pid not in self._starts:
            self._starts[pid] = [seg.start for seg in self.segments.get(pid, [])]
        return time_in_modes(self.segments.get(pid, []), start, end, self._starts[pid])

    def tree_order(self):
        """The pids other than 0, parents before children: roots by first
        appearance, children by fork time (a depth-first walk)."""
        roots, kids = family(self.procs)
        order, todo, seen = [], list(reversed(roots)), set()
        while todo:                 # a depth-first walk, without recursion
            pid = todo.pop()
            if pid in seen:
                continue
            seen.add(pid)
            order.append(pid)
            todo += reversed(kids.get(pid, []))
        # Anything the walk missed (a damaged trace) still gets a place.
        return order + sorted(pid for pid in self.procs if pid not in seen and pid != 0)


def analyse(trace):
    """The Model of a Trace."""
    return Model(trace)


def time_range(events):
    """(first, last) moment of the trace; an exception or irq reaches back to
    its start."""
    if not events:
        return 0, 0
    return min(event_start(e) for e in events), max(e["ts"] for e in events)


def event_start(event):
    """When an event began: `start` for exceptions and irqs, else ts."""
    start = event.get("start")
    return start if isinstance(start, int) and start <= event["ts"] else event["ts"]


def runs_on_cpu(event):
    """False for events whose PID column is not the process running on that
    CPU: `cont` is recorded by the sender's CPU under the continued process."""
    return event["kind"] != "cont"


# Kinds a process records only about itself, and only while it is traced.
OWN_KINDS = frozenset(("sys_enter", "sys_exit", "exception", "irq", "exec", "exit", "stop",
                       "sig_deliver", "sig_return", "cont"))
# Keys that name another process.
PID_KEYS = ("from", "to", "child", "parent")


def untraced_pids(events):
    """The pids that are not traced: with `pid=N` (the trace tool), a
    process outside N's family still shows up in the events of traced ones
    (the parent that reaps N, a switch to it, a signal it sends or gets),
    but records nothing of its own. Only a trace with system calls,
    exceptions or interrupts can tell: a traced process that runs at all
    records some. Without them, every process counts as traced."""
    kinds = {e["kind"] for e in events}
    if not kinds & {"sys_enter", "sys_exit", "exception", "irq"}:
        return set()
    own = {e["pid"] for e in events if e["kind"] in OWN_KINDS}
    seen = {e["pid"] for e in events}
    seen |= {e[key] for e in events for key in PID_KEYS if isinstance(e.get(key), int)}
    return seen - own - {0}


# -- who ran when --

def cpu_runs(events, t_end, untraced=frozenset()):
    """[Run] from the switch events of each CPU, in time order.

    Before a CPU's first switch, the process in the PID column of its first
    event is taken to be running. A CPU without any switch event (the trace
    was taken without kinds=switch) gets runs guessed from its PID column.
    untraced: pids that are not traced (untraced_pids). A switch between two
    processes that are not traced is not recorded, so an event of one of
    them (a reap, a signal it sends) on a CPU shows it running there from
    that event on.
    """
    by_cpu = defaultdict(list)
    for event in events:
        if runs_on_cpu(event):
            by_cpu[event["cpu"]].append(event)
    runs = []
    for cpu, cpu_events in sorted(by_cpu.items()):
        if any(e["kind"] == "switch" for e in cpu_events):
            runs += _runs_from_switches(cpu, cpu_events, t_end, untraced)
        else:
            runs += _runs_from_pid_column(cpu, cpu_events)
    runs.sort(key=lambda r: (r.start, r.cpu))
    return [r for r in runs if r.end > r.start]


def _runs_from_switches(cpu, events, t_end, untraced=frozenset()):
    runs = []
    pid, since = events[0]["pid"], event_start(events[0])
    for event in events:
        if event["kind"] != "switch":
            if event["pid"] != pid and event["pid"] in untraced:
                runs.append(Run(cpu, pid, since, event_start(event), None))
                pid, since = event["pid"], event_start(event)
            continue
        runs.append(Run(cpu, event.get("from", pid), since, event["ts"], event.get("why")))
        pid, since = event.get("to", 0), event["ts"]
    runs.append(Run(cpu, pid, since, t_end, None))
    return runs


def _runs_from_pid_column(cpu, events):
    runs = []
    for event in events:
        if runs and runs[-1].pid == event["pid"]:
            runs[-1].end = event["ts"]
        else:
            runs.append(Run(cpu, event["pid"], event_start(event), event["ts"], None, True))
    return runs


def runs_by_pid(runs):
    table = defaultdict(list)
    for run in runs:
        table[run.pid].append(run)
    return table


# -- system calls --

def syscall_spans(events, runs, t_end):
    """{pid: [Syscall]}: sys_enter to sys_exit of the same process.

    A sys_exit without its sys_enter (the trace began inside the call, or it
    is a child's return from fork) starts when the process was last switched
    in. A call still open at the next sys_enter of the process, or when an
    exception from user mode shows it back in user mode, is closed at the last
    event seen in it; one still open at the end lasts until then (exit_group).
    """
    pid_runs = runs_by_pid(runs)
    open_call, last_ts, spans = {}, {}, defaultdict(list)

    def close(pid, end, exit_event=None):
        enter = open_call.pop(pid)
        spans[pid].append(Syscall(pid, enter["ts"], max(end, enter["ts"]), enter, exit_event))

    for event in events:
        pid, kind = event["pid"], event["kind"]
        if not runs_on_cpu(event):
            continue
        if kind == "sys_enter":
            if pid in open_call:
                close(pid, last_ts[pid])
            open_call[pid] = event
        elif kind == "sys_exit":
            if pid in open_call:
                close(pid, event["ts"], event)
            else:
                start = _run_start(pid_runs[pid], event["ts"])
                spans[pid].append(Syscall(pid, start, event["ts"], None, event))
        elif kind == "exception" and event.get("user") == 1 and pid in open_call:
            close(pid, min(last_ts[pid], event_start(event)))
        last_ts[pid] = event["ts"]
    for pid in list(open_call):
        close(pid, _last_run_end(pid_runs[pid], t_end))
    return spans


def _run_start(runs, ts):
    for run in runs:
        if run.start <= ts <= run.end:
            return run.start
    return ts


def _last_run_end(runs, t_end):
    return runs[-1].end if runs else t_end


# -- user and kernel time --

RESUMES_USER = ("handler", "ignore", "cont")


def kernel_spans(events, runs, syscalls):
    """{pid: [(start, end)]}: when each process was in the kernel.

    The kernel time of a process is
      - its system calls (sys_enter to sys_exit),
      - its exceptions and interrupts (start to ts: they are recorded at
        their end),
      - and, when the trace has all three of sys_enter, exception and irq
        events, the way out of the kernel after them: the kernel keeps going
        after an interrupt's end (to switch to another process, or to deliver
        a signal) until the process goes back to user mode. Events of the
        process after such an end that are not a new entry (sig_deliver,
        exit, switch away...) show the kernel still running, so the kernel
        time is stretched to them. A process switched in also starts in the
        kernel. Without all three kinds an entry may be missing from the
        trace, so nothing is stretched.
    Idle (pid 0) is left out.
    """
    kinds = {e["kind"] for e in events}
    stretch = {"sys_enter", "exception", "irq"} <= kinds
    spans = defaultdict(list)
    for pid, calls in syscalls.items():
        spans[pid] += [(call.start, call.end) for call in calls]
    for event in events:
        if event["kind"] in ("exception", "irq") and event["pid"] != 0:
            spans[event["pid"]].append((event_start(event), event["ts"]))
    if stretch:
        for pid, stream in per_process_streams(events).items():
            spans[pid] += _return_paths(stream)
    return {pid: union(s) for pid, s in spans.items() if pid != 0}


def per_process_streams(events):
    """{pid: [(ts, role, event)]}: each process's own events in time order,
    with role "in"/"out" for switches to/from it and "event" otherwise."""
    streams = defaultdict(list)
    for event in events:
        if event["kind"] == "switch":
            streams[event.get("from")].append((event["ts"], "out", event))
            streams[event.get("to")].append((event["ts"], "in", event))
        elif runs_on_cpu(event):
            streams[event["pid"]].append((event["ts"], "event", event))
    streams.pop(0, None)
    return streams


def _return_paths(stream):
    """The stretches of kernel time after a kernel entry ended (see
    kernel_spans). Inside a system call nothing is needed: the call covers it."""
    spans, in_call, back_since = [], False, None
    for ts, role, event in stream:
        kind = event["kind"]
        if role == "in":
            back_since = ts
            continue
        if role == "out" or kind not in ("sys_enter", "sys_exit", "exception", "irq"):
            if back_since is not None and not in_call:
                spans.append((back_since, ts))
                back_since = ts
            if role == "out" or (kind == "sig_deliver" and event.get("action") in RESUMES_USER):
                back_since = None
            continue
        if kind == "sys_enter":
            in_call, back_since = True, None
        elif kind == "sys_exit":
            in_call, back_since = False, ts
        else:
            if event.get("user") == 1:
                in_call = False     # as in syscall_spans: it was in user mode
            if not in_call:
                back_since = ts
    return spans


def union(spans):
    """Overlapping or touching (start, end) spans merged, sorted."""
    merged = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [tuple(span) for span in merged]


def split_modes(runs, kernel, untraced=frozenset()):
    """{pid: [Segment]}: each run cut into kernel and user time.
    kernel: {pid: [(start, end)]}, sorted and not overlapping. The runs of
    processes that are not traced (untraced) are one segment "untraced":
    what they did is not known."""
    segments = defaultdict(list)
    span_ends = {pid: [end for _, end in spans] for pid, spans in kernel.items()}
    for run in runs:
        if run.pid == 0:
            segments[0].append(Segment(run.cpu, 0, run.start, run.end, "idle"))
            continue
        if run.pid in untraced:
            segments[run.pid].append(Segment(run.cpu, run.pid, run.start, run.end, "untraced"))
            continue
        spans = kernel.get(run.pid, [])
        # The first kernel span that ends after the run starts, and on.
        i = bisect.bisect_right(span_ends.get(run.pid, []), run.start)
        at = run.start
        while i < len(spans) and spans[i][0] < run.end:
            start, end = max(spans[i][0], run.start), min(spans[i][1], run.end)
            i += 1
            if start >= end:
                continue
            if start > at:
                segments[run.pid].append(Segment(run.cpu, run.pid, at, start, "user"))
            segments[run.pid].append(Segment(run.cpu, run.pid, start, end, "kernel"))
            at = end
        if at < run.end:
            segments[run.pid].append(Segment(run.cpu, run.pid, at, run.end, "user"))
    for table in segments.values():
        table.sort(key=lambda s: s.start)
    return segments


def time_in_modes(segments, start, end, starts=None):
    """{"user": ns, "kernel": ns, "idle": ns} of the segments (sorted by
    start) between start and end. starts: [segment.start ...], to find the
    first one quickly in a long list."""
    totals = {"user": 0, "kernel": 0, "idle": 0, "untraced": 0}
    first = 0
    if starts is not None:
        first = max(bisect.bisect_right(starts, start) - 1, 0)
    for seg in segments[first:]:
        if seg.start >= end:
            break
        overlap = min(seg.end, end) - max(seg.start, start)
        if overlap > 0:
            totals[seg.mode] += overlap
    return totals


# -- processes --

def processes(events):
    """{pid: Proc} from the process events (and every PID mentioned)."""
    procs = {}

    def proc(pid):
        if pid not in procs:
            procs[pid] = Proc(pid)
        return procs[pid]

    for event in events:
        p = proc(event["pid"])
        ts = event["ts"]
        p.first_ts = ts if p.first_ts is None else p.first_ts
        p.last_ts = ts
        handler = _PROC_EVENTS.get(event["kind"])
        if handler:
            handler(event, p, proc)
    _parents_from_reaps(procs)
    return procs


def _on_fork(event, parent, proc):
    child = proc(event.get("child"))
    if _is_ancestor(child, parent, proc):       # a damaged trace
        return
    child.parent, child.parent_known_from = parent.pid, "fork"
    child.fork_ts, child.fork_flags = event["ts"], event.get("flags")
    child.birth_name = parent.name_at(event["ts"])
    parent.children.append((event["ts"], child.pid))


def _is_ancestor(a, b, proc):
    """True if a is b or one of b's ancestors (guards against bad traces)."""
    seen = set()
    while b is not None and b.pid not in seen:
        if b is a:
            return True
        seen.add(b.pid)
        b = proc(b.parent) if b.parent is not None else None
    return False


def _on_exec(event, p, proc):
    path = event.get("path", "")
    p.execs.append((event["ts"], os.path.basename(str(path).rstrip("/")) or str(path)))


def _on_exit(event, p, proc):
    p.exit_ts, p.exit_status = event["ts"], event.get("status")


def _on_reap(event, reaper, proc):
    child = proc(event.get("child"))
    child.reap_ts, child.reaper, child.reap_status = event["ts"], reaper.pid, event.get("status")


def _on_reparent(event, p, proc):
    child = proc(event.get("child"))
    child.reparents.append((event["ts"], event.get("parent"), p.pid))
    proc(event.get("parent"))


def _on_stop(event, p, proc):
    p.stops.append([event["ts"], None, event.get("sig")])


def _on_cont(event, p, proc):
    if p.stops and p.stops[-1][1] is None:
        p.stops[-1][1] = event["ts"]


def _on_deliver(event, p, proc):
    if event.get("action") in ("term", "core"):
        p.killed_by = event.get("sig")


def _on_switch(event, p, proc):
    proc(event.get("from"))
    proc(event.get("to"))


def _on_sig_gen(event, p, proc):
    proc(event.get("to"))


_PROC_EVENTS = {
    "fork": _on_fork, "exec": _on_exec, "exit": _on_exit, "reap": _on_reap,
    "reparent": _on_reparent, "stop": _on_stop, "cont": _on_cont,
    "sig_deliver": _on_deliver, "switch": _on_switch, "sig_gen": _on_sig_gen,
}


def _parents_from_reaps(procs):
    """A process forked before the trace began has no fork event; if it is
    reaped and was never an orphan, its reaper is its parent."""
    for p in procs.values():
        if p.parent is None and p.reaper is not None and not p.reparents \
                and p.reaper in procs and not _is_ancestor(p, procs[p.reaper], procs.get):
            p.parent, p.parent_known_from = p.reaper, "reap"
            procs[p.reaper].children.append((p.first_ts or 0, p.pid))


def family(procs):
    """(roots, {pid: [children in fork order]}) without pid 0."""
    kids = defaultdict(list)
    for p in procs.values():
        for _, child in sorted(p.children):
            if child != 0 and child not in kids[p.pid]:
                kids[p.pid].append(child)
    roots = [p for p in procs.values()
             if p.pid != 0 and (p.parent is None or p.parent not in procs)]
    roots.sort(key=lambda p: (p.pid != 1, p.first_ts if p.first_ts is not None else 0, p.pid))
    return [p.pid for p in roots], kids


# -- signals --

def pair_signals(events):
    """[SignalFlow]: each sig_gen with the first sig_deliver of that signal
    to that process after it. Several generations of a signal before its
    delivery (standard signals do not queue) all lead to that one delivery."""
    flows, waiting = [], defaultdict(list)
    for event in events:
        if event["kind"] == "sig_gen":
            flow = SignalFlow(event)
            flows.append(flow)
            waiting[(event.get("to"), event.get("sig"))].append(flow)
        elif event["kind"] == "sig_deliver":
            for flow in waiting.pop((event["pid"], event.get("sig")), []):
                flow.deliver = event
    return flows


def handler_spans(events):
    """[Handler]: sig_deliver action=handler to the sig_return of that signal
    (handlers can nest: the latest one returns first)."""
    handlers, running = [], defaultdict(list)
    for event in events:
        if event["kind"] == "sig_deliver" and event.get("action") == "handler":
            handler = Handler(event)
            handlers.append(handler)
            running[event["pid"]].append(handler)
        elif event["kind"] == "sig_return":
            stack = running[event["pid"]]
            for i in range(len(stack) - 1, -1, -1):
                if stack[i].sig == event.get("sig"):
                    stack.pop(i).ret = event
                    break
    return handlers


# ---------------------------------------------------------------------------
# A summary, to check a trace by eye
# ---------------------------------------------------------------------------

def summary(model):
    trace = model.trace
    lines = ["%d events, %d CPU(s), %s (from %d ns to %d ns)" % (
        len(trace.events), len(model.cpus), format_duration(model.t1 - model.t0),
        model.t0, model.t1)]
    if trace.skipped:
        lines.append("%d line(s) skipped (not events)" % len(trace.skipped))
    for cpu, count in sorted(trace.lost.items()):
        lines.append("%d event(s) lost on CPU %d" % (count, cpu))
    for pid in model.tree_order():
        p = model.procs[pid]
        seg = model.segments.get(pid, [])
        modes = time_in_modes(seg, model.t0, model.t1)
        parent = "parent %s" % p.parent if p.parent is not None else "no parent seen"
        lines.append("  %-20s %-16s user %-9s kernel %-9s %s%s" % (
            p.label, parent, format_duration(modes["user"]), format_duration(modes["kernel"]),
            p.fate, ", orphan" if p.orphan else ""))
    return "\n".join(lines)


def main(argv):
    if len(argv) != 2:
        sys.stderr.write("usage: tracefile.py TRACE\n")
        return 2
    print(summary(analyse(read(argv[1]))))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
