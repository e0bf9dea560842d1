"""The service's settings and their defaults, read from the environment (``KANTA_*``) in this one place.

A value given on the command line wins over the environment, the environment over the default.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, fields
from datetime import datetime, timedelta
from pathlib import Path

from limits import parse

from engine import ManualClock, SystemClock

ENVIRONMENT_PREFIX = "KANTA_"
DEFAULT_DATA_DIR = "data"
# Where a user's admin token digests are kept, in the data folder (see `serve`'s first admin token).
TOKEN_DIGESTS = "tokens.digests"


def default_database_url(data_dir: str | Path) -> str:
    """SQLite in the data folder: what one machine runs on when no database is named."""
    return f"sqlite:///{Path(data_dir).resolve()}/kanta.sqlite3"


@dataclass(frozen=True)
class Settings:
    """Each field is read from ``KANTA_<FIELD NAME>``: ``KANTA_DATA_DIR``, ``KANTA_DATABASE_URL``, …"""

    data_dir: str = DEFAULT_DATA_DIR
    database_url: str = ""  # empty: SQLite in the data folder
    processes_dir: str = "processes"
    # comma-separated role:token, role:name:token or role:name:token:party entries (see api/auth.py)
    tokens: str = ""
    # OpenID Connect (api/oidc.py): the issuer, the audience and the JWKS URL turn it on, all three or none
    oidc_issuer: str = ""
    oidc_audience: str = ""
    oidc_jwks_url: str = ""
    # the claims the role, the party and the audit trail's name are read from (dotted: a nested claim)
    oidc_role_claim: str = "kanta_role"
    oidc_party_claim: str = "kanta_party"
    oidc_name_claim: str = "sub"
    # refuse (the default): a viewer or integrator token names its party; allow: one without a party sees
    # and does everything (development only)
    unscoped_tokens: str = "refuse"
    # seconds between the rounds of each API process's background timer thread; 0: no thread
    timer_interval: str = "5"
    # system, or adjustable[@ISO time] (see clock_from_setting)
    clock: str = "system"
    # requests with an unknown token one client address may send before it is answered 429 (api/security.py)
    failed_auth_limit: str = "10/minute"
    # how many proxies in front of the service (TLS-terminating, load balancers) set X-Forwarded-*; 0: none
    trusted_proxies: str = "0"
    # hours the Idempotency-Key of a delivered message answers its repeats (engine/message_keys.py)
    message_key_hours: str = "24"

    @classmethod
    def from_environment(cls, environ: Mapping[str, str] | None = None, **given: str | None) -> Settings:
        """The settings ``given`` (None: not given), the rest from ``environ`` (default: this process's
        environment), the rest their defaults. An empty value counts as not set."""
        environ = os.environ if environ is None else environ
        values = {}
        for field in fields(cls):
            value = given.pop(field.name, None) or environ.get(ENVIRONMENT_PREFIX + field.name.upper())
            if value:
                values[field.name] = str(value)
        if given:
            raise TypeError(f"no such setting: {', '.join(sorted(given))}")
        return cls(**values)

    def __post_init__(self) -> None:
        if not self.database_url:
            object.__setattr__(self, "database_url", default_database_url(self.data_dir))

    def as_config(self) -> dict:
        """The Flask configuration of these settings; a ValueError names a setting that can not be used."""
        return {
            "KANTA_DATA_DIR": self.data_dir,
            "KANTA_DATABASE_URL": self.database_url,
            "KANTA_PROCESSES_DIR": self.processes_dir,
            "KANTA_TOKENS": self.tokens,
            "KANTA_UNSCOPED_TOKENS": unscoped_tokens_from_setting(self.unscoped_tokens),
            "KANTA_OIDC_ISSUER": self.oidc_issuer,
            "KANTA_OIDC_AUDIENCE": self.oidc_audience,
            "KANTA_OIDC_JWKS_URL": self.oidc_jwks_url,
            "KANTA_OIDC_ROLE_CLAIM": self.oidc_role_claim,
            "KANTA_OIDC_PARTY_CLAIM": self.oidc_party_claim,
            "KANTA_OIDC_NAME_CLAIM": self.oidc_name_claim,
            "KANTA_TIMER_INTERVAL": timer_interval_from_setting(self.timer_interval),
            "KANTA_CLOCK": clock_from_setting(self.clock),
            "KANTA_FAILED_AUTH_LIMIT": failed_authentication_limit(self.failed_auth_limit),
            "KANTA_TRUSTED_PROXIES": trusted_proxies_from_setting(self.trusted_proxies),
            "KANTA_MESSAGE_KEY_HOURS": message_key_hours_from_setting(self.message_key_hours),
        }


def unscoped_tokens_from_setting(setting: str) -> bool:
    """``KANTA_UNSCOPED_TOKENS``: whether viewer and integrator tokens without a party are taken."""
    if setting not in ("refuse", "allow"):
        raise ValueError(
            f"KANTA_UNSCOPED_TOKENS is {setting!r}: write refuse (every viewer and integrator token names "
            "its party) or allow (development: a token without a party sees and does everything)"
        )
    return setting == "allow"


def trusted_proxies_from_setting(setting: str) -> int:
    """``KANTA_TRUSTED_PROXIES``: how many proxies stand in front of the service, each adding its hop to
    ``X-Forwarded-For``/``-Proto``/``-Host``/``-Port``. Only that many hops are believed: a header a client
    sends itself, past the last trusted proxy, is ignored."""
    if not setting.isdigit():
        raise ValueError(
            f"KANTA_TRUSTED_PROXIES is {setting!r}: write how many proxies in front of the service set "
            "X-Forwarded-* headers, e.g. 1 behind one TLS-terminating proxy, or 0 for none"
        )
    return int(setting)


def message_key_hours_from_setting(setting: str) -> timedelta:
    """``KANTA_MESSAGE_KEY_HOURS``: how long a delivered message's Idempotency-Key answers a repeat of it
    with the first answer; after that the key is forgotten (its answer holds the instance's variables)."""
    try:
        hours = float(setting)
    except ValueError:
        hours = 0.0
    if not 0 < hours <= 24 * 366:
        raise ValueError(
            f"KANTA_MESSAGE_KEY_HOURS is {setting!r}: write the hours a delivered message's Idempotency-Key "
            "answers its repeats, more than 0 and at most a year, e.g. 24"
        )
    return timedelta(hours=hours)


def timer_interval_from_setting(setting: str) -> float:
    try:
        return float(setting)
    except ValueError:
        raise ValueError(
            f"KANTA_TIMER_INTERVAL is {setting!r}: write the seconds between rounds of firing due timers, "
            "e.g. 5, or 0 for no timer thread"
        ) from None


def clock_from_setting(setting: str):
    """``system`` (the default: wall-clock time) or ``adjustable[@ISO-time]``: a clock that stands still
    until POST /api/v1/clock/advance moves it, starting now or at the time given. An adjustable clock
    lives in one process, so it serves acceptance tests and training with one worker."""
    kind, _, start = setting.partition("@")
    if kind == "system" and not start:
        return None
    if kind != "adjustable":
        raise ValueError(f"KANTA_CLOCK is {setting!r}: write system, adjustable or adjustable@<ISO time>")
    if not start:
        return ManualClock(SystemClock().now())
    moment = datetime.fromisoformat(start)
    if moment.tzinfo is None:
        raise ValueError(f"KANTA_CLOCK start {start!r} needs a timezone, e.g. 2026-01-05T09:00:00+02:00")
    return ManualClock(moment)


def failed_authentication_limit(setting: str) -> str:
    """``KANTA_FAILED_AUTH_LIMIT``: how many requests with an unknown token one address may send, e.g.
    ``10/minute``; a ValueError says how to write it."""
    try:
        parse(setting)
    except ValueError:
        raise ValueError(
            f"KANTA_FAILED_AUTH_LIMIT is {setting!r}: write how many unknown tokens one address may send "
            "in a period, e.g. 10/minute or 100/hour"
        ) from None
    return setting
