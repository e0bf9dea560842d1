"""What `serve` found wrong with the catalogue folder at startup, kept for the workers to report.

A catalogue file with a problem must not take the service down: `serve` keeps serving the versions deployed
before (nothing of the folder is deployed, so processes that call each other stay from one catalogue), logs
the problems, and leaves them here, beside the SQLite file and the token digests, where every worker's
``/healthz`` reads them until a startup deploys the folder cleanly.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

from engine import Problem

REPORT = "catalogue-problems.json"


def record(data_dir: Path, folder: str, problems: list[Problem]) -> None:
    report = {
        "folder": folder,
        "checked_at": datetime.now(UTC).isoformat(),
        "files": sorted({problem.file for problem in problems}),
        "problems": [problem.as_dict() for problem in problems],
    }
    path = Path(data_dir) / REPORT
    temporary = path.with_suffix(".tmp")
    temporary.write_text(json.dumps(report, ensure_ascii=False, indent=2))
    temporary.replace(path)  # a worker never reads half a report


def clear(data_dir: Path) -> None:
    (Path(data_dir) / REPORT).unlink(missing_ok=True)


def read(data_dir: Path) -> dict | None:
    try:
        return json.loads((Path(data_dir) / REPORT).read_text())
    except (OSError, ValueError):
        return None
