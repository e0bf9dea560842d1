"""A Camunda-7-compatible REST subset at ``/engine-rest``, for the clients integrators already run.

Camunda's request and response shapes, status codes and error bodies, over the same bearer tokens and
roles as /api/v1 and through the same engine calls: nothing here reads or writes the data another way.
What the subset leaves out answers Camunda's 404 shape. One module per Camunda resource; ``variables``
converts typed variables both ways.
"""

from __future__ import annotations

from ..auth import READ, requires
from . import engine_info, errors, external_tasks, messages, process_definitions, process_instances, tasks
from .blueprint import blp

_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"]


@blp.route("", methods=_METHODS, defaults={"rest": ""})
@blp.route("/<path:rest>", methods=_METHODS)
@requires(READ)
def outside_the_subset(rest):
    """Any other path or method under /engine-rest (a known path with another method too: werkzeug prefers
    a rule that takes the method)."""
    raise errors.not_in_subset(f"/engine-rest/{rest}")


errors.register(blp)

__all__ = [
    "blp",
    "engine_info",
    "external_tasks",
    "messages",
    "process_definitions",
    "process_instances",
    "tasks",
]
