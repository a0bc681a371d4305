#!/usr/bin/env python3
"""Draw a sysret event trace as two pictures, like the figures of an OS lecture.

    python3 tools/trace/trace2svg.py run.trace timeline.svg tree.svg [--title "fork demo"]

timeline.svg: one lane per process, time running left to right.
  - bars where the process runs on a CPU: user time and kernel time in two
    colours; a hatched grey bar while it is a zombie (exit to reap), a
    hatched yellow bar while it is stopped (stop to continue);
  - context switches: arrows from the old process's lane to the new one's at
    the time of the switch, labelled with why (preempt, block, ...), one
    colour per CPU;
  - exceptions and interrupts: small markers on the lane (fault, trap, abort,
    interrupt), filled when they came from user mode; hover for the details
    (name, rip, outcome);
  - signals: an arrow from the lane of the process that generated the signal
    to the receiver's, labelled with the signal's name, a dotted line while
    it is pending, and where it is delivered: a band under the bar while a
    handler runs (to its sig_return), a cross where it kills;
  - fork: a dotted arrow from the parent to the child; exec: a tick with the
    program's name.
  A process that is not traced (with `pid=N`, as the trace tool sets it: the
  tool itself, which forks and reaps the command) shows up only in the
  events of traced ones; its lane is grey, marked "not traced", and its
  bars are dotted grey: it ran there, doing what is not recorded.
  The idle process of each CPU gets a lane at the bottom, so that a switch
  to or from idle, and a signal sent by the kernel while idle (a ^C typed
  at the console), have somewhere to go.

tree.svg: the process tree: a box per process with its name, pid, the
  programs it ran ("sh → hello") and how it ended ("exit 0", "killed by
  SIGINT"), a "zombie for X" badge when it waited to be reaped, arrows from
  parent to child (fork), and dashed arrows to the process that adopted an
  orphan (init). A process that is not traced is a grey dashed box.

Both are plain SVG 1.1, self-contained: open them in a web browser, or put
them in slides. Hovering over a mark shows its details (the <title> of each
element). With many events, tiny stretches of user and kernel time are merged
(coloured by the larger one) so that the picture stays readable.
"""
import argparse
import bisect
import math
import os
import sys
from xml.sax.saxutils import escape, quoteattr

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import tracefile  # noqa: E402
from tracefile import format_duration, signal_name  # noqa: E402

sys.setrecursionlimit(max(sys.getrecursionlimit(), 10000))   # deep process trees

MAX_WIDTH = 1600            # the timeline is never wider than this
PX_PER_US = 50              # ... and has this many pixels per µs when it can
MIN_PLOT = 480
MANY_EVENTS = 2000          # above this, tiny intervals are merged
FONT = "DejaVu Sans, Verdana, Arial, sans-serif"

COLOR = {
    "user": "#4f8fd6", "kernel": "#e8743b", "idle": "#d4d4d4",
    "zombie": "#8c8c8c", "stopped": "#d9a400",
    "signal": "#c2185b", "fork": "#7a7a7a", "text": "#222222", "muted": "#666666",
    "fault": "#d62728", "trap": "#2e9e44", "abort": "#111111", "interrupt": "#8e5bc8",
    "grid": "#e4e4e4", "lane": "#f5f7fa", "orphan": "#e07b00",
    "untraced": "url(#untraced)", "untraced_lane": "#ededed",
}
CPU_COLORS = ["#222222", "#7b3294", "#00796b", "#a6611a", "#1f4e9e", "#b2182b",
              "#4d7d00", "#6a3d9a"]


def cpu_color(model, cpu):
    return CPU_COLORS[model.cpus.index(cpu) % len(CPU_COLORS)] if cpu in model.cpus \
        else CPU_COLORS[0]


def text_width(text, size=11):
    """A guess of the width of text in pixels (no font metrics here)."""
    return len(text) * size * 0.6


def shorten(text, n):
    return text if len(text) <= n else text[:n - 1] + "…"


# ---------------------------------------------------------------------------
# A tiny SVG writer
# ---------------------------------------------------------------------------

class Svg:
    """Collects elements; document() wraps them in an <svg>.

    Attribute names are written Python-style: stroke_width="2" becomes
    stroke-width="2", class_="x" becomes class="x".
    """

    def __init__(self):
        self.parts, self.defs, self.markers = [], [], set()

    def add(self, tag, title=None, text=None, **attrs):
        inner = ""
        if title:
            inner += "<title>%s</title>" % escape(title)
        if text is not None:
            inner += escape(text)
        if inner:
            self.parts.append("<%s%s>%s</%s>" % (tag, _attrs(attrs), inner, tag))
        else:
            self.parts.append("<%s%s/>" % (tag, _attrs(attrs)))

    def begin(self, tag, title=None, **attrs):
        self.parts.append("<%s%s>" % (tag, _attrs(attrs)))
        if title:
            self.parts.append("<title>%s</title>" % escape(title))

    def end(self, tag):
        self.parts.append("</%s>" % tag)

    def text(self, x, y, text, size=11, color=COLOR["text"], anchor="start", bold=False,
             title=None, **attrs):
        if title:               # the tooltip on a group, to keep the text plain
            self.begin("g", title=title)
        self.add("text", text=text, x=x, y=y, font_size=size, fill=color,
                 text_anchor=anchor, font_weight="bold" if bold else None, **attrs)
        if title:
            self.end("g")

    def arrow_marker(self, color):
        """The id of an arrowhead marker in color (SVG 1.1 markers do not
        take the line's colour, so there is one per colour)."""
        ident = "arrow" + color.lstrip("#")
        if ident not in self.markers:
            self.markers.add(ident)
            self.defs.append(
                '<marker id="%s" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" '
                'markerHeight="7" markerUnits="userSpaceOnUse" orient="auto">'
                '<path d="M0,0 L10,5 L0,10 z" fill="%s"/></marker>' % (ident, color))
        return "url(#%s)" % ident

    def hatch(self, ident, color, background):
        self.defs.append(
            '<pattern id="%s" width="6" height="6" patternUnits="userSpaceOnUse" '
            'patternTransform="rotate(45)"><rect width="6" height="6" fill="%s"/>'
            '<line x1="0" y1="0" x2="0" y2="6" stroke="%s" stroke-width="2.5"/></pattern>'
            % (ident, background, color))

    def dots(self, ident, color, background):
        self.defs.append(
            '<pattern id="%s" width="5" height="5" patternUnits="userSpaceOnUse">'
            '<rect width="5" height="5" fill="%s"/><circle cx="2.5" cy="2.5" r="0.9" fill="%s"/>'
            '</pattern>' % (ident, background, color))

    def document(self, width, height):
        head = ('<?xml version="1.0" encoding="UTF-8"?>\n'
                '<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="%d" height="%d" '
                'viewBox="0 0 %d %d" font-family=%s>\n'
                % (math.ceil(width), math.ceil(height), math.ceil(width), math.ceil(height),
                   quoteattr(FONT)))
        defs = "<defs>\n%s\n</defs>\n" % "\n".join(self.defs) if self.defs else ""
        background = '<rect x="0" y="0" width="100%" height="100%" fill="#ffffff"/>\n'
        return head + defs + background + "\n".join(self.parts) + "\n</svg>\n"


def _attrs(attrs):
    out = []
    for key, value in attrs.items():
        if value is None:
            continue
        name = key.rstrip("_").replace("_", "-")
        if isinstance(value, float):
            value = ("%.2f" % value).rstrip("0").rstrip(".")
        out.append(" %s=%s" % (name, quoteattr(str(value))))
    return "".join(out)


class Placer:
    """Remembers where labels went, so that new ones do not cover them."""

    def __init__(self, limit=4000):
        self.boxes, self.limit = [], limit

    def place(self, x, y, w, h):
        """True (and the box is taken) if (x, y, w, h) overlaps no label."""
        if len(self.boxes) >= self.limit:
            return False
        for bx, by, bw, bh in self.boxes:
            if x < bx + bw and bx < x + w and y < by + bh and by < y + h:
                return False
        self.boxes.append((x, y, w, h))
        return True


class Labels:
    """Labels wanted on the timeline, placed at the end, most important
    first, each at the first of its spots where it covers no other label
    (or at its first spot anyway, if it must be shown). They are drawn last,
    with a white outline, so that they stay readable over bars and arrows."""

    def __init__(self, left, right):
        self.left, self.right = left, right     # labels stay between these x
        self.placer = Placer()
        self.wanted = []
        self.arrows = []        # (x, top, bottom) of the vertical arrows

    def obstacle(self, x, y, w, h):
        self.placer.place(x, y, w, h)

    def arrow(self, x, y1, y2):
        """A label must not be crossed by an arrow, or it would be read as
        that arrow's: there is room for it only between arrows."""
        self.arrows.append((x, min(y1, y2), max(y1, y2)))

    def crossed(self, x, y, w, h):
        i = bisect.bisect_right(self.arrows, (x, float("inf"), 0))
        while i < len(self.arrows) and self.arrows[i][0] < x + w:
            _, top, bottom = self.arrows[i]
            if top < y + h and y < bottom:
                return True
            i += 1
        return False

    def want(self, priority, spots, text, size=9, color=COLOR["text"], bold=False,
             must=False):
        """spots: [(x, baseline y, "start" or "end")], best first."""
        self.wanted.append((priority, len(self.wanted), spots, text, size, color, bold, must))

    def draw(self, svg):
        self.arrows.sort()
        for _, _, spots, text, size, color, bold, must in sorted(self.wanted,
                                                                 key=lambda w: w[:2]):
            w = text_width(text, size) + (size * 0.1 * len(text) if bold else 0)
            for x, y, anchor in spots:
                left = x - w - 1 if anchor == "end" else x - 1
                if left < self.left or left + w > self.right:
                    continue
                if not self.crossed(left, y - size, w + 2, size + 2) and \
                        self.placer.place(left, y - size, w + 2, size + 2):
                    break
            else:
                if not must:
                    continue
                x, y, anchor = spots[0]
            for outline in (True, False):
                svg.text(x, y, text, size=size, color=color, anchor=anchor, bold=bold,
                         stroke="#ffffff" if outline else None,
                         stroke_width=3 if outline else None,
                         stroke_linejoin="round" if outline else None)


# ---------------------------------------------------------------------------
# The timeline
# ---------------------------------------------------------------------------

LANE_H = 42                 # a lane: markers (0-12), bar (14-28), signal row (30-36)
BAR_TOP, BAR_BOTTOM = 14, 28
MARK_Y, BAND_Y = 7, 33


class Scale:
    """Time (ns) to x (pixels)."""

    def __init__(self, t0, t1, x0, width):
        self.t0, self.x0, self.width = t0, x0, width
        self.span = max(t1 - t0, 1)

    def x(self, ts):
        return self.x0 + (ts - self.t0) * self.width / self.span


class Lanes:
    """One lane per process (tree order), then one per CPU for idle."""

    def __init__(self, model, top):
        self.keys = [pid for pid in model.tree_order()]
        idle_cpus = sorted({run.cpu for run in model.runs if run.pid == 0} |
                           {e["cpu"] for e in model.trace.events
                            if e["pid"] == 0 and tracefile.runs_on_cpu(e)})
        self.keys += [("idle", cpu) for cpu in idle_cpus]
        self.index = {key: i for i, key in enumerate(self.keys)}
        self.top = top
        self.model = model

    @staticmethod
    def key(pid, cpu):
        return ("idle", cpu) if pid == 0 else pid

    def label(self, key):
        if isinstance(key, tuple):
            return "idle (CPU %d)" % key[1]
        p = self.model.procs[key]
        return p.label if p.traced else p.label + " (not traced)"

    def traced(self, key):
        return isinstance(key, tuple) or self.model.procs[key].traced

    def y(self, key):
        """The top of the lane of key, or None if there is no such lane."""
        i = self.index.get(key)
        return None if i is None else self.top + i * LANE_H

    @property
    def bottom(self):
        return self.top + len(self.keys) * LANE_H

    def edge_towards(self, key, other):
        """The y where an arrow from lane key towards lane other leaves (or
        enters) key's bar: its bottom when other is below, else its top."""
        y = self.y(key)
        return y + BAR_BOTTOM if self.index[other] > self.index[key] else y + BAR_TOP


class Timeline:
    """Draws the timeline of a Model."""

    def __init__(self, model, title):
        self.model, self.title = model, title
        self.svg = Svg()
        self.merge = len(model.trace.events) > MANY_EVENTS
        self.drawn = set()          # what is already drawn at a pixel (see crowded)
        self.notes = []
        self.lanes = Lanes(model, 0)
        longest = max([len(shorten(self.lanes.label(k), 36)) for k in self.lanes.keys] + [8])
        self.label_w = min(max(130, longest * 7 + 24), 320)
        duration_us = (model.t1 - model.t0) / 1000.0
        plot_w = min(max(duration_us * PX_PER_US, MIN_PLOT), MAX_WIDTH - self.label_w - 40)
        self.width = self.label_w + plot_w + 40
        self.scale = Scale(model.t0, model.t1, self.label_w + 10, plot_w)
        self.labels = Labels(self.label_w, self.width - 4)
        self.legend_rows = self.legend_layout()
        self.lanes.top = 58 + 20 * len(self.legend_rows) + 8

    def crowded(self, what, lane, x, *more):
        """With many events: True if the same mark is already drawn at this
        pixel of this lane, so that drawing it again would change nothing."""
        if not self.merge:
            return False
        key = (what, lane, int(x)) + more
        if key in self.drawn:
            return True
        self.drawn.add(key)
        return False

    # -- the whole picture --
    def draw(self):
        svg, model = self.svg, self.model
        svg.hatch("zombie", COLOR["zombie"], "#eeeeee")
        svg.hatch("stopped", COLOR["stopped"], "#fff6d5")
        svg.dots("untraced", "#8c8c8c", "#e2e2e2")
        self.draw_header()
        self.draw_lane_backgrounds()
        self.draw_axis()
        for key in self.lanes.keys:
            self.draw_states(key)
        for pid, segments in model.segments.items():
            self.draw_segments(pid, segments)
        self.draw_exceptions()
        self.draw_execs()
        self.draw_signal_rows()
        self.draw_forks()
        self.draw_switches()
        self.draw_signals()
        self.labels.draw(self.svg)
        height = self.draw_footer()
        return svg.document(self.width, height)

    # -- title, legend, notes --
    def draw_header(self):
        model = self.model
        self.svg.text(12, 24, self.title, size=17, bold=True)
        ncpu = len(model.cpus)
        sub = "%d events on %d CPU%s over %s; time 0 is %d ns after boot" % (
            len(model.trace.events), ncpu, "" if ncpu == 1 else "s",
            format_duration(model.t1 - model.t0), model.t0)
        self.svg.text(12, 44, sub, size=11, color=COLOR["muted"])
        for row, items in enumerate(self.legend_rows):
            y = 58 + row * 20
            for x, draw, label in items:
                draw(x, y + 7)
                self.svg.text(x + 26, y + 11, label, size=11)

    def legend_items(self):
        """[(label, function drawing the sample at (x, y))] for what the
        picture shows."""
        svg, model = self.svg, self.model
        shown = self.shown()

        def swatch(fill):
            return lambda x, y: svg.add("rect", x=x, y=y - 5, width=20, height=10, fill=fill)

        def mark(cls, filled=True):
            return lambda x, y: marker(svg, cls, x + 10, y, filled)

        def arrow(color, dash=None):
            return lambda x, y: svg.add("line", x1=x, y1=y, x2=x + 20, y2=y, stroke=color,
                                        stroke_width=1.5, stroke_dasharray=dash,
                                        marker_end=svg.arrow_marker(color))

        items = [("user mode", swatch(COLOR["user"]), True),
                 ("kernel mode", swatch(COLOR["kernel"]), True),
                 ("idle", swatch(COLOR["idle"]), "idle" in shown),
                 ("zombie", swatch("url(#zombie)"), "zombie" in shown),
                 ("stopped", swatch("url(#stopped)"), "stop" in shown),
                 ("not traced", swatch(COLOR["untraced"]), "untraced" in shown)]
        items += [(cls, mark(cls), cls in shown) for cls in ("fault", "trap", "abort",
                                                             "interrupt")]
        items.append(("hollow: from kernel mode", mark("fault", False), "hollow" in shown))
        switching = sorted({e["cpu"] for e in model.trace.events if e["kind"] == "switch"})
        if len(model.cpus) > 1:
            items += [("switch on CPU %d" % cpu, arrow(cpu_color(model, cpu)), True)
                      for cpu in switching]
        else:
            items.append(("context switch", arrow(CPU_COLORS[0]), bool(switching)))
        items += [("signal", arrow(COLOR["signal"], "5,3"), "sig_gen" in shown),
                  ("signal handler runs", lambda x, y: svg.add(
                      "rect", x=x, y=y - 2.5, width=20, height=5, fill=COLOR["signal"],
                      fill_opacity=0.45), "handler" in shown),
                  ("fork", arrow(COLOR["fork"], "2,2"), "fork" in shown)]
        return [(label, draw) for label, draw, wanted in items if wanted]

    def shown(self):
        """The kinds of marks the picture has: event kinds, exception
        classes, "idle", "zombie", "handler", "hollow"."""
        model, events = self.model, self.model.trace.events
        shown = {e["kind"] for e in events}
        shown |= {exception_class(e) for e in events if e["kind"] in ("exception", "irq")}
        if any(e["kind"] == "exception" and e.get("user") == 0 for e in events):
            shown.add("hollow")
        if any(isinstance(key, tuple) for key in self.lanes.keys):
            shown.add("idle")
        if any(p.exit_ts is not None for p in model.procs.values()):
            shown.add("zombie")
        if model.handlers:
            shown.add("handler")
        if not all(self.lanes.traced(key) for key in self.lanes.keys):
            shown.add("untraced")
        return shown

    def legend_layout(self):
        rows, x = [[]], 12
        for label, draw in self.legend_items():
            w = 26 + text_width(label) + 16
            if x + w > self.width - 12 and rows[-1]:
                rows.append([])
                x = 12
            rows[-1].append((x, draw, label))
            x += w
        return rows

    def draw_footer(self):
        model, y = self.model, self.lanes.bottom + 56
        trace = model.trace
        if trace.skipped:
            self.notes.append("%d line%s of the file skipped: not events (console output?)" % (
                len(trace.skipped), "" if len(trace.skipped) == 1 else "s"))
        for cpu, count in sorted(trace.lost.items()):
            self.notes.append("%d event%s lost on CPU %d: its trace ring was full" % (
                count, "" if count == 1 else "s", cpu))
        guessed = sorted({run.cpu for run in model.runs if run.inferred})
        if guessed:
            self.notes.append("no context switches on CPU %s in the trace: who ran when "
                              "there is guessed from the PID column"
                              % ", ".join(str(cpu) for cpu in guessed))
        if self.merge:
            self.notes.append("more than %d events: stretches under a pixel are merged, "
                              "coloured by the mode they spent most time in, lighter when "
                              "the process ran only part of that time" % MANY_EVENTS)
        for note in self.notes:
            self.svg.text(12, y, "Note: " + note, size=11, color=COLOR["muted"])
            y += 16
        return y + 4

    # -- lanes and axis --
    def draw_lane_backgrounds(self):
        svg, lanes, scale = self.svg, self.lanes, self.scale
        for i, key in enumerate(lanes.keys):
            y = lanes.y(key)
            traced = lanes.traced(key)
            if not traced:
                svg.add("rect", x=4, y=y, width=self.width - 8, height=LANE_H,
                        fill=COLOR["untraced_lane"])
            elif i % 2 == 0:
                svg.add("rect", x=4, y=y, width=self.width - 8, height=LANE_H, fill=COLOR["lane"])
            svg.text(self.label_w - 6, y + BAR_BOTTOM - 3, shorten(lanes.label(key), 36),
                     size=12, anchor="end", title=self.lane_title(key),
                     color=COLOR["text"] if traced else COLOR["muted"])
        svg.add("line", x1=scale.x0, y1=lanes.top, x2=scale.x0, y2=lanes.bottom,
                stroke="#bbbbbb")

    def lane_title(self, key):
        if isinstance(key, tuple):
            return "the idle process of CPU %d (pid 0)" % key[1]
        p = self.model.procs[key]
        if not p.traced:
            return ("%s is not traced: it shows up only in the events of traced processes "
                    "(a switch to it, a signal it sends, a child it reaps); what it did "
                    "itself is not recorded" % p.label)
        lines = [p.label, "programs: " + (" → ".join(p.programs) or "?"), p.fate]
        if p.parent is not None:
            lines.append("parent: %s" % self.model.proc(p.parent).label)
        return "\n".join(lines)

    def draw_axis(self):
        svg, scale, lanes = self.svg, self.scale, self.lanes
        unit, per = time_unit(self.model.t1 - self.model.t0)
        step = nice_step((self.model.t1 - self.model.t0) / per / 8.0)
        y = lanes.bottom + 6
        svg.add("line", x1=scale.x0, y1=y, x2=scale.x0 + scale.width, y2=y, stroke="#555555")
        value = 0.0
        while value * per <= scale.span + 1e-9:
            x = scale.x(self.model.t0 + value * per)
            svg.add("line", x1=x, y1=lanes.top, x2=x, y2=lanes.bottom, stroke=COLOR["grid"])
            svg.add("line", x1=x, y1=y, x2=x, y2=y + 5, stroke="#555555")
            svg.text(x, y + 17, tick_label(value, step), size=10, anchor="middle")
            value += step
        svg.text(scale.x0 + scale.width / 2, y + 34, "time since the first event (%s)" % unit,
                 size=11, anchor="middle", color=COLOR["muted"])

    # -- bars --
    def draw_states(self, key):
        """Zombie and stopped stretches of a process, under its run bars."""
        if isinstance(key, tuple):
            return
        p, model = self.model.procs[key], self.model
        y = self.lanes.y(key)
        zombie = p.zombie_span(model.t1)
        if zombie:
            start, end, reaped = zombie
            by = (" by %s" % model.proc(p.reaper).label) if reaped else ""
            title = "zombie: %s %s, %s until reaped%s (%s)" % (
                p.label, p.fate, "waited" if reaped else "still waiting at the end", by,
                format_duration(end - start))
            self.state_bar(y, start, end, "url(#zombie)", "zombie", title)
        for start, end, sig in p.stops:
            end = model.t1 if end is None else end
            title = "stopped by %s for %s" % (signal_name(sig), format_duration(end - start))
            self.state_bar(y, start, end, "url(#stopped)", "stopped", title)

    def state_bar(self, y, start, end, fill, word, title):
        x0, x1 = self.scale.x(start), self.scale.x(end)
        w = max(x1 - x0, 1.5)
        self.svg.add("rect", title=title, x=x0, y=y + BAR_TOP, width=w,
                     height=BAR_BOTTOM - BAR_TOP, fill=fill, stroke="#999999", stroke_width=0.5)
        if w > text_width(word, 10) + 6:
            self.svg.text(x0 + w / 2, y + BAR_BOTTOM - 3.5, word, size=10, anchor="middle",
                          color="#333333")

    def draw_segments(self, pid, segments):
        """The user, kernel (or idle) bars of a process."""
        by_lane = {}
        for seg in segments:        # idle has a lane per CPU
            by_lane.setdefault(Lanes.key(pid, seg.cpu), []).append(seg)
        for key, lane_segments in by_lane.items():
            y = self.lanes.y(key)
            if y is None:
                continue
            pieces = bars(lane_segments, self.scale, self.merge)
            for piece in pieces:
                title = piece.title(self.lanes.label(key)) if len(pieces) <= 3000 else None
                busy = piece.busy
                self.svg.add("rect", title=title, x=piece.x0, y=y + BAR_TOP,
                             width=max(piece.x1 - piece.x0, 0.6), height=BAR_BOTTOM - BAR_TOP,
                             fill=COLOR[piece.mode],
                             fill_opacity=None if busy > 0.999 else max(0.25, busy))

    # -- marks on the lanes --
    def draw_execs(self):
        svg = self.svg
        for event in self.model.trace.events:
            if event["kind"] != "exec":
                continue
            y = self.lanes.y(Lanes.key(event["pid"], event["cpu"]))
            x = self.scale.x(event["ts"])
            if self.crowded("exec", y, x):
                continue
            name = os.path.basename(str(event.get("path", "")))
            svg.add("line", title="exec %s" % event.get("path"), x1=x, y1=y + 2, x2=x,
                    y2=y + BAR_BOTTOM, stroke="#000000", stroke_width=1.5)
            self.labels.want(3, [(x + 3, y + 9, "start"), (x - 3, y + 9, "end")],
                             "exec " + name, must=not self.merge)

    def draw_exceptions(self):
        for event in self.model.trace.events:
            if event["kind"] not in ("exception", "irq"):
                continue
            y = self.lanes.y(Lanes.key(event["pid"], event["cpu"]))
            if y is None:
                continue
            cls = exception_class(event)
            filled = event["kind"] == "irq" or event.get("user", 1) == 1
            x = self.scale.x(tracefile.event_start(event))
            if self.crowded("mark", y, x, cls, filled):
                continue
            marker(self.svg, cls, x, y + MARK_Y, filled, exception_title(event))
            if not self.merge:
                self.labels.obstacle(x - 4, y + MARK_Y - 4, 8, 8)

    def draw_signal_rows(self):
        """Under each bar: pending signals (dotted), handlers (a band), and
        what each delivery did."""
        for flow in self.model.signals:
            if flow.deliver is not None and flow.deliver["ts"] > flow.gen["ts"]:
                self.pending_line(flow)
        for handler in self.model.handlers:
            self.handler_band(handler)
        for event in self.model.trace.events:
            if event["kind"] == "sig_deliver" and event.get("action") != "handler":
                self.delivery_mark(event)

    def pending_line(self, flow):
        deliver = flow.deliver
        y = self.lanes.y(Lanes.key(deliver["pid"], deliver["cpu"]))
        x0, x1 = self.scale.x(flow.gen["ts"]), self.scale.x(deliver["ts"])
        title = "%s pending for %s" % (signal_name(flow.sig),
                                       format_duration(deliver["ts"] - flow.gen["ts"]))
        self.svg.add("line", title=title, x1=x0, y1=y + BAND_Y, x2=x1, y2=y + BAND_Y,
                     stroke=COLOR["signal"], stroke_width=1.2, stroke_dasharray="1.5,2")

    def handler_band(self, handler):
        deliver, model = handler.deliver, self.model
        y = self.lanes.y(Lanes.key(deliver["pid"], deliver["cpu"]))
        start = deliver["ts"]
        end = handler.ret["ts"] if handler.ret else handler_end(model, handler)
        x0, x1 = self.scale.x(start), self.scale.x(end)
        title = "%s handler at %s runs for %s%s" % (
            signal_name(handler.sig), hex_text(deliver.get("handler")),
            format_duration(end - start), "" if handler.ret else " (did not return)")
        self.svg.add("rect", title=title, x=x0, y=y + BAND_Y - 2.5, width=max(x1 - x0, 2),
                     height=5, fill=COLOR["signal"], fill_opacity=0.45)
        triangle(self.svg, x0, y + BAND_Y, "right", COLOR["signal"],
                 "%s delivered: its handler starts" % signal_name(handler.sig))
        if handler.ret:
            triangle(self.svg, x1, y + BAND_Y, "left", COLOR["signal"],
                     "the %s handler returns (sig_return)" % signal_name(handler.sig))
        self.labels.want(4, [(x0 + 4, y + BAND_Y + 10, "start"),
                             (x1 + 6, y + BAND_Y + 4, "start")],
                         signal_name(handler.sig) + " handler", color=COLOR["signal"])

    def delivery_mark(self, event):
        y = self.lanes.y(Lanes.key(event["pid"], event["cpu"]))
        x = self.scale.x(event["ts"])
        action, sig = event.get("action"), signal_name(event.get("sig"))
        title = "%s delivered: %s" % (sig, action)
        if action in ("term", "core"):
            mid = y + (BAR_TOP + BAR_BOTTOM) / 2
            self.svg.begin("g", title="killed by %s%s" % (sig, " (core dump)" if action == "core"
                                                            else ""))
            for dx in (-1, 1):
                self.svg.add("line", x1=x - 5, y1=mid - 5 * dx, x2=x + 5, y2=mid + 5 * dx,
                             stroke="#c00000", stroke_width=2.5)
            self.svg.end("g")
        else:
            self.svg.add("circle", title=title, cx=x, cy=y + BAND_Y, r=2.8, fill="#ffffff",
                         stroke=COLOR["signal"], stroke_width=1.3)

    # -- arrows between lanes --
    def draw_switches(self):
        model = self.model
        for event in model.trace.events:
            if event["kind"] != "switch":
                continue
            a = Lanes.key(event["from"], event["cpu"])
            b = Lanes.key(event["to"], event["cpu"])
            if a == b or self.lanes.y(a) is None or self.lanes.y(b) is None:
                continue
            color = cpu_color(model, event["cpu"])
            title = "CPU %d switches from %s to %s (why=%s) at %s" % (
                event["cpu"], self.lanes.label(a), self.lanes.label(b), event.get("why"),
                self.at(event["ts"]))
            self.lane_arrow(a, b, event["ts"], color, title, str(event.get("why", "")),
                            width=1.3, priority=1)

    def draw_forks(self):
        for event in self.model.trace.events:
            if event["kind"] == "fork":
                a = Lanes.key(event["pid"], event["cpu"])
                b = Lanes.key(event["child"], event["cpu"])
                if a != b and self.lanes.y(a) is not None and self.lanes.y(b) is not None:
                    title = "%s forks %s (%s)" % (self.lanes.label(a), self.lanes.label(b),
                                                  event.get("flags"))
                    self.lane_arrow(a, b, event["ts"], COLOR["fork"], title,
                                    str(event.get("flags", "fork")), dash="2,2", priority=2)

    def draw_signals(self):
        for flow in self.model.signals:
            gen = flow.gen
            a = Lanes.key(gen["pid"], gen["cpu"])
            b = Lanes.key(gen["to"], gen["cpu"])
            if self.lanes.y(a) is None or self.lanes.y(b) is None:
                continue
            name = signal_name(flow.sig)
            title = signal_title(flow, self.lanes.label(a), self.lanes.label(b))
            title += " at " + self.at(gen["ts"])
            if a == b:
                self.self_signal(a, gen["ts"], name, title)
            else:
                self.lane_arrow(a, b, gen["ts"], COLOR["signal"], title, name, dash="5,3",
                                priority=0, must=len(self.model.signals) <= 100, bold=True)

    def lane_arrow(self, a, b, ts, color, title, label, dash=None, width=1.2,
                   priority=1, must=False, bold=False):
        """A vertical arrow at time ts from lane a to lane b, labelled if
        there is room (or if it must be)."""
        x = self.scale.x(ts)
        y1, y2 = self.lanes.edge_towards(a, b), self.lanes.edge_towards(b, a)
        self.labels.arrow(x, y1, y2)
        if self.crowded("arrow", y1, x, y2, color):
            return
        self.svg.add("line", title=title, x1=x, y1=y1, x2=x, y2=y2, stroke=color,
                     stroke_width=width, stroke_dasharray=dash,
                     marker_end=self.svg.arrow_marker(color))
        if not label:
            return
        heights = [(y1 + y2) / 2 + 4 + d for d in (0, -10, 10, -20, 20, -30, 30)]
        heights = [h for h in heights if min(y1, y2) + 9 <= h <= max(y1, y2)] or \
            [(y1 + y2) / 2 + 4]
        spots = [spot for h in heights for spot in ((x + 3, h, "start"), (x - 3, h, "end"))]
        self.labels.want(priority, spots, label, color=color, bold=bold, must=must)

    def self_signal(self, key, ts, name, title):
        """A signal a process sends to itself (or the kernel sends it while
        it runs): a little loop above its bar."""
        x, y = self.scale.x(ts), self.lanes.y(key) + BAR_TOP
        color = COLOR["signal"]
        self.labels.obstacle(x - 6, y - 12, 12, 12)
        self.svg.add("path", title=title, d="M%.1f,%.1f C%.1f,%.1f %.1f,%.1f %.1f,%.1f" % (
            x, y, x - 8, y - 14, x + 8, y - 14, x + 1, y - 1), fill="none", stroke=color,
            stroke_width=1.2, marker_end=self.svg.arrow_marker(color))
        self.labels.want(0, [(x + 7, y - 5, "start"), (x - 7, y - 5, "end")], name,
                         color=color, bold=True, must=True)

    def at(self, ts):
        return "%s after the start" % format_duration(ts - self.model.t0)


def time_unit(duration_ns):
    """The unit of the time axis: ('µs', 1e3), ('ms', 1e6) or ('s', 1e9)."""
    if duration_ns >= 5e9:
        return "s", 1e9
    return ("ms", 1e6) if duration_ns >= 5e6 else ("µs", 1e3)


def nice_step(rough):
    """1, 2 or 5 times a power of ten, near rough."""
    if rough <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(rough))
    for factor in (1, 2, 5, 10):
        if factor * power >= rough:
            return factor * power
    return 10 * power


def handler_end(model, handler):
    """Where a handler that never returned stops: the exit of its process
    (a handler may call exit), else the end of the trace."""
    exit_ts = model.procs[handler.pid].exit_ts
    return exit_ts if exit_ts is not None and exit_ts >= handler.deliver["ts"] else model.t1


def tick_label(value, step):
    decimals = max(0, -int(math.floor(math.log10(step)))) if step < 1 else 0
    return "%.*f" % (decimals, value)


class Piece:
    """A bar on a lane: a segment, or tiny neighbouring segments merged."""

    def __init__(self, seg, scale):
        self.x0, self.x1 = scale.x(seg.start), scale.x(seg.end)
        self.start, self.end = seg.start, seg.end
        self.times = {seg.mode: seg.end - seg.start}
        self.cpus = {seg.cpu}

    @property
    def mode(self):
        """The mode it spent the most time in."""
        return max(self.times, key=self.times.get)

    @property
    def busy(self):
        """The part of its span it really ran: merged pieces have gaps."""
        return sum(self.times.values()) / float(max(self.end - self.start, 1))

    def absorb(self, other):
        self.x1, self.end = max(self.x1, other.x1), max(self.end, other.end)
        for mode, ns in other.times.items():
            self.times[mode] = self.times.get(mode, 0) + ns
        self.cpus |= other.cpus

    def title(self, label):
        total = sum(self.times.values())
        cpus = "CPU " + ", ".join(str(cpu) for cpu in sorted(self.cpus))
        if len(self.times) == 1 and self.busy > 0.999:
            return "%s: %s mode on %s for %s" % (label, self.mode, cpus, format_duration(total))
        parts = ", ".join("%s %d%%" % (mode, round(100.0 * ns / total))
                          for mode, ns in sorted(self.times.items()))
        return "%s on %s: ran %s of %s (merged: %s)" % (
            label, cpus, format_duration(total), format_duration(self.end - self.start), parts)


def bars(segments, scale, merge):
    """[Piece] for the segments of a lane. With merge, neighbours less than a
    pixel apart are merged when one of them is narrower than a pixel."""
    pieces = []
    for seg in segments:
        piece = Piece(seg, scale)
        last = pieces[-1] if pieces else None
        if merge and last and piece.x0 - last.x1 < 1 and \
                (piece.x1 - piece.x0 < 1 or last.x1 - last.x0 < 1):
            last.absorb(piece)
        else:
            pieces.append(piece)
    return pieces


def hex_text(value):
    return "0x%x" % value if isinstance(value, int) else str(value)


def exception_class(event):
    """fault, trap, abort or interrupt: the marker to draw."""
    if event["kind"] == "irq":
        return "interrupt"
    cls = event.get("class")
    return cls if cls in ("fault", "trap", "abort", "interrupt") else "abort"


def exception_title(event):
    took = format_duration(event["ts"] - tracefile.event_start(event))
    if event["kind"] == "irq":
        return "interrupt from %s (vector %s) on CPU %d, took %s" % (
            event.get("src"), event.get("vec"), event["cpu"], took)
    outcome = event.get("outcome")
    lines = ["%s (vector %s, a %s) from %s mode" % (
        event.get("name"), event.get("vec"), event.get("class"),
        "user" if event.get("user") == 1 else "kernel"),
        "rip=%s" % hex_text(event.get("rip"))]
    if "resume" in event:
        lines[-1] += " resume=%s" % hex_text(event.get("resume"))
    lines.append("err=%s cr2=%s" % (hex_text(event.get("err")),
                                    hex_text(event.get("cr2"))))
    lines.append("outcome=%s: %s" % (outcome, tracefile.OUTCOMES.get(outcome, "?")))
    if "sig" in event:
        lines[-1] += " (%s)" % signal_name(event["sig"])
    lines.append("took %s" % took)
    return "\n".join(lines)


def signal_title(flow, sender, receiver):
    sig = flow.sig
    text = "%s (%s) from %s to %s, code %s" % (
        signal_name(sig), sig, sender, receiver,
        tracefile.si_code_name(sig, flow.gen.get("code")))
    if flow.deliver is None:
        return text + "; not delivered in the trace"
    return text + "; delivered %s later: %s" % (
        format_duration(flow.deliver["ts"] - flow.gen["ts"]), flow.deliver.get("action"))


def marker(svg, cls, x, y, filled=True, title=None):
    """The marker of an exception class at (x, y)."""
    color = COLOR[cls]
    fill = color if filled else "#ffffff"
    common = dict(title=title, fill=fill, stroke=color, stroke_width=1.2)
    if cls == "fault":      # a triangle pointing down at the instruction
        svg.add("path", d="M%.1f,%.1f L%.1f,%.1f L%.1f,%.1f z" % (
            x - 4.5, y - 4, x + 4.5, y - 4, x, y + 4.5), **common)
    elif cls == "trap":     # a diamond
        svg.add("path", d="M%.1f,%.1f L%.1f,%.1f L%.1f,%.1f L%.1f,%.1f z" % (
            x, y - 5, x + 4.5, y, x, y + 5, x - 4.5, y), **common)
    elif cls == "abort":    # a square
        svg.add("rect", x=x - 4, y=y - 4, width=8, height=8, **common)
    else:                   # an interrupt: a circle
        svg.add("circle", cx=x, cy=y, r=3.8, **common)


def triangle(svg, x, y, direction, color, title):
    d = 4 if direction == "right" else -4
    svg.add("path", title=title, d="M%.1f,%.1f L%.1f,%.1f L%.1f,%.1f z" % (
        x, y - 4, x + d, y, x, y + 4), fill=color)


def draw_timeline(model, title):
    """The timeline SVG of a Model, as text."""
    return Timeline(model, title).draw()


# ---------------------------------------------------------------------------
# The process tree
# ---------------------------------------------------------------------------

NODE_W, NODE_H = 210, 80
GAP_X, GAP_Y = 34, 70
TREE_TOP = 64
ADOPT_MARGIN = 36           # room at the left for the arrows to adoptive parents


def tree_layout(model, left=24.0):
    """{pid: (x, y)} of each box: children below their parent, in fork
    order, each parent centred over its children."""
    roots, kids = tracefile.family(model.procs)
    where, next_x = {}, [left]

    def place(pid, depth):
        y = TREE_TOP + depth * (NODE_H + GAP_Y)
        children = [c for c in kids.get(pid, []) if c not in where]
        where[pid] = None           # taken: guards against loops
        for child in children:
            place(child, depth + 1)
        placed = [where[c][0] for c in children if where.get(c)]
        if placed:
            x = (min(placed) + max(placed)) / 2
            next_x[0] = max(next_x[0], x + NODE_W + GAP_X)
        else:
            x = next_x[0]
            next_x[0] += NODE_W + GAP_X
        where[pid] = (x, y)

    for root in roots:
        place(root, 0)
    return where


def draw_tree(model, title):
    """The process tree SVG of a Model, as text."""
    svg = Svg()
    adoptions = [(pid, parent) for pid, p in sorted(model.procs.items()) if pid != 0
                 for _, parent, _ in p.reparents if parent in model.procs and parent != 0]
    left = 24 + (ADOPT_MARGIN + 10 * len(adoptions) if adoptions else 0)
    where = tree_layout(model, left)
    svg.text(12, 24, title, size=17, bold=True)
    svg.text(12, 44, "process tree: who forked whom, what each ran, how it ended",
             size=11, color=COLOR["muted"])
    for pid in where:
        tree_edge(svg, model, where, pid)
    labels = Placer()
    for i, (pid, parent) in enumerate(adoptions):
        adoption_edge(svg, model, where, pid, parent, left - 18 - 10 * i, 18 + 5 * i, labels)
    for pid, (x, y) in where.items():
        tree_node(svg, model, model.procs[pid], x, y)
    bottom = max([y for _, y in where.values()] + [TREE_TOP]) + NODE_H
    height, legend_w = tree_legend(svg, bottom + 56,
                                   any(not model.procs[pid].traced for pid in where))
    if not where:
        svg.text(24, TREE_TOP + 20, "(no processes in the trace)", size=12)
    width = max([x for x, _ in where.values()] + [0]) + NODE_W + 40
    return svg.document(max(width, legend_w + 12, 480), height)


def tree_edge(svg, model, where, pid):
    p = model.procs[pid]
    if p.parent is None or p.parent not in where:
        return
    (px, py), (cx, cy) = where[p.parent], where[pid]
    x1, y1, x2, y2 = px + NODE_W / 2, py + NODE_H, cx + NODE_W / 2, cy
    mid = y1 + GAP_Y / 2
    inferred = p.parent_known_from != "fork"
    color = "#999999" if inferred else "#444444"
    what = "forked before the trace" if inferred else (p.fork_flags or "fork")
    title = "%s → %s: %s" % (model.proc(p.parent).label, p.label, what)
    if not inferred:
        title += " at %s" % format_duration(p.fork_ts - model.t0)
    svg.add("path", title=title, id="edge-%d-%d" % (p.parent, pid),
            d="M%.1f,%.1f V%.1f H%.1f V%.1f" % (x1, y1, mid, x2, y2 - 1), fill="none",
            stroke=color, stroke_width=1.5, stroke_dasharray="2,3" if inferred else None,
            marker_end=svg.arrow_marker(color))
    svg.text(x2 - 6, y2 - 14, what, size=10, color=COLOR["muted"], anchor="end")


def adoption_edge(svg, model, where, pid, parent, lane_x, drop, labels):
    """A dashed arrow from the adopting process (init) to the orphan. It
    runs down the left margin and along the gap under the orphan's row, so
    that it crosses no box, and enters the orphan from below."""
    if parent not in where or pid not in where:
        return
    (px, py), (cx, cy) = where[parent], where[pid]
    y_gap = cy + NODE_H + drop
    x_in = cx + 22
    color = COLOR["orphan"]
    who = "init" if parent == 1 else model.proc(parent).label
    label = "orphan, adopted by %s" % who
    svg.add("path", title="%s: %s" % (model.proc(pid).label, label),
            id="reparent-%d-%d" % (parent, pid),
            d="M%.1f,%.1f H%.1f V%.1f H%.1f V%.1f" % (
                px, py + NODE_H / 2, lane_x, y_gap, x_in, cy + NODE_H + 1),
            fill="none", stroke=color, stroke_width=1.6, stroke_dasharray="6,4",
            marker_end=svg.arrow_marker(color))
    w = text_width(label, 10)
    if labels.place(lane_x + 6, y_gap + 3, w, 12):
        svg.text(lane_x + 6, y_gap + 13, label, size=10, color=color)


def tree_node(svg, model, p, x, y):
    fill, stroke = ("#ffe8cc", COLOR["orphan"]) if p.orphan else ("#eaf1fb", "#4a78c2")
    if not p.traced:
        fill, stroke = "#eeeeee", "#9a9a9a"
    fate = p.fate
    fate_color = "#c00000" if fate.startswith("killed") else (
        COLOR["muted"] if "at the end" in fate or not p.traced else COLOR["text"])
    svg.begin("g", id="node-%d" % p.pid, title=node_title(model, p))
    svg.add("rect", x=x, y=y, width=NODE_W, height=NODE_H, rx=7, fill=fill, stroke=stroke,
            stroke_width=1.5, stroke_dasharray=None if p.traced else "5,3")
    svg.text(x + 10, y + 18, shorten(p.label, 28), size=13, bold=True)
    svg.text(x + 10, y + 35, program_chain(p.programs, 32), size=11)
    svg.text(x + 10, y + 52, shorten(fate, 32), size=11, color=fate_color,
             bold=fate.startswith("killed"))
    svg.end("g")
    zombie = p.zombie_span(model.t1)
    if zombie:
        zombie_badge(svg, p, x, y, zombie)


def program_chain(programs, n):
    """'sh → hello'; the first and last programs if it is too long."""
    text = " → ".join(programs)
    if len(text) > n and len(programs) > 2:
        text = "%s → … → %s" % (programs[0], programs[-1])
    return shorten(text, n) if programs else "(no program name seen)"


def zombie_badge(svg, p, x, y, zombie):
    """A grey badge at the bottom of the box: how long it was a zombie."""
    start, end, reaped = zombie
    text = "zombie for %s" % format_duration(end - start) if reaped else \
        "zombie, not reaped: %s+" % format_duration(end - start)
    w = text_width(text, 10) + 14
    bx, by = x + 8, y + NODE_H - 22
    svg.begin("g", id="zombie-%d" % p.pid,
              title="%s was a zombie (exited, not yet waited for) for %s" % (
                  p.label, format_duration(end - start)))
    svg.add("rect", x=bx, y=by, width=w, height=17, rx=8, fill="#5f5f5f", stroke="#ffffff")
    svg.text(bx + w / 2, by + 12, text, size=10, color="#ffffff", anchor="middle")
    svg.end("g")


def node_title(model, p):
    at = lambda ts: format_duration(ts - model.t0)  # noqa: E731
    lines = [p.label if p.traced else p.label + ": not traced (seen only through the "
             "events of traced processes)"]
    if p.parent is not None:
        how = "forked at %s" % at(p.fork_ts) if p.parent_known_from == "fork" else \
            "forked before the trace"
        lines.append("child of %s, %s" % (model.proc(p.parent).label, how))
    lines += ["exec %s at %s" % (name, at(ts)) for ts, name in p.execs]
    if p.exit_ts is not None:
        lines.append("%s at %s" % (p.fate, at(p.exit_ts)))
    if p.reap_ts is not None:
        lines.append("reaped by %s at %s" % (model.proc(p.reaper).label, at(p.reap_ts)))
    for ts, parent, old in p.reparents:
        lines.append("orphaned when %s exited; adopted by %s at %s" % (
            model.proc(old).label, model.proc(parent).label, at(ts)))
    return "\n".join(lines)


def tree_legend(svg, y, untraced=False):
    """The legend under the tree; returns (the picture's height, its width).
    untraced: whether the tree has a process that is not traced."""
    x = 12
    items = [
        ("process", lambda x: svg.add("rect", x=x, y=y - 8, width=20, height=12, rx=3,
                                      fill="#eaf1fb", stroke="#4a78c2")),
        ("orphan", lambda x: svg.add("rect", x=x, y=y - 8, width=20, height=12, rx=3,
                                     fill="#ffe8cc", stroke=COLOR["orphan"])),
        ("not traced", lambda x: svg.add("rect", x=x, y=y - 8, width=20, height=12, rx=3,
                                         fill="#eeeeee", stroke="#9a9a9a",
                                         stroke_dasharray="5,3")),
        ("fork", lambda x: svg.add("line", x1=x, y1=y - 2, x2=x + 20, y2=y - 2, stroke="#444444",
                                   stroke_width=1.5, marker_end=svg.arrow_marker("#444444"))),
        ("parent (forked before the trace)", lambda x: svg.add(
            "line", x1=x, y1=y - 2, x2=x + 20, y2=y - 2, stroke="#999999", stroke_width=1.5,
            stroke_dasharray="2,3")),
        ("adopted (reparented)", lambda x: svg.add(
            "line", x1=x, y1=y - 2, x2=x + 20, y2=y - 2, stroke=COLOR["orphan"],
            stroke_width=1.6, stroke_dasharray="6,4")),
        ("zombie: exited, not yet reaped", lambda x: svg.add(
            "rect", x=x, y=y - 9, width=20, height=13, rx=6, fill="#5f5f5f")),
    ]
    for label, draw in items:
        if label == "not traced" and not untraced:
            continue
        draw(x)
        svg.text(x + 26, y + 2, label, size=11)
        x += 26 + text_width(label) + 20
    return y + 20, x


# ---------------------------------------------------------------------------

def main(argv):
    parser = argparse.ArgumentParser(description="Draw a sysret event trace as SVG pictures.")
    parser.add_argument("trace", help="the trace (text read from /proc/trace)")
    parser.add_argument("timeline", help="the timeline SVG to write")
    parser.add_argument("tree", help="the process tree SVG to write")
    parser.add_argument("--title", help="a title for both pictures (default: the file name)")
    args = parser.parse_args(argv[1:])
    trace = tracefile.read(args.trace)
    model = tracefile.analyse(trace)
    title = args.title or os.path.basename(args.trace)
    for path, picture in ((args.timeline, draw_timeline(model, title)),
                          (args.tree, draw_tree(model, title))):
        with open(path, "w", encoding="utf-8") as f:
            f.write(picture)
    print("%s, %s: %d events, %d processes (%d lines skipped, %d events lost)" % (
        args.timeline, args.tree, len(trace.events),
        len([pid for pid in model.procs if pid != 0]), len(trace.skipped), trace.lost_total()))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
