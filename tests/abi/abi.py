#!/usr/bin/env python3
"""The ABI test suite: small static musl programs whose expected output is what
they print on the host Linux; inside sysret they must print the same bytes.

    build(build_dir)            compile tests/abi/*.c into build_dir/abi/bin/
    expected(build_dir, names)  run them on the host: {name: output}
    parse(text)                 the same {name: output} from any runner output
    compare(expected, actual)   [(name, ok, detail)]

Run as a script (`abi.py [BUILD_DIR] [--strace]`) it builds, runs the suite
on the host twice and checks that the two runs agree and that every test
exited 0 (a flaky test is a defect); --strace also checks that only the
system calls listed below were used.

Each test is run by `runner DIR NAME...` (runner.c), which prints
"=== BEGIN NAME", the test's stdout and stderr, "=== END NAME <status>", and
at the very end "=== ALL DONE".

Rules for the test programs (tests/abi/<name>.c, one purpose each):
- Print no pids, addresses, times or host-specific values; print only
  relationships and outcomes ("same pid: yes", "child: exited 42").
- Order the output of related processes by waiting (or through a pipe).
  abi.h makes stdout unbuffered before main.
- Print errno names (errno_name()), never strerror text. Call the system
  call itself (syscall()) where libc would check or touch the arguments first
  (bad pointers, musl's own argument checks), and fork with abi_fork(): musl's
  fork() also calls rt_sigprocmask.
- Finish well under a second; exit 0; create files only in the cwd with names
  like "abi_<test>_..." and remove them.
- Use only these system calls (what sysret implements); strace -f of the
  suite on Linux shows any others:
"""
import concurrent.futures
import difflib
import os
import re
import resource
import shutil
import signal
import subprocess
import sys
import tempfile

SYSCALLS = """
read write open openat close lseek stat fstat lstat newfstatat access faccessat
getdents64 dup dup2 dup3 pipe pipe2 fcntl ioctl chdir fchdir getcwd mkdir mkdirat
rmdir unlink unlinkat rename renameat symlink readlink umask truncate ftruncate
poll ppoll readv writev pread64 pwrite64 brk mmap munmap mprotect mremap fork vfork
clone execve exit exit_group wait4 waitid getpid getppid gettid getpgid kill
nanosleep clock_gettime gettimeofday time uname getuid geteuid getgid getegid
getrandom arch_prctl set_tid_address prlimit64 getrlimit sched_yield
rt_sigaction rt_sigprocmask rt_sigpending rt_sigsuspend rt_sigtimedwait rt_sigreturn
rt_sigqueueinfo sigaltstack pause alarm setitimer getitimer tkill tgkill setpgid setsid
getsid restart_syscall
""".split()
__doc__ += "\n".join("    " + " ".join(SYSCALLS[i:i + 10]) for i in range(0, len(SYSCALLS), 10))

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
CFLAGS = ["-static", "-std=c11", "-O2", "-Wall", "-Wextra", "-Werror"]
TIMEOUT = 120  # seconds for the whole suite on the host


def _bin_dir(build_dir):
    return os.path.join(os.path.abspath(build_dir), "abi", "bin")


MUSL_LIB = "/usr/lib/x86_64-linux-musl"


def _static_pie_cmd(src, exe):
    """musl-gcc's specs cannot make a static PIE (they name an interpreter):
    link one by hand from musl's rcrt1.o, which relocates the program itself."""
    gcc_file = lambda f: subprocess.run(["gcc", "-print-file-name=" + f], capture_output=True,
                                        text=True).stdout.strip()
    return (["gcc", "-std=c11", "-O2", "-Wall", "-Wextra", "-Werror", "-fPIE", "-static-pie",
             "-nostdlib", "-nostdinc", "-isystem", "/usr/include/x86_64-linux-musl",
             "-o", exe, f"{MUSL_LIB}/rcrt1.o", f"{MUSL_LIB}/crti.o", gcc_file("crtbeginS.o"), src,
             f"-L{MUSL_LIB}", "-lc", gcc_file("libgcc.a"), gcc_file("crtendS.o"),
             f"{MUSL_LIB}/crtn.o"])


def _compile(src, exe, header):
    newest = max(os.path.getmtime(src), os.path.getmtime(header))
    if os.path.exists(exe) and os.path.getmtime(exe) >= newest:
        return None
    base = os.path.basename(src)
    if base.endswith("_static_pie.c"):
        cmd = _static_pie_cmd(src, exe)
    elif base == "aux_missing_interpreter.c":	# asks for an interpreter no system has
        cmd = ["musl-gcc"] + CFLAGS[1:] + ["-Wl,-dynamic-linker,/nonexistent/ld-none.so.1",
                                           "-o", exe, src]
    else:
        cmd = ["musl-gcc"] + CFLAGS + ["-o", exe, src]
    done = subprocess.run(cmd, capture_output=True, text=True)
    if done.returncode:
        return f"{os.path.basename(src)}: {done.stderr.strip()}"
    return None


def build(build_dir):
    """Compiles every tests/abi/*.c (and the runner) into build_dir/abi/bin/,
    skipping up-to-date ones. Returns the sorted test names; raises
    RuntimeError with the compiler's messages if anything fails to build."""
    out = _bin_dir(build_dir)
    os.makedirs(out, exist_ok=True)
    header = os.path.join(HERE, "abi.h")
    sources = sorted(f for f in os.listdir(HERE) if f.endswith(".c"))
    jobs = os.cpu_count() or 2
    with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as pool:
        errors = pool.map(lambda f: _compile(os.path.join(HERE, f),
                                             os.path.join(out, f[:-2]), header), sources)
        errors = [e for e in errors if e]
    if errors:
        raise RuntimeError("\n".join(errors))
    # aux_* programs are helpers the tests exec, not tests themselves
    return [f[:-2] for f in sources if f != "runner.c" and not f.startswith("aux_")]


def _host_limits():
    # The same limits on every host: no core files (crash tests would write
    # them) and the usual 8 MiB stack (argument-size limits derive from it).
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    soft, hard = resource.getrlimit(resource.RLIMIT_STACK)
    want = 8 << 20
    if hard == resource.RLIM_INFINITY or hard >= want:
        resource.setrlimit(resource.RLIMIT_STACK, (want, hard))


def run_host(build_dir, names, timeout=TIMEOUT):
    """Runs the runner on the host in a fresh temporary directory and returns
    its output as text. The runner leads its own process group; on timeout the
    whole group is killed and the output so far returned (the tests that did
    not finish are then missing from it)."""
    bindir = _bin_dir(build_dir)
    tmp = tempfile.mkdtemp(prefix="sysret-abi-")
    try:
        proc = subprocess.Popen([os.path.join(bindir, "runner"), bindir] + list(names),
                                cwd=tmp, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                stderr=subprocess.STDOUT, env={"PATH": "/usr/bin:/bin"},
                                start_new_session=True, preexec_fn=_host_limits)
        try:
            out, _ = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            out, _ = proc.communicate()
            out += b"\n(timed out after %d s)\n" % timeout
        else:
            # Nothing a test started may outlive the run.
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        return out.decode("latin-1")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def expected(build_dir, names):
    """The host's output of each test: {name: output + END status line}."""
    return parse(run_host(build_dir, names))


_TEST = re.compile(r"^=== BEGIN (\S+)\n(.*?)(=== END \1 [^\n]*\n)", re.S | re.M)


def parse(output):
    """Splits runner output into {name: text between BEGIN and END + the END
    line}. Carriage returns are dropped, text outside the frames ignored."""
    text = output.replace("\r", "")
    return {m.group(1): m.group(2) + m.group(3) for m in _TEST.finditer(text)}


def compare(expected, actual):
    """[(name, ok, detail)] for every expected test; a missing one fails."""
    results = []
    for name in sorted(expected):
        if name not in actual:
            results.append((name, False, "missing from the output (hung or crashed?)"))
        elif actual[name] == expected[name]:
            results.append((name, True, ""))
        else:
            diff = difflib.unified_diff(expected[name].splitlines(True),
                                        actual[name].splitlines(True),
                                        "expected (Linux)", "actual", n=2)
            results.append((name, False, "".join(diff)))
    return results


def syscalls_outside_list(build_dir, names):
    """Runs the suite under `strace -f` and returns the sorted names of system
    calls used that are not in SYSCALLS (None when strace is not installed).
    The deliberate ENOSYS probes and strace's own restart_syscall are left out."""
    if not shutil.which("strace"):
        return None
    bindir = _bin_dir(build_dir)
    tmp = tempfile.mkdtemp(prefix="sysret-abi-strace-")
    log = os.path.join(tmp, "strace.log")
    work = os.path.join(tmp, "cwd")
    os.mkdir(work)
    try:
        subprocess.run(["strace", "-f", "-qq", "-o", log, os.path.join(bindir, "runner"), bindir]
                       + list(names), cwd=work, stdin=subprocess.DEVNULL,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                       env={"PATH": "/usr/bin:/bin"}, preexec_fn=_host_limits,
                       timeout=TIMEOUT)
        used = set()
        with open(log) as f:
            for line in f:
                m = re.match(r"\d+\s+([a-z0-9_]+)\(", line)
                if m:
                    used.add(m.group(1))
        ignore = {"restart_syscall"}
        return sorted(n for n in used - set(SYSCALLS) - ignore if not n.startswith("syscall_"))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def main():
    args = [a for a in sys.argv[1:] if a != "--strace"]
    build_dir = args[0] if args else os.path.join(ROOT, "build")
    try:
        names = build(build_dir)
    except RuntimeError as e:
        print(e)
        print("0 passed, 1 failed")
        return 1
    first = expected(build_dir, names)
    second = expected(build_dir, names)
    results = compare(first, second)
    for name in names:
        if name not in first:
            results.append((name, False, "no output on Linux (hung?)"))
        elif not first[name].endswith(" exited 0\n"):
            status = first[name].rsplit("\n", 2)[-2]
            results.append((name, False, f"on Linux: {status}"))
    extra = syscalls_outside_list(build_dir, names) if "--strace" in sys.argv else None
    if extra:
        results.append(("(syscalls)", False, "not in the list: " + " ".join(extra)))
    failed = [r for r in results if not r[1]]
    for name, _, detail in failed:
        print(f"FAIL abi {name}: {detail}")
    failed_names = {r[0] for r in failed}
    passed = len(names) - len(failed_names & set(names))
    print(f"{passed} passed, {len(failed_names)} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
