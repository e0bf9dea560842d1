"""The migration that indexes the values message waits are correlated by fills them in for the waits stored
before it, from each definition's contract and each instance's variables, on SQLite and on PostgreSQL."""

from __future__ import annotations

import json

from alembic import command
from sqlalchemy import select

from engine.store.database import alembic_config, connect
from engine.store.models import MessageSubscription
from tests.api.test_message_correlation import CONTRACT, DIAGRAM


def test_waits_stored_before_the_index_are_found_after_it(engine, database_url):
    engine.deploy(
        {
            "numbered_application.bpmn": DIAGRAM.encode(),
            "messages/kela_numbered_decision.json": json.dumps(CONTRACT).encode(),
        },
        actor="analyst:test",
    )
    start = engine.start_instance
    waiting = [
        start("numbered_application", actor="integrator:t", variables={"kela_application_number": number})
        for number in ("K-1", "K-" + "2" * 200, 3)
    ]
    database = connect(database_url)
    with database.begin() as connection:
        config = alembic_config()
        config.attributes["connection"] = connection
        command.downgrade(config, "0012")  # as the waits were stored before
        command.upgrade(config, "head")
    with database.connect() as connection:
        rows = connection.execute(
            select(MessageSubscription.instance_id, MessageSubscription.correlation_value)
        )
        kept = dict(rows.all())
    database.dispose()
    assert kept[waiting[0].id] == "K-1"
    assert kept[waiting[1].id].startswith("sha256:")
    assert kept[waiting[2].id] is None  # a number: no payload's text matches it
    payload = {"application_number": "K-" + "2" * 200, "decision": "approved"}
    delivered = engine.deliver_message("kela_numbered_decision", actor="integrator:t", payload=payload)
    assert (delivered.id, delivered.status) == (waiting[1].id, "completed")
