"""The audit trail and the usage log are tamper-evident: each row chains to its instance's row before by
hash, and `kanta-onboarding audit verify` finds the first row changed or missing. On SQLite and PostgreSQL."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from engine import InvalidData, Reader
from engine.store.chain import head_of_chain
from engine.store.models import Base
from engine.store.queries import INSTANCE_WITH_HEADS
from tests.integration.test_parties import FOLDER, PROVIDER, VENDOR, start

COMMAND = str(Path(sys.executable).parent / "kanta-onboarding")
READER = Reader("integrator:provider", PROVIDER, True, "GET /api/v1/process-instances/<string:instance_id>")


@pytest.fixture
def parties_engine(engine):
    files = {p.relative_to(FOLDER).as_posix(): p.read_bytes() for p in FOLDER.rglob("*") if p.is_file()}
    engine.deploy(files, actor="analyst:test")
    return engine


def verify(database_url: str) -> tuple[int, str]:
    done = subprocess.run(
        [COMMAND, "audit", "verify", "--database-url", database_url],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    return done.returncode, done.stdout + done.stderr


def onboarding(engine) -> str:
    instance = start(engine)
    [task] = instance.ready_tasks
    engine.complete_task(task.id, {"vendor_business_id": VENDOR}, actor="integrator:provider", party=PROVIDER)
    for _ in range(3):
        engine.get_instance(instance.id, party=PROVIDER, reader=READER)
    return instance.id


def rows(database_url, table, instance_id) -> list[int]:
    database = create_engine(database_url)
    with database.connect() as connection:
        found = connection.execute(
            text(f"SELECT id FROM {table} WHERE instance_id = :i ORDER BY id"), {"i": instance_id}
        )
        ids = [row.id for row in found]
    database.dispose()
    return ids


def tamper(database_url, statement, **values) -> None:
    database = create_engine(database_url)
    with database.begin() as connection:
        connection.execute(text(statement), values)
    database.dispose()


def test_untouched_chains_hold(parties_engine, database_url):
    onboarding(parties_engine)
    status, said = verify(database_url)
    assert status == 0, said
    assert "audit_events: every chain holds" in said and "usage_log: every chain holds" in said


def test_a_changed_audit_event_is_found(parties_engine, database_url):
    instance_id = onboarding(parties_engine)
    changed = rows(database_url, "audit_events", instance_id)[1]
    tamper(database_url, "UPDATE audit_events SET actor = 'admin:nobody' WHERE id = :id", id=changed)
    status, said = verify(database_url)
    assert status == 1
    assert f"audit_events: broken at row {changed}: its content does not match its hash" in said


def test_a_deleted_read_is_found_at_the_read_after_it(parties_engine, database_url):
    instance_id = onboarding(parties_engine)
    _, second, third = rows(database_url, "usage_log", instance_id)
    tamper(database_url, "DELETE FROM usage_log WHERE id = :id", id=second)
    status, said = verify(database_url)
    assert status == 1
    assert f"usage_log: broken at row {third}: it follows a row that is no longer there" in said
    assert "audit_events: every chain holds" in said


def test_an_actions_answer_is_logged_with_the_action(parties_engine, database_url):
    """What an action answers is a read of the instance's data: its usage-log row is written in the action's
    own transaction, chained after the reads before it; a refused action wrote nothing, so it logs nothing."""
    completing = Reader("viewer:nobody", None, False, "POST /api/v1/tasks/<string:task_id>/complete")
    instance = start(parties_engine, reader=READER)
    [task] = instance.ready_tasks
    assert len(rows(database_url, "usage_log", instance.id)) == 1  # the start's answer
    with pytest.raises(InvalidData):
        parties_engine.complete_task(task.id, {"vendor_business_id": ""}, actor="admin:a", reader=completing)
    assert len(rows(database_url, "usage_log", instance.id)) == 1
    data = {"vendor_business_id": VENDOR, "contact_email": "yhteys@aurora.example.fi"}
    answered = parties_engine.complete_task(task.id, data, actor="admin:a", reader=completing)
    assert answered.variables["contact_email"] == "***"  # a viewer sees no personal data
    logged, _start = parties_engine.usage_log(instance_id=instance.id).items  # newest first
    assert (logged["purpose"], logged["masked"]) == (completing.purpose, ["contact_email"])
    assert "vendor_business_id" in logged["fields"]
    status, said = verify(database_url)
    assert status == 0 and "usage_log: every chain holds" in said, said


@pytest.mark.parametrize("table", ["audit_events", "usage_log", "process_instances"])
def test_the_newest_row_of_a_chain_is_read_from_an_index_not_sorted(engine, database_url, table):
    """Every audit event and every read chains from its instance's newest row: finding it must not read and
    sort all the instance's rows, or an often-read instance grows slower with each read. An instance read to
    act on or to show comes with both heads (process_instances), found the same way."""
    if table == "process_instances":
        statement, chains = INSTANCE_WITH_HEADS.params(id="x"), ["audit_events", "usage_log"]
    else:
        statement, chains = head_of_chain(Base.metadata.tables[table]), [table]
    database = create_engine(database_url)
    with database.connect() as connection:
        sql = str(
            statement.params(instance_id="x").compile(connection, compile_kwargs={"literal_binds": True})
        )
        if connection.dialect.name == "sqlite":
            plan = " ".join(str(row[-1]) for row in connection.execute(text("EXPLAIN QUERY PLAN " + sql)))
            assert all(f"SEARCH {chain} USING INDEX" in plan for chain in chains), plan
            assert "TEMP B-TREE" not in plan, plan
        else:
            connection.execute(text("SET enable_seqscan = off"))
            plan = " ".join(row[0] for row in connection.execute(text("EXPLAIN " + sql)))
            assert "Index" in plan and "Sort" not in plan, plan
    database.dispose()
