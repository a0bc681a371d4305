#!/usr/bin/env python3
"""Host tests for the sysret shell (user/sh/sh.c).

    user/sh/test_sh.py [SH]

Without SH, builds the shell with musl-gcc into a scratch directory.
Part 1 runs scripts non-interactively (sh -c, sh FILE, sh < stdin, #! and
no-#! scripts) and compares stdout and exit status with the host's /bin/sh
(dash) where POSIX defines the behaviour; a few cases check our own
messages. Part 2 drives an interactive shell under a pseudo-terminal: job
control (^Z, jobs, bg, fg, ^C, kill %N, Done reports), checking process
groups and the terminal's foreground group through /proc. Ends with
"N passed, M failed"; the exit status is non-zero on any failure.
Python 3 standard library only.
"""
import os
import pty
import re
import select
import signal
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REF = "/bin/sh"
passed = failed = 0


def check(name, ok, detail=""):
    global passed, failed
    if ok:
        passed += 1
        print(f"ok   {name}")
    else:
        failed += 1
        print(f"FAIL {name}{': ' + detail if detail else ''}")


def build(tmp):
    out = os.path.join(tmp, "sh")
    subprocess.run(["musl-gcc", "-static", "-O2", "-Wall", "-Wextra", "-Werror",
                    "-o", out, os.path.join(HERE, "sh.c")], check=True)
    return out


# --- Part 1: non-interactive, compared with dash --------------------------

# Each runs as `sh -c SCRIPT name a1 'b 2'` in a scratch directory holding
# a.txt, b.txt and c.dat. printf, not echo, wherever a backslash is printed:
# dash's echo interprets escapes, ours (like bash's) does not.
SAME_AS_DASH = [
    "echo hello world",
    'echo "a  b"   c',
    "echo 'single $HOME \"x\"' \"double 'y'\"",
    r"printf '%s\n' a\ b \$x \\ \'",
    r"""printf '%s\n' "a\"b" "c\\d" "e\$f" "g\h" 'i\j'""",
    "echo 'it'\\''s'",
    "echo a'b'\"c\"d",
    'X=1; echo $X ${X}y "$X" \'$X\'',
    "X='a  b'; printf '[%s]' $X \"$X\"; echo",
    "x=; printf '[%s]' $x \"$x\" ''; echo",
    "IFS=:; x=a:b:c; printf '[%s]' $x; echo",
    "a=1 b=2 c=3; echo $a$b$c",
    'echo "$HOME/x" ~ ~/y a~',
    'printf "[%s]" "$@"; echo; printf "[%s]" $@; echo; printf "[%s]" "$*"; echo',
    'echo $# $0 $1 $2 ${2}',
    'echo "x$@y"',
    "echo $$ | grep -c '^[0-9][0-9]*$'",
    "false; echo $?",
    "true; echo $?",
    "false || echo or; true && echo and; false && echo no; echo $?",
    "true || echo no; echo $?",
    "false && echo a || echo b",
    "true | false; echo $?",
    "false | true; echo $?",
    "! false; echo $?",
    "! true; echo $?",
    "echo a | tr a b",
    "printf '1\\n2\\n3\\n' | sort -r | head -2",
    "echo a | cat | cat | cat | tr a z",
    "echo one > f; echo two >> f; cat f; cat < f | wc -l",
    "echo x >f; echo y 1>f; cat f",
    "ls /nonexistent_dir 2>/dev/null; echo $?",
    "ls /nonexistent_dir 2>&1 | wc -l",
    "ls /nonexistent_dir 2>&1 >/dev/null | wc -l",
    "echo to-stderr 1>&2",
    "echo to-stderr >&2 2>/dev/null",
    "exec 3>o3; echo three >&3; exec 3>&-; cat o3",
    "echo hidden >&-; echo $?",
    "cat <a.txt",
    "(echo sub; exit 3); echo $?",
    "(cd /; pwd); pwd | sed 's,.*/,,' | grep -c .",
    "(echo a; echo b) | wc -l",
    "exit 7",
    "exit",
    "false; exit",
    "nosuchcmd_xyz 2>/dev/null; echo $?",
    "./a.txt 2>/dev/null; echo $?",
    "X=5 env | grep '^X='",
    "export Y=6; env | grep '^Y='",
    "Z=7; env | grep '^Z='; echo $?",
    "Z=7; export Z; env | grep '^Z='",
    "Q=1; unset Q; echo \"[$Q]\"",
    "W=1; W=2 true; echo $W",
    "echo a; echo b; echo c",
    "echo a &&\necho b",
    "echo a |\ntr a b",
    "echo a \\\nb",
    "echo 'multi\nline'",
    "echo a # comment",
    "echo a#b",
    "# only a comment",
    "",
    "echo *.txt; echo '*.txt' \"*\"; echo nomatch*; echo [ab].txt",
    "X='*.txt'; echo $X \"$X\"",
    "sleep 0.2 & wait; echo waited",
    "sleep 0.2 & wait $!; echo $?",
    "(exit 5) & wait $!; echo $?",
    "sh -c 'exit 3' & wait $!; echo $?",
    "cd /; pwd",
    "cd /tmp; cd /; cd - >/dev/null; pwd",
    "exec echo replaced; echo not reached",
    "sh -c 'kill -9 $$'; echo $?",
    "kill -0 $$; echo $?",
    "kill -TERM $$; echo not reached",
    "kill -s KILL $$",
    "echo ${HOME} ${1}",
    "true & echo $! | grep -c '^[0-9]'",
    "printf 'b\\na\\n' > in; sort < in > out; cat out",
    "a=b; b=c; echo $a$b \"$a\"\"$b\"",
    "echo -n no-newline; echo",
    "echo \"\" | wc -c",
    ": ; echo $?",
]

# (script, expected stdout or None, expected status, stderr regex or None)
OWN_BEHAVIOUR = [
    ("nosuchcmd_xyz", "", 127, r"^sh: nosuchcmd_xyz: not found\n$"),
    ("/no/such/file", "", 127, r"not found"),
    ("./a.txt", "", 126, r"Permission denied"),
    ("echo a; ; echo b", "", 2, r"syntax error near unexpected token `;'"),
    ("echo 'open", "", 2, r"unexpected end of file"),
    ("echo a |", "", 2, r"unexpected end of file"),
    ("echo ${X:-y}", "", 1, r"bad substitution"),
    ("cat < nonexistent", "", 1, r"^sh: nonexistent: No such file or directory\n$"),
    ("exit foo", "", 2, r"Illegal number"),
    # dash says 2 for these two, bash 1; POSIX only asks for non-zero.
    ("cat < nonexistent 2>/dev/null; echo $?", "1\n", 0, r"No such file"),
    ("cd /nonexistent", "", 1, r"^sh: cd: /nonexistent: No such file or directory\n$"),
    ("kill -NOPE 1", "", 1, r"invalid signal"),
    ("kill %1", "", 1, r"no such job"),
    ("fg", "", 1, r"no job control"),
    ("kill -l 9; kill -l 137; kill -l | grep -c TERM", "KILL\nKILL\n1\n", 0, None),
    ("echo a >&7", "", 1, r"bad file descriptor"),
    ("sleep 5 & kill %1; wait %1; echo $?", "143\n", 0, None),
    ("sleep 5 & kill -KILL $!; wait; echo done", "done\n", 0, None),
    ("sh -c 'kill -SEGV $$'; echo $?", "139\n", 0, r"^Segmentation fault"),
    ("sh -c 'kill -9 $$'", "", 137, r"^Killed\n$"),
]


def env():
    return {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": "/root", "LC_ALL": "C"}


def run(argv, cwd, stdin=None):
    p = subprocess.run(argv, cwd=cwd, input=stdin, capture_output=True, timeout=20, env=env())
    return p.stdout.decode(errors="replace"), p.returncode, p.stderr.decode(errors="replace")


def scratch(tmp, name):
    d = os.path.join(tmp, name)
    os.makedirs(d)
    for f in ("a.txt", "b.txt", "c.dat"):
        with open(os.path.join(d, f), "w") as fh:
            fh.write(f + "\n")
    return d


def test_noninteractive(sh, tmp):
    for i, script in enumerate(SAME_AS_DASH):
        got = run([sh, "-c", script, "name", "a1", "b 2"], scratch(tmp, f"ours{i}"))
        want = run([REF, "-c", script, "name", "a1", "b 2"], scratch(tmp, f"ref{i}"))
        check(f"-c {script!r}", got[:2] == want[:2],
              f"ours {got[:2]!r} (stderr {got[2]!r}), dash {want[:2]!r}")
    for i, (script, out, status, err) in enumerate(OWN_BEHAVIOUR):
        d = scratch(tmp, f"own{i}")
        os.chmod(os.path.join(d, "a.txt"), 0o644)
        got_out, got_status, got_err = run([sh, "-c", script], d)
        ok = got_out == out and got_status == status and (err is None or re.search(err, got_err))
        check(f"-c {script!r} (own messages)", ok,
              f"stdout {got_out!r} status {got_status} stderr {got_err!r}")


def test_scripts(sh, tmp):
    d = scratch(tmp, "scripts")
    script = os.path.join(d, "s.sh")
    with open(script, "w") as f:
        f.write('#!/bin/sh\n# a comment\necho "script $0 $1 $#"\nX=\'multi\nline\'\n'
                'printf "%s\\n" "$X" \\\n  continued\nfalse ||\n  echo after-or\nexit 4\necho not reached\n')
    for args in ([script, "arg1", "arg 2"], [script]):
        got, want = run([sh] + args, d), run([REF] + args, d)
        check(f"sh FILE {' '.join(args[1:])}", got[:2] == want[:2], f"ours {got!r}, dash {want!r}")
    got = run([sh], d, stdin=b"echo from stdin\nfalse\n")
    check("sh < commands", got[:2] == ("from stdin\n", 1), repr(got))
    got = run([sh, "-c", "echo $1", "name", "x"], d)
    check("sh -c CMD NAME ARG", got[0] == "x\n", repr(got))
    got = run([sh], d, stdin=b"echo ok\necho a; ;\necho not reached\n")
    check("syntax error ends a script (status 2)", got[:2] == ("ok\n", 2), repr(got))
    got = run([sh, os.path.join(d, "missing.sh")], d)
    check("sh MISSING: 127", got[1] == 127 and "missing.sh" in got[2], repr(got))
    noshebang = os.path.join(d, "noshebang")
    with open(noshebang, "w") as f:
        f.write('echo "no #! line: $1"; exit 3\n')
    os.chmod(noshebang, 0o755)
    got = run([sh, "-c", "./noshebang x; echo status $?"], d)
    check("script without #! runs as a shell script", got[:2] == ("no #! line: x\nstatus 3\n", 0), repr(got))
    ours = os.path.join(d, "ours.sh")
    with open(ours, "w") as f:
        f.write(f"#!{sh}\necho \"shebang $#\" | tr a-z A-Z\nexit 5\n")
    os.chmod(ours, 0o755)
    got = run([ours, "1", "2"], d)
    check("#! script run by our shell", got[:2] == ("SHEBANG 2\n", 5), repr(got))


# --- Part 2: interactive, under a pseudo-terminal --------------------------

def proc_stat(pid):
    """(state, ppid, pgrp, tpgid) of pid from /proc, or None if it is gone."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            s = f.read()
    except OSError:
        return None
    fields = s[s.rindex(")") + 2:].split()
    return fields[0], int(fields[1]), int(fields[2]), int(fields[5])


def children(pid, comm=None):
    out = []
    for d in os.listdir("/proc"):
        if not d.isdigit():
            continue
        st = proc_stat(int(d))
        if st and st[1] == pid:
            try:
                name = open(f"/proc/{d}/comm").read().strip()
            except OSError:
                continue
            if comm is None or name == comm:
                out.append(int(d))
    return sorted(out)


def wait_for(pred, timeout=3.0):
    end = time.time() + timeout
    while time.time() < end:
        v = pred()
        if v:
            return v
        time.sleep(0.02)
    return pred()


def wait_exit(pid, timeout=5.0):
    """waitpid with a time limit: the wait status, or -1 (and SIGKILL)."""
    end = time.time() + timeout
    while time.time() < end:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            return status
        time.sleep(0.02)
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    return -1


class Term:
    """The shell on a pseudo-terminal, with expect-style reading. With
    no_ctty, the shell starts as init starts it on sysret: not a session
    leader, and stdin a terminal that is nobody's controlling terminal."""

    def __init__(self, argv, no_ctty=False):
        if not no_ctty:
            self.pid, self.fd = pty.fork()
            if self.pid == 0:
                signal.signal(signal.SIGPIPE, signal.SIG_DFL)   # Python ignores it
                os.execve(argv[0], argv, {**env(), "TERM": "dumb"})
        else:
            self.fd, slave = os.openpty()
            name = os.ttyname(slave)
            self.pid = os.fork()
            if self.pid == 0:
                signal.signal(signal.SIGPIPE, signal.SIG_DFL)
                os.setsid()     # drop our terminal; the shell's parent leads
                fd = os.open(name, os.O_RDWR | os.O_NOCTTY)
                if os.fork() == 0:
                    for i in range(3):
                        os.dup2(fd, i)
                    os.execve(argv[0], argv, {**env(), "TERM": "dumb"})
                os._exit(os.WEXITSTATUS(os.wait()[1]))
            os.close(slave)
        self.buf = ""

    def send(self, s):
        os.write(self.fd, s.encode())

    def read_some(self, timeout):
        r, _, _ = select.select([self.fd], [], [], timeout)
        if not r:
            return False
        try:
            data = os.read(self.fd, 4096)
        except OSError:
            return False
        self.buf += data.decode(errors="replace")
        return bool(data)

    def expect(self, pattern, timeout=3.0):
        """Consumes output up to the first match of pattern; None on timeout."""
        end = time.time() + timeout
        while True:
            m = re.search(pattern, self.buf)
            if m:
                self.buf = self.buf[m.end():]
                return m
            if time.time() >= end or not self.read_some(end - time.time()):
                if time.time() >= end:
                    return None

    def prompt(self):
        return self.expect(r"[$#] $")


def test_interactive(sh):
    t = Term([sh])
    shell = t.pid
    try:
        interactive_steps(t, shell, sh)
    finally:
        kill_session(t)


def kill_session(t):
    """Kills what the test started: t's process and its descendants."""
    def tree(pid):
        return [pid] + [q for c in children(pid) for q in tree(c)]
    for pid in tree(t.pid):
        try:
            os.kill(pid, signal.SIGKILL)
        except OSError:
            pass
    try:
        os.waitpid(t.pid, 0)
    except OSError:
        pass


def step(name, ok, t, detail=""):
    check(name, bool(ok), detail or f"output so far {t.buf!r}")


def interactive_steps(t, shell, sh):
    step("prompt", t.prompt(), t)
    st = proc_stat(shell)
    step("shell leads its own process group and owns the terminal",
         st and st[2] == shell and st[3] == shell, t, repr(st))

    t.send("sleep 30\n")
    kids = wait_for(lambda: children(shell, "sleep"))
    sleep = kids[0] if kids else -1
    st = wait_for(lambda: (s := proc_stat(sleep)) and s[3] == sleep and s)
    step("foreground job: own process group, owns the terminal",
         st and st[2] == sleep and st[3] == sleep, t, repr(st))

    t.send("\x1a")
    step("^Z: [1]+  Stopped", t.expect(r"\^Z\r\n\[1\]\+  Stopped {17}sleep 30\r\n"), t)
    step("prompt after ^Z", t.prompt(), t)
    st = proc_stat(sleep)
    step("stopped job is in state T; terminal back with the shell",
         st and st[0] == "T" and st[3] == shell, t, repr(st))

    t.send("jobs\n")
    step("jobs: Stopped", t.expect(r"\[1\]\+  Stopped {17}sleep 30\r\n"), t)
    t.send("bg\n")
    step("bg: [1]+ sleep 30 &", t.expect(r"\[1\]\+ sleep 30 &\r\n"), t)
    step("bg: running again", wait_for(lambda: proc_stat(sleep)[0] == "S"), t)
    t.send("jobs\n")
    step("jobs: Running ... &", t.expect(r"\[1\]\+  Running {17}sleep 30 &\r\n"), t)

    t.send("fg\n")
    step("fg prints the command", t.expect(r"fg\r\nsleep 30\r\n"), t)
    step("fg: the job owns the terminal again",
         wait_for(lambda: proc_stat(sleep)[3] == sleep), t)
    t.send("\x03")
    step("^C: killed, just a newline", t.expect(r"\^C\r\n[$#] $"), t)
    step("^C: sleep is gone", wait_for(lambda: proc_stat(sleep) is None), t)
    t.send("echo $?\n")
    step("$? after ^C is 130", t.expect(r"\r\n130\r\n"), t)
    step("the shell took the terminal back", proc_stat(shell)[3] == shell, t)

    t.send("\x03")
    t.send("echo alive\n")
    step("^C at the prompt does not kill the shell", t.expect(r"\r\nalive\r\n"), t)

    t.send("sleep 0.3 &\n")
    m = t.expect(r"\[1\] (\d+)\r\n")
    step("background start: [1] PID", m, t)
    bgpid = int(m.group(1)) if m else -1
    st = proc_stat(bgpid)
    step("background job: own process group, not the terminal's",
         st and st[2] == bgpid and st[3] == shell, t, repr(st))
    time.sleep(0.8)
    t.send("\n")
    step("Done reported before the prompt", t.expect(r"\[1\]\+  Done {20}sleep 0.3\r\n[$#] $"), t)
    step("and reaped", proc_stat(bgpid) is None, t)

    t.send("sh -c 'exit 3' &\n")
    t.expect(r"\[1\] \d+")
    time.sleep(0.3)
    t.send("\n")
    step("Exit 3 reported", t.expect(r"\[1\]\+  Exit 3 {18}sh -c 'exit 3'\r\n"), t)

    t.send("sleep 100 &\n")
    t.expect(r"\[1\] \d+")
    t.send("sleep 200 &\n")
    t.expect(r"\[2\] \d+")
    t.send("jobs\n")
    step("jobs: + and - markers",
         t.expect(r"\[1\]-  Running {17}sleep 100 &\r\n\[2\]\+  Running {17}sleep 200 &\r\n"), t)
    t.send("kill %1\n")
    time.sleep(0.3)
    t.send("\n")
    step("kill %1: Terminated", t.expect(r"\[1\]-  Terminated {14}sleep 100\r\n"), t)
    t.send("kill -STOP %2\n")
    time.sleep(0.3)
    t.send("\n")
    step("kill -STOP: Stopped", t.expect(r"\[2\]\+  Stopped {17}sleep 200\r\n"), t)
    t.send("kill -9 %2\n")
    time.sleep(0.3)
    t.send("\n")
    step("kill -9 a stopped job: Killed", t.expect(r"\[2\]\+  Killed {18}sleep 200\r\n"), t)

    t.send("sleep 30 | cat\n")
    pids = wait_for(lambda: children(shell, "sleep") + children(shell, "cat"))
    time.sleep(0.2)
    pids = children(shell, "sleep") + children(shell, "cat")
    groups = {proc_stat(p)[2] for p in pids}
    step("pipeline: two processes, one process group",
         len(pids) == 2 and len(groups) == 1 and shell not in groups, t, repr((pids, groups)))
    t.send("\x1a")
    step("^Z on a pipeline", t.expect(r"\[1\]\+  Stopped {17}sleep 30 \| cat\r\n"), t)
    step("whole pipeline stopped", all(proc_stat(p)[0] == "T" for p in pids), t)
    t.send("kill %1\n")
    time.sleep(0.3)
    t.send("\n")
    step("TERM to a stopped pipeline ends it",
         t.expect(r"\[1\]\+  Terminated {14}sleep 30 \| cat\r\n"), t)

    t.send("(sleep 30; echo after)\n")
    wait_for(lambda: [q for c in children(shell) for q in children(c, "sleep")])
    t.send("\x1a")
    step("^Z on a subshell", t.expect(r"\[1\]\+  Stopped {17}\(sleep 30; echo after\)\r\n"), t)
    t.send("fg\n")
    t.expect(r"fg\r\n\(sleep 30; echo after\)\r\n")
    time.sleep(0.2)
    t.send("\x03")
    step("fg and ^C a subshell", t.expect(r"\^C\r\n[$#] $"), t)
    t.send("echo $?; jobs\n")
    step("status 130, no job left", t.expect(r"echo \$\?; jobs\r\n130\r\n[$#] $"), t)

    t.send("yes | head -1\n")
    step("SIGPIPE in a pipeline is not reported", t.expect(r"\r\ny\r\n[$#] $"), t)

    t.send("cat &\n")
    t.expect(r"\[1\] \d+")
    time.sleep(0.3)
    t.send("\n")
    step("background read from the terminal: SIGTTIN stops it",
         t.expect(r"\[1\]\+  Stopped {17}cat\r\n"), t)
    t.send("fg\n")
    t.expect(r"fg\r\ncat\r\n")
    t.send("typed\n")
    step("fg: the job reads the terminal", t.expect(r"typed\r\ntyped\r\n"), t)
    t.send("\x04")
    step("EOF ends it, back at the prompt", t.prompt(), t)

    t.send(f"{sh} -c 'kill -SEGV $$'\n")
    step("foreground signal is described", t.expect(r"\r\nSegmentation fault\r\n"), t)

    t.send(f"{sh} -c 'stty -icanon -echo; kill -9 $$'\n")
    t.expect(r"Killed\r\n")
    t.prompt()
    t.send("echo modes\n")
    step("terminal modes restored after a job killed in raw mode",
         t.expect(r"echo modes\r\nmodes\r\n"), t)

    t.send("sleep 0.3 & wait; echo waited $?\n")
    step("wait", t.expect(r"waited 0\r\n"), t)

    t.send("sleep 40\n")
    wait_for(lambda: children(shell, "sleep"))
    time.sleep(0.2)
    t.send("\x1a")
    t.expect(r"Stopped")
    t.prompt()
    t.send("exit\n")
    step("exit with a stopped job warns", t.expect(r"There are stopped jobs\.\r\n"), t)
    t.send("exit 9\n")
    status = wait_exit(shell)
    step("second exit leaves, status 9", os.WIFEXITED(status) and os.WEXITSTATUS(status) == 9, t,
         repr(status))


def test_no_ctty(sh):
    t = Term([sh], no_ctty=True)
    try:
        step("no controlling terminal: prompt", t.prompt(), t)
        t.send("sleep 30\n")
        time.sleep(0.3)
        t.send("\x1a")
        step("no controlling terminal: the shell takes stdin's, ^Z works",
             t.expect(r"\[1\]\+  Stopped {17}sleep 30\r\n"), t)
        t.send("kill -9 %1\n")
        time.sleep(0.3)
        t.send("\n")
        t.expect(r"Killed")
        t.send("exit 4\n")
        status = wait_exit(t.pid)
        step("no controlling terminal: exit status", status >= 0 and os.WEXITSTATUS(status) == 4,
             t, repr(status))
    finally:
        kill_session(t)


def test_no_job_control(sh):
    """stdin is a terminal, but another session's: no job control, still a shell."""
    if not os.path.exists("/usr/bin/setsid"):
        return
    t = Term(["/usr/bin/setsid", "-w", sh])
    try:
        step("foreign terminal: says there is no job control",
             t.expect(r"sh: no job control in this shell"), t)
        t.send("sleep 0.2 & wait; echo still a shell\n")
        step("foreign terminal: commands still run", t.expect(r"\r\nstill a shell\r\n"), t)
        t.send("fg\n")
        step("foreign terminal: fg refuses", t.expect(r"fg: no job control"), t)
        t.send("exit 3\n")
        status = wait_exit(t.pid)
        step("foreign terminal: exit status", status >= 0 and os.WEXITSTATUS(status) == 3, t)
    finally:
        kill_session(t)


def test_prompt_user(sh, tmp):
    """'$ ' for users, '# ' for root."""
    want = "# " if os.geteuid() == 0 else "$ "
    t = Term([sh])
    step(f"prompt is {want!r} for euid {os.geteuid()}", t.expect(re.escape(want) + "$"), t)
    kill_session(t)
    if os.geteuid() != 0 or not os.path.exists("/usr/bin/setpriv"):
        return
    os.chmod(tmp, 0o755)
    t = Term(["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", sh])
    step("prompt is '$ ' for a user (setpriv nobody)", t.expect(r"^\$ $"), t)
    t.send("exit\n")
    step("... and exit leaves", wait_exit(t.pid) == 0, t)


def on_alarm(signum, frame):
    raise TimeoutError("test_sh.py took too long")


def main():
    # A hung shell must not hang the test run (tests/run.py allows 300 s):
    # the exception unwinds through the cleanups that kill what we started.
    signal.signal(signal.SIGALRM, on_alarm)
    signal.alarm(240)
    with tempfile.TemporaryDirectory() as tmp:
        sh = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else build(tmp)
        try:
            test_noninteractive(sh, tmp)
            test_scripts(sh, tmp)
            test_interactive(sh)
            test_no_ctty(sh)
            test_no_job_control(sh)
            test_prompt_user(sh, tmp)
        except TimeoutError as e:
            check("the tests finish in time", False, str(e))
    print(f"{passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
