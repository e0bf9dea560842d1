"""The statements about the idempotency keys of delivered messages (``message_keys``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import bindparam, delete, insert, select, tuple_, update

from .models import MessageKey

_keys = MessageKey.__table__
_THE_KEY = (_keys.c.party == bindparam("the_party"), _keys.c.key == bindparam("the_key"))
_KEPT = select(_keys).where(*_THE_KEY, _keys.c.expires_at > bindparam("now"))
_FORGET_EXPIRED = delete(_keys).where(*_THE_KEY, _keys.c.expires_at <= bindparam("now"))
_CLAIM = insert(_keys)
_ANSWER = update(_keys).where(*_THE_KEY).values(answer=bindparam("the_answer"))
# Expired keys are swept a few at a time by the deliveries that keep one, skipping rows another transaction
# holds, so that no delivery waits for another's sweep.
SWEPT_AT_ONCE = 100


@dataclass(frozen=True)
class MessageKeyRecord:
    party: str
    key: str
    request_hash: str
    answer: dict | None
    delivered_at: datetime
    expires_at: datetime


class MessageKeyQueries:
    """The message-key part of ``Store`` (same connection, same transaction)."""

    def message_key(self, party: str | None, key: str, now: datetime) -> MessageKeyRecord | None:
        """The delivery ``party`` (None: a caller of no party) made with ``key``, unless it has expired."""
        row = self.connection.execute(_KEPT, {"the_party": party or "", "the_key": key, "now": now}).first()
        return MessageKeyRecord(**row._mapping) if row else None

    def claim_message_key(
        self, party: str | None, key: str, request_hash: str, now: datetime, until: datetime
    ) -> None:
        """Keep ``key`` for a delivery this transaction makes (its answer follows, ``answer_message_key``).
        Its expired use is forgotten first; while another transaction holds the key this waits for it, and
        raises IntegrityError once that one has committed it. The first statement of a delivery: on SQLite
        it takes the writer lock before anything is read, so what follows reads the latest commit."""
        self.connection.execute(_FORGET_EXPIRED, {"the_party": party or "", "the_key": key, "now": now})
        row = {"request_hash": request_hash, "delivered_at": now, "expires_at": until, "answer": None}
        self.connection.execute(_CLAIM, {"party": party or "", "key": key, **row})
        expired = (
            select(_keys.c.party, _keys.c.key)
            .where(_keys.c.expires_at <= now)
            .limit(SWEPT_AT_ONCE)
            .with_for_update(skip_locked=True)
        )
        self.connection.execute(delete(_keys).where(tuple_(_keys.c.party, _keys.c.key).in_(expired)))

    def answer_message_key(self, party: str | None, key: str, answer: dict) -> None:
        """What the delivery that claimed ``key`` answered, kept in the same transaction."""
        self.connection.execute(_ANSWER, {"the_party": party or "", "the_key": key, "the_answer": answer})
