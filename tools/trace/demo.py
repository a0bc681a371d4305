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

Usage: tools/trace/demo.py DEMO [--smp N] [--out DIR] [--args "..."]
"""
import argparse
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
HERE = os.path.dirname(os.path.abspath(__file__))
EVENT = re.compile(r"^\d+ \d+ \d+ [a-z_]+( |$)")


def boot(demo, smp, extra):
    """The console output of one boot that runs the demo under trace."""
    cmd = ["qemu-system-x86_64", "-cpu", os.environ.get("QEMU_CPU", "max"), "-m", "512M",
           "-smp", str(smp), "-nographic", "-no-reboot",
           "-kernel", os.path.join(ROOT, "build/sysret.elf"),
           "-initrd", os.path.join(ROOT, "build/initramfs.cpio"),
           "-append", f"console=ttyS0 quiet -- /bin/trace -e all -r /dev/console -o /dev/null "
                      f"/bin/{demo} {extra}".rstrip()]
    out = subprocess.run(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                         stderr=subprocess.STDOUT, timeout=120).stdout
    return out.decode("utf-8", "replace").replace("\r", "")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("demo")
    ap.add_argument("--smp", type=int, default=1)
    ap.add_argument("--out", default=os.path.join(ROOT, "build"))
    ap.add_argument("--args", default="", help="arguments for the demo")
    opts = ap.parse_args()
    if not any(os.path.exists(os.path.join(ROOT, d, opts.demo + ".c")) for d in ("user/demos", "user/bin")):
        demos = sorted(f[:-2] for f in os.listdir(os.path.join(ROOT, "user/demos")) if f.endswith(".c"))
        sys.exit(f"trace: no demo {opts.demo!r}; the demos: {' '.join(demos)}")
    console = boot(opts.demo, opts.smp, opts.args)
    events = [l for l in console.splitlines() if EVENT.match(l)]
    others = [l for l in console.splitlines() if not EVENT.match(l)]
    if not events:
        sys.exit("trace: no events came out; the console said:\n" + "\n".join(others[-20:]))
    base = os.path.join(opts.out, f"trace-{opts.demo}")
    with open(base + ".trace", "w") as f:
        f.write("\n".join(events) + "\n")
    with open(base + ".strace.txt", "w") as f:
        subprocess.run([os.path.join(ROOT, "build/user/bin/trace"), "--format", base + ".trace"],
                       stdout=f, check=True)
    py = sys.executable
    subprocess.run([py, os.path.join(HERE, "trace2json.py"), base + ".trace", base + ".json"], check=True)
    subprocess.run([py, os.path.join(HERE, "trace2svg.py"), base + ".trace", base + "-timeline.svg",
                    base + "-tree.svg", "--title", f"{opts.demo} on sysret, -smp {opts.smp}"], check=True)
    print(f"trace: {len(events)} events; the demo printed:")
    print("\n".join("  " + l for l in others if l and not l.startswith(("init:", "reboot:", "\x1b")))[-2000:])
    for suffix in (".trace", ".strace.txt", ".json", "-timeline.svg", "-tree.svg"):
        print(f"  {base}{suffix}")


if __name__ == "__main__":
    main()
