#!/usr/bin/env python3
"""Builds user/bin/trace.c with musl-gcc and checks its strace-style log on the host Linux.

    python3 user/bin/test_trace.py [-v]

There is no /proc/trace here, so the checks feed raw trace lines, written
by hand after docs/TRACE.md, through the hidden `trace --format FILE` and
compare the log with what `strace -f` prints for the same events. One check
goes further: it runs a small static program under the host's strace and
asks for the same lines, byte for byte, from a trace of the same calls
(skipped if strace is not installed). Each check prints PASS or FAIL; the
last line is "N passed, M failed", and the exit status is 1 if anything
failed. Every run has a time limit.
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
CFLAGS = ["-static", "-O2", "-Wall", "-Wextra", "-Werror"]
VERBOSE = "-v" in sys.argv

results = {"passed": 0, "failed": 0}
TMP = ""        # the scratch directory, set by main()


def report(ok, name, detail=""):
    results["passed" if ok else "failed"] += 1
    print(f"{'PASS' if ok else 'FAIL'} {name}" + (f": {detail}" if detail and (not ok or VERBOSE) else ""))
    sys.stdout.flush()


def tool():
    return os.path.join(TMP, "trace")


def run(argv, **kw):
    """Runs argv to completion (10 s at most); returns CompletedProcess with text output."""
    kw.setdefault("capture_output", True)
    kw.setdefault("text", True)
    kw.setdefault("timeout", 10)
    return subprocess.run(argv, **kw)


def decode(raw, *opts):
    """The log `trace [opts] --format FILE` prints for the raw lines."""
    path = os.path.join(TMP, "raw.trace")
    with open(path, "w") as f:
        f.write(raw.strip("\n") + "\n")
    r = run([tool(), *opts, "--format", path])
    if r.returncode != 0 or r.stderr:
        report(False, f"trace --format {opts} runs", repr(r))
    return r.stdout


def expect(name, raw, want, *opts):
    """The log must be exactly the lines want."""
    got = decode(raw, *opts)
    want = "".join(l + "\n" for l in want)
    report(got == want, name, f"\n--- got\n{got}--- wanted\n{want}")


def expect_lines(name, raw, want, *opts):
    """Each of the lines want must be in the log."""
    got = decode(raw, *opts).splitlines()
    missing = [l for l in want if l not in got]
    report(not missing, name, f"missing {missing} in\n" + "\n".join(got))


def enter(ts, pid, nr, name, *args, s=None, cpu=0):
    a = ",".join(hex(x & (1 << 64) - 1) for x in (list(args) + [0] * 6)[:6])
    line = f"{ts} {cpu} {pid} sys_enter nr={nr} name={name} args={a}"
    return line + (f' str="{s[0]}" strlen={s[1]}' if s else "")


def leave(ts, pid, nr, name, ret, s=None, cpu=0):
    line = f"{ts} {cpu} {pid} sys_exit nr={nr} name={name} ret={ret}"
    return line + (f' str="{s[0]}" strlen={s[1]}' if s else "")


def trace(*lines):
    return "\n".join(lines)


# --- one process ----------------------------------------------------------------

def test_calls():
    expect("write(1, \"hi\\n\", 3) = 3",
           trace(enter(1, 7, 1, "write", 1, 0x4020e0, 3, s=("hi\\n", 3)), leave(2, 7, 1, "write", 3)),
           ['write(1, "hi\\n", 3)                     = 3'])
    long = "0123456789" * 4 + "\\n"
    expect("a write longer than 32 bytes is cut with ...",
           trace(enter(1, 7, 1, "write", 1, 0x4020e0, 41, s=(long, 41)), leave(2, 7, 1, "write", 41)),
           ['write(1, "01234567890123456789012345678901"..., 41) = 41'])
    expect("strace's escapes: \\1 but \\001 before a digit, \\377, \\t, \\\", \\\\",
           trace(enter(1, 7, 1, "write", 4, 0x402000, 10, s=('x\\x01\\"\\\\\\ty\\xff\\x011\\x00a', 10)),
                 leave(2, 7, 1, "write", 10)),
           ['write(4, "x\\1\\"\\\\\\ty\\377\\0011\\0a", 10)  = 10'])
    expect("openat with ENOENT",
           trace(enter(1, 7, 257, "openat", -100, 0x402010, 0o2000000, s=("/etc/nope", 9)),
                 leave(2, 7, 257, "openat", -2)),
           ['openat(AT_FDCWD, "/etc/nope", O_RDONLY|O_CLOEXEC) = -1 ENOENT (No such file or directory)'])
    expect("open with O_CREAT shows the mode",
           trace(enter(1, 7, 2, "open", 0x402010, 0o1101, 0o644, s=("out", 3)), leave(2, 7, 2, "open", 3)),
           ['open("out", O_WRONLY|O_CREAT|O_TRUNC, 0644) = 3'])
    expect("read shows the bytes read, at its return",
           trace(enter(1, 7, 0, "read", 0, 0x7ffe0000, 4096),
                 leave(2, 7, 0, "read", 6, s=("hello\\n", 6)),
                 enter(3, 7, 0, "read", 0, 0x7ffe0000, 4096), leave(4, 7, 0, "read", 0),
                 enter(5, 7, 0, "read", 9, 0x7ffe0000, 4096), leave(6, 7, 0, "read", -9)),
           ['read(0, "hello\\n", 4096)                = 6',
            'read(0, "", 4096)                       = 0',
            'read(9, 0x7ffe0000, 4096)               = -1 EBADF (Bad file descriptor)'])
    expect("mmap, munmap, brk: addresses in hex",
           trace(enter(1, 7, 9, "mmap", 0, 4096, 3, 0x22, -1, 0), leave(2, 7, 9, "mmap", 0x7f0000001000),
                 enter(3, 7, 11, "munmap", 0x7f0000001000, 4096), leave(4, 7, 11, "munmap", 0),
                 enter(5, 7, 12, "brk", 0), leave(6, 7, 12, "brk", 0x405000),
                 enter(7, 7, 10, "mprotect", 0x400000, 8192, 5), leave(8, 7, 10, "mprotect", -12)),
           ['mmap(NULL, 4096, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = 0x7f0000001000',
            'munmap(0x7f0000001000, 4096)            = 0',
            'brk(NULL)                               = 0x405000',
            'mprotect(0x400000, 8192, PROT_READ|PROT_EXEC) = -1 ENOMEM (Cannot allocate memory)'])
    expect("signals, fds, ioctl and arch_prctl by name",
           trace(enter(1, 7, 62, "kill", 8, 10), leave(2, 7, 62, "kill", 0),
                 enter(3, 7, 13, "rt_sigaction", 10, 0x7ffe0000, 0, 8), leave(4, 7, 13, "rt_sigaction", 0),
                 enter(5, 7, 14, "rt_sigprocmask", 0, 0x7ffe0000, 0, 8), leave(6, 7, 14, "rt_sigprocmask", 0),
                 enter(7, 7, 16, "ioctl", 1, 0x5401, 0x7ffe0000), leave(8, 7, 16, "ioctl", 0),
                 enter(9, 7, 158, "arch_prctl", 0x1002, 0x404138), leave(10, 7, 158, "arch_prctl", 0),
                 enter(11, 7, 33, "dup2", 3, 1), leave(12, 7, 33, "dup2", 1),
                 enter(13, 7, 61, "wait4", -1, 0x7ffe0000, 0, 0), leave(14, 7, 61, "wait4", 8),
                 enter(15, 7, 8, "lseek", 3, -5, 2), leave(16, 7, 8, "lseek", 5)),
           ['kill(8, SIGUSR1)                        = 0',
            'rt_sigaction(SIGUSR1, ...)              = 0',
            'rt_sigprocmask(SIG_BLOCK, 0x7ffe0000, NULL, 8) = 0',
            'ioctl(1, TCGETS, 0x7ffe0000)            = 0',
            'arch_prctl(ARCH_SET_FS, 0x404138)       = 0',
            'dup2(3, 1)                              = 1',
            'wait4(-1, 0x7ffe0000, 0, NULL)          = 8',
            'lseek(3, -5, SEEK_END)                  = 5'])
    expect("execve shows its path; an unknown call six hex arguments",
           trace(enter(1, 7, 59, "execve", 0x7ffe0010, 0x7ffe0100, 0x7ffe0200, s=("/bin/ls", 7)),
                 f"2 0 7 exec path=\"/bin/ls\" strlen=7", leave(3, 7, 59, "execve", 0),
                 enter(4, 7, 500, "unknown", 1, 2, 3, 4, 5, 6), leave(5, 7, 500, "unknown", -38)),
           ['execve("/bin/ls", ...)                  = 0',
            'syscall_0x1f4(0x1, 0x2, 0x3, 0x4, 0x5, 0x6) = -1 ENOSYS (Function not implemented)'])
    expect("exit_group(0) = ? then +++ exited with 0 +++",
           trace(enter(1, 7, 231, "exit_group", 0), "2 0 7 exit status=0x0"),
           ['exit_group(0)                           = ?', '+++ exited with 0 +++'])
    expect("a path cut by the kernel ends in ...",
           trace(enter(1, 7, 80, "chdir", 0x402000, s=("/a/b", 300)), leave(2, 7, 80, "chdir", -2)),
           ['chdir("/a/b"...)                        = -1 ENOENT (No such file or directory)'])
    expect("errno texts are strace's (glibc's), not musl's strerror()",
           trace(enter(1, 7, 61, "wait4", -1, 0x7ffe0000, 0, 0), leave(2, 7, 61, "wait4", -10),
                 enter(3, 7, 16, "ioctl", 0, 0x5401, 0x7ffe0000), leave(4, 7, 16, "ioctl", -25),
                 enter(5, 7, 8, "lseek", 0, 0, 1), leave(6, 7, 8, "lseek", -29),
                 enter(7, 7, 3, "close", 3), leave(8, 7, 3, "close", -41)),
           ['wait4(-1, 0x7ffe0000, 0, NULL)          = -1 ECHILD (No child processes)',
            'ioctl(0, TCGETS, 0x7ffe0000)            = -1 ENOTTY (Inappropriate ioctl for device)',
            'lseek(0, 0, SEEK_CUR)                   = -1 ESPIPE (Illegal seek)',
            'close(3)                                = -1 ERRNO_41 (Unknown error 41)'])
    expect("wait4: *wstatus from the reap event in the call, options by name",
           trace(enter(1, 7, 61, "wait4", 8, 0x7ffe0000, 0, 0), "2 0 7 reap child=8 status=0x700",
                 leave(3, 7, 61, "wait4", 8),
                 enter(4, 7, 61, "wait4", -1, 0x7ffe0000, 0x40000000, 0), "5 0 7 reap child=9 status=0x8b",
                 leave(6, 7, 61, "wait4", 9),
                 enter(7, 7, 61, "wait4", -1, 0x7ffe0000, 0, 0), "8 0 7 reap child=10 status=0x2",
                 leave(9, 7, 61, "wait4", 10),
                 enter(10, 7, 61, "wait4", -1, 0, 3, 0x7ffe0100), leave(11, 7, 61, "wait4", 0)),
           ['wait4(8, [{WIFEXITED(s) && WEXITSTATUS(s) == 7}], 0, NULL) = 8',
            'wait4(-1, [{WIFSIGNALED(s) && WTERMSIG(s) == SIGSEGV && WCOREDUMP(s)}], __WALL, NULL) = 9',
            'wait4(-1, [{WIFSIGNALED(s) && WTERMSIG(s) == SIGINT}], 0, NULL) = 10',
            'wait4(-1, NULL, WNOHANG|WSTOPPED, 0x7ffe0100) = 0'])
    expect("a call interrupted by a signal: ERESTARTSYS as strace shows it",
           trace(enter(1, 7, 0, "read", 0, 0x7ffe0000, 10), leave(2, 7, 0, "read", -512),
                 "3 0 7 sig_deliver sig=2 action=handler code=128 spid=0 status=0 handler=0x401000"),
           ['read(0, 0x7ffe0000, 10)                 = ? ERESTARTSYS (To be restarted if SA_RESTART is set)',
            '--- SIGINT {si_signo=SIGINT, si_code=SI_KERNEL} ---'])


# --- processes and signals ----------------------------------------------------------

TWO_PIDS = trace(
    enter(100, 7, 57, "fork"), "110 0 7 fork child=8 flags=fork", leave(120, 7, 57, "fork", 8),
    leave(130, 8, 57, "fork", 0, cpu=1),
    enter(140, 7, 61, "wait4", -1, 0x7ffe0000, 0, 0),
    enter(150, 8, 1, "write", 1, 0x402000, 6, s=("child\\n", 6), cpu=1),
    leave(160, 8, 1, "write", 6, cpu=1),
    enter(170, 8, 231, "exit_group", 0, cpu=1), "180 1 8 exit status=0x0",
    "185 1 8 switch from=8 to=7 why=exit",
    leave(190, 7, 61, "wait4", 8),
    "200 0 7 sig_deliver sig=17 action=ignore code=1 spid=8 status=0",
    "210 0 7 reap child=8 status=0x0")


def test_processes():
    expect("unfinished/resumed across two pids, [pid N] while two are alive", TWO_PIDS,
           ['fork()                                  = 8',
            '[pid 7] wait4(-1,  <unfinished ...>',
            '[pid 8] write(1, "child\\n", 6)          = 6',
            '[pid 8] exit_group(0)                   = ?',
            '[pid 8] +++ exited with 0 +++',
            '<... wait4 resumed>0x7ffe0000, 0, NULL) = 8',
            '--- SIGCHLD {si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=8, si_uid=0, si_status=0, '
            'si_utime=0, si_stime=0} ---'])
    expect("-e all adds comment lines for fork, switch, reap", TWO_PIDS,
           ['fork( <unfinished ...>',
            '[pid 7] --- fork: child 8 ---',
            '[pid 7] <... fork resumed>)             = 8',
            '[pid 7] wait4(-1,  <unfinished ...>',
            '[pid 8] write(1, "child\\n", 6)          = 6',
            '[pid 8] exit_group(0)                   = ?',
            '[pid 8] +++ exited with 0 +++',
            '--- switch 8 -> 7 (exit) on cpu 1 ---',
            '<... wait4 resumed>0x7ffe0000, 0, NULL) = 8',
            '--- SIGCHLD {si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=8, si_uid=0, si_status=0, '
            'si_utime=0, si_stime=0} ---',
            '--- reaped 8 (exited with 0) ---'], "-e", "all")
    expect("killed by SIGINT, and the SIGCHLD that says so",
           trace(enter(1, 9, 62, "kill", 9, 2), "2 0 9 sig_gen sig=2 to=9 code=0", leave(3, 9, 62, "kill", 0),
                 "4 0 9 sig_deliver sig=2 action=term code=0 spid=9 status=0", "5 0 9 exit status=0x2",
                 "6 0 7 sig_deliver sig=17 action=ignore code=2 spid=9 status=2"),
           ['kill(9, SIGINT)                         = 0',
            '--- SIGINT {si_signo=SIGINT, si_code=SI_USER, si_pid=9, si_uid=0} ---',
            '+++ killed by SIGINT +++',
            '--- SIGCHLD {si_signo=SIGCHLD, si_code=CLD_KILLED, si_pid=9, si_uid=0, si_status=SIGINT, '
            'si_utime=0, si_stime=0} ---'])
    expect("killed inside a blocking call: <unfinished ...>) = ?",
           trace(enter(1, 8, 0, "read", 3, 0x7ffe0000, 4),
                 "2 0 8 sig_deliver sig=9 action=term code=0 spid=7 status=0", "3 0 8 exit status=0x9"),
           ['read(3,  <unfinished ...>',
            '--- SIGKILL {si_signo=SIGKILL, si_code=SI_USER, si_pid=7, si_uid=0} ---',
            '<... read resumed> <unfinished ...>)    = ?',
            '+++ killed by SIGKILL +++'])
    expect("a segfault: si_addr from the exception, (core dumped)",
           trace("1 0 7 exception vec=14 name=page_fault class=fault user=1 rip=0x401020 resume=0x401020 "
                 "err=0x6 cr2=0x8 outcome=signal start=0 sig=11",
                 "2 0 7 sig_deliver sig=11 action=core code=1 spid=0 status=0", "3 0 7 exit status=0x8b"),
           ['--- SIGSEGV {si_signo=SIGSEGV, si_code=SEGV_MAPERR, si_addr=0x8} ---',
            '+++ killed by SIGSEGV (core dumped) +++'])
    expect("a lost line, and lines that are not events are skipped",
           trace(enter(1, 7, 39, "getpid"), "2 1 0 lost cpu=1 count=12", leave(3, 7, 39, "getpid", 7),
                 "init: hello", "", "4 0 7"),
           ['getpid( <unfinished ...>',
            '--- lost 12 events on cpu 1 ---',
            '<... getpid resumed>)                   = 7'])
    expect("stop and continue",
           trace("1 0 7 sig_deliver sig=20 action=stop code=0 spid=5 status=0", "2 0 7 stop sig=20",
                 "3 0 7 cont", "4 0 7 sig_deliver sig=18 action=cont code=0 spid=5 status=0"),
           ['--- SIGTSTP {si_signo=SIGTSTP, si_code=SI_USER, si_pid=5, si_uid=0} ---',
            '--- stopped by SIGTSTP ---',
            '--- SIGCONT {si_signo=SIGCONT, si_code=SI_USER, si_pid=5, si_uid=0} ---'])


def test_other_kinds():
    raw = trace("1 0 7 exception vec=14 name=page_fault class=fault user=1 rip=0x401020 resume=0x401020 "
                "err=0x4 cr2=0x401000 outcome=same start=0",
                "2 0 7 exception vec=3 name=breakpoint class=trap user=1 rip=0x401031 resume=0x401031 "
                "err=0x0 cr2=0x0 outcome=next start=1",
                "3 0 7 irq vec=32 src=timer start=2",
                "4 0 7 switch from=7 to=1 why=preempt",
                '5 0 7 exec path="/bin/ls" strlen=7',
                "6 0 7 sig_return sig=10",
                "7 0 1 reparent child=9 parent=1")
    want = ['--- page fault at 0x401000 (rip 0x401020, user read, not present): resumed at the same instruction ---',
            '--- breakpoint at 0x401031: resumed at 0x401031 ---',
            '--- irq 32 (timer) on cpu 0 ---',
            '--- switch 7 -> 1 (preempt) on cpu 0 ---',
            '--- exec /bin/ls ---',
            '--- return from SIGUSR1 handler ---',
            '[pid 1] --- 9 reparented to 1 ---']
    expect("-e all: exceptions, irqs, switches, exec as comment lines", raw, want, "-e", "all")
    expect("-e exception,switch: only those", raw, [want[0], want[1], want[3]], "-e", "exception,switch")
    expect("no -e: none of them (strace has no such lines)", raw, [])


# --- the command line -------------------------------------------------------------

def test_command_line():
    r = run([tool(), "-e", "bogus", "--format", "/dev/null"])
    report(r.returncode == 1 and "unknown kind" in r.stderr, "-e with an unknown kind is an error", repr(r))
    r = run([tool()])
    report(r.returncode == 1 and r.stderr.startswith("usage:"), "no command: usage", repr(r))
    r = run([tool(), "--format", os.path.join(TMP, "missing")])
    report(r.returncode == 1 and r.stderr.endswith("missing: No such file or directory\n"),
           "--format of a missing file", repr(r))
    r = run([tool(), "--format", "-"], input=enter(1, 7, 39, "getpid") + "\n" + leave(2, 7, 39, "getpid", 7) + "\n")
    report(r.stdout == "getpid()                                = 7\n", "--format - reads stdin", repr(r))
    log = os.path.join(TMP, "log")
    with open(os.path.join(TMP, "in.trace"), "w") as f:
        f.write(TWO_PIDS + "\n")
    r = run([tool(), "-o", log, "--format", os.path.join(TMP, "in.trace")])
    report(r.stdout == "" and open(log).read() == decode(TWO_PIDS), "-o FILE takes the log", repr(r))
    if os.path.exists("/proc/trace"):
        print("SKIP trace CMD without /proc/trace: this host has one")
        return
    marker = os.path.join(TMP, "ran")
    r = run([tool(), "touch", marker])
    report(r.returncode == 1 and r.stderr == "trace: /proc/trace: No such file or directory\n" and
           not os.path.exists(marker), "trace CMD without /proc/trace fails and does not run CMD", repr(r))


# --- against the host's strace ------------------------------------------------------

HELLO_C = r"""
#include <fcntl.h>
#include <unistd.h>
int main(void)
{
	write(1, "hi\n", 3);
	open("/no/such/file", O_RDONLY);
	getpid();
	_exit(3);
}
"""


def hand_trace(pid, path, fs_base, tid_addr):
    """The raw trace sysret would record for HELLO_C (musl: O_LARGEFILE)."""
    return trace(
        enter(10, pid, 59, "execve", 0x7ffe0010, 0x7ffe0100, 0x7ffe0200, s=(path, len(path))),
        f'20 0 {pid} exec path="{path}" strlen={len(path)}', leave(30, pid, 59, "execve", 0),
        enter(40, pid, 158, "arch_prctl", 0x1002, fs_base), leave(50, pid, 158, "arch_prctl", 0),
        enter(60, pid, 218, "set_tid_address", tid_addr), leave(70, pid, 218, "set_tid_address", pid),
        enter(80, pid, 1, "write", 1, 0x401000, 3, s=("hi\\n", 3)), leave(90, pid, 1, "write", 3),
        enter(100, pid, 2, "open", 0x401004, 0o100000, s=("/no/such/file", 13)), leave(110, pid, 2, "open", -2),
        enter(120, pid, 39, "getpid"), leave(130, pid, 39, "getpid", pid),
        enter(140, pid, 231, "exit_group", 3), f"150 0 {pid} exit status=0x300")


def test_against_strace():
    if not shutil.which("strace"):
        print("SKIP the host's strace: not installed")
        return
    src, prog = os.path.join(TMP, "hello.c"), os.path.join(TMP, "hello")
    with open(src, "w") as f:
        f.write(HELLO_C)
    r = run(["musl-gcc", *CFLAGS, "-o", prog, src], timeout=120)
    if r.returncode != 0:
        return report(False, "build hello.c", r.stderr)
    # Its log on stderr: with -o, -f would put the pid before every line.
    r = run(["strace", "-f", "./hello"], cwd=TMP)
    theirs = r.stderr.splitlines()
    fs = re.search(r"arch_prctl\(ARCH_SET_FS, (0x[0-9a-f]+)\)", "\n".join(theirs))
    tid = re.search(r"set_tid_address\((0x[0-9a-f]+)\) += (\d+)", "\n".join(theirs))
    if r.returncode != 3 or not fs or not tid:
        return report(False, "strace -f ./hello", repr(r) + "\n".join(theirs))
    ours = decode(hand_trace(int(tid[2]), "./hello", int(fs[1], 16), int(tid[1], 16))).splitlines()
    # execve: strace also shows argv and envp, which the trace does not have.
    same = len(ours) == len(theirs) and ours[0].startswith('execve("./hello", ') and \
        theirs[0].startswith('execve("./hello", ["./hello"], ') and ours[1:] == theirs[1:]
    report(same, "the log of a hand-made trace matches the host's strace -f byte for byte",
           "\n--- strace\n" + "\n".join(theirs) + "\n--- trace\n" + "\n".join(ours))


def main():
    global TMP
    with tempfile.TemporaryDirectory(prefix="sysret-trace-") as TMP:
        r = run(["musl-gcc", *CFLAGS, "-o", tool(), os.path.join(HERE, "trace.c")], timeout=120)
        report(r.returncode == 0, "build user/bin/trace.c", r.stderr.strip())
        if r.returncode == 0:
            test_calls()
            test_processes()
            test_other_kinds()
            test_command_line()
            test_against_strace()
    print(f"{results['passed']} passed, {results['failed']} failed")
    return 1 if results["failed"] else 0


if __name__ == "__main__":
    sys.exit(main())
