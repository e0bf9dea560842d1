"""The statements about parties: who plays which lane of an instance, and the conditions that scope a list
or a lookup to what one party may see and do (a filter in the query, never a filter of a page read)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import and_, bindparam, delete, exists, insert, select

from .chain import chained
from .models import InstanceParty, UsageLogEntry

_parties = InstanceParty.__table__
_usage = UsageLogEntry.__table__
# Statements every write or answer runs, built once: each call only binds its values.
_PARTIES_OF = (
    select(_parties.c.lane, _parties.c.party)
    .where(_parties.c.instance_id == bindparam("instance_id"))
    .order_by(_parties.c.id)
)
_INSERT_USAGE = insert(_usage)


def participates(party: str, instance_id_column):
    """The rows whose instance ``party`` plays a lane of."""
    return instance_id_column.in_(select(_parties.c.instance_id).where(_parties.c.party == party))


def plays_lane(party: str, instance_id_column, lane_column):
    """The rows whose lane, in their instance, ``party`` plays."""
    return exists().where(
        and_(
            _parties.c.instance_id == instance_id_column,
            _parties.c.lane == lane_column,
            _parties.c.party == party,
        )
    )


class PartyQueries:
    """The party part of ``Store`` (same connection, same transaction)."""

    def parties_of(self, instance_id: str) -> dict[str, str]:
        """Lane name -> the party that plays it in this instance (read once per transaction)."""
        known = self.known_parties.get(instance_id)
        if known is None:
            rows = self.connection.execute(_PARTIES_OF, {"instance_id": instance_id})
            known = self.known_parties[instance_id] = {lane: party for lane, party in rows}
        return dict(known)

    def bind_parties(self, instance_id: str, changed: dict[str, str], at: datetime, actor: str) -> None:
        """Let the parties ``changed`` play their lanes (lane -> party), in place of whoever played them."""
        if not changed:
            return
        if instance_id in self.known_parties:
            self.known_parties[instance_id] = self.known_parties[instance_id] | changed
        self.connection.execute(
            delete(_parties).where(_parties.c.instance_id == instance_id, _parties.c.lane.in_(list(changed)))
        )
        self.connection.execute(
            insert(_parties),
            [
                {"instance_id": instance_id, "lane": lane, "party": party, "bound_at": at, "bound_by": actor}
                for lane, party in changed.items()
            ],
        )

    def log_usage(self, entry: dict) -> None:
        [row] = chained(self.connection, _usage, [entry], self.chain_heads)
        self.connection.execute(_INSERT_USAGE, row)

    def usage_page(self, instance_id: str | None, limit: int, offset: int):
        query = select(_usage)
        if instance_id is not None:
            query = query.where(_usage.c.instance_id == instance_id)
        total, exact = self._count(query)
        rows = self._rows(query.order_by(_usage.c.at.desc(), _usage.c.id.desc()).limit(limit).offset(offset))
        return [dict(r._mapping) for r in rows], total, exact
