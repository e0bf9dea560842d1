"""The Idempotency-Key of a message delivered to an instance that waited for it.

It is kept with the delivery's answer in the delivery's own transaction, so the same message sent again
with the key (a client's retry after a lost answer, or two copies at once) is answered as the first was,
status and body, and delivered once. Another message under the key is refused with 409, as a key that
started an instance is when it comes with another message. A key answers its repeats for ``KEPT`` (the
engine's ``message_keys_kept``, ``KANTA_MESSAGE_KEY_HOURS``): it is for retries, not a record, and the
answer it keeps holds the instance's variables. A message that started an instance keeps its key on the
instance, as a start does (``messages._start_by_message``)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from datetime import datetime, timedelta
from functools import cache

from .problems import Conflict
from .results import InstanceView
from .store.queries import Store
from .vocabulary import Refusal

KEPT = timedelta(hours=24)


@cache
def _answers():
    """The answer kept as JSON and read back as the view it was, datetimes and nested views included. Made
    on first use, not at import: pydantic and the adapter take a few tenths of a second on a busy machine,
    which every command (``validate``, ``migrate``) would pay."""
    from pydantic import TypeAdapter

    return TypeAdapter(InstanceView)


def request_hash(
    name: str, business_key: str | None, instance_id: str | None, correlation_keys: Mapping, payload: Mapping
) -> str:
    """What makes a message the same message: its name, how it names its instance and its payload."""
    sent = {
        "name": name,
        "business_key": business_key,
        "instance_id": instance_id,
        "correlation_keys": dict(correlation_keys),
        "payload": dict(payload),
    }
    text = json.dumps(sent, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode()).hexdigest()


def first_answer(
    store: Store, party: str | None, key: str, request: str, now: datetime
) -> InstanceView | None:
    """What the delivery ``party`` made with ``key`` answered, or None when it made none (or it expired);
    Conflict when that delivery was of another message."""
    kept = store.message_key(party, key, now)
    if kept is None:
        return None
    if kept.request_hash != request:
        raise Conflict(
            f"the idempotency key was already used to deliver another message to instance "
            f"{kept.answer['id']}: send this one with a key of its own",
            Refusal.MESSAGE_KEY_USED,
            {"instance_id": kept.answer["id"]},
        )
    return _answers().validate_python(kept.answer)


def claim(store: Store, party: str | None, key: str, request: str, now: datetime, kept: timedelta) -> None:
    """Keep ``key`` for the delivery this transaction makes; IntegrityError when another kept it meanwhile."""
    store.claim_message_key(party, key, request, now, now + kept)


def keep_answer(store: Store, party: str | None, key: str, answer: InstanceView) -> None:
    store.answer_message_key(party, key, _answers().dump_python(answer, mode="json"))
