"""The README's table "What the engine runs" says what the engine's allow-list says, row for row."""

from __future__ import annotations

import re
from pathlib import Path

from engine.catalogue.constructs import DOCUMENTED

README = Path(__file__).parents[2] / "README.md"


def table_rows() -> list[tuple[str, bool, str]]:
    section = README.read_text().split("### What the engine runs", 1)[1].split("\n## ", 1)[0]
    rows = [
        line for line in section.splitlines() if line.startswith("| ") and not line.startswith("| construct")
    ]
    cells = [[c.strip().replace("\\|", "|") for c in re.split(r"(?<!\\)\|", row)[1:-1]] for row in rows]
    return [(construct, verdict == "runs", how) for construct, verdict, how in cells]


def test_the_readme_table_is_the_allow_list():
    assert table_rows() == [(v.construct, v.runs, v.how) for v in DOCUMENTED]


def test_every_verdict_the_readme_shows_is_either_runs_or_refused():
    section = README.read_text().split("### What the engine runs", 1)[1].split("\n## ", 1)[0]
    verdicts = {line.split("|")[2].strip() for line in section.splitlines() if line.startswith("| ")}
    assert verdicts == {"verdict", "runs", "refused"}
