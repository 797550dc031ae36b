"""Progress of a long import on stderr: a bar with the count and the time
left on a terminal, one plain line per tenth otherwise (logs, cron)."""

import sys
import time

from dakto.policy.commands import t


WIDTH = 30


def _clock(seconds):
    seconds = max(0, int(seconds))
    return f"{seconds // 60:d}:{seconds % 60:02d}"


class Progress:
    def __init__(self, stream=None, label=""):
        self.stream = stream or sys.stderr
        self.tty = hasattr(self.stream, "isatty") and self.stream.isatty()
        self.label = label
        self.start = time.monotonic()
        self.last = 0.0
        self.step = None

    def line(self, done, total):
        elapsed = time.monotonic() - self.start
        left = elapsed / done * (total - done) if done else 0
        return t(
            "${label} ${done}/${total} (${percent}%), ${left} left",
            label=self.label,
            done=done,
            total=total,
            percent=done * 100 // total if total else 100,
            left=_clock(left),
        )

    def __call__(self, done, total):
        if self.tty:
            now = time.monotonic()
            if done != total and now - self.last < 0.2:
                return
            self.last = now
            filled = WIDTH * done // total if total else WIDTH
            bar = "#" * filled + "-" * (WIDTH - filled)
            end = "\n" if done == total else ""
            self.stream.write(f"\r[{bar}] {self.line(done, total)}{end}")
            self.stream.flush()
            return
        if self.step is None:
            self.step = max(1, total // 10)
        if done % self.step == 0 or done == total:
            self.stream.write(self.line(done, total) + "\n")
            self.stream.flush()
