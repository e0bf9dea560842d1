"""Helpers for the tests that drive the real catalogue (``processes/``) through the engine."""

from __future__ import annotations

from pathlib import Path

from engine import Engine

CATALOGUE = Path(__file__).resolve().parents[2] / "processes"


def deployed_catalogue(tmp_path, clock):
    """An engine on a fresh SQLite file with the catalogue deployed (a fixture body: ``yield from``)."""
    running = Engine(f"sqlite:///{tmp_path / 'catalogue.sqlite3'}", clock_source=clock)
    running.deploy_folder(CATALOGUE, actor="analyst:test")
    yield running
    running.close()


def complete_task_of(engine, instance, element_id, data, actor):
    """Complete the one ready task of ``element_id``; answers where the instance then stands."""
    matching = [t for t in instance.ready_tasks if t.element_id == element_id]
    assert len(matching) == 1, (element_id, sorted(t.element_id for t in instance.ready_tasks))
    return engine.complete_task(matching[0].id, data, actor=actor)


def ended_at(engine, instance) -> list[str]:
    """The end events the instance (and the processes it called) reached, in order."""
    return [
        e.element_id
        for e in engine.history(instance.id)
        if e.kind == "element_completed" and (e.element_id or "").startswith("End_")
    ]
