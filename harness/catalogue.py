"""A changed copy of a catalogue: the same processes with every diagram's documentation changed, so that
deploying it makes a new version of each one whose elements all differ from the first."""

from __future__ import annotations

from pathlib import Path

SUFFIXES = (".bpmn", ".dmn", ".json")


def changed_copy(processes: Path) -> dict[str, bytes]:
    """The catalogue's files by their path inside it (``forms/x.json``), ready to upload."""
    files = {}
    for path in sorted(processes.rglob("*")):
        if path.is_file() and path.suffix in SUFFIXES:
            content = path.read_bytes()
            if path.suffix == ".bpmn":
                content = content.replace(b"</bpmn:documentation>", b" (v2)</bpmn:documentation>")
            files[path.relative_to(processes).as_posix()] = content
    return files
