"""What Linux's /proc tells the bench about a process."""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["cpu_seconds", "peak_rss_mb"]


def cpu_seconds(pid: int) -> float:
    """User + system CPU seconds a process has used."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def peak_rss_mb(pid: int | str = "self") -> float:
    """A process's own peak RSS in MB (VmHWM). Not ru_maxrss: Linux carries that across the
    exec of a spawned child, so a child would report its parent's peak."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no VmHWM for process {pid}")
