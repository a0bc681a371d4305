#!/usr/bin/env python3
"""Checks the guide (docs/guide/*.md) against the tree:

  - every picture it shows, ![...](../pictures/X.svg), exists and parses
    as XML;
  - every `Code:` line names files that exist, and functions or symbols
    that those files contain:  Code: `path`: `name`, `name` · `path` ...
  - every `tools/trace/docs.py NAME` it gives names a picture of docs.py;
  - every row of docs/MAP.md names files that exist and functions they hold.

    python3 tools/trace/check_docs.py       (make docs and make test run it)

Prints what is wrong and exits 1, or prints "N passed, 0 failed".
"""
import glob
import os
import re
import sys
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
import docs  # noqa: E402

PICTURE = re.compile(r"!\[[^\]]*\]\(\.\./pictures/([^)]+)\)")
TICKED = re.compile(r"`([^`]+)`")


def has_word(text, word):
    """word in text as a whole identifier, not inside a longer one."""
    return re.search(r"(?<![A-Za-z0-9_])%s(?![A-Za-z0-9_])" % re.escape(word), text) is not None


def check_code_line(line, problems):
    """`path`: `a`, `b` · `path2`: `c`: each name must occur in its path."""
    count = 0
    for part in line.split("·"):
        names = TICKED.findall(part)
        if not names:
            continue
        path, symbols = names[0], names[1:]
        full = os.path.join(ROOT, path)
        count += 1
        if not os.path.isfile(full):
            problems.append("no file %s" % path)
            continue
        text = open(full, encoding="utf-8", errors="replace").read()
        for symbol in symbols:
            word = symbol.split()[-1]       # `struct proc`, `enum proc_state`
            count += 1
            if not has_word(text, word):
                problems.append("%s: no %s" % (path, symbol))
    return count


def check_map(problems):
    """docs/MAP.md: | concept | `file`, `file2` | `name`, `name` |. A bare
    file name after the first is in the first one's folder. Each name must
    occur in one of the row's files."""
    count = 0
    for line in open(os.path.join(ROOT, "docs/MAP.md"), encoding="utf-8"):
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if not line.startswith("|") or len(cells) < 3 or cells[0] in ("concept", "") or cells[0].startswith("---"):
            continue
        paths = []
        for f in TICKED.findall(cells[1]):
            for part in (x.strip() for x in f.split(",")):
                if "/" not in part and paths:
                    part = os.path.join(os.path.dirname(paths[0]), part)
                paths.append(part)
        text = ""
        for path in paths:
            count += 1
            full = os.path.join(ROOT, path)
            if os.path.isdir(full):
                continue
            if not os.path.isfile(full):
                problems.append("docs/MAP.md: no file %s" % path)
                continue
            text += open(full, encoding="utf-8", errors="replace").read()
        for name in TICKED.findall(cells[2]):
            word = re.sub(r"\(.*", "", name).replace("…", "").split()[-1] if name.strip("… ") else ""
            if not word:
                continue
            count += 1
            if not has_word(text, word):
                problems.append("docs/MAP.md: %s: no %s" % (", ".join(paths), name))
    return count


def main():
    problems, count = [], 0
    pages = sorted(glob.glob(os.path.join(ROOT, "docs/guide/*.md")))
    names = {p[0] for p in docs.PICTURES}
    for page in pages:
        text = open(page, encoding="utf-8").read()
        where = os.path.relpath(page, ROOT)
        for picture in PICTURE.findall(text):
            count += 1
            path = os.path.join(ROOT, "docs/pictures", picture)
            try:
                ET.parse(path)
            except (OSError, ET.ParseError) as err:
                problems.append("%s: picture %s: %s" % (where, picture, err))
        for line in text.splitlines():
            if line.startswith("Code:"):
                before = len(problems)
                count += check_code_line(line[5:], problems)
                problems[before:] = ["%s: %s" % (where, p) for p in problems[before:]]
        for args in re.findall(r"tools/trace/docs\.py ([a-z_0-9 -]+)`", text):
            for name in args.split():
                count += 1
                if name not in names:
                    problems.append("%s: docs.py has no picture %s" % (where, name))
    count += check_map(problems)
    for problem in problems:
        print("FAIL " + problem)
    print("%d passed, %d failed" % (count - len(problems), len(problems)))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
