"""Every id in a path of /api/v1 and /engine-rest, whatever it holds, finds its thing or answers 404: never a
5xx, on SQLite and on PostgreSQL (which, unlike SQLite, refuses a NUL in text and an integer past its
columns' range). The paths are read from the app's own routes, so a new one is checked without being
listed here."""

from __future__ import annotations

import re
import uuid

import pytest

from .conftest import auth

# What a client may put where an id goes: each on its own in every id of every path.
TEXT_IDS = [
    "not-a-uuid",
    str(uuid.uuid4()),  # the shape of an id, of nothing
    str(uuid.uuid4()).upper(),
    "x" * 300,  # longer than any id column
    "a%00b",  # a NUL
    "%F0%9F%98%80",  # outside the Basic Multilingual Plane
    "1%27%20OR%20%271%27%3D%271",
    "simple_onboarding:99999999999999999999",  # a definition id whose version no database integer holds
]
NUMBER_IDS = ["0", "2147483648", "99999999999999999999"]  # past a 32-bit and a 64-bit integer
# What a route needs besides its ids, so that only the id can be what it refuses.
QUERIES = {"migration-plan": "?to=1"}
# Refusing the body before looking the id up is as good as a 404: nothing was found, nothing broke.
REFUSED = {400, 404, 422}


@pytest.fixture
def app(app_on_each_database):
    return app_on_each_database


def id_paths(app) -> list[tuple[str, str, str]]:
    """(method, path, what was put in) for every route with an id, every way of filling its ids."""
    found = []
    for rule in app.url_map.iter_rules():
        if not rule.arguments or not rule.rule.startswith(("/api/v1/", "/engine-rest/")):
            continue
        if "<path:" in rule.rule:
            continue  # the catch-all of what /engine-rest leaves out
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            for name in rule.arguments:
                numbers = re.search(rf"<int:{name}>", rule.rule) is not None
                for value in NUMBER_IDS if numbers else TEXT_IDS:
                    path = re.sub(rf"<(?:\w+:)?{name}>", value, rule.rule)
                    path = re.sub(r"<(?:\w+:)?(\w+)>", lambda m: "simple_onboarding", path)
                    found.append((method, path + QUERIES.get(path.rsplit("/", 1)[-1], ""), value))
    return found


def test_every_id_in_a_path_finds_nothing_with_a_404_never_a_5xx(app):
    client = app.test_client()
    tried, wrong = 0, []
    for method, path, _value in id_paths(app):
        response = client.open(path, method=method, headers=auth("admin"), json={})
        tried += 1
        expected = {404} if method in ("GET", "DELETE") else REFUSED
        if response.status_code not in expected:
            wrong.append((method, path, response.status_code, response.get_data(as_text=True)[:300]))
    assert wrong == []
    assert tried > 200  # every route with an id was tried, each with every kind of id
