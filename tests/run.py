#!/usr/bin/env python3
"""Runs every sysret test: host unit tests, then QEMU boot tests.

Each check prints PASS or FAIL; the last line is "N passed, M failed" and the
exit status is non-zero if anything failed. Every QEMU run has a wall-clock
bound, so nothing can hang the harness.
"""
import glob
import os
import re
import shutil
import subprocess
import sys
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BUILD = os.path.join(ROOT, "build")
KERNEL = os.path.join(BUILD, "sysret.elf")
INITRD = os.path.join(BUILD, "initramfs.cpio")
QEMU_CPU = os.environ.get("QEMU_CPU", "max")

results = {"passed": 0, "failed": 0, "skipped": 0}

# Behaviour QEMU's software emulation (TCG) does not have, so no kernel can
# show it there. Such a test is reported as skipped while it fails, and as a
# failure if it ever passes (then this entry should go).
EMULATOR_LIMITS = {
    "fault_alignment_check_sigbus": "TCG does not raise #AC for misaligned accesses with EFLAGS.AC set",
}


# Behaviour the kernel does not have yet (each a FIXME in the kernel): reported
# as skipped while it fails, as a failure once it passes.
KERNEL_GAPS = {
}


def report(ok, name, detail=""):
    results["passed" if ok else "failed"] += 1
    print(f"{'PASS' if ok else 'FAIL'} {name}" + (f": {detail}" if detail and not ok else ""))
    sys.stdout.flush()


def report_limited(ok, name, test, detail):
    """report() for a test on the EMULATOR_LIMITS list."""
    if ok:
        report(False, name, f"passes now: take {test} off EMULATOR_LIMITS / KERNEL_GAPS")
    else:
        results["skipped"] += 1
        print(f"SKIP {name}: {EMULATOR_LIMITS.get(test) or KERNEL_GAPS[test]}")


# ---------------------------------------------------------------- unit tests

UNIT_TESTS = {
    "exceptions": ["kernel/arch/x86_64/exceptions.c"],
    "frame": ["kernel/mm/frame.c"],
    "cpio": ["kernel/fs/cpio.c"],
    "cmdline": ["kernel/cmdline.c", "kernel/lib/string.c"],
    "syscall_numbers": [],
}


def make_cpio_fixture():
    """A directory with every kind of entry, packed by GNU cpio as Linux images are."""
    src = os.path.join(BUILD, "tests", "cpio-src")
    shutil.rmtree(src, ignore_errors=True)
    os.makedirs(os.path.join(src, "bin", "deep", "er"))
    files = {"init": b"\x7fELF" + bytes(range(256)) * 3, "empty": b"",
             "bin/odd": b"12345", "bin/deep/er/four": b"abcd", "bin/deep/seven": b"1234567"}
    for name, data in files.items():
        with open(os.path.join(src, name), "wb") as f:
            f.write(data)
    os.chmod(os.path.join(src, "init"), 0o755)
    os.symlink("bin/odd", os.path.join(src, "link"))
    os.symlink("/nowhere/at/all", os.path.join(src, "dangling"))
    archive = os.path.join(BUILD, "tests", "fixture.cpio")
    names = subprocess.run(["find", ".", "-mindepth", "1"], cwd=src, capture_output=True,
                           text=True, check=True).stdout
    names = "\n".join(sorted(names.split())) + "\n"
    with open(archive, "wb") as out:
        subprocess.run(["cpio", "--quiet", "-o", "-H", "newc"], cwd=src, input=names.encode(),
                       stdout=out, check=True)
    return [archive, src]


def run_unit_tests():
    os.makedirs(os.path.join(BUILD, "tests"), exist_ok=True)
    for name, sources in UNIT_TESTS.items():
        exe = os.path.join(BUILD, "tests", f"test_{name}")
        cmd = ["gcc", "-std=gnu11", "-g", "-O1", "-Wall", "-Wextra", "-Werror",
               "-fsanitize=address,undefined", "-fno-sanitize-recover=all",
               "-iquote", "kernel/include", "-iquote", "kernel/arch/x86_64",
               "-o", exe, f"tests/unit/test_{name}.c"] + sources
        built = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
        if built.returncode:
            report(False, f"unit {name} builds", built.stderr[-2000:])
            continue
        args = make_cpio_fixture() if name == "cpio" else []
        try:
            run = subprocess.run([exe] + args, capture_output=True, text=True, timeout=120)
            out, rc = run.stdout + run.stderr, run.returncode
        except subprocess.TimeoutExpired:
            out, rc = "timed out", -1
        tally = [l for l in out.splitlines() if l.startswith(f"{name}: ")]
        report(rc == 0 and bool(tally), f"unit {name}" + (f" ({tally[-1].split(': ')[1]})" if tally else ""),
               out[-3000:])


def run_host_script(label, script):
    """A test script of its own (the tools' behaviour against coreutils on this host)."""
    try:
        run = subprocess.run([sys.executable, script], cwd=ROOT, capture_output=True, text=True,
                             timeout=300)
        out, rc = run.stdout + run.stderr, run.returncode
    except subprocess.TimeoutExpired:
        out, rc = "timed out", -1
    tally = [l for l in out.splitlines() if re.match(r"^\d+ passed, \d+ failed", l)]
    report(rc == 0 and bool(tally), f"{label} on the host ({tally[-1] if tally else 'no tally'})",
           out[-3000:])


# ---------------------------------------------------------------- boot tests

class Boot:
    """One QEMU run: output with arrival times, and whether QEMU ended by itself."""

    def __init__(self, append, smp=2, cpu=None, initrd=True, timeout=60, keys=None, mem="512M"):
        cmd = ["qemu-system-x86_64", "-cpu", cpu or QEMU_CPU, "-m", mem, "-smp", str(smp),
               "-nographic", "-no-reboot", "-kernel", KERNEL, "-append", "console=ttyS0 " + append]
        if initrd:
            cmd += ["-initrd", INITRD if initrd is True else initrd]
        self.lines = []          # (seconds since start, text)
        self.start = time.monotonic()
        proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                stderr=subprocess.STDOUT)
        reader = threading.Thread(target=self._read, args=(proc, keys or {}), daemon=True)
        reader.start()
        try:
            proc.wait(timeout=timeout)
            self.exited = True
        except subprocess.TimeoutExpired:
            self.exited = False
        proc.kill()
        proc.wait()
        reader.join(timeout=5)
        self.elapsed = time.monotonic() - self.start
        self.text = "\n".join(t for _, t in self.lines)

    def _read(self, proc, keys):
        """Collects lines; types each (trigger, keys) pair's keys once its trigger
        shows up in the output after the previous trigger."""
        buf, pending, raw, pos = b"", list(keys), "", 0
        while True:
            chunk = proc.stdout.read1(4096)
            if not chunk:
                break
            buf += chunk
            raw += chunk.decode("utf-8", "replace")
            while b"\n" in buf:
                line, buf = buf.split(b"\n", 1)
                text = line.decode("utf-8", "replace").rstrip("\r")
                self.lines.append((time.monotonic() - self.start, text))
            while pending and raw.find(pending[0][0], pos) >= 0:
                trigger, key, *delay = pending.pop(0)
                pos = raw.find(trigger, pos) + len(trigger)
                if delay:	# let what was typed before take effect (a job start, say)
                    time.sleep(delay[0])
                try:
                    proc.stdin.write(key)
                    proc.stdin.flush()
                except OSError:
                    pass
        if buf:
            self.lines.append((time.monotonic() - self.start, buf.decode("utf-8", "replace")))

    def kernel_lines(self):
        """The kernel's output: from its first line on (the firmware's banner cut off)."""
        for i, (_, t) in enumerate(self.lines):
            k = t.find("sysret")
            if k >= 0:
                return [t[k:]] + [t for _, t in self.lines[i + 1:]]
        return []

    def when(self, needle):
        for at, t in self.lines:
            if needle in t:
                return at
        return None

    def has(self, needle):
        return needle in self.text


def expect(boot, name, needles, absent=(), exited=True):
    missing = [n for n in needles if not boot.has(n)]
    present = [n for n in absent if boot.has(n)]
    ok = not missing and not present and boot.exited == exited
    detail = (f"missing {missing}; unexpected {present}; QEMU exited: {boot.exited} "
              f"(want {exited}); output tail:\n" + "\n".join(boot.text.splitlines()[-25:]))
    report(ok, name, detail)


def selftest_boot(label, smp, cpu=None, extra="", mem="512M"):
    b = Boot(f"selftest panic=-1 {extra}", smp=smp, cpu=cpu, mem=mem,
             keys=[("selftest: serial: press a key", b"x")])
    kl = b.kernel_lines()
    report(bool(kl) and kl[0].startswith("sysret"), f"{label}: first line starts with sysret",
           (kl or ["(no output)"])[0])
    expect(b, f"{label}: {smp} CPUs online", [f"smp: {smp} of {smp} CPUs online"], exited=b.exited)
    tests = [l for l in b.text.splitlines() if l.startswith("selftest: PASS") or l.startswith("selftest: FAIL")]
    for line in tests:
        verdict, rest = line[len("selftest: "):].split(" ", 1)
        report(verdict == "PASS", f"{label}: selftest {rest.split(':')[0]}", rest)
    expect(b, f"{label}: all {len(tests)} self-tests ran and passed, then ACPI power-off",
           [f"selftest: {len(tests)} passed, 0 failed"], absent=["Kernel panic", "did not work"])
    report(len(tests) >= 10, f"{label}: at least 10 self-tests", f"{len(tests)} ran")
    return b


CRASHES = {
    "pf": ["vector 14 #PF Page Fault (fault)", "page not present, write, kernel mode", "CR2 0x10"],
    "ud": ["vector 6 #UD Invalid Opcode (fault)"],
    "de": ["vector 0 #DE Divide Error (fault)"],
    "gp": ["vector 13 #GP General Protection (fault)"],
    "df": ["vector 8 #DF Double Fault (abort)", "overflow_stack+"],
}


def run_boot_tests():
    timings = []
    for label, smp, cpu, extra, mem in [("smp1", 1, None, "", "512M"),
                                        ("smp4", 4, None, "quiet foo=bar nonsense", "512M"),
                                        ("qemu64-smp2", 2, "qemu64", "", "512M"),
                                        ("smp2-4G", 2, None, "quiet", "4G")]:
        b = selftest_boot(label, smp, cpu, extra, mem)
        first, online = b.when("sysret"), b.when("CPUs online")
        if first is not None and online is not None:
            timings.append(f"{label}: first line {first:.2f} s, all CPUs online {online:.2f} s "
                           f"after QEMU started")
        if label == "smp1":
            expect(b, "smp1: info lines shown without quiet", ["mem: ", "acpi: ", "timer: "])
        if label == "smp4":
            expect(b, "smp4: quiet hides info lines, unknown options ignored",
                   ["selftest: PASS"], absent=["mem: ", "acpi: ", "cmdline: "])
        if label == "smp2-4G":
            expect(b, "4G: RAM above 4 GiB is direct-mapped", ["up to 0x140000000, 0 not mapped"])
        if label == "qemu64-smp2":
            expect(b, "qemu64: runs without SMEP/SMAP/XSAVE", ["SMEP absent", "XSAVE absent"])

    for kind, needles in CRASHES.items():
        b = Boot(f"crash={kind} panic=-1 quiet", smp=2, timeout=60)
        expect(b, f"oops on crash={kind}: names the vector, backtrace, panic=-1 resets",
               needles + ["oops: ", "backtrace:", "selftest_crash+", "Kernel panic", "Rebooting now"])
    b = Boot("crash=lock panic=-1 quiet", smp=2)
    expect(b, "recursive spinlock panics", ["spinlock crash: recursive acquire on CPU 0", "Rebooting now"])

    b = Boot("panic=-1", initrd=False)
    expect(b, "no initramfs: says so and panics", ["no initramfs", "-initrd", "Kernel panic"])
    b = Boot("panic=-1 init=/sbin/nope")
    expect(b, "init= names a missing program: panic", ["Requested init /sbin/nope failed (error 2)"])
    b = Boot("panic=-1 quiet", timeout=20,
             keys=[("# ", b"cd /dev\n"), ("# ", b"pwd\n"), ("# ", b"exit\n"), ("# ", b"/nowhere\n"),
                   ("not found", b"\x01x")])
    expect(b, "boot to a shell prompt; cd, pwd, exit (init starts a new shell)",
           ["# pwd", "/dev", "# /nowhere", "sh: /nowhere: not found"], absent=["Kernel panic"])

    b = Boot("crash=ud panic=1 quiet", timeout=60)
    said, end = b.when("Rebooting in 1 seconds"), b.elapsed
    expect(b, "panic=1 resets after a second", ["Rebooting in 1 seconds"])
    report(said is not None and end - said >= 0.9, "panic=1 waits about a second before the reset",
           f"message at {said}, QEMU gone at {end:.2f}")
    b = Boot("crash=ud quiet", timeout=8)
    expect(b, "panic=0 (default) halts for good", ["end Kernel panic"], exited=False)
    return timings


# ---------------------------------------------------------------- ABI tests

def pack_initramfs(root, archive):
    """cpio newc of the tree at root, byte-reproducible (sorted, owner 0:0)."""
    files = subprocess.run(["find", ".", "-mindepth", "1"], cwd=root, capture_output=True,
                           text=True, check=True).stdout.split()
    with open(archive, "wb") as out:
        subprocess.run(["cpio", "--quiet", "-o", "-H", "newc", "-R", "0:0", "--reproducible"],
                       cwd=root, input=("\n".join(sorted(files)) + "\n").encode(), stdout=out,
                       check=True)


def abi_initramfs(names):
    """An initramfs with init, the shell, and the ABI test binaries in /abi."""
    root = os.path.join(BUILD, "abi", "root")
    shutil.rmtree(root, ignore_errors=True)
    os.makedirs(os.path.join(root, "bin"))
    os.makedirs(os.path.join(root, "abi"))
    shutil.copy(os.path.join(BUILD, "user", "init"), os.path.join(root, "init"))
    shutil.copy(os.path.join(BUILD, "user", "sh"), os.path.join(root, "bin", "sh"))
    bindir = os.path.join(BUILD, "abi", "bin")
    for name in os.listdir(bindir):	# the tests, their aux_ helpers, the runner
        shutil.copy(os.path.join(bindir, name), os.path.join(root, "abi", name))
    archive = os.path.join(BUILD, "abi", "initramfs.cpio")
    pack_initramfs(root, archive)
    return archive


def run_abi_tests():
    """Every tests/abi program on the host (the expected output) and inside
    sysret on 1 and 2 CPUs, in one boot each; then the free memory check."""
    sys.path.insert(0, os.path.join(ROOT, "tests", "abi"))
    import abi
    try:
        names = abi.build(BUILD)
    except RuntimeError as e:
        report(False, "abi tests build", str(e))
        return
    expected = abi.expected(BUILD, names)
    report(len(expected) == len(names), f"abi: {len(names)} programs ran on the host",
           f"only {len(expected)} finished")
    initrd = abi_initramfs(names)
    for smp in (1, 2):
        b = Boot("quiet panic=-1 -- /abi/runner /abi " + " ".join(names), smp=smp,
                 initrd=initrd, timeout=600)
        actual = abi.parse(b.text)
        for name, ok, detail in abi.compare(expected, actual):
            if name in EMULATOR_LIMITS or name in KERNEL_GAPS:
                report_limited(ok, f"abi smp{smp}: {name}", name, detail)
            else:
                report(ok, f"abi smp{smp}: {name}", detail)
        m = re.search(r"init: free memory (\d+) before, (\d+) after", b.text)
        report(bool(m) and m.group(1) == m.group(2),
               f"abi smp{smp}: free memory back to its starting value after the suite",
               m.group(0) if m else "no report from init:\n" + "\n".join(b.text.splitlines()[-20:]))


# ---------------------------------------------------------------- terminal

def tty_scenario(prompt, ps_cmd):
    """Job control as a person types it at the console: keys after prompts."""
    p = prompt
    return [
        (p, b"sleep 100\n"), ("sleep 100", b"\x1a", 1.0),	# ^Z a foreground job
        (p, b"jobs\n"), (p, b"bg\n"), (p, b"fg\n", 0.3),
        ("sleep 100", b"\x03", 1.0),				# ^C it
        (p, b"echo back $?\n"),
        (p, b"sleep 100 | cat\n"), ("| cat", b"\x1a", 1.0),	# a pipeline stops as one job
        (p, b"jobs\n"), (p, b"kill %1\n"), (p, b"jobs\n", 0.5),
        (p, b"cat &\n"), (p, b"jobs\n", 1.0),			# SIGTTIN stops a background reader
        (p, b"sleep 50 &\n"), (p, b"kill -STOP %2\n"),
        (p, ps_cmd + b"\n", 0.5),
        (p, b"\x01x"),						# leave QEMU
    ]


TTY_EXPECT = ["Stopped", "back 130", "Terminated", "tty input"]


def run_tty_tests():
    """tests/tty: the console driven key by key, against our shell and busybox sh."""
    p = "\n# "
    extra = [(p, b"zombie 3 &\n"), ("zombie for", b"ps\n", 0.5),	# a zombie shows as Z
             # a stopped process whose group is orphaned gets SIGHUP, then SIGCONT
             (p, b"sh -c 'int & sleep 0.5; kill -STOP $!; sleep 0.3'\n"), (p, b"sleep 1\n", 1.0),
             (p, b"\x01x")]
    ours = Boot("quiet panic=-1", smp=2, timeout=90, keys=tty_scenario(p, b"ps")[:-1] + extra)
    for needle in ["Stopped", "back 130", "Terminated"]:
        expect(ours, f"tty (our sh): the console shows \"{needle}\"", [needle], exited=True)
    ps_lines = [l for l in ours.text.splitlines() if re.match(r"^\s+\d+\s+\d+\s+\d+\s+\d+ [RSTZ]", l)]
    states = {l.split()[4][0] for l in ps_lines}
    report({"R", "S", "T", "Z"} <= states, "tty (our sh): ps shows R, S, T and Z processes",
           "\n".join(ps_lines) or ours.text[-2000:])
    report(any(l.split()[4] == "R+" for l in ps_lines), "tty (our sh): ps marks the foreground job with +",
           "\n".join(ps_lines))
    expect(ours, "tty (our sh): an orphaned stopped group gets SIGHUP", ["HUP"], exited=True)
    stopped_cat = [l for l in ps_lines if l.endswith(" cat") and l.split()[4] == "T"]
    report(bool(stopped_cat), "tty (our sh): a background reader is stopped by SIGTTIN (T)",
           "\n".join(ps_lines))
    busybox = shutil.which("busybox")
    if not busybox:
        report(False, "tty (busybox sh): busybox is installed", "")
        return
    root = os.path.join(BUILD, "tty", "root")
    shutil.rmtree(root, ignore_errors=True)
    os.makedirs(os.path.join(root, "bin"))
    shutil.copy(os.path.join(BUILD, "user", "init"), os.path.join(root, "init"))
    shutil.copy(busybox, os.path.join(root, "bin", "busybox"))
    for applet in ["sh", "sleep", "cat", "ps", "kill", "echo", "stty", "dd", "od", "head", "wc"]:
        os.symlink("busybox", os.path.join(root, "bin", applet))
    archive = os.path.join(BUILD, "tty", "initramfs.cpio")
    pack_initramfs(root, archive)
    p = "/ # "
    termios = [  # non-canonical input (VMIN, VTIME) and TOSTOP, set with busybox stty
        (p, b"stty -icanon min 3\n"), (p, b"dd bs=3 count=1 | od -c\n"),
        ("od -c", b"xyz", 1.0), (p, b"stty icanon\n"),
        (p, b"stty -icanon min 0 time 5\n"), (p, b"dd bs=9 count=1 | wc -c\n"),
        (p, b"stty icanon\n"),
        (p, b"stty tostop\n"), (p, b"echo to-the-terminal &\n"), (p, b"jobs\n", 1.0),
        (p, b"stty -tostop\n"), (p, b"fg\n"),
        (p, b"stty -echo &\n"), (p, b"jobs\n", 1.0), (p, b"fg\n"), (p, b"stty echo\n"),
        (p, b"echo dev\"-\"tty\"-\"ok > /dev/tty\n"), (p, b"\x01x", 0.5)]
    bb = Boot("quiet panic=-1", smp=2, timeout=90, initrd=archive,
              keys=tty_scenario(p, b"ps -o pid,stat,comm")[:-1] + termios)
    for needle in TTY_EXPECT:
        expect(bb, f"tty (busybox sh): the console shows \"{needle}\"", [needle], exited=True)
    expect(bb, "tty (busybox sh): VMIN 3 returns three bytes typed without a newline",
           ["0000000   x   y   z"], exited=True)
    report(re.search(r"\n0\r?\n", bb.text) is not None,
           "tty (busybox sh): VTIME with VMIN 0 returns nothing after its timeout", bb.text[-1500:])
    expect(bb, "tty (busybox sh): TOSTOP stops a background writer (SIGTTOU)",
           ["tty output", "to-the-terminal"], exited=True)
    report(bb.text.count("tty output") >= 2, "tty (busybox sh): a background terminal-mode change "
           "stops with SIGTTOU", bb.text[-1500:])
    expect(bb, "tty (busybox sh): /dev/tty is the controlling terminal", ["dev-tty-ok"], exited=True)
    bb_ps = [l.split() for l in bb.text.splitlines() if re.match(r"^\s*\d+ [RSTZ]\S* +\S", l)]
    report({"R", "S", "T"} <= {f[1][0] for f in bb_ps}, "tty (busybox sh): ps shows R, S and T",
           bb.text[-2000:])


# ---------------------------------------------------------------- busybox

def run_busybox_tests():
    """Debian's busybox-static (glibc, unmodified): each tests/busybox case
    under `busybox sh` on the host (expected) and inside sysret (actual)."""
    sys.path.insert(0, os.path.join(ROOT, "tests", "abi"))
    import abi
    busybox = shutil.which("busybox")
    if not busybox:
        report(False, "busybox is installed", "scripts/deps.sh installs busybox-static")
        return
    cases = os.path.join(ROOT, "tests", "busybox", "cases")
    runner = os.path.join(ROOT, "tests", "busybox", "run.sh")
    host = subprocess.run([busybox, "sh", runner, cases], capture_output=True, text=True,
                          cwd="/tmp", timeout=120, env={"PATH": "/bin:/usr/bin"})
    expected = abi.parse(host.stdout)
    names = sorted(f[:-3] for f in os.listdir(cases) if f.endswith(".sh"))
    report(len(expected) == len(names), f"busybox: {len(names)} cases ran on the host",
           host.stdout[-2000:] + host.stderr[-2000:])
    root = os.path.join(BUILD, "busybox", "root")
    shutil.rmtree(root, ignore_errors=True)
    os.makedirs(os.path.join(root, "bin"))
    shutil.copy(os.path.join(BUILD, "user", "init"), os.path.join(root, "init"))
    shutil.copy(busybox, os.path.join(root, "bin", "busybox"))
    shutil.copytree(os.path.join(ROOT, "tests", "busybox"), os.path.join(root, "bbtests"))
    archive = os.path.join(BUILD, "busybox", "initramfs.cpio")
    pack_initramfs(root, archive)
    for smp in (1, 2):
        b = Boot("quiet panic=-1 -- /bin/busybox sh /bbtests/run.sh /bbtests/cases", smp=smp,
                 initrd=archive, timeout=300)
        for name, ok, detail in abi.compare(expected, abi.parse(b.text)):
            report(ok, f"busybox smp{smp}: {name}", detail)
        m = re.search(r"init: free memory (\d+) before, (\d+) after", b.text)
        report(bool(m) and m.group(1) == m.group(2),
               f"busybox smp{smp}: free memory back to its starting value",
               m.group(0) if m else "no report from init")


# ---------------------------------------------------------------- benchmarks

def run_bench_smoke():
    """Every benchmark program runs on sysret (bench/init.c's quick set, tiny
    counts, on 2 CPUs) and prints its result line. The figures are not
    checked: benchmarks never fail a test; that they run at all is."""
    initrd = os.path.join(BUILD, "bench.cpio")
    if not os.path.exists(initrd):
        report(False, "bench: build/bench.cpio exists (make builds it)")
        return
    names = set()
    for src in glob.glob(os.path.join(ROOT, "bench", "*.c")):
        names.update(re.findall(r'report\("([a-z_0-9]+)"', open(src).read()))
    b = Boot("quiet panic=-1 -- quick", smp=2, initrd=initrd, mem="1G", timeout=300)
    got = dict(re.findall(r"(?m)(?:^|[^a-z_0-9])([a-z][a-z_0-9]*) (\d+) (?:ns|MiB/s)\r?$", b.text))
    missing = sorted(names - set(got))
    report(not missing, f"bench: each of the {len(names)} fixed-name results printed", f"missing: {missing}")
    dynamic = [p for p in ("scale_sleeping_", "scale_runnable_", "wait4_", "kill_group_")
               if not any(k.startswith(p) for k in got)]
    report(not dynamic, "bench: the scaling runs printed theirs", f"none for {dynamic}")
    failed = [l for l in b.text.splitlines() if "failed status" in l or l.startswith("bench: /bin/")]
    report("bench: done" in b.text and not failed, "bench: the quick suite finished, no program failed",
           "\n".join(failed or b.text.splitlines()[-15:]))


def main():
    os.chdir(ROOT)
    if not os.path.exists(KERNEL):
        print(f"{KERNEL} is missing: run make first")
        return 2
    run_unit_tests()
    run_host_script("tools", "user/bin/test_tools.py")
    run_host_script("the shell", "user/sh/test_sh.py")
    run_host_script("trace's strace-style log", "user/bin/test_trace.py")
    run_host_script("the trace pictures", "tools/trace/test_trace_tools.py")
    run_host_script("the trace end to end in QEMU", "tools/trace/test_trace_run.py")
    run_host_script("the guide's and MAP.md's references to the code", "tools/trace/check_docs.py")
    timings = run_boot_tests()
    run_abi_tests()
    run_busybox_tests()
    run_tty_tests()
    run_bench_smoke()
    for t in timings:
        print("time:", t)
    size = os.path.getsize(KERNEL)
    print(f"size: build/sysret.elf {size} bytes")
    print(f"{results['passed']} passed, {results['failed']} failed, {results['skipped']} skipped")
    return 1 if results["failed"] else 0


if __name__ == "__main__":
    sys.exit(main())
