"""The machine a run came from, and where its CPU time went (Linux /proc), to say what bounds a figure."""

from __future__ import annotations

import os
import platform
import resource
import sqlite3
from importlib import metadata
from pathlib import Path

_TICKS = os.sysconf("SC_CLK_TCK")


def facts() -> dict:
    model = "unknown"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            model = line.split(":", 1)[1].strip()
            break
    memory_kb = next(
        int(line.split()[1])
        for line in Path("/proc/meminfo").read_text().splitlines()
        if line.startswith("MemTotal")
    )
    return {
        "nproc": os.cpu_count(),
        "cpu_model": model,
        "memory_gib": round(memory_kb / 1024 / 1024, 1),
        "kernel": platform.release(),
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "spiffworkflow": metadata.version("SpiffWorkflow"),
        "sqlalchemy": metadata.version("SQLAlchemy"),
        "gunicorn": metadata.version("gunicorn"),
        "psycopg": metadata.version("psycopg"),
    }


def _process_seconds(pid: int) -> float:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / _TICKS  # utime + stime


def _children(parents: set[int], by_pgid: int | None = None) -> set[int]:
    found = set(parents)
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            fields = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        ppid, pgid = int(fields[1]), int(fields[2])
        if ppid in parents or (by_pgid is not None and pgid == by_pgid):
            found.add(int(entry))
    return found


def _system_ticks() -> tuple[int, int]:
    values = [int(v) for v in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    idle = values[3] + values[4]  # idle + iowait
    return sum(values), idle


class CpuMeter:
    """CPU seconds spent between ``start()`` and ``stop()`` by the server (its process group), PostgreSQL
    (the postmaster and its children), this driver, and the whole machine (busy fraction of all cores:
    anything else running on the machine shows here)."""

    def __init__(self, server_pid: int | None = None, postmaster_pid: int | None = None):
        self.server_pid, self.postmaster_pid = server_pid, postmaster_pid

    def _sample(self) -> dict:
        server = _children({self.server_pid}, by_pgid=self.server_pid) if self.server_pid else set()
        postgres = _children({self.postmaster_pid}) if self.postmaster_pid else set()
        usage = resource.getrusage(resource.RUSAGE_SELF)
        total, idle = _system_ticks()
        return {
            "server": {pid: _process_seconds(pid) for pid in server},
            "postgres": {pid: _process_seconds(pid) for pid in postgres},
            "driver": usage.ru_utime + usage.ru_stime,
            "system": (total, idle),
        }

    def start(self) -> None:
        self._before = self._sample()

    def stop(self, wall_seconds: float) -> dict:
        after, before = self._sample(), self._before

        def spent(group: str) -> float:
            return sum(value - before[group].get(pid, 0.0) for pid, value in after[group].items())

        total = after["system"][0] - before["system"][0]
        idle = after["system"][1] - before["system"][1]
        return {
            "server_cpu_s": round(spent("server"), 2),
            "postgres_cpu_s": round(spent("postgres"), 2),
            "driver_cpu_s": round(after["driver"] - before["driver"], 2),
            "machine_busy": round(1 - idle / total, 3) if total else None,
            "wall_s": round(wall_seconds, 2),
        }


def postmaster_pid(data_directory: Path) -> int | None:
    try:
        return int((Path(data_directory) / "postmaster.pid").read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return None
