"""The hash chains that make the audit trail and the usage log tamper-evident.

Each row of ``audit_events`` and of ``usage_log`` stores the hash of the row before it of the same
instance in the same table (``previous_hash``; empty for an instance's first row) and its own ``hash``:
SHA-256 over that previous hash and the row's content, written canonically. A row changed afterwards no
longer matches its hash; a row deleted leaves the next one pointing at a hash no row has. Two reads logged
at once may both chain from the same row (a fork): each still proves its content and its predecessor, so
``verify`` takes forks and reports only a hash that does not match or a link to nothing. (The last rows of a
chain can be cut off unseen: keep a copy of the newest hashes elsewhere to prove those.)

Rows written before the chains were kept have no hash; ``verify`` counts them and checks the rest.
"""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime
from functools import cache

from sqlalchemy import bindparam, select

# The columns a row's hash covers, per table (never its id, which the database gives, nor the hashes).
COVERED = {
    "audit_events": ("instance_id", "at", "actor", "kind", "element_id", "task_id", "data"),
    "usage_log": ("instance_id", "at", "actor", "party", "fields", "masked", "purpose"),
}


def row_hash(table: str, previous: str, row) -> str:
    content = {column: _canonical(_get(row, column)) for column in COVERED[table]}
    text = json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(f"{previous}\n{text}".encode()).hexdigest()


def chained(connection, table, rows: list[dict], heads: dict[tuple[str, str | None], str]) -> list[dict]:
    """``rows`` (to be inserted into ``table``, in order) with their previous hash and their own.

    ``heads`` are the chain heads the transaction knows, (table name, instance id) -> hash: read with the
    instance (``Store.instance``) or written by the transaction itself; a head it does not know is
    read, and every row written becomes its chain's head. So a unit of work that read its instance and
    writes its audit rows and its answer's usage row reads no head apart."""
    for row in rows:
        key = (table.name, row.get("instance_id"))
        if key not in heads:
            heads[key] = _read_head(connection, table, key[1])
        row["previous_hash"] = heads[key]
        row["hash"] = heads[key] = row_hash(table.name, row["previous_hash"], row)
    return rows


def broken_link(connection, table) -> tuple[int | None, str | None, int]:
    """(id of the first row that breaks its instance's chain, why, rows without a hash); (None, None, n)
    when every chain holds."""
    known: dict[str | None, set[str]] = {}
    unhashed = 0
    for row in connection.execute(select(table).order_by(table.c.id)):
        if row.hash is None:
            unhashed += 1
            continue
        seen = known.setdefault(row.instance_id, {""})
        if row.previous_hash not in seen:
            return row.id, "it follows a row that is no longer there (a row was deleted or changed)", unhashed
        if row_hash(table.name, row.previous_hash, row) != row.hash:
            return row.id, "its content does not match its hash (the row was changed)", unhashed
        seen.add(row.hash)
    return None, None, unhashed


def _read_head(connection, table, instance_id: str | None) -> str:
    if instance_id is None:
        return connection.execute(head_of_chain(table, of_no_instance=True)).scalar() or ""
    return connection.execute(head_of_chain(table), {"instance_id": instance_id}).scalar() or ""


@cache
def head_of_chain(table, of_no_instance: bool = False):
    """The hash of an instance's newest hashed row in ``table`` (``of_no_instance``: of the rows of no
    instance, a deployment's): built once, bound per call, and read from the (instance_id, id) index, so it
    costs the same however many rows the instance has."""
    whose = (
        table.c.instance_id.is_(None) if of_no_instance else table.c.instance_id == bindparam("instance_id")
    )
    return select(table.c.hash).where(whose, table.c.hash.is_not(None)).order_by(table.c.id.desc()).limit(1)


def head_beside(table, instance_id_column):
    """The head of each instance's chain in ``table``, as a column of a statement that reads instances."""
    return (
        select(table.c.hash)
        .where(table.c.instance_id == instance_id_column, table.c.hash.is_not(None))
        .order_by(table.c.id.desc())
        .limit(1)
        .scalar_subquery()
    )


def _get(row, column):
    return row.get(column) if isinstance(row, dict) else getattr(row, column)


def _canonical(value):
    if isinstance(value, datetime):  # aware UTC in Python, naive UTC in the database: one form for both
        value = value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
        return value.isoformat()
    return value
