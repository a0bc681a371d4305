#!/usr/bin/env python3
"""make trace DEMO=<demo> [SMP=n]: boots sysret, runs /bin/<demo> under
`trace -e all`, takes the raw trace off the serial console, and writes into
build/:
    trace-<demo>.trace          the raw trace (docs/TRACE.md)
    trace-<demo>.strace.txt     the strace-style log (the same `trace` tool,
                                run here on the raw trace: it is a static
                                Linux binary)
    trace-<demo>.json           Chrome trace-event JSON: open it in Perfetto
    trace-<demo>-timeline.svg   the timeline: processes, user/kernel time,
                                switches, exceptions, signals
    trace-<demo>-tree.svg       the process tree: fork, exec, exit, reap

Usage: tools/trace/demo.py DEMO [--smp N] [--out DIR] [--args "..."] [--icount]

--icount runs QEMU counting instructions (one nanosecond each) with a
virtual clock, so that the same demo gives the same trace every time:
`make docs` (tools/trace/docs.py) draws the guide's pictures this way, with
the functions below.
"""
import argparse
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
HERE = os.path.dirname(os.path.abspath(__file__))
EVENT = re.compile(r"^\d+ \d+ \d+ [a-z_]+( |$)")
DEMO_DIRS = ("user/demos", "user/bin")
# Instructions as time, and a virtual clock from a fixed date: runs repeat.
DETERMINISTIC = ["-icount", "shift=0,sleep=off", "-rtc", "base=2020-01-01T00:00:00,clock=vm"]


def demos():
    """The names of the lecture demos (user/demos/*.c)."""
    return sorted(f[:-2] for f in os.listdir(os.path.join(ROOT, "user/demos")) if f.endswith(".c"))


def is_demo(name):
    return any(os.path.exists(os.path.join(ROOT, d, name + ".c")) for d in DEMO_DIRS)


def trace_command(demo, args=""):
    """init's command line (the words after `--`): demo under trace, the raw
    events copied to the console. The kernel splits it at spaces: no
    quoting."""
    return f"/bin/trace -e all -r /dev/console -o /dev/null /bin/{demo} {args}".rstrip()


def boot(command, smp=1, deterministic=False, timeout=120):
    """The console output (text) of one boot of sysret that runs command as
    init's command and powers off."""
    cmd = ["qemu-system-x86_64", "-cpu", os.environ.get("QEMU_CPU", "max"), "-m", "512M",
           "-smp", str(smp), "-nographic", "-no-reboot",
           "-kernel", os.path.join(ROOT, "build/sysret.elf"),
           "-initrd", os.path.join(ROOT, "build/initramfs.cpio"),
           "-append", f"console=ttyS0 quiet -- {command}"]
    if deterministic:
        cmd += DETERMINISTIC
    out = subprocess.run(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                         stderr=subprocess.STDOUT, timeout=timeout).stdout
    return out.decode("utf-8", "replace").replace("\r", "")


def split_console(console):
    """(event lines, the other lines) of a console output."""
    lines = console.splitlines()
    return [l for l in lines if EVENT.match(l)], [l for l in lines if not EVENT.match(l)]


def printed(others):
    """What the demo printed: the console lines less firmware and init."""
    return [l for l in others if l and not l.startswith(("init:", "reboot:", "\x1b"))]


def run_demo(demo, args="", smp=1, deterministic=False):
    """Boots sysret, runs demo under trace: (event lines, other console
    lines). Exits with the console's last lines if no event came out."""
    events, others = split_console(boot(trace_command(demo, args), smp, deterministic))
    if not events:
        sys.exit(f"trace: {demo}: no events came out; the console said:\n" +
                 "\n".join(others[-20:]))
    return events, others


def write_trace(events, path):
    with open(path, "w") as f:
        f.write("\n".join(events) + "\n")


def draw(trace_path, timeline, tree, title):
    """Runs trace2svg.py: the timeline and the process tree of a trace file."""
    subprocess.run([sys.executable, os.path.join(HERE, "trace2svg.py"), trace_path, timeline,
                    tree, "--title", title], check=True, stdout=subprocess.DEVNULL)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("demo")
    ap.add_argument("--smp", type=int, default=1)
    ap.add_argument("--out", default=os.path.join(ROOT, "build"))
    ap.add_argument("--args", default="", help="arguments for the demo")
    ap.add_argument("--icount", action="store_true", help="the same trace every run")
    opts = ap.parse_args()
    if not is_demo(opts.demo):
        sys.exit(f"trace: no demo {opts.demo!r}; the demos: {' '.join(demos())}")
    events, others = run_demo(opts.demo, opts.args, opts.smp, opts.icount)
    base = os.path.join(opts.out, f"trace-{opts.demo}")
    write_trace(events, base + ".trace")
    with open(base + ".strace.txt", "w") as f:
        subprocess.run([os.path.join(ROOT, "build/user/bin/trace"), "--format", base + ".trace"],
                       stdout=f, check=True)
    py = sys.executable
    subprocess.run([py, os.path.join(HERE, "trace2json.py"), base + ".trace", base + ".json"], check=True)
    subprocess.run([py, os.path.join(HERE, "trace2svg.py"), base + ".trace", base + "-timeline.svg",
                    base + "-tree.svg", "--title", f"{opts.demo} on sysret, -smp {opts.smp}"], check=True)
    print(f"trace: {len(events)} events; the demo printed:")
    print("\n".join("  " + l for l in printed(others))[-2000:])
    for suffix in (".trace", ".strace.txt", ".json", "-timeline.svg", "-tree.svg"):
        print(f"  {base}{suffix}")


if __name__ == "__main__":
    main()
