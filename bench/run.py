#!/usr/bin/env python3
"""make bench: the same benchmark programs on sysret and on Debian's Linux, in
the same QEMU (CPU model, memory, CPU count), and the ratio sysret/Linux.

Under `-icount shift=0,sleep=off` QEMU's virtual clock advances one
nanosecond per guest instruction, so every figure in "ns" is an instruction
count and repeats exactly from run to run. A second run without icount gives
wall-clock figures (noisy, but they see what icount cannot: TLB flushes,
cache misses). Results go to stdout and to bench/RESULTS.md.

Usage: bench/run.py [--smp 1,2] [--quick] [--no-wall] [--no-scale] [--out FILE]
"""
import argparse
import datetime
import glob
import os
import re
import subprocess
import sys
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SYSRET = os.path.join(ROOT, "build/sysret.elf")
INITRD = os.path.join(ROOT, "build/bench.cpio")
QEMU_CPU = os.environ.get("QEMU_CPU", "max")
MEM = "1G"
ICOUNT = ["-icount", "shift=0,sleep=off", "-rtc", "base=2020-01-01T00:00:00,clock=vm"]

# Operation, what Linux 6.1 needs here (from the issue, for the reader), and
# the target ratio sysret/Linux under icount.
TARGETS = {
    "boot_to_init": 0.01,
    "page_fault": 0.4,
    "cow_fault": 0.4,
}
DEFAULT_TARGET = 0.25
# Results where more is better: their cost ratio is Linux/sysret.
RATES = {"MiB/s"}
# A result line; the first one may come after the firmware's escape codes.
LINE = re.compile(r"(?:^|[^a-z_0-9])([a-z][a-z_0-9]*) (\d+) (ns|MiB/s)$")


# QEMU (7.2) under -icount does not run a second CPU: Linux hangs bringing
# it up ("smp: Bringing up secondary CPUs ..."), and sysret's, once idle, is
# never run again. So -smp 2 is measured by the wall clock only.
ICOUNT_SMP_NOTE = ("Not measured: under `-icount` QEMU does not run a second CPU (Linux hangs "
                   "at \"Bringing up secondary CPUs\"; sysret's second CPU, once idle, never runs "
                   "again), so `-smp 2` is measured by the wall clock only.")


def linux_kernel():
    """Debian's kernel from /boot, installed with apt-get if there is none."""
    found = sorted(glob.glob("/boot/vmlinuz-*"))
    if not found:
        if os.geteuid() != 0:
            sys.exit("bench: no Linux kernel in /boot; run: sudo apt-get install -y linux-image-amd64")
        print("bench: installing linux-image-amd64", flush=True)
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        subprocess.run(["apt-get", "update", "-qq"], env=env, check=True)
        subprocess.run(["apt-get", "install", "-y", "-qq", "--no-install-recommends",
                        "linux-image-amd64"], env=env, check=True, stdout=subprocess.DEVNULL)
        found = sorted(glob.glob("/boot/vmlinuz-*"))
    return found[-1]


def qemu_line(kernel, smp, icount, args):
    cmd = ["qemu-system-x86_64", "-cpu", QEMU_CPU, "-m", MEM, "-smp", str(smp),
           "-nographic", "-no-reboot", "-kernel", kernel, "-initrd", INITRD,
           "-append", "console=ttyS0 quiet -- " + " ".join(args)]
    return cmd + (ICOUNT if icount else [])


def boot(kernel, smp, icount, args, timeout, label):
    """Runs one suite; returns {name: (value, unit)}, and the boot time to the
    first line of /init as seen from the host (for the wall-clock table).
    Each result is also shown on stderr as it comes: a suite with the scaling
    runs takes minutes on Linux."""
    cmd = qemu_line(kernel, smp, icount, args)
    start = time.monotonic()
    proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT)
    results, lines, first = {}, [], [None]

    def read():
        for raw in proc.stdout:
            text = raw.decode("utf-8", "replace").strip("\r\n")
            lines.append(text)
            m = LINE.search(text)
            if m:
                if first[0] is None:
                    first[0] = time.monotonic() - start
                results[m.group(1)] = (int(m.group(2)), m.group(3))
                print(f"  {label}: {m.group(1)} {m.group(2)} {m.group(3)}", file=sys.stderr, flush=True)
    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    try:
        proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        print(f"bench: timed out: {' '.join(cmd)}", file=sys.stderr)
    reader.join(timeout=5)
    if "bench: done" not in lines:
        print("bench: the suite did not finish; its last lines:\n  " +
              "\n  ".join(lines[-15:]), file=sys.stderr)
    for text in lines:
        if text.startswith("bench: ") and text != "bench: done":
            print(text, file=sys.stderr)
    if not icount and first[0] is not None:
        results["boot_to_init"] = (int(first[0] * 1e9), "ns")
    return results


def cost_ratio(name, ours, theirs):
    (a, unit), (b, _) = ours[name], theirs[name]
    if unit in RATES:
        a, b = b, a
    return a / b if b else float("inf")


def table(title, ours, theirs, targets):
    out = [f"### {title}", "",
           "| operation | sysret | Linux | unit | sysret/Linux |" + (" target | |" if targets else ""),
           "|---|---:|---:|---|---:|" + ("---:|---|" if targets else "")]
    for name in ours:
        if name.startswith(("scale_", "wait4_", "kill_group_")) or name not in theirs:
            continue
        r = cost_ratio(name, ours, theirs)
        row = f"| {name} | {ours[name][0]:,} | {theirs[name][0]:,} | {ours[name][1]} | {r:.3f} |"
        if targets:
            t = TARGETS.get(name, DEFAULT_TARGET)
            row += f" ≤ {t} | {'met' if r <= t else '**missed**'} |"
        out.append(row)
    return out + [""]


def scale_table(title, kernels):
    """Rows: operation; columns: each mode and count, per kernel; the last
    columns show the cost with the most processes over the cost with none."""
    out = [f"### {title}", ""]
    for kname, res in kernels:
        cells = {}
        for name, (v, _) in res.items():
            m = re.match(r"scale_(sleeping|runnable)_(\d+)_(\w+)$", name)
            if m:
                cells.setdefault(m.group(3), {})[(m.group(1), int(m.group(2)))] = v
        if not cells:
            continue
        cols = sorted({c for row in cells.values() for c in row}, key=lambda c: (c[0] != "sleeping", c[1]))
        out += [f"{kname} (ns per operation; sleeping: wall time, runnable: the process's own CPU time)", "",
                "| operation | " + " | ".join(f"{m} {n}" for m, n in cols) + " | 1000 sleeping / 0 | 1000 runnable / 0 |",
                "|---|" + "---:|" * (len(cols) + 2)]
        for op, row in cells.items():
            base = row.get(("sleeping", 0))
            ratios = [f"{row[(m, 1000)] / base:.2f}" if base and (m, 1000) in row else "" for m in ("sleeping", "runnable")]
            out.append(f"| {op} | " + " | ".join(f"{row.get(c, ''):,}" if c in row else "" for c in cols)
                       + " | " + " | ".join(ratios) + " |")
        others = {k: v for k, v in res.items() if k.startswith(("wait4_", "kill_group_"))}
        if others:
            out += ["", "| operation | ns per call |", "|---|---:|"]
            out += [f"| {k} | {v[0]:,} |" for k, v in sorted(others.items())]
        out.append("")
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--smp", default="1,2")
    ap.add_argument("--quick", action="store_true", help="tiny iteration counts (a smoke run)")
    ap.add_argument("--no-wall", action="store_true")
    ap.add_argument("--no-scale", action="store_true")
    ap.add_argument("--no-linux", action="store_true")
    ap.add_argument("--out", default=os.path.join(ROOT, "bench/RESULTS.md"))
    opts = ap.parse_args()
    linux = None if opts.no_linux else linux_kernel()
    args = ["quick"] if opts.quick else ([] if opts.no_scale else ["scale"])
    # The scaling runs only under icount: in wall time they would mostly
    # measure the host, and on Linux they take many minutes.
    wall_args = [a for a in args if a != "scale"]
    report = []
    for smp in [int(s) for s in opts.smp.split(",")]:
        for icount in ([True] if opts.no_wall else [True, False]):
            mode = "icount (1 ns = 1 instruction)" if icount else "wall clock (noisy)"
            if icount and smp > 1:
                lines = [f"### -smp {smp}, {mode}", "", ICOUNT_SMP_NOTE, ""]
                print("\n".join(lines), flush=True)
                report += lines
                continue
            print(f"bench: -smp {smp}, {mode}", flush=True)
            run_args = args if icount else wall_args
            ours = boot(SYSRET, smp, icount, run_args, 3600, "sysret")
            theirs = boot(linux, smp, icount, run_args, 3600, "Linux") if linux else {}
            lines = table(f"-smp {smp}, {mode}", ours, theirs or ours, icount and linux)
            if icount and not opts.no_scale:
                lines += scale_table(f"Scaling, -smp {smp}, {mode}",
                                     [("sysret", ours), ("Linux", theirs)])
            print("\n".join(lines), flush=True)
            report += lines
    if opts.quick or opts.no_linux:
        return
    kver = os.path.basename(linux).replace("vmlinuz-", "")
    head = ["# Benchmarks: sysret against Linux in the same emulator", "",
            f"Measured {datetime.date.today().isoformat()} by `make bench` (bench/run.py).",
            f"Linux: Debian's `linux-image-amd64`, kernel {kver}, booted from /boot.", "",
            "QEMU line (the kernel and `-smp` vary; the wall-clock runs drop the icount options):", "",
            "    " + " ".join(qemu_line("KERNEL", "N", True, args)).replace(ROOT + "/", ""), ""]
    notes = os.path.join(ROOT, "bench/NOTES.md")
    tail = open(notes).read().splitlines() if os.path.exists(notes) else []
    with open(opts.out, "w") as f:
        f.write("\n".join(head + report + tail) + "\n")
    print(f"bench: wrote {opts.out}")


if __name__ == "__main__":
    main()
