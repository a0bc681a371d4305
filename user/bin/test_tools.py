#!/usr/bin/env python3
"""Builds user/bin/ and user/demos/ with musl-gcc and checks them on the host Linux.

    python3 user/bin/test_tools.py [-v]

Where coreutils defines the behaviour (ls, cat, echo, env, pwd, mkdir, rm,
true, false), our tool and the host's run side by side and must agree on
stdout and exit status; error messages are checked against our own
"NAME: FILE: message" format. ps, kill and the demos are checked against
what the host kernel reports. Each check prints PASS or FAIL; the last line
is "N passed, M failed", and the exit status is 1 if anything failed.
Nothing here can hang: every run and every read has a time limit.
"""
import os
import pty
import re
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
DEMOS = os.path.join(os.path.dirname(HERE), "demos")
CFLAGS = ["-static", "-O2", "-Wall", "-Wextra", "-Werror"]
VERBOSE = "-v" in sys.argv
# coreutils sorts by strcmp and prints mtime in UTC only with these.
HOST_ENV = dict(os.environ, LC_ALL="C", TZ="UTC")

results = {"passed": 0, "failed": 0}
started = []    # Popen objects to kill if a check goes wrong
BIN = ""        # the build directory, set by main()


def report(ok, name, detail=""):
    results["passed" if ok else "failed"] += 1
    print(f"{'PASS' if ok else 'FAIL'} {name}" + (f": {detail}" if detail and (not ok or VERBOSE) else ""))
    sys.stdout.flush()


def tool(name):
    return os.path.join(BIN, name)


def run(argv, **kw):
    """Runs argv to completion (10 s at most); returns CompletedProcess with text output."""
    kw.setdefault("capture_output", True)
    kw.setdefault("text", True)
    kw.setdefault("timeout", 10)
    return subprocess.run(argv, **kw)


def start(argv, **kw):
    """Starts argv with stdout on a pipe; it is killed at the end if still running."""
    p = subprocess.Popen(argv, stdout=subprocess.PIPE, **kw)
    started.append(p)
    return p


def read_line(p, timeout=5.0):
    """One line of p's stdout, read a byte at a time so nothing is buffered
    past it; "" on EOF or timeout."""
    fd, line, end = p.stdout.fileno(), b"", time.monotonic() + timeout
    while not line.endswith(b"\n"):
        left = end - time.monotonic()
        if left <= 0 or not select.select([fd], [], [], left)[0]:
            break
        byte = os.read(fd, 1)
        if not byte:
            break
        line += byte
    return line.decode(errors="replace")


def wait_until(predicate, timeout=5.0):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        value = predicate()
        if value:
            return value
        time.sleep(0.05)
    return predicate()


# --- building -------------------------------------------------------------

def build_all():
    """Builds every C file of user/bin and user/demos into BIN."""
    ok_all = True
    for folder in (HERE, DEMOS):
        for name in sorted(os.listdir(folder)):
            if not name.endswith(".c"):
                continue
            src, out = os.path.join(folder, name), tool(name[:-2])
            r = run(["musl-gcc", *CFLAGS, "-o", out, src], timeout=120)
            report(r.returncode == 0, f"build {os.path.relpath(src, os.path.dirname(os.path.dirname(HERE)))}",
                   r.stderr.strip())
            ok_all &= r.returncode == 0
    return ok_all


# --- tools compared with coreutils ------------------------------------------

def same_as_host(name, argv, host_argv=None, env=HOST_ENV, **kw):
    """Runs our argv[0] and the host's (or host_argv) with the same
    arguments; compares stdout and exit status."""
    ours = run([tool(argv[0]), *argv[1:]], env=env, **kw)
    theirs = run(host_argv or argv, env=env, **kw)
    ok = ours.stdout == theirs.stdout and ours.returncode == theirs.returncode
    report(ok, name, f"ours rc={ours.returncode} {ours.stdout!r}\nhost rc={theirs.returncode} {theirs.stdout!r}")
    return ours


def expect_error(name, argv, stderr, rc=1, **kw):
    r = run([tool(argv[0]), *argv[1:]], **kw)
    report(r.returncode == rc and r.stderr == stderr, name, f"rc={r.returncode} stderr={r.stderr!r}")


def test_true_false():
    for args in ([], ["--x", "y"]):
        report(run([tool("true"), *args]).returncode == 0, f"true {args}")
        report(run([tool("false"), *args]).returncode == 1, f"false {args}")


def test_echo():
    for args in ([], ["a", "b"], ["-n", "a"], ["-n"], ["a  b", "c"], ["-n", "-n", "x"], ["-nn", "x"],
                 ["--", "x"], ["-x"], ["-n-", "y"], ["a\\nb"], [""]):
        same_as_host(f"echo {args}", ["echo", *args], ["/bin/echo", *args])


def test_cat(d):
    with open(os.path.join(d, "a"), "w") as f:
        f.write("line a\n")
    with open(os.path.join(d, "b"), "w") as f:
        f.write("b without newline")
    with open(os.path.join(d, "big"), "wb") as f:
        f.write(os.urandom(300 * 1024))
    open(os.path.join(d, "empty"), "w").close()
    for args in (["a", "b"], ["empty"], ["-"], ["a", "-", "b"], []):
        same_as_host(f"cat {args}", ["cat", *args], cwd=d, input="from stdin\n")
    big = run([tool("cat"), "big"], cwd=d, text=False).stdout
    report(big == open(os.path.join(d, "big"), "rb").read(), "cat big binary file")
    r = run([tool("cat"), "a", "missing", "b"], cwd=d)
    report(r.returncode == 1 and r.stdout == "line a\nb without newline" and
           r.stderr == "cat: missing: No such file or directory\n", "cat goes on after a missing file", repr(r))
    os.mkdir(os.path.join(d, "dir"))
    expect_error("cat a directory", ["cat", "dir"], "cat: dir: Is a directory\n", cwd=d)


def make_ls_tree(d):
    os.makedirs(os.path.join(d, "d", "sub"))
    os.makedirs(os.path.join(d, "e"))
    for name in ("a", ".hidden", "sp ace", "B", "_u"):
        with open(os.path.join(d, "d", name), "w") as f:
            f.write(name * 3)
    os.chmod(os.path.join(d, "d", "a"), 0o4755)
    os.chmod(os.path.join(d, "d", "B"), 0o1640)
    os.symlink("a", os.path.join(d, "d", "link"))
    os.symlink("nowhere", os.path.join(d, "d", "dangle"))
    os.mkfifo(os.path.join(d, "d", "fifo"))
    os.symlink("d", os.path.join(d, "dl"))


def test_ls(d):
    make_ls_tree(d)
    gnu = "GNU coreutils" in run(["ls", "--version"]).stdout
    cases = [[], ["-a"], ["-1"], ["-1a"], ["d"], ["-a", "d"], ["d", "e"], ["d/a", "e", "d", "d/link"],
             ["dl"], ["d/dangle"], ["-l", "d"], ["-la", "d"], ["-l", "-a", "d", "e"], ["-l", "dl"],
             ["-l", "d/dangle", "d/a"], ["-l", "/dev/null"], ["--", "d"]]
    for args in cases:
        if not gnu and any(a.startswith("-") and "l" in a for a in args):
            print(f"SKIP ls {args}: host ls is not GNU coreutils")
            continue
        host = ["ls", "-n", "--time-style=+%Y-%m-%d %H:%M", *args] if any(
            a.startswith("-") and "l" in a and a != "--" for a in args) else ["ls", *args]
        same_as_host(f"ls {args}", ["ls", *args], host, cwd=os.path.join(d, "d") if not args else d)
    r = run([tool("ls"), "missing", "e"], cwd=d)
    report(r.returncode == 1 and r.stdout == "e:\n" and
           r.stderr == "ls: missing: No such file or directory\n", "ls reports a missing path", repr(r))


def test_env(d):
    env = {"PATH": os.environ.get("PATH", "/bin:/usr/bin"), "A": "1", "B": "x=y"}
    same_as_host("env prints the environment", ["env"], env=env)
    for args in (["C=3"], ["-i", "X=1"], ["-u", "A"], ["-", "Y=2"], ["A=changed"]):
        same_as_host(f"env {args} env", ["env", *args, "env"], ["env", *args, "env"], env=env)
    r = run([tool("env"), "V=42", "sh", "-c", "echo $V"], env=env)
    report(r.stdout == "42\n", "env NAME=VAL cmd runs cmd with the addition", repr(r))
    expect_error("env with a missing command", ["env", "no-such-cmd-xyz"],
                 "env: no-such-cmd-xyz: No such file or directory\n", rc=127, env=env)


def test_pwd(d):
    real = os.path.realpath(d)
    os.symlink(real, os.path.join(d, "..", os.path.basename(d) + "-link"))
    link = os.path.join(os.path.dirname(real), os.path.basename(d) + "-link")
    try:
        same_as_host("pwd", ["pwd"], ["/bin/pwd"], cwd=d)
        env = dict(HOST_ENV, PWD=link)
        r = run([tool("pwd"), "-L"], cwd=link, env=env)
        report(r.stdout == link + "\n", "pwd -L keeps the symlink of $PWD", repr(r))
        r = run([tool("pwd"), "-P"], cwd=link, env=env)
        report(r.stdout == real + "\n", "pwd -P resolves it", repr(r))
        r = run([tool("pwd"), "-L"], cwd=d, env=dict(HOST_ENV, PWD="/"))
        report(r.stdout == real + "\n", "pwd -L ignores a $PWD that is elsewhere", repr(r))
    finally:
        os.unlink(link)


def tree(d):
    """The set of paths under d, with a type letter: what a command left behind."""
    out = set()
    for root, dirs, files in os.walk(d):
        for name in dirs + files:
            path = os.path.join(root, name)
            kind = "l" if os.path.islink(path) else "d" if os.path.isdir(path) else "f"
            out.add((os.path.relpath(path, d), kind))
    return out


def same_effect(name, setup, argv):
    """Runs our tool and coreutils' in two fresh copies of a directory set
    up by setup(dir); compares exit status and the trees left behind."""
    with tempfile.TemporaryDirectory() as ours_dir, tempfile.TemporaryDirectory() as host_dir:
        setup(ours_dir)
        setup(host_dir)
        ours = run([tool(argv[0]), *argv[1:]], cwd=ours_dir)
        host = run(argv, cwd=host_dir, env=HOST_ENV)
        ok = ours.returncode == host.returncode and tree(ours_dir) == tree(host_dir)
        report(ok, name, f"ours rc={ours.returncode} {ours.stderr!r} {sorted(tree(ours_dir))}\n"
               f"host rc={host.returncode} {host.stderr!r} {sorted(tree(host_dir))}")
        return ours


def setup_files(d):
    os.makedirs(os.path.join(d, "dir", "sub", "deep"))
    os.makedirs(os.path.join(d, "outside"))
    for path in ("file", "dir/f1", "dir/sub/f2", "dir/sub/deep/f3", "outside/keep", "dir/.dot"):
        open(os.path.join(d, path), "w").close()
    os.symlink("../outside", os.path.join(d, "dir", "to_outside"))


def test_mkdir():
    for args in (["x"], ["x", "y"], ["file"], ["dir"], ["-p", "dir"], ["-p", "a/b/c"], ["a/b"],
                 ["-p", "file/x"], ["-p", "dir/n1/n2", "new"], ["-p", "a//b/"], []):
        r = same_effect(f"mkdir {args}", setup_files, ["mkdir", *args])
        if args in (["file"], ["a/b"]):
            msg = {"file": "File exists", "a/b": "No such file or directory"}[args[0]]
            report(r.stderr == f"mkdir: {args[0]}: {msg}\n", f"mkdir {args} message", repr(r.stderr))


def test_rm():
    for args in (["file"], ["missing"], ["-f", "missing"], ["-f"], [], ["dir"], ["-r", "dir"], ["-rf", "dir", "nope"],
                 ["-R", "dir/sub", "file"], ["-r", "dir/to_outside"], ["-r", "."], ["-rf", "dir/.."], ["-r", "dir/"]):
        r = same_effect(f"rm {args}", setup_files, ["rm", *args])
        if args in (["missing"], ["dir"]):
            msg = {"missing": "No such file or directory", "dir": "Is a directory"}[args[0]]
            report(r.stderr == f"rm: {args[0]}: {msg}\n", f"rm {args} message", repr(r.stderr))


def test_sleep():
    for args, low in ((["0.5"], 0.5), ([".2", "0.3s"], 0.5), (["0"], 0.0)):
        t = time.monotonic()
        r = run([tool("sleep"), *args])
        took = time.monotonic() - t
        report(r.returncode == 0 and low <= took < low + 1.0, f"sleep {args}", f"took {took:.2f} s")
    for bad in (["1x"], ["inf"], ["-1"], [""], []):
        report(run([tool("sleep"), *bad]).returncode == 1, f"sleep {bad} is an error")


# --- ps ---------------------------------------------------------------------

PS_HEADER = "  PID  PPID  PGID   SID STAT     TIME CMD"
PS_LINE = re.compile(r"^ *(\d+) +(\d+) +(\d+) +(\d+) (\S+) +(\d+:\d\d) (.*)$")


def ps_rows(argv=None, **kw):
    """Runs ps; returns {pid: (ppid, pgid, sid, stat, time, cmd)}, or None if
    the output is malformed (reported)."""
    r = run(argv or [tool("ps")], **kw)
    lines = r.stdout.splitlines()
    if r.returncode != 0 or not lines or lines[0] != PS_HEADER:
        report(False, "ps output", repr(r))
        return None
    rows = {}
    for line in lines[1:]:
        m = PS_LINE.match(line)
        if not m or len(line) < len(PS_HEADER) - 3:
            report(False, "ps line format", repr(line))
            return None
        rows[int(m[1])] = (int(m[2]), int(m[3]), int(m[4]), m[5], m[6], m[7])
    return rows


def test_ps_sleep_and_zombie():
    sleeper = start([tool("sleep"), "30"])
    zombie = start([tool("zombie"), "20"])
    child = 0
    for _ in range(2):
        m = re.search(r"child +(\d+)", read_line(zombie))
        child = int(m[1]) if m else child
    def zombie_seen():
        rows = ps_rows() or {}
        return rows if rows.get(child, ("",) * 4)[3] == "Z" else None
    rows = wait_until(zombie_seen)
    if not rows:
        return report(False, "ps shows the zombie", f"child {child}")
    me = (os.getpid(), os.getpgrp(), os.getsid(0))
    s = rows.get(sleeper.pid)
    report(s is not None and s[:3] == me and s[3] == "S" and s[5] == f"{tool('sleep')} 30",
           "ps shows a sleeping process as S with its command line", repr(s))
    z = rows.get(child)
    report(z is not None and z[0] == zombie.pid and z[3] == "Z" and z[5] == "[zombie] <defunct>",
           "ps shows a zombie as Z, [name] <defunct>", repr(z))
    report(all(r[3][0] in "RSDTtZIXWP" for r in rows.values()), "ps state letters")


def test_ps_odd_name(d):
    """A command name with spaces and ')' must not shift the later fields."""
    odd = os.path.join(d, "a) b (c")
    os.symlink(tool("int"), odd)
    p = start([odd])
    read_line(p)
    rows = ps_rows() or {}
    row = rows.get(p.pid)
    report(row is not None and row[0] == os.getpid() and row[3] == "S" and row[5] == odd,
           "ps parses a comm holding ') ' from the last ')'", repr(row))


def test_ps_foreground():
    """Under a terminal, ps is in the foreground process group: R+."""
    pid, fd = pty.fork()
    if pid == 0:
        os.execv(tool("ps"), ["ps"])
    out = b""
    end = time.monotonic() + 5
    while time.monotonic() < end:
        if not select.select([fd], [], [], 0.5)[0]:
            continue
        try:
            chunk = os.read(fd, 4096)
        except OSError:         # EIO: the other side is closed
            break
        if not chunk:
            break
        out += chunk
    os.waitpid(pid, 0)
    os.close(fd)
    lines = [l for l in out.decode().splitlines() if PS_LINE.match(l) and int(PS_LINE.match(l)[1]) == pid]
    report(len(lines) == 1 and PS_LINE.match(lines[0])[5] == "R+", "ps marks the foreground group with +",
           repr(out.decode()))


def test_ps_time():
    spinner = start([tool("spin"), "6"])
    read_line(spinner)
    def busy_row():
        row = (ps_rows() or {}).get(spinner.pid)
        return row if row and row[4] != "0:00" else None
    row = wait_until(busy_row, timeout=5)
    report(row is not None and row[3] == "R" and row[4] in ("0:01", "0:02", "0:03", "0:04", "0:05"),
           "ps TIME counts CPU seconds of a spinning process", repr(row))


def test_ps_options():
    for args in (["-e"], ["ax"], ["-A"]):
        report(ps_rows([tool("ps"), *args]) is not None, f"ps {args} accepted")
    report(run([tool("ps"), "-Z"]).returncode == 1, "ps rejects an unknown option")


# --- kill -------------------------------------------------------------------

def killed_by(argv_tail, sig, name):
    p = start([tool("sleep"), "30"])
    time.sleep(0.1)
    r = run([tool("kill"), *argv_tail, str(p.pid)])
    try:
        rc = p.wait(timeout=5)
    except subprocess.TimeoutExpired:
        rc = None
    report(r.returncode == 0 and rc == -sig, name, f"kill rc={r.returncode} {r.stderr!r}, sleep rc={rc}")


def is_dead(pid):
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] == "Z"
    except OSError:
        return True


def test_kill_group(args, name):
    """A shell and two sleeps in their own process group, killed by -PGID."""
    script = f"{tool('sleep')} 30 & echo $!; {tool('sleep')} 30 & echo $!; wait"
    p = start(["sh", "-c", script], start_new_session=True)
    kids = [int(read_line(p) or 0), int(read_line(p) or 0)]
    r = run([tool("kill"), *args, f"-{p.pid}"])
    dead = wait_until(lambda: all(is_dead(k) for k in kids + [p.pid]))
    report(r.returncode == 0 and dead and 0 not in kids, name, f"kill {r!r}, kids {kids}")


def test_kill():
    killed_by([], signal.SIGTERM, "kill PID sends TERM")
    killed_by(["-TERM"], signal.SIGTERM, "kill -TERM PID")
    killed_by(["-9"], signal.SIGKILL, "kill -9 PID")
    killed_by(["-s", "KILL"], signal.SIGKILL, "kill -s KILL PID")
    killed_by(["-SIGHUP"], signal.SIGHUP, "kill -SIGHUP PID")
    killed_by(["-int", "--"], signal.SIGINT, "kill -int -- PID")
    test_kill_group(["-9"], "kill -9 -PGID kills the whole group")
    test_kill_group(["-TERM", "--"], "kill -TERM -- -PGID kills the whole group")
    test_kill_group(["--"], "kill -- -PGID kills the whole group")
    r = run([tool("kill"), "-l"])
    names = r.stdout.split()
    report(names[:2] == ["HUP", "INT"] and "TERM" in names and "TTOU" in names, "kill -l lists names", r.stdout)
    for arg, out in (("15", "TERM"), ("143", "TERM"), ("TERM", "15"), ("SIGKILL", "9"), ("cont", "18")):
        r = run([tool("kill"), "-l", arg])
        report(r.stdout == out + "\n", f"kill -l {arg}", repr(r))
    expect_error("kill a missing pid", ["kill", "2147483000"], "kill: 2147483000: No such process\n")
    expect_error("kill a bad signal", ["kill", "-FOO", "1"], "kill: FOO: invalid signal specification\n")
    expect_error("kill a bad pid", ["kill", "12x"], "kill: 12x: invalid process id\n")
    report(run([tool("kill")]).returncode == 1, "kill without pid is an error")
    report(run([tool("kill"), "-0", str(os.getpid())]).returncode == 0,
           "kill -0 PID checks existence")


# --- demos ------------------------------------------------------------------

def test_fork_demos():
    r = run([tool("fork_returns_twice")])
    m = re.search(r"fork returned (\d+) \(the child's pid\), x=0", r.stdout)
    report(m and re.search(rf"child +{m[1]}: fork returned 0, x=2", r.stdout) and len(r.stdout.splitlines()) == 3,
           "fork_returns_twice", r.stdout)
    r = run([tool("fork_loop"), "3"])
    hellos = re.findall(r"pid (\d+) \(parent \d+\): hello", r.stdout)
    forks = re.findall(r"forked child (\d+)", r.stdout)
    report(len(set(hellos)) == 8 and len(forks) == 7 and set(forks) < set(hellos), "fork_loop 3: 8 processes",
           r.stdout)
    r = run([tool("fork_shared_vs_separate")])
    report("global=2 stack=2 heap=2 shared=2, read 'a'" in r.stdout and
           "global=1 stack=1 heap=1 shared=2, read 'b'" in r.stdout, "fork_shared_vs_separate", r.stdout)


def test_orphan():
    r = run([tool("orphan"), "1"])
    m = re.search(r"parent (\d+) has exited; my parent is now (\d+)", r.stdout)
    report(m is not None and m[1] != m[2], "orphan is adopted", r.stdout)


def test_sighandler():
    p = start([tool("sighandler")])
    lines = [read_line(p)]
    for _ in range(3):
        p.send_signal(signal.SIGINT)
        lines.append(read_line(p))     # one at a time: pending signals do not queue
    lines.append(read_line(p))
    try:
        rc = p.wait(timeout=5)
    except subprocess.TimeoutExpired:
        rc = None
    report(rc == 0 and lines[1:] == [f"caught SIGINT ({i} of 3)\n" for i in (1, 2, 3)] + ["third one: exiting\n"],
           "sighandler counts three SIGINTs", repr(lines))


def test_stop_and_int():
    p = start([tool("stop")])
    read_line(p)
    _, status = os.waitpid(p.pid, os.WUNTRACED)
    stopped = os.WIFSTOPPED(status) and os.WSTOPSIG(status) == signal.SIGSTOP
    run([tool("kill"), "-CONT", str(p.pid)])
    line = read_line(p)
    report(stopped and line.endswith("continued\n") and p.wait(timeout=5) == 0, "stop stops, then continues",
           repr(line))
    p = start([tool("int")])
    read_line(p)
    got = []
    for sig in ("USR1", "INT", "QUIT"):
        run([tool("kill"), f"-{sig}", str(p.pid)])
        got.append(read_line(p))
    run([tool("kill"), "-TSTP", str(p.pid)])
    got.append(read_line(p))
    _, status = os.waitpid(p.pid, os.WUNTRACED)
    stopped = os.WIFSTOPPED(status)
    run([tool("kill"), "-CONT", str(p.pid)])
    got.append(read_line(p))
    run([tool("kill"), str(p.pid)])
    got.append(read_line(p))
    want = ["USR1 (10)", "INT (2)", "QUIT (3)", "TSTP (20)", "CONT (18)", "TERM (15)"]
    report(stopped and [g.split("received SIG")[-1].strip() for g in got] == want and p.wait(timeout=5) == 0,
           "int prints each signal, stops on TSTP, ends on TERM", repr(got))


def main():
    global BIN
    with tempfile.TemporaryDirectory(prefix="sysret-tools-") as tmp:
        BIN = os.path.join(tmp, "bin")
        os.mkdir(BIN)
        try:
            if build_all():
                run_checks(tmp)
        finally:
            for p in started:
                if p.poll() is None:
                    p.kill()
                    p.wait()
    print(f"{results['passed']} passed, {results['failed']} failed")
    return 1 if results["failed"] else 0


def run_checks(tmp):
    def fresh(name):
        path = os.path.join(tmp, name)
        os.mkdir(path)
        return path
    test_true_false()
    test_echo()
    test_cat(fresh("cat"))
    test_ls(fresh("ls"))
    test_env(fresh("env"))
    test_pwd(fresh("pwd"))
    test_mkdir()
    test_rm()
    test_sleep()
    test_ps_sleep_and_zombie()
    test_ps_odd_name(fresh("ps"))
    test_ps_foreground()
    test_ps_time()
    test_ps_options()
    test_kill()
    test_fork_demos()
    test_orphan()
    test_sighandler()
    test_stop_and_int()


if __name__ == "__main__":
    sys.exit(main())
