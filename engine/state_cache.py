"""The workflows this process moved last, exactly as they were committed.

Restoring an instance's state from its stored text is the largest single cost of a unit of work, and the
next call on an instance usually reaches the process that made the last one (a keep-alive connection, a
person working through a form). A unit of work that finds its instance here at the very revision it
read from the store takes that workflow instead of restoring it. A workflow is taken out while a unit
of work acts on it, so an attempt that fails or is refused never leaves a half-moved workflow behind, and
is put back only after a commit, under its new revision: any other writer's change (another process, a
migration) changes the revision, and the stored state is restored as always.

Beside each workflow is who played its lanes at that revision: parties are bound only by the unit of work
that writes the instance (``write_run``), so the revision vouches for them too, and a unit of work that
takes the workflow does not read them again. So does the workflow's standing (which tasks completed, were
cancelled, wait outside as external tasks) as the run that committed it read it after it moved: the next
run compares with it instead of walking the tree before it acts.
"""

from __future__ import annotations

import threading
from collections import OrderedDict


class StateCache:
    def __init__(self, size: int = 256):
        self._size = size
        self._workflows: OrderedDict[str, tuple[int, object, dict[str, str], object]] = OrderedDict()
        self._lock = threading.Lock()

    def take(self, instance_id: str, revision: int) -> tuple[object, dict[str, str], object] | None:
        """The committed workflow of ``instance_id`` at ``revision``, who played its lanes (lane -> party)
        and its standing, or None; it leaves the cache."""
        with self._lock:
            kept = self._workflows.pop(instance_id, None)
        if kept is None or kept[0] != revision:
            return None
        return kept[1], kept[2], kept[3]

    def keep(self, instance_id: str, revision: int, workflow, parties: dict[str, str], standing) -> None:
        with self._lock:
            self._workflows[instance_id] = (revision, workflow, dict(parties), standing)
            self._workflows.move_to_end(instance_id)
            while len(self._workflows) > self._size:
                self._workflows.popitem(last=False)
